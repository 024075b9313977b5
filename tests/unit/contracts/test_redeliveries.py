from __future__ import annotations

import pytest

from contracts.errors import ErrorCategory
from contracts.redeliveries import Redelivery, is_final, redelivery_of


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        (ErrorCategory.DEPENDENCY, Redelivery.UNBOUNDED),
        (ErrorCategory.SERVICE, Redelivery.BOUNDED),
        (ErrorCategory.VALIDATION, Redelivery.NONE),
        (ErrorCategory.DEPENDENCY_VALIDATION, Redelivery.NONE),
    ],
)
def test_should_give_every_category_its_redelivery(
    category: ErrorCategory, expected: Redelivery
) -> None:
    # when
    actual = redelivery_of(category)

    # then
    assert actual is expected


def test_should_call_final_only_what_is_dead_lettered_at_once() -> None:
    # when
    actual_final = {category for category in ErrorCategory if is_final(category)}

    # then
    assert actual_final == {ErrorCategory.VALIDATION, ErrorCategory.DEPENDENCY_VALIDATION}

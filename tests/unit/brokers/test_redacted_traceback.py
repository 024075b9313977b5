"""A bug's traceback in a log line: its frames and types, never what the errors say."""

from __future__ import annotations

from faker import Faker

from brokers.loggings import redacted_traceback


class OuterError(Exception):
    pass


def store(email: str) -> None:
    raise ValueError(email)


def add(email: str) -> None:
    try:
        store(email)
    except ValueError as error:
        raise OuterError(email) from error


def raised_by_add(email: str) -> Exception:
    try:
        add(email)
    except OuterError as error:
        return error
    raise AssertionError  # pragma: no cover - add always raises


def test_should_give_the_frames_and_types_of_every_error_in_the_chain(faker: Faker) -> None:
    # given
    email = faker.email(safe=True)
    input_error = raised_by_add(email)

    # when
    actual_lines = redacted_traceback(input_error)

    # then: the outer error's frames and type, then the one it was raised from
    assert [line for line in actual_lines if " in " not in line] == ["OuterError", "ValueError"]
    outer_end = actual_lines.index("OuterError")
    assert actual_lines[outer_end - 1].endswith(" in add")
    assert actual_lines[-2].endswith(" in store")
    assert email not in repr(actual_lines)


def test_should_stop_at_a_suppressed_context() -> None:
    # given
    try:
        try:
            raise_value_error()
        except ValueError:
            raise_key_error_from_none()
    except KeyError as error:
        input_error: Exception = error

    # when
    actual_lines = redacted_traceback(input_error)

    # then
    assert actual_lines[-1] == "KeyError"
    assert "ValueError" not in actual_lines


def raise_value_error() -> None:
    raise ValueError


def raise_key_error_from_none() -> None:
    raise KeyError from None

"""``culdesac bench`` without the benchmarks (an installed wheel) says so in one line."""

from __future__ import annotations

import sys

import pytest
from typer.testing import CliRunner

from cli.app import app


def test_should_say_in_one_line_where_the_benchmarks_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given: a wheel has no bench package; None in sys.modules makes its import fail
    monkeypatch.setitem(sys.modules, "bench", None)
    monkeypatch.setitem(sys.modules, "bench.__main__", None)

    # when
    result = CliRunner().invoke(app, ["bench", "--runs", "1"])

    # then
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: the benchmarks run from a source checkout with the dev dependencies: make bench"
    ]
    assert result.exception is None or isinstance(result.exception, SystemExit)

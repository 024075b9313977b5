"""Bad input to a command: one clear error naming what is wrong, exit code 2, nothing sent."""

from __future__ import annotations

from typer.testing import CliRunner

from cli.app import app


def test_should_say_the_data_is_not_json_on_publish_in_one_line() -> None:
    # given
    arguments = ["publish", "student.registered.v1", "not json"]

    # when
    result = CliRunner().invoke(app, arguments, env={"COLUMNS": "200"})

    # then
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "error: student.registered.v1 data is not JSON: Expecting value: line 1 column 1 (char 0)"
    ]


def test_should_name_every_unknown_worker_quoted_on_worker() -> None:
    # given
    arguments = ["worker", "nosuch", "student", "other"]

    # when
    result = CliRunner().invoke(app, arguments, env={"COLUMNS": "200"})

    # then
    assert result.exit_code == 2
    assert result.output.startswith("error: unknown worker 'nosuch', 'other'; known: ")

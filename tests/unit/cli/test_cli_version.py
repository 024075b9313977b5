"""``culdesac --version`` prints the installed package's version and exits 0."""

from __future__ import annotations

from importlib.metadata import version

from typer.testing import CliRunner

from cli.app import app


def test_should_print_the_installed_version() -> None:
    # given
    expected_line = f"culdesac {version('culdesac')}"

    # when
    result = CliRunner().invoke(app, ["--version"])

    # then
    assert result.exit_code == 0
    assert result.stdout.strip() == expected_line

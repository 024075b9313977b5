"""Every command's ``--help`` names the environment variables it reads, with their defaults."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from cli.app import app
from cli.help import DESCRIPTIONS, CommandWithEnvironment
from contracts.workers import WORKER_NAMES
from hosting.settings import Settings, variable_of


# Typer carries click of its own: commands are told by their shape, not by click's classes.
def leaf_commands() -> list[tuple[list[str], Any]]:
    """Every command that runs something, with the words that name it."""
    found: list[tuple[list[str], Any]] = []

    def walk(command: Any, words: list[str]) -> None:
        if hasattr(command, "commands"):
            for name, child in command.commands.items():
                walk(child, [*words, name])
        else:
            found.append((words, command))

    walk(typer.main.get_command(app), [])
    return found


COMMANDS = leaf_commands()


def help_of(words: list[str]) -> str:
    result = CliRunner().invoke(app, [*words, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(("words", "command"), COMMANDS, ids=[" ".join(w) for w, _ in COMMANDS])
def test_should_name_every_environment_variable_of_a_command_in_its_help(
    words: list[str],
    command: Any,
) -> None:
    # given
    options = [
        parameter
        for parameter in command.params
        if parameter.param_type_name == "option" and parameter.envvar
    ]
    settings = command.settings if isinstance(command, CommandWithEnvironment) else ()
    expected_variables = [str(option.envvar) for option in options]
    if "*" in settings:
        expected_variables += [variable_of(name) for name in Settings.model_fields]
    else:
        expected_variables += [variable_of(name) for name in settings]

    # when
    actual_help = help_of(words)

    # then
    missing = [variable for variable in expected_variables if variable not in actual_help]
    assert not missing, f"culdesac {' '.join(words)} --help lacks {missing}"


def test_should_find_every_command() -> None:
    assert {" ".join(words) for words, _ in COMMANDS} >= {
        "worker",
        "ingress",
        "publish",
        "topology declare",
        "dead-letters list",
        "dead-letters replay",
        "dead-letters purge",
        "registration status",
        "schema",
        "demo",
        "dev mongo",
        "bench",
    }


def test_should_say_which_settings_each_command_reads_or_that_it_reads_none() -> None:
    # given
    without_settings = {("dev", "mongo")}

    # when
    actual_commands = {
        tuple(words)
        for words, command in COMMANDS
        if not isinstance(command, CommandWithEnvironment) or not command.settings
    }

    # then
    assert actual_commands == without_settings


def test_should_describe_every_setting() -> None:
    assert set(DESCRIPTIONS) == set(Settings.model_fields)


def test_should_show_each_setting_with_its_default_in_the_worker_help() -> None:
    # given
    expected_lines = [f"CULDESAC_NAMESPACE {DESCRIPTIONS['namespace']} [default: culdesac]"]

    # when
    actual_help = help_of(["worker"])

    # then
    flat = " ".join(actual_help.replace("│", " ").split())
    for line in expected_lines:
        assert line in flat


def test_should_list_every_worker_in_the_worker_help() -> None:
    # when
    actual_help = " ".join(help_of(["worker"]).split())

    # then
    assert all(f"{name} (" in actual_help for name in WORKER_NAMES)

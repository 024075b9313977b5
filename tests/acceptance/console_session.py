r"""Runs a document's ``console`` blocks the way a reader would type them, and checks the output.

A block holds ``$ `` commands, each followed by the output it prints. A command goes on over
lines ending with ``\`` or inside an open quote; one ending with ``&`` runs in the background
until the session ends, then gets Ctrl-C (SIGINT) and must exit 0. ``export NAME=VALUE`` sets a
variable for the commands after it, and so does ``NAME=$(command)`` with what the command prints
on stdout (its stderr is then the output shown). Commands run with ``bash`` from the repository's
root, with ``COLUMNS=80``, stdout and stderr together.

The expected output is matched tolerantly:

- ``<name>`` stands for a value (an id, a key): its first appearance takes what is printed
  there, later ones, in output or in commands, must be the same value;
- ``…`` stands for anything within a line; ISO 8601 timestamps match any timestamp;
- expected output that is JSON (one or more values, laid out freely) is compared as JSON;
- other lines must appear in the printed output in their order (headers curl prints and the
  document leaves out may come between them); runs of spaces count as one, and an output that
  the terminal's width wrapped may match as one line.

A command that only reads (``POLLED``, or a curl that sends nothing) is repeated until its output
matches or ``POLL_SECONDS`` pass, since what it shows becomes true eventually. The ports in
``ports`` are moved to free ones and the texts in ``replacements`` (a data folder, the namespace)
to private ones, in commands and in expected output, so that the session never meets another
run's processes or data.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

POLL_SECONDS = 60.0
COMMAND_SECONDS = 120.0
READY_SECONDS = 90.0
# Read-only commands: repeated until their output shows what the document says.
POLLED = ("registration status", "dead-letters list", "api-keys list")
# curl options that send a body or another method: such a request is not repeated.
CURL_WRITES = ("-d", "--data", "--data-binary", "-X", "--request", "-F", "--form")
PLACEHOLDER = re.compile(r"<(?P<name>[a-z][a-z0-9-]*)>")
TIMESTAMP = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)"
CONFIRM = "[y/N]: "
BACKGROUND = re.compile(r"\s&\s*(#.*)?$")
CAPTURE = re.compile(r"(?P<name>[A-Z_][A-Z0-9_]*)=\$\((?P<command>[^()]+)\)")


class ConsoleMismatchError(AssertionError):
    """A command failed or printed something else than the document shows."""


@dataclass
class Step:
    command: str
    expected: list[str] = field(default_factory=list)


@dataclass
class Background:
    command: str
    process: subprocess.Popen[bytes]
    log: IO[bytes]

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")


def reads_only(words: list[str]) -> bool:
    """Whether a command only reads: one of ``POLLED``, or a curl that sends nothing."""
    if words[:1] == ["curl"]:
        return not any(word in CURL_WRITES for word in words)
    return any(prefix in " ".join(words) for prefix in POLLED)


def parse_block(text: str) -> list[Step]:
    steps: list[Step] = []
    pending: list[str] | None = None
    for line in text.splitlines():
        if pending is not None:
            pending.append(line)
            if is_complete("\n".join(pending)):
                steps.append(Step("\n".join(pending)))
                pending = None
        elif line.startswith("$ "):
            pending = [line[2:]]
            if is_complete(pending[0]):
                steps.append(Step(pending[0]))
                pending = None
        elif steps and line.strip():
            steps[-1].expected.append(line)
    if pending is not None:
        message = f"unfinished command: {pending[0]}"
        raise ConsoleMismatchError(message)
    return steps


def is_complete(command: str) -> bool:
    if command.rstrip().endswith("\\"):
        return False
    try:
        shlex.split(command, comments=True)
    except ValueError:
        return False
    return True


class ConsoleSession:
    def __init__(
        self,
        root: Path,
        environment: Mapping[str, str],
        ports: Mapping[int, int],
        replacements: Mapping[str, str],
    ) -> None:
        self.root = root
        self.replacements = dict(replacements)
        self.environment = {**os.environ, **environment, "COLUMNS": "80"}
        self.ports = dict(ports)
        self.bound: dict[str, str] = {}
        self.background: list[Background] = []
        self.readiness: dict[str, Callable[[Background], bool]] = {}

    def when_started(self, marker: str, ready: Callable[[Background], bool]) -> None:
        """A background command containing ``marker`` counts as started once ``ready`` holds."""
        self.readiness[marker] = ready

    def run_block(self, text: str, where: str) -> None:
        for step in parse_block(text):
            self.run_step(step, where)

    def run_step(self, step: Step, where: str) -> None:
        command = self.substitute(self.move_ports(step.command), where)
        expected = [self.move_ports(line) for line in step.expected]
        if captured := CAPTURE.fullmatch(command.strip()):
            self.capture(captured["name"], captured["command"], expected, where)
            return
        words = shlex.split(command, comments=True)
        if words and words[0] == "export":
            for assignment in words[1:]:
                name, _, value = assignment.partition("=")
                self.environment[name] = value
            return
        if words[-1:] == ["&"]:
            self.start_background(BACKGROUND.sub("", command), expected, where)
            return
        polled = reads_only(words)
        deadline = time.monotonic() + (POLL_SECONDS if polled else 0)
        while True:
            returncode, output = self.run_foreground(command, expected)
            bound = match_output(expected, output, self.bound)
            if returncode == 0 and bound is not None:
                self.bound = bound
                return
            if time.monotonic() >= deadline:
                message = (
                    f"{where}: `{command}` exited {returncode} and printed:\n{output}\n"
                    f"expected:\n" + "\n".join(expected)
                )
                raise ConsoleMismatchError(message)
            time.sleep(0.5)

    def capture(self, name: str, command: str, expected: list[str], where: str) -> None:
        """``NAME=$(command)``: stdout becomes the variable; stderr is what the reader sees."""
        result = subprocess.run(  # noqa: S603
            ["bash", "-c", command],  # noqa: S607
            cwd=self.root,
            env=self.environment,
            capture_output=True,
            text=True,
            timeout=COMMAND_SECONDS,
            check=False,
        )
        bound = match_output(expected, result.stderr, self.bound)
        if result.returncode != 0 or bound is None or not result.stdout.strip():
            message = (
                f"{where}: `{command}` exited {result.returncode}, printed:\n{result.stderr}\n"
                "expected:\n" + "\n".join(expected)
            )
            raise ConsoleMismatchError(message)
        self.bound = bound
        self.environment[name] = result.stdout.strip()

    def run_foreground(self, command: str, expected: list[str]) -> tuple[int, str]:
        answers = [line.split(CONFIRM, 1)[1] for line in expected if CONFIRM in line]
        result = subprocess.run(  # noqa: S603
            ["bash", "-c", command],  # noqa: S607
            cwd=self.root,
            env=self.environment,
            input="".join(f"{answer}\n" for answer in answers),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=COMMAND_SECONDS,
            check=False,
        )
        # A prompt's answer is typed, not printed: show it where the reader sees it.
        output = result.stdout
        for answer in answers:
            output = output.replace(CONFIRM, f"{CONFIRM}{answer}\n", 1)
        return result.returncode, output

    def start_background(self, command: str, expected: list[str], where: str) -> None:
        log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        process = subprocess.Popen(  # noqa: S603
            ["bash", "-c", command],  # noqa: S607
            cwd=self.root,
            env=self.environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        started = Background(command, process, log)
        self.background.append(started)
        ready = [check for marker, check in self.readiness.items() if marker in command]
        deadline = time.monotonic() + READY_SECONDS
        while True:
            output = started.output()
            bound = match_output(expected, output, self.bound)
            if bound is not None and all(check(started) for check in ready):
                self.bound = bound
                return
            if process.poll() is not None or time.monotonic() > deadline:
                message = (
                    f"{where}: `{command} &` did not start (exit {process.poll()}):\n{output}\n"
                    "expected:\n" + "\n".join(expected)
                )
                raise ConsoleMismatchError(message)
            time.sleep(0.2)

    def logs(self, tail: int = 3000) -> str:
        """The end of what each background command printed, to read beside a failure."""
        return "\n".join(
            f"--- `{started.command}`:\n{started.output()[-tail:]}" for started in self.background
        )

    def close(self) -> list[str]:
        """Ctrl-C to each background command, the last started first; what did not exit 0."""
        problems: list[str] = []
        for started in reversed(self.background):
            if started.process.poll() is None:
                os.killpg(started.process.pid, signal.SIGINT)
            try:
                code = started.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(started.process.pid, signal.SIGKILL)
                code = started.process.wait()
            if code != 0:
                problems.append(f"`{started.command}` exited {code}:\n{started.output()[-3000:]}")
            started.log.close()
        self.background.clear()
        return problems

    def move_ports(self, text: str) -> str:
        for documented, free in self.ports.items():
            text = re.sub(rf"(?<=[:= ]){documented}\b", str(free), text)
        for documented_text, private in self.replacements.items():
            text = text.replace(documented_text, private)
        return text

    def substitute(self, command: str, where: str) -> str:
        def value(found: re.Match[str]) -> str:
            name = found["name"]
            if name not in self.bound:
                message = f"{where}: <{name}> is used before any output showed it"
                raise ConsoleMismatchError(message)
            return self.bound[name]

        return PLACEHOLDER.sub(value, command)


def match_output(expected: list[str], actual: str, bound: dict[str, str]) -> dict[str, str] | None:
    """The bindings after matching, or None when ``actual`` is not what ``expected`` shows."""
    if not expected:
        return dict(bound)
    expected_values = json_values("\n".join(expected))
    if expected_values is not None:
        actual_values = json_values(actual)
        if actual_values is None or len(actual_values) != len(expected_values):
            return None
        found = dict(bound)
        for want, got in zip(expected_values, actual_values, strict=True):
            if not json_matches(want, got, found):
                return None
        return found
    # Rich wraps long lines at the terminal's width: read a wrapped output as one line too.
    return lines_match(expected, actual.splitlines(), bound) or lines_match(
        [" ".join(expected)], [" ".join(actual.splitlines())], bound
    )


def json_values(text: str) -> list[Any] | None:
    decoder = json.JSONDecoder()
    values: list[Any] = []
    position = 0
    text = text.strip()
    if not text.startswith(("{", "[")):
        return None
    while position < len(text):
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            return None
        values.append(value)
        while position < len(text) and text[position].isspace():
            position += 1
    return values


def json_matches(want: Any, got: Any, bound: dict[str, str]) -> bool:
    if isinstance(want, dict):
        # In order, since a key may hold a placeholder too ("guardian:<guardian-id>").
        return (
            isinstance(got, dict)
            and len(want) == len(got)
            and all(
                line_matches(want_key, got_key, bound, spaces=False)
                and json_matches(want_value, got_value, bound)
                for (want_key, want_value), (got_key, got_value) in zip(
                    want.items(), got.items(), strict=True
                )
            )
        )
    if isinstance(want, list):
        return (
            isinstance(got, list)
            and len(want) == len(got)
            and all(json_matches(w, g, bound) for w, g in zip(want, got, strict=True))
        )
    if isinstance(want, str):
        return isinstance(got, str) and line_matches(want, got, bound, spaces=False)
    return bool(want == got and type(want) is type(got))


def lines_match(
    expected: list[str], actual: list[str], bound: dict[str, str]
) -> dict[str, str] | None:
    found = dict(bound)
    position = 0
    for want in expected:
        while position < len(actual):
            trial = dict(found)
            got = actual[position]
            position += 1
            want_json, got_json = json_values(want), json_values(got)
            if want_json is not None and got_json is not None:
                if len(want_json) == len(got_json) and all(
                    json_matches(w, g, trial) for w, g in zip(want_json, got_json, strict=True)
                ):
                    found = trial
                    break
            elif line_matches(want, got, trial, spaces=True):
                found = trial
                break
        else:
            return None
    return found


def line_matches(want: str, got: str, bound: dict[str, str], *, spaces: bool) -> bool:
    names: list[str] = []
    pattern = "".join(
        piece_pattern(piece, bound, names, spaces=spaces)
        for piece in re.split(rf"(<[a-z][a-z0-9-]*>|…|{TIMESTAMP}|\s+)", want.strip())
        if piece
    )
    found = re.fullmatch(pattern, got.strip() if spaces else got)
    if found is None:
        return False
    for name in names:
        bound[name] = found[group_of(name)]
    return True


def piece_pattern(piece: str, bound: dict[str, str], names: list[str], *, spaces: bool) -> str:
    """The regular expression of one piece of an expected line; new placeholders go to names."""
    if placeholder := PLACEHOLDER.fullmatch(piece):
        return placeholder_pattern(placeholder["name"], bound, names)
    if piece == "…":
        return ".*?"
    if re.fullmatch(TIMESTAMP, piece):
        return TIMESTAMP
    if spaces and piece.isspace():
        return r"\s+"
    return re.escape(piece)


def placeholder_pattern(name: str, bound: dict[str, str], names: list[str]) -> str:
    if name in bound:
        return re.escape(bound[name])
    if name in names:
        return f"(?P={group_of(name)})"
    names.append(name)
    return rf"(?P<{group_of(name)}>[^\s\"',]+)"


def group_of(name: str) -> str:
    return name.replace("-", "_")

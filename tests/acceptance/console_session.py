r"""Runs a document's ``console`` blocks the way a reader would type them, and checks the output.

A block holds ``$ `` commands, each followed by the output it prints (see ``console_blocks``). A
command ending with ``&`` runs in the background until the session ends, then gets Ctrl-C
(SIGINT) and must exit 0. ``export NAME=VALUE`` sets a variable for the commands after it, and so
does ``NAME=$(command)`` with what the command prints on stdout (its stderr is then the output
shown). Commands run with ``bash`` from the repository's root, with ``COLUMNS=80``, stdout and
stderr together; their output is matched tolerantly (see ``console_matching``).

A command that only reads (a curl that sends nothing, or one that ``poll_in_next_block`` names)
is repeated until its output matches or ``POLL_SECONDS`` pass, since what it shows becomes true
eventually. The ports in
``ports`` are moved to free ones and the texts in ``replacements`` (a data folder, the namespace)
to private ones, in commands and in expected output, so that the session never meets another
run's processes or data.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tests.acceptance.console_blocks import ConsoleMismatchError, Step, parse_block
from tests.acceptance.console_matching import PLACEHOLDER, match_output

POLL_SECONDS = 60.0
COMMAND_SECONDS = 120.0
READY_SECONDS = 90.0
# curl options that send a body or another method: such a request is not repeated.
CURL_WRITES = ("-d", "--data", "--data-binary", "-X", "--request", "-F", "--form")
CONFIRM = "[y/N]: "
BACKGROUND = re.compile(r"\s&\s*(#.*)?$")
CAPTURE = re.compile(r"(?P<name>[A-Z_][A-Z0-9_]*)=\$\((?P<command>[^()]+)\)")


@dataclass
class Background:
    command: str
    process: subprocess.Popen[bytes]
    log: IO[bytes]

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")


def reads_only(words: list[str], polled: Collection[str]) -> bool:
    """Whether a command only reads: one containing a text of ``polled``, or a GET with curl."""
    if words[:1] == ["curl"]:
        return not any(word in CURL_WRITES for word in words)
    return any(text in " ".join(words) for text in polled)


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
        self.polled_next: tuple[str, ...] = ()

    def when_started(self, marker: str, ready: Callable[[Background], bool]) -> None:
        """A background command containing ``marker`` counts as started once ``ready`` holds."""
        self.readiness[marker] = ready

    def poll_in_next_block(self, texts: Collection[str]) -> None:
        """The commands of the next block that contain one of ``texts`` only read: repeat them."""
        self.polled_next = tuple(texts)

    def run_block(self, text: str, where: str) -> None:
        polled, self.polled_next = self.polled_next, ()
        steps = parse_block(text)
        if unused := [part for part in polled if not any(part in step.command for step in steps)]:
            message = f"{where}: no command of the block contains {unused}, named to be polled"
            raise ConsoleMismatchError(message)
        for step in steps:
            self.run_step(step, where, polled)

    def run_step(self, step: Step, where: str, polled: Collection[str] = ()) -> None:
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
        deadline = time.monotonic() + (POLL_SECONDS if reads_only(words, polled) else 0)
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

r"""A document's ``console`` blocks read into steps: each ``$ `` command with the output it prints.

A command goes on over lines ending with ``\`` or inside an open quote; the lines after it, up to
the next ``$ ``, are the output it is expected to print.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field


class ConsoleMismatchError(AssertionError):
    """A command failed or printed something else than the document shows."""


@dataclass
class Step:
    command: str
    expected: list[str] = field(default_factory=list)


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

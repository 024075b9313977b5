"""The README's console examples, run in order as printed, on real RabbitMQ and MongoDB.

Every ``console`` block of README.md runs here, except those after a ``skip`` comment that says
why (Docker, the suites and benchmarks that run on their own). A ``<!-- poll: "text" … -->``
comment before a block names its commands that only read what becomes true eventually (a
registration's status, the dead letters): a command containing one of the texts is repeated
until it prints what the block shows. The README starts its own MongoDB wire-protocol server
with ``culdesac dev mongo``; RabbitMQ is the tests' one.
"""

from __future__ import annotations

import re
import shlex
import unittest
import urllib.request
from collections.abc import Callable, Iterator
from http import HTTPStatus
from pathlib import Path

from sybil import Document, Example, Region, Sybil
from sybil.parsers.markdown import CodeBlockParser, SkipParser
from sybil.parsers.markdown.lexers import DirectiveInHTMLCommentLexer

from tests.acceptance.console_blocks import ConsoleMismatchError
from tests.acceptance.console_session import Background, ConsoleSession
from tests.backing_services import free_port, secantus_executable, unavailable

ROOT = Path(__file__).resolve().parents[2]
# Ports the README names, moved to free ones so that the run meets no other process.
DOCUMENTED_PORTS = (8000, 9464, 27017)


class PollParser:
    """``<!-- poll: "text" … -->``: the quoted texts, for what the next block repeats."""

    def __init__(self, evaluator: Callable[[Example], None]) -> None:
        self.lexer = DirectiveInHTMLCommentLexer("poll")
        self.evaluator = evaluator

    def __call__(self, document: Document) -> Iterator[Region]:
        for lexed in self.lexer(document):
            texts = shlex.split(lexed.lexemes["arguments"] or "")
            if not texts:
                message = f"a poll comment at offset {lexed.start} names no command"
                raise ValueError(message)
            yield Region(lexed.start, lexed.end, texts, self.evaluator)


def is_ready(started: Background) -> bool:
    """The ingress answers ``/readyz`` with 200 once its backing services are connected."""
    port = re.search(r"--port\s+(\d+)", started.command)
    if port is None:
        return False
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port[1]}/readyz", timeout=1) as answer:
            return bool(answer.status == HTTPStatus.OK)
    except OSError:
        return False


def workers_started(started: Background) -> bool:
    return "workers started" in started.output()


def test_should_run_every_console_example_of_the_readme_as_written(
    amqp_url: str, namespace: str, database_name: str, tmp_path: Path
) -> None:
    # given
    if secantus_executable() is None:
        unavailable("the README starts SecantusDB (a dev dependency), which is not installed")
    session = ConsoleSession(
        ROOT,
        {
            "CULDESAC_AMQP_URL": amqp_url,
            "CULDESAC_NAMESPACE": namespace,
            "CULDESAC_MONGODB_DATABASE": database_name,
            "CULDESAC_METRICS_PORT": "0",
            "CULDESAC_RETRY_DELAYS": "0.2,0.5,1",
        },
        ports={port: free_port() for port in DOCUMENTED_PORTS},
        replacements={
            ".culdesac/mongo": str(tmp_path / "mongo"),
            "culdesac.events": f"{namespace}.events",
        },
    )
    session.when_started("culdesac ingress", is_ready)
    session.when_started("culdesac worker", workers_started)

    def run_console_block(example: object) -> None:
        session.run_block(example.parsed, f"README.md line {example.line}")  # type: ignore[attr-defined]

    def poll_in_next_block(example: Example) -> None:
        session.poll_in_next_block(example.parsed)

    document = Sybil(
        parsers=[
            SkipParser(),
            PollParser(poll_in_next_block),
            CodeBlockParser(language="console", evaluator=run_console_block),
        ]
    ).parse(ROOT / "README.md")
    ran: list[int] = []
    skipped: list[int] = []

    # when
    try:
        for example in document:
            try:
                example.evaluate()
            except unittest.SkipTest:
                skipped.append(example.line)
            except ConsoleMismatchError as error:
                raise ConsoleMismatchError(f"{error}\n{session.logs()}") from None
            else:
                ran.append(example.line)
    finally:
        stopped_badly = session.close()

    # then
    assert not stopped_badly, "\n".join(stopped_badly)
    assert len(ran) >= 5, f"ran blocks at lines {ran}; skipped {skipped}"

"""``culdesac dev mongo`` says in one line why it cannot start; it starts nothing then."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from unittest.mock import create_autospec

import pytest
from typer.testing import CliRunner

from cli import dev
from cli.app import app


@pytest.fixture
def taken_port() -> Iterator[int]:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield listener.getsockname()[1]


def test_should_say_in_one_line_that_secantus_is_not_installed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # given
    monkeypatch.setattr(dev, "secantus_executable", lambda: None)
    popen = create_autospec(subprocess.Popen, spec_set=True)
    monkeypatch.setattr(subprocess, "Popen", popen)

    # when
    result = CliRunner().invoke(app, ["dev", "mongo", "--data", str(tmp_path / "data")])

    # then
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "error: SecantusDB is not installed; it is a dev dependency: make install"
    ]
    assert popen.mock_calls == []


def test_should_say_in_one_line_that_the_port_is_taken(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, taken_port: int
) -> None:
    # given
    monkeypatch.setattr(dev, "secantus_executable", lambda: "/usr/bin/secantusd-py")
    popen = create_autospec(subprocess.Popen, spec_set=True)
    monkeypatch.setattr(subprocess, "Popen", popen)

    # when
    result = CliRunner().invoke(
        app, ["dev", "mongo", "--data", str(tmp_path / "data"), "--port", str(taken_port)]
    )

    # then
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"error: port {taken_port} on 127.0.0.1 is taken; stop what listens there or pass --port"
    ]
    assert popen.mock_calls == []
    assert not (tmp_path / "data").exists()

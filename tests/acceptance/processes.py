"""Runs ``culdesac`` as a real subprocess, the way an operator would, and collects its output."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class CuldesacProcess:
    def __init__(self, arguments: Sequence[str], environment: Mapping[str, str]) -> None:
        self.arguments = list(arguments)
        self._log: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "cli", *self.arguments],
            env={**os.environ, **environment},
            stdout=self._log,
            stderr=subprocess.STDOUT,
            cwd=PROJECT_ROOT,
        )

    def output(self) -> str:
        self._log.seek(0)
        return self._log.read().decode(errors="replace")

    def terminate(self, timeout: float = 30) -> int:
        """SIGTERM, then wait for a graceful exit; returns the exit code."""
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self._log.close()

    def is_running(self) -> bool:
        return self.process.poll() is None


def run_culdesac(
    environment: Mapping[str, str], *arguments: str
) -> subprocess.CompletedProcess[str]:
    """``culdesac ARGUMENTS…`` to its end, as an operator runs a command."""
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "cli", *arguments],
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        cwd=PROJECT_ROOT,
    )


def create_api_key(environment: Mapping[str, str], name: str) -> str:
    """A new API key's token, from ``culdesac api-keys create NAME`` (its only stdout line)."""
    created = run_culdesac(environment, "api-keys", "create", name)
    if created.returncode != 0:
        raise RuntimeError(f"culdesac api-keys create failed: {created.stderr}")
    return created.stdout.strip()

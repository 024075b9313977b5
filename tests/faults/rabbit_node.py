"""A private RabbitMQ node for the fault suite: its own name, ports, data and logs.

The machine's shared server (``rabbit@localhost`` on 5672) is never touched: this node reads no
file under /etc/rabbitmq, listens on free loopback ports, keeps its cookie in a home of its own,
and can be stopped and started again on the same data (durable quorum queues and persistent
messages survive), which is what the broker outage scenario needs.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections import Counter
from contextlib import suppress
from pathlib import Path
from typing import IO

from tests.backing_services import free_port, port_answers

RABBITMQ_SCRIPTS = Path("/usr/lib/rabbitmq/bin")
START_PATIENCE_SECONDS = 60.0
STOP_PATIENCE_SECONDS = 30.0
QUORUM_TICK_MILLISECONDS = 1000


class RabbitNodeError(Exception):
    """The private node could not be started or stopped; the message holds its log's tail."""


def rabbitmq_script(name: str) -> Path | None:
    candidate = RABBITMQ_SCRIPTS / name
    if candidate.exists():
        return candidate
    found = shutil.which(name)
    return Path(found) if found else None


class RabbitNode:
    """One RabbitMQ node run as the current user, under a scratch directory it owns."""

    def __init__(
        self, scratch: Path, cookie: str | None = None, *, management: bool = False
    ) -> None:
        server, ctl = rabbitmq_script("rabbitmq-server"), rabbitmq_script("rabbitmqctl")
        if server is None or ctl is None:
            raise RabbitNodeError("rabbitmq-server and rabbitmqctl are not installed")
        self._server, self._ctl = server, ctl
        self._scratch = scratch
        self.name = f"culdesac-faults-{uuid.uuid4().hex[:8]}@localhost"
        self.port = free_port()
        self._dist_port = free_port()
        self.management_port = free_port() if management else None
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self._environment = self._prepare(cookie)

    @property
    def management_url(self) -> str:
        """The management API's address (the plugin runs only when asked for)."""
        return f"http://guest:guest@127.0.0.1:{self.management_port}"

    @property
    def url(self) -> str:
        # A robust connection retries every 5 s by default; once a second keeps outages short.
        return f"amqp://guest:guest@127.0.0.1:{self.port}/?reconnect_interval=1"

    def _prepare(self, cookie: str | None) -> dict[str, str]:
        home = self._scratch / "home"
        home.mkdir(parents=True, exist_ok=True)
        if cookie is not None:
            # Nodes of one cluster (and rabbitmqctl) share one cookie; Erlang wants it private.
            cookie_file = home / ".erlang.cookie"
            cookie_file.write_text(cookie)
            cookie_file.chmod(0o400)
        plugins, config = "", f"listeners.tcp.1 = 127.0.0.1:{self.port}\n"
        if self.management_port is not None:
            plugins = "rabbitmq_management"
            config += (
                f"management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = {self.management_port}\n"
            )
        (self._scratch / "enabled_plugins").write_text(f"[{plugins}].\n")
        # Our own (empty) env file: /etc/rabbitmq/rabbitmq-env.conf names the shared node.
        (self._scratch / "rabbitmq-env.conf").write_text("")
        (self._scratch / "rabbitmq.conf").write_text(config)
        # Quorum queues publish their message counts on each tick (5 s by default); every
        # second keeps ``list_queues`` close to the truth when a scenario waits for the drain.
        (self._scratch / "advanced.config").write_text(
            f"[{{rabbit, [{{quorum_tick_interval, {QUORUM_TICK_MILLISECONDS}}}]}}].\n"
        )
        environment = {
            name: value
            for name, value in os.environ.items()
            if not name.startswith(("RABBITMQ_", "ERL_"))
        }
        return {
            **environment,
            # The Erlang cookie lives in $HOME: a scratch home keeps the real one untouched.
            "HOME": str(home),
            "RABBITMQ_NODENAME": self.name,
            "RABBITMQ_DIST_PORT": str(self._dist_port),
            "RABBITMQ_CONF_ENV_FILE": str(self._scratch / "rabbitmq-env.conf"),
            "RABBITMQ_CONFIG_FILE": str(self._scratch / "rabbitmq.conf"),
            "RABBITMQ_ADVANCED_CONFIG_FILE": str(self._scratch / "advanced.config"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": str(self._scratch / "enabled_plugins"),
            "RABBITMQ_MNESIA_BASE": str(self._scratch / "mnesia"),
            "RABBITMQ_LOG_BASE": str(self._scratch / "log"),
            "RABBITMQ_SCHEMA_DIR": str(self._scratch / "schema"),
            "RABBITMQ_GENERATED_CONFIG_DIR": str(self._scratch / "generated"),
            "RABBITMQ_PID_FILE": str(self._scratch / "node.pid"),
            "ERL_EPMD_ADDRESS": "127.0.0.1",
            "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS": "-kernel inet_dist_use_interface {127,0,0,1}",
        }

    def start(self) -> None:
        """Start the node (on the data of any earlier run) and wait until it takes clients."""
        if self._process is not None and self._process.poll() is None:
            return
        self._log = (self._scratch / "server.out").open("ab")
        self._process = subprocess.Popen(  # noqa: S603
            [str(self._server)],
            env=self._environment,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            cwd=self._scratch,
            start_new_session=True,
        )
        deadline = time.monotonic() + START_PATIENCE_SECONDS
        while not port_answers("127.0.0.1", self.port, timeout=0.2):
            if self._process.poll() is not None or time.monotonic() > deadline:
                tail = self.log_tail()
                self.kill()
                raise RabbitNodeError(f"RabbitMQ node {self.name} did not start: {tail}")
            time.sleep(0.1)
        self.ctl("await_startup", "--timeout", str(int(START_PATIENCE_SECONDS)))

    def stop(self) -> None:
        """Stop the node gracefully (as an operator would) and wait for its process to end."""
        process = self._process
        if process is None or process.poll() is not None:
            return
        try:
            self.ctl("stop")
            process.wait(timeout=STOP_PATIENCE_SECONDS)
        except (RabbitNodeError, subprocess.TimeoutExpired):
            self.kill()
        self._close_log()

    def kill(self) -> None:
        """End the node's own process group at once (the server script and its VM)."""
        process = self._process
        if process is None:
            return
        if process.poll() is None:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=STOP_PATIENCE_SECONDS)
        self._close_log()

    @property
    def pid(self) -> int | None:
        """The pid of the node's server script, which is also its process group's id."""
        return None if self._process is None else self._process.pid

    def is_running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def ctl(self, *arguments: str) -> str:
        result = subprocess.run(  # noqa: S603
            [str(self._ctl), "-n", self.name, *arguments],
            env=self._environment,
            capture_output=True,
            text=True,
            timeout=START_PATIENCE_SECONDS + 10,
            check=False,
        )
        if result.returncode != 0:
            raise RabbitNodeError(
                f"rabbitmqctl {' '.join(arguments)} failed ({result.returncode}): "
                f"{result.stdout[-1000:]} {result.stderr[-1000:]}"
            )
        return result.stdout

    def queue_depths(self) -> dict[str, int]:
        """Every queue's messages, ready and unacknowledged, by name (rabbitmqctl's view)."""
        return self._queue_column("messages")

    def queue_consumers(self) -> dict[str, int]:
        """Consumers by queue name, as the queues know them right now.

        ``list_queues``' consumer column comes from statistics refreshed every few seconds;
        ``list_consumers`` asks the queues themselves.
        """
        output = self.ctl("list_consumers", "queue_name", "--quiet", "--no-table-headers")
        return Counter(line.strip() for line in output.splitlines() if line.strip())

    def _queue_column(self, column: str) -> dict[str, int]:
        output = self.ctl("list_queues", "name", column, "--quiet", "--no-table-headers")
        values: dict[str, int] = {}
        for line in output.splitlines():
            name, _, value = line.rpartition("\t")
            if name and value.strip().isdigit():
                values[name] = int(value)
        return values

    def log_tail(self, characters: int = 2000) -> str:
        out = self._scratch / "server.out"
        return out.read_text(errors="replace")[-characters:] if out.exists() else ""

    def _close_log(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None


def scratch_directory() -> Path:
    return Path(tempfile.mkdtemp(prefix="culdesac-faults-rabbit-"))

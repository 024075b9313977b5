"""``culdesac dev mongo``: a MongoDB for local runs without Docker.

Starts SecantusDB, the MongoDB wire-protocol server the tests use (a dev dependency), with its
data in a folder, so that the ingress and the workers can run as separate processes on one
machine. Not for production: run a real MongoDB there.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer

from cli.support import console

dev_app = typer.Typer(help="Services for local runs without Docker.", no_args_is_help=True)

# SecantusDB keeps every retryable write's reply and rescans it: writes get ~15x slower.
URL_OPTIONS = "directConnection=true&retryWrites=false"
STARTUP_SECONDS = 30
STOP_SECONDS = 10


def register(app: typer.Typer) -> None:
    app.add_typer(dev_app, name="dev")


def secantus_executable() -> str | None:
    beside = Path(sys.executable).with_name("secantusd-py")
    return str(beside) if beside.exists() else shutil.which("secantusd-py")


def port_is_free(host: str, port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def port_answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except OSError:
        return False


@dev_app.command("mongo")
def dev_mongo(
    data: Annotated[
        Path,
        typer.Option(
            file_okay=False,
            envvar="CULDESAC_DEV_MONGO_DATA",
            help="Folder for the data; kept between runs.",
        ),
    ] = Path(".culdesac/mongo"),
    port: Annotated[
        int,
        typer.Option(min=1, max=65535, envvar="CULDESAC_DEV_MONGO_PORT", help="Port to listen on."),
    ] = 27017,
    host: Annotated[
        str, typer.Option(envvar="CULDESAC_DEV_MONGO_HOST", help="Address to listen on.")
    ] = "127.0.0.1",
) -> None:
    """Serve a MongoDB wire-protocol server (SecantusDB) until Ctrl-C, data in a folder.

    Prints the URL to set as CULDESAC_MONGODB_URL. SecantusDB is a dev dependency (make install).
    """
    executable = secantus_executable()
    if executable is None:
        console.print(
            "[red]error:[/red] SecantusDB is not installed; it is a dev dependency: make install",
            soft_wrap=True,
        )
        raise typer.Exit(1)
    if not port_is_free(host, port):
        console.print(
            f"[red]error:[/red] port {port} on {host} is taken; stop what listens there "
            "or pass --port",
            soft_wrap=True,
        )
        raise typer.Exit(1)
    data.mkdir(parents=True, exist_ok=True)
    command = [executable, "--host", host, "--port", str(port)]
    command += ["--storage-path", str(data.resolve()), "--log-level", "WARNING"]
    # Its own process group: Ctrl-C reaches this command alone, which then stops the server.
    server = subprocess.Popen(command, start_new_session=True)  # noqa: S603

    def stop(_signal: int, _frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    # A background job starts with SIGINT ignored; Ctrl-C and SIGTERM both stop the server.
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        wait_until_answering(server, host, port)
        url = f"mongodb://{host}:{port}/?{URL_OPTIONS}"
        console.print(
            f"MongoDB wire protocol (SecantusDB) on {url}, data in {data}", soft_wrap=True
        )
        console.print(f"export CULDESAC_MONGODB_URL='{url}'   # Ctrl-C stops it", soft_wrap=True)
        code = server.wait()
    except KeyboardInterrupt:
        code = shut_down(server)
        console.print("stopped")
        raise typer.Exit(0 if code in (0, -signal.SIGTERM) else 1) from None
    console.print(f"[red]error:[/red] SecantusDB exited with code {code}", soft_wrap=True)
    raise typer.Exit(1)


def wait_until_answering(server: subprocess.Popen[bytes], host: str, port: int) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while not port_answers(host, port):
        if server.poll() is not None:
            console.print(
                f"[red]error:[/red] SecantusDB exited at start with code {server.returncode}",
                soft_wrap=True,
            )
            raise typer.Exit(1)
        if time.monotonic() > deadline:
            shut_down(server)
            console.print(
                f"[red]error:[/red] SecantusDB did not answer within {STARTUP_SECONDS} s",
                soft_wrap=True,
            )
            raise typer.Exit(1)
        time.sleep(0.1)


def shut_down(server: subprocess.Popen[bytes]) -> int:
    if server.poll() is None:
        server.terminate()
    try:
        return server.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        server.kill()
        return server.wait()

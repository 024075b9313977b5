import asyncio
import errno
import logging
from unittest.mock import AsyncMock

import pytest
from aio_pika.robust_connection import RobustConnection
from aiormq.exceptions import ConnectionClosed
from yarl import URL

from brokers.queues.rabbit_client_logs import ClientLogWording, reword_client_logs
from brokers.queues.rabbit_nodes import RotatingRobustConnection

NODE = "amqp://guest:secret@127.0.0.1:5672/"
ATTEMPT_FAILED = 'Connection attempt to "%s" failed: %s. Reconnecting after %r seconds.'


class Connection:
    node = "amqp://guest:******@127.0.0.1:5672/"


def record(name: str, level: int, message: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, message, args, None)


def test_a_failed_attempt_is_one_warning_with_the_node_the_error_and_the_pause() -> None:
    # given
    refused = ConnectionRefusedError(errno.ECONNREFUSED, "Connect call failed ('127.0.0.1', 5672)")
    line = record(
        "aio_pika.robust_connection", logging.WARNING, ATTEMPT_FAILED, Connection(), refused, 1
    )

    # when
    kept = ClientLogWording().filter(line)

    # then
    assert kept
    assert line.getMessage() == (
        "cannot reach RabbitMQ at amqp://guest:******@127.0.0.1:5672/:"
        " ConnectionRefusedError (ECONNREFUSED); next try in 1s"
    )
    assert line.levelno == logging.WARNING
    assert line.exc_info is None


def test_a_reconnect_that_failed_otherwise_is_the_same_warning_without_the_errors_text() -> None:
    # given
    message = "Reconnect attempt failed %s due to %s: %s. Retrying after %r seconds."
    failure = RuntimeError("No active transport for connection")
    line = record(
        "aio_pika.robust_connection",
        logging.ERROR,
        message,
        Connection(),
        "RuntimeError",
        failure,
        5,
    )

    # when
    ClientLogWording().filter(line)

    # then
    assert line.getMessage().endswith(": RuntimeError; next try in 5s")
    assert line.levelno == logging.WARNING


def test_a_blocked_connection_is_said_without_the_servers_reason() -> None:
    # given
    line = record(
        "aiormq.connection",
        logging.WARNING,
        "Connection %r was blocked by: %r",
        "c",
        "low on memory",
    )

    # when
    kept = ClientLogWording().filter(line)

    # then
    assert kept
    assert line.getMessage() == "RabbitMQ blocks publishing: a resource alarm is on"


def test_any_other_client_warning_is_held_back_unless_the_process_logs_at_debug(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # given
    caplog.set_level(logging.INFO)
    message = 'Unexpected connection close from remote "%s", %r'
    line = record("aiormq.connection", logging.ERROR, message, NODE, "Connection.Close(…)")

    # when
    kept = ClientLogWording().filter(line)

    # then
    assert not kept


def test_at_debug_level_another_client_warning_shows_as_debug(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # given
    caplog.set_level(logging.DEBUG)
    line = record("aiormq.connection", logging.WARNING, "Cancelling cause reader exited abnormally")

    # when
    kept = ClientLogWording().filter(line)

    # then
    assert kept
    assert line.levelno == logging.DEBUG


def test_the_wording_is_on_every_client_logger_once(caplog: pytest.LogCaptureFixture) -> None:
    # given
    caplog.set_level(logging.INFO)

    # when
    reword_client_logs()
    reword_client_logs()
    logging.getLogger("aiormq.connection").error("error when creating transport: %r", "a secret")

    # then
    filters = logging.getLogger("aiormq.connection").filters
    assert sum(isinstance(each, ClientLogWording) for each in filters) == 1
    assert (
        sum(
            isinstance(each, ClientLogWording)
            for each in logging.getLogger("aio_pika.tools").filters
        )
        == 1
    )
    assert "a secret" not in caplog.text


async def test_a_lost_connection_is_one_warning_naming_the_node_and_the_pause(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given
    monkeypatch.setattr(RobustConnection, "_on_connection_close", AsyncMock())
    connection = RotatingRobustConnection(URL(NODE), [NODE], reconnect_interval=1)
    closing: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    closing.set_exception(
        ConnectionClosed(320, "CONNECTION_FORCED - broker forced connection closure")
    )
    caplog.set_level(logging.INFO)

    # when
    await connection._on_connection_close(closing)

    # then
    assert [line.getMessage() for line in caplog.records] == [
        (
            "lost the connection to RabbitMQ at amqp://guest:******@127.0.0.1:5672/:"
            " ConnectionClosed (reply 320); reconnecting in 1s"
        )
    ]


async def test_a_connection_closed_by_the_process_itself_is_not_reported_lost(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given
    monkeypatch.setattr(RobustConnection, "_on_connection_close", AsyncMock())
    connection = RotatingRobustConnection(URL(NODE), [NODE])
    await connection.close()
    closing: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    closing.set_result(None)
    caplog.set_level(logging.INFO)

    # when
    await connection._on_connection_close(closing)

    # then
    assert caplog.records == []

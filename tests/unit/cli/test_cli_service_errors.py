"""A service that is away or refuses is one line naming it once, whatever its message says."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import typer
from faker import Faker

from brokers.queues import QueueUnavailableError, TopologyConflictError
from brokers.storages.errors import ServerSelectionTimeoutError, StorageUnavailableError
from cli.status import attempt
from cli.status_snapshot import StatusSnapshot
from cli.support import run

# A raised error built from a random port, and the one line a user reads for it.
ErrorCase = Callable[[int], tuple[Exception, str]]


def driver_refusal(port: int) -> ServerSelectionTimeoutError:
    return ServerSelectionTimeoutError(
        f"127.0.0.1:{port}: [Errno 111] Connection refused (configured timeouts: "
        "socketTimeoutMS: 20000.0ms), Timeout: 2.0s, Topology Description: <...>"
    )


ERROR_CASES = [
    pytest.param(
        lambda _: (
            QueueUnavailableError("cannot connect to RabbitMQ: AMQPConnectionError (ECONNREFUSED)"),
            "cannot connect to RabbitMQ: AMQPConnectionError (ECONNREFUSED)",
        ),
        id="rabbitmq-named",
    ),
    pytest.param(
        lambda _: (
            QueueUnavailableError("cannot consume 'culdesac.student': ChannelClosed"),
            "RabbitMQ: cannot consume 'culdesac.student': ChannelClosed",
        ),
        id="rabbitmq-unnamed",
    ),
    pytest.param(
        lambda port: (
            StorageUnavailableError(driver_refusal(port)),
            f"MongoDB is unavailable: 127.0.0.1:{port}: [Errno 111] Connection refused",
        ),
        id="mongodb-named",
    ),
    pytest.param(
        lambda port: (
            driver_refusal(port),
            f"MongoDB: 127.0.0.1:{port}: [Errno 111] Connection refused",
        ),
        id="mongodb-unnamed",
    ),
]


def topology_conflict(_: int) -> tuple[Exception, str]:
    conflict = TopologyConflictError("culdesac.student", "x-queue-type")
    return conflict, f"RabbitMQ: {conflict}"


# The status view reads no topology; every other command may meet a conflict.
@pytest.mark.parametrize(
    "error_case", [*ERROR_CASES, pytest.param(topology_conflict, id="topology-conflict")]
)
def test_should_print_one_line_naming_the_service_once_and_exit_1(
    error_case: ErrorCase, faker: Faker, capsys: pytest.CaptureFixture[str]
) -> None:
    # given
    raised_error, expected_message = error_case(faker.port_number())

    async def failing() -> None:
        raise raised_error

    # when
    with pytest.raises(typer.Exit) as exit_info:
        run(failing)

    # then
    assert exit_info.value.exit_code == 1
    assert capsys.readouterr().err.splitlines() == [f"error: {expected_message}"]


@pytest.mark.parametrize("error_case", ERROR_CASES)
async def test_should_keep_the_status_view_error_naming_the_service_once(
    error_case: ErrorCase, faker: Faker
) -> None:
    # given
    raised_error, expected_message = error_case(faker.port_number())

    async def snapshot() -> StatusSnapshot:
        raise raised_error

    # when
    actual = await attempt(snapshot)

    # then
    assert actual == (None, expected_message)

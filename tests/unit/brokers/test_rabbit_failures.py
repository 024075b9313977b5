import errno

from aiormq.exceptions import ChannelNotFoundEntity, ConnectionClosed, ProbableAuthenticationError
from pamqp.commands import Connection

from brokers.queues.rabbit_failures import failure_summary


def test_an_authentication_failure_is_named_by_its_type_and_reply_code() -> None:
    # given
    close = Connection.Close(reply_code=403, reply_text="ACCESS_REFUSED - Login was refused")
    error = ProbableAuthenticationError(close)

    # when
    summary = failure_summary(error)

    # then
    assert summary == "ProbableAuthenticationError (reply 403)"


def test_a_closed_connection_shows_its_code_and_not_the_servers_text() -> None:
    # given
    error = ConnectionClosed(320, "CONNECTION_FORCED - broker forced connection closure")

    # when
    summary = failure_summary(error)

    # then
    assert summary == "ConnectionClosed (reply 320)"


def test_a_refused_socket_is_named_by_the_operating_systems_error() -> None:
    # given
    error = ConnectionRefusedError(errno.ECONNREFUSED, "Connect call failed ('127.0.0.1', 1)")

    # when
    summary = failure_summary(error)

    # then
    assert summary == "ConnectionRefusedError (ECONNREFUSED)"


def test_a_failure_without_details_is_its_type_alone() -> None:
    # given
    error = TimeoutError()

    # when
    summary = failure_summary(error)

    # then
    assert summary == "TimeoutError"


def test_no_object_address_or_driver_text_reaches_the_summary() -> None:
    # given
    error = ChannelNotFoundEntity(object(), "NOT_FOUND - no queue")

    # when
    summary = failure_summary(error)

    # then
    assert summary == "ChannelNotFoundEntity"

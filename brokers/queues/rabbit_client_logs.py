"""aio-pika's and aiormq's own log lines, said in the project's words or not at all.

The clients log what happens to a connection as it happens, in their words: reprs of frames
and objects, the server's reply text, a traceback for a reset socket, and several lines for
one lost connection. The project says each of these things once, itself (a lost connection,
a reconnect, a publish not confirmed, a settlement lost with its channel), so of the clients'
warnings and errors only two kinds are kept, reworded: a failed attempt to reach a node (the
one line that tells when the next try is) and RabbitMQ blocking a connection for a resource
alarm. The rest is shown only when the process logs at debug level, and at that level.
"""

from __future__ import annotations

import logging

from brokers.queues.rabbit_failures import failure_summary

CLIENT_LOGGERS = ("aio_pika", "aiormq")
_ATTEMPT_FAILED = 'Connection attempt to "%s" failed'
_RECONNECT_FAILED = "Reconnect attempt failed"
_BLOCKED = "Connection %r was blocked"
_UNBLOCKED = "Connection %r was unblocked"
_UNREACHABLE = "cannot reach RabbitMQ at %s: %s; next try in %ss"
# The arguments of those two lines: (connection, error, pause) and (connection, type, error, pause).
_ATTEMPT_FAILED_ARGS = 3
_RECONNECT_FAILED_ARGS = 4


class ClientLogWording(logging.Filter):
    """Rewords the clients' lines worth an operator's eye and holds the rest back to debug."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        rewording = _rewording(record)
        if rewording is None:
            if not logging.getLogger().isEnabledFor(logging.DEBUG):
                return False
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
            return True
        record.levelno, record.msg, record.args = rewording
        record.levelname = logging.getLevelName(record.levelno)
        record.exc_info, record.exc_text = None, None
        return True


def _rewording(record: logging.LogRecord) -> tuple[int, str, tuple[object, ...]] | None:
    """The level, message and arguments ``record`` is said with, if it is one to keep."""
    message = record.msg if isinstance(record.msg, str) else ""
    args = record.args if isinstance(record.args, tuple) else ()
    if message.startswith(_ATTEMPT_FAILED) and len(args) == _ATTEMPT_FAILED_ARGS:
        return logging.WARNING, _UNREACHABLE, _unreachable(*args)
    if message.startswith(_RECONNECT_FAILED) and len(args) == _RECONNECT_FAILED_ARGS:
        return logging.WARNING, _UNREACHABLE, _unreachable(args[0], args[2], args[3])
    if message.startswith(_BLOCKED):
        return logging.WARNING, "RabbitMQ blocks publishing: a resource alarm is on", ()
    if message.startswith(_UNBLOCKED):
        return logging.INFO, "RabbitMQ takes publishes again: the resource alarm is off", ()
    return None


def _unreachable(connection: object, error: object, pause: object) -> tuple[object, ...]:
    """The node (its password masked), the error in the project's words, the pause."""
    summary = failure_summary(error) if isinstance(error, BaseException) else "failed"
    return getattr(connection, "node", "a node"), summary, pause


def reword_client_logs() -> None:
    """Put the wording on every logger of the clients (each module logs under its own name).

    Idempotent; called when a process first connects, once the clients' modules are imported.
    """
    names = [
        name
        for name in logging.Logger.manager.loggerDict
        if name in CLIENT_LOGGERS
        or name.startswith(tuple(f"{client}." for client in CLIENT_LOGGERS))
    ]
    for name in names:
        logger = logging.getLogger(name)
        if not any(isinstance(existing, ClientLogWording) for existing in logger.filters):
            logger.addFilter(ClientLogWording())

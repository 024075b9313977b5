"""Logging over structlog: the one way services and hosts write log lines."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal, Protocol

import structlog

from brokers.loggings.tracebacks import redacted_traceback


class LoggingBroker(Protocol):
    """Structured log lines; keyword arguments become fields."""

    def debug(self, event: str, **fields: Any) -> None: ...
    def info(self, event: str, **fields: Any) -> None: ...
    def warning(self, event: str, **fields: Any) -> None: ...
    def error(self, event: str, **fields: Any) -> None: ...
    def critical(self, event: str, **fields: Any) -> None: ...
    def exception(self, event: str, error: BaseException, **fields: Any) -> None:
        """An error line carrying ``error``'s traceback: frames and error types, no error text."""
        ...


class StructlogLoggingBroker:
    def __init__(self, name: str = "culdesac") -> None:
        self._logger = structlog.get_logger(name)

    def debug(self, event: str, **fields: Any) -> None:
        self._logger.debug(event, **fields)

    def info(self, event: str, **fields: Any) -> None:
        self._logger.info(event, **fields)

    def warning(self, event: str, **fields: Any) -> None:
        self._logger.warning(event, **fields)

    def error(self, event: str, **fields: Any) -> None:
        self._logger.error(event, **fields)

    def critical(self, event: str, **fields: Any) -> None:
        self._logger.critical(event, **fields)

    def exception(self, event: str, error: BaseException, **fields: Any) -> None:
        self._logger.error(event, traceback=redacted_traceback(error), **fields)


@contextmanager
def bound_log_context(**fields: Any) -> Iterator[None]:
    """Bind fields (correlation id, message id, …) to every line logged inside the block."""
    with structlog.contextvars.bound_contextvars(**fields):
        yield


def configure_logging(
    level: str = "INFO", log_format: Literal["json", "console", "auto"] = "auto"
) -> None:
    """Send structlog and stdlib records (aio-pika, pymongo) through one set of processors."""
    use_console = log_format == "console" or (log_format == "auto" and sys.stderr.isatty())
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    renderer: structlog.types.Processor
    if use_console:
        renderer = structlog.dev.ConsoleRenderer(
            exception_formatter=structlog.dev.RichTracebackFormatter(show_locals=False)
        )
    else:
        renderer = structlog.processors.JSONRenderer()
    final: list[structlog.types.Processor] = (
        [structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer]
        if use_console
        else [
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.dict_tracebacks,
            renderer,
        ]
    )
    structlog.configure(
        # Dropping lines below the level first spares the rest of the chain for each of them.
        processors=[
            structlog.stdlib.filter_by_level,
            *shared,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(foreign_pre_chain=shared, processors=final)
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # The clients are chatty at INFO; their warnings still come through.
    for noisy in ("aio_pika", "aiormq", "pymongo", "uvicorn.access"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLevelName(level)))

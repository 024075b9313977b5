from brokers.loggings.logging_broker import (
    LoggingBroker,
    StructlogLoggingBroker,
    bound_log_context,
    configure_logging,
)
from brokers.loggings.tracebacks import redacted_traceback

__all__ = [
    "LoggingBroker",
    "StructlogLoggingBroker",
    "bound_log_context",
    "configure_logging",
    "redacted_traceback",
]

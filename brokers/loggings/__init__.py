from brokers.loggings.logging_broker import (
    LoggingBroker,
    StructlogLoggingBroker,
    bound_log_context,
    configure_logging,
)

__all__ = ["LoggingBroker", "StructlogLoggingBroker", "bound_log_context", "configure_logging"]

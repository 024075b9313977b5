from brokers.metrics.metrics_broker import (
    MetricsBroker,
    PrometheusMetricsBroker,
)
from brokers.metrics.metrics_server import MetricsPortUnavailableError, MetricsServer, Readiness

__all__ = [
    "MetricsBroker",
    "MetricsPortUnavailableError",
    "MetricsServer",
    "PrometheusMetricsBroker",
    "Readiness",
]

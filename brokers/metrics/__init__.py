from brokers.metrics.metrics_broker import (
    MetricsBroker,
    PrometheusMetricsBroker,
)
from brokers.metrics.metrics_server import MetricsServer, Readiness

__all__ = [
    "MetricsBroker",
    "MetricsServer",
    "PrometheusMetricsBroker",
    "Readiness",
]

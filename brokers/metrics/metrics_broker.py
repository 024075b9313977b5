"""What a process counts and times, exposed in the Prometheus text format.

Each broker owns its registry, so two processes (or two apps in one test) never share counts.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Protocol

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

# Seconds, from a fast local ack to a retry-worthy stall.
DURATION_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
# Seconds from acceptance to completion: a fan-out across workers, then backlogs and outages.
COMPLETION_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 900.0)
COMPLETED = "completed"


class MetricsBroker(Protocol):
    """The counts and timings of this process; ``exposition`` renders them for a scrape."""

    @property
    def content_type(self) -> str: ...

    def observe_message(
        self, worker: str, event_type: str, outcome: str, duration_seconds: float
    ) -> None:
        """One settled message: its outcome (ack, retry, dead_letter) and handling time."""
        ...

    def track_in_flight(self, worker: str) -> AbstractContextManager[object]:
        """Counts a message as in flight for as long as the context is open."""
        ...

    def observe_publish(self, event_type: str, duration_seconds: float) -> None:
        """One confirmed publish and how long the confirm took."""
        ...

    def count_registration(self, status: str) -> None:
        """A registration reached ``status`` (``accepted`` at the ingress)."""
        ...

    def observe_registration_settled(self, status: str, duration_seconds: float) -> None:
        """A registration settled (``completed`` or ``failed``), so long after its acceptance.

        Counted by status; the time goes to the completion histogram when it completed.
        """
        ...

    def observe_http_request(
        self, route: str, method: str, status: int, duration_seconds: float
    ) -> None:
        """One answered HTTP request, by route template (never the raw path)."""
        ...

    def exposition(self) -> bytes:
        """Every metric of this process in the Prometheus text format."""
        ...


class PrometheusMetricsBroker:
    """The metrics of one process, in a registry of its own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self._messages = Counter(
            "culdesac_messages",
            "Messages settled by a worker, by outcome.",
            ("worker", "event_type", "outcome"),
            registry=self.registry,
        )
        self._message_duration = Histogram(
            "culdesac_message_duration_seconds",
            "Time from delivery to settlement decision of a message.",
            ("worker", "event_type"),
            buckets=DURATION_BUCKETS,
            registry=self.registry,
        )
        self._in_flight = Gauge(
            "culdesac_messages_in_flight",
            "Messages whose handler is running.",
            ("worker",),
            registry=self.registry,
        )
        self._publish_duration = Histogram(
            "culdesac_publish_duration_seconds",
            "Time for a published event to be confirmed by the broker.",
            ("event_type",),
            buckets=DURATION_BUCKETS,
            registry=self.registry,
        )
        self._registrations = Counter(
            "culdesac_registrations",
            "Registrations by the status they reached: accepted at the ingress, completed or"
            " failed at the registration worker.",
            ("status",),
            registry=self.registry,
        )
        self._registration_completion = Histogram(
            "culdesac_registration_completion_seconds",
            "Time from a registration's acceptance to its completion.",
            buckets=COMPLETION_BUCKETS,
            registry=self.registry,
        )
        self._http_requests = Counter(
            "culdesac_http_requests",
            "HTTP requests answered, by route template and status.",
            ("route", "method", "status"),
            registry=self.registry,
        )
        self._http_duration = Histogram(
            "culdesac_http_request_duration_seconds",
            "Time to answer an HTTP request, by route template.",
            ("route", "method"),
            buckets=DURATION_BUCKETS,
            registry=self.registry,
        )

    @property
    def content_type(self) -> str:
        return CONTENT_TYPE_LATEST

    def observe_message(
        self, worker: str, event_type: str, outcome: str, duration_seconds: float
    ) -> None:
        self._messages.labels(worker, event_type, outcome).inc()
        self._message_duration.labels(worker, event_type).observe(duration_seconds)

    def track_in_flight(self, worker: str) -> AbstractContextManager[object]:
        return self._in_flight.labels(worker).track_inprogress()

    def observe_publish(self, event_type: str, duration_seconds: float) -> None:
        self._publish_duration.labels(event_type).observe(duration_seconds)

    def count_registration(self, status: str) -> None:
        self._registrations.labels(status).inc()

    def observe_registration_settled(self, status: str, duration_seconds: float) -> None:
        self._registrations.labels(status).inc()
        if status == COMPLETED:
            self._registration_completion.observe(duration_seconds)

    def observe_http_request(
        self, route: str, method: str, status: int, duration_seconds: float
    ) -> None:
        self._http_requests.labels(route, method, str(status)).inc()
        self._http_duration.labels(route, method).observe(duration_seconds)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from prometheus_client.parser import text_string_to_metric_families

from brokers.metrics import MetricsPortUnavailableError, MetricsServer, PrometheusMetricsBroker


def samples(
    broker: PrometheusMetricsBroker,
) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(broker.exposition().decode())
        for sample in family.samples
    }


def test_should_count_in_a_registry_of_its_own() -> None:
    # given
    broker, other = PrometheusMetricsBroker(), PrometheusMetricsBroker()

    # when
    broker.observe_message("student", "student.registered.v1", "ack", 0.01)
    broker.observe_message("student", "student.registered.v1", "ack", 0.02)
    broker.count_registration("accepted")
    with broker.track_in_flight("student"):
        in_flight = samples(broker)[("culdesac_messages_in_flight", (("worker", "student"),))]

    # then
    found = samples(broker)
    labels = (("event_type", "student.registered.v1"), ("outcome", "ack"), ("worker", "student"))
    assert found[("culdesac_messages_total", labels)] == 2
    duration_labels = (("event_type", "student.registered.v1"), ("worker", "student"))
    assert found[("culdesac_message_duration_seconds_count", duration_labels)] == 2
    assert found[("culdesac_registrations_total", (("status", "accepted"),))] == 1
    assert in_flight == 1
    assert found[("culdesac_messages_in_flight", (("worker", "student"),))] == 0
    assert not any(name == "culdesac_messages_total" for name, _ in samples(other))


def test_should_count_settled_registrations_and_time_the_completed_ones() -> None:
    # given
    broker = PrometheusMetricsBroker()

    # when
    broker.observe_registration_settled("completed", 0.4)
    broker.observe_registration_settled("completed", 7.0)
    broker.observe_registration_settled("failed", 1.5)

    # then: a failed registration is counted, but it never completed
    found = samples(broker)
    assert found[("culdesac_registrations_total", (("status", "completed"),))] == 2
    assert found[("culdesac_registrations_total", (("status", "failed"),))] == 1
    assert found[("culdesac_registration_completion_seconds_count", ())] == 2
    assert found[("culdesac_registration_completion_seconds_sum", ())] == pytest.approx(7.4)
    assert found[("culdesac_registration_completion_seconds_bucket", (("le", "0.5"),))] == 1


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize(("ready", "expected_status"), [(True, 200), (False, 503)])
def test_should_serve_metrics_health_and_readiness(ready: bool, expected_status: int) -> None:
    # given
    broker = PrometheusMetricsBroker()
    broker.count_registration("accepted")
    server = MetricsServer(broker, lambda: ready)
    server.start("127.0.0.1", 0)
    url = f"http://127.0.0.1:{server.port}"

    # when
    try:
        with urllib.request.urlopen(f"{url}/metrics") as response:  # noqa: S310
            metrics = response.read().decode()
        health = status_of(f"{url}/healthz")
        readiness = status_of(f"{url}/readyz")
    finally:
        server.stop()

    # then
    assert 'culdesac_registrations_total{status="accepted"} 1.0' in metrics
    assert health == 200
    assert readiness == expected_status


def test_should_raise_port_unavailable_if_the_port_is_taken() -> None:
    # given
    first = MetricsServer(PrometheusMetricsBroker(), lambda: True)
    first.start("127.0.0.1", 0)
    taken_port = first.port
    second = MetricsServer(PrometheusMetricsBroker(), lambda: True)

    # when
    try:
        with pytest.raises(MetricsPortUnavailableError) as error_info:
            second.start("127.0.0.1", taken_port)
    finally:
        first.stop()

    # then
    assert error_info.value.port == taken_port
    assert str(error_info.value).startswith(f"metrics port {taken_port} is unavailable (")
    assert second.port == 0

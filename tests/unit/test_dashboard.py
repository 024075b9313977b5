"""The compose stack's dashboard asks only for metrics the processes export."""

from __future__ import annotations

import json
import re
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from brokers.metrics import PrometheusMetricsBroker

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = ROOT / "deploy" / "grafana" / "dashboards" / "culdesac.json"
SUFFIXES = ("_bucket", "_count", "_sum", "_total", "_created")


def exported_names() -> set[str]:
    broker = PrometheusMetricsBroker()
    # One observation of each, so every family has its samples.
    broker.observe_message("student", "student.registered.v1", "ack", 0.1)
    broker.observe_publish("student.persisted.v1", 0.1)
    broker.count_registration("accepted")
    broker.observe_registration_settled("completed", 1.0)
    broker.observe_http_request("/healthz", "GET", 200, 0.1)
    with broker.track_in_flight("student"):
        text = broker.exposition().decode()
    return {
        sample.name for family in text_string_to_metric_families(text) for sample in family.samples
    }


def test_should_chart_only_metrics_that_are_exported() -> None:
    # given
    dashboard = json.loads(DASHBOARD.read_text())
    expressions = [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]

    # when
    asked = {name for expr in expressions for name in re.findall(r"culdesac_[a-z_]+", expr)}

    # then
    assert asked, "the dashboard charts nothing"
    missing = {name for name in asked if name not in exported_names()}
    assert not missing, missing
    charted = {
        name.removesuffix(suffix) for name in asked for suffix in SUFFIXES if name.endswith(suffix)
    }
    assert "culdesac_registration_completion_seconds" in charted

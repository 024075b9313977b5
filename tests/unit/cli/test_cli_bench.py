"""``culdesac bench`` says in one line why it cannot run: no benchmarks, or RabbitMQ refuses."""

from __future__ import annotations

import sys
from unittest.mock import AsyncMock, Mock

import pytest
from faker import Faker
from typer.testing import CliRunner

import bench.__main__ as bench_main
from brokers.queues import QueueUnavailableError
from brokers.queues.rabbit_queue_broker import RabbitQueueBroker
from cli.app import app


def test_should_say_in_one_line_where_the_benchmarks_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given: a wheel has no bench package; None in sys.modules makes its import fail
    monkeypatch.setitem(sys.modules, "bench", None)
    monkeypatch.setitem(sys.modules, "bench.__main__", None)

    # when
    result = CliRunner().invoke(app, ["bench", "--runs", "1"])

    # then
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: the benchmarks run from a source checkout with the dev dependencies: make bench"
    ]
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_should_say_in_one_line_that_rabbitmq_refused_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, faker: Faker
) -> None:
    # given: the port answers, but RabbitMQ refuses the connection
    port = faker.port_number()
    monkeypatch.setenv("CULDESAC_AMQP_URL", f"amqp://guest:{faker.word()}@127.0.0.1:{port}/")
    monkeypatch.setenv("CULDESAC_MONGODB_URL", f"mongodb://127.0.0.1:{port + 1}")
    monkeypatch.setattr(bench_main, "port_answers", Mock(return_value=True))
    refusal = QueueUnavailableError("cannot connect to RabbitMQ: ProbableAuthenticationError")
    connect = AsyncMock(side_effect=refusal)
    monkeypatch.setattr(RabbitQueueBroker, "connect", connect)
    run_scenarios = Mock(return_value={})
    monkeypatch.setattr(bench_main, "run_scenarios", run_scenarios)

    # when
    result = CliRunner().invoke(app, ["bench", "--scenario", "student", "--runs", "1"])

    # then: before any benchmark starts
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "error: cannot connect to RabbitMQ: ProbableAuthenticationError"
    ]
    assert isinstance(result.exception, SystemExit)
    assert connect.await_count == 1
    assert run_scenarios.mock_calls == []

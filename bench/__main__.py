"""``python -m bench`` (``make bench``): the project beside plain baselines, on the same services.

Everything runs against the RabbitMQ at ``CULDESAC_AMQP_URL`` (default 127.0.0.1:5672) and the
MongoDB at ``CULDESAC_MONGODB_URL`` (default: a SecantusDB started for the run), each run in its
own namespace and database, every consumer in its own process:

- ``student``: N ``student.registered.v1`` events to ``culdesac worker student`` (its defaults:
  batches of ≤ 100 within 5 ms, prefetch 128), to a plain aio-pika + PyMongo consumer (validate,
  insert_one, confirmed outcome publish, ack; prefetch 32) and to the same with insert_many
  micro-batches (≤ 100 within 5 ms, prefetch 128).
- ``registrations``: N ``registration.requested.v1`` events at once to ``culdesac worker --all``
  and to a plain 5-queue fan-out (with and without micro-batches); then an open loop at half the
  project's measured rate, through ``culdesac ingress`` for the project.
- ``ingress``: ``culdesac ingress`` beside a plain FastAPI app that validates the same body and
  publishes it with a confirm: N posts over 32 connections, then an open loop at 200 requests/s
  (latency of each 202 from its scheduled time). The project's run sends a bearer token when
  ``culdesac api-keys create`` gives one.
- ``flatness``: the registration flow's pace at growing collection sizes (1k, 10k, 50k
  documents per collection, filled directly between stages so the run stays bounded).
- ``scaling``: the student worker and the registration flow with 1, 2 and 4 worker processes,
  the ingress with 1 and 2, on this RabbitMQ and then on a three-node cluster of private nodes
  the bench starts for itself (see ``bench/scaling.py``).

Completion is watched from outside: a private queue bound to the events exchange sees every
outcome event, so nothing polls the system while it is timed. Figures are medians of --runs runs;
storage commands come from the server's serverStatus opcounters; CPU and peak RSS from /proc.

``--save FILE`` keeps a run's figures as JSON; ``--baseline FILE`` prints them beside a saved run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
from collections.abc import Callable, Coroutine
from contextlib import ExitStack
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rich.console import Console
from rich.table import Table

from bench.figures import Figures, median_figures, ratio, shown, side_by_side
from bench.flatness import measure_flatness
from bench.ingress import measure_ingress
from bench.registrations import measure_open_loop, measure_registrations
from bench.runs import Broker
from bench.scaling import measure_scaling, scaling_table
from bench.student import measure_student
from tests.backing_services import (
    LOCAL_AMQP_URL,
    port_answers,
    secantus_executable,
    secantus_server,
)

SCENARIOS = ("student", "registrations", "ingress", "flatness", "scaling")
PIPELINES = ("project", "plain", "plain-batch")
INGRESS_PIPELINES = ("project", "plain")
Results = dict[str, dict[str, Figures]]
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")


def parser() -> argparse.ArgumentParser:
    arguments = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    arguments.add_argument("--scenario", choices=(*SCENARIOS, "all"), default="all")
    arguments.add_argument("--students", type=int, default=2000, help="student events per run")
    arguments.add_argument("--registrations", type=int, default=300, help="registrations per run")
    arguments.add_argument("--requests", type=int, default=2000, help="ingress posts per run")
    arguments.add_argument(
        "--sizes",
        type=lambda text: [int(part) for part in text.split(",")],
        default=[1000, 10_000, 50_000],
        help="collection sizes of the flatness stages, comma-separated",
    )
    arguments.add_argument(
        "--flat-registrations", type=int, default=200, help="registrations timed per stage"
    )
    arguments.add_argument("--runs", type=int, default=3, help="runs of each; medians are shown")
    arguments.add_argument(
        "--open-loop-seconds", type=float, default=20, help="length of the open-loop phase"
    )
    arguments.add_argument(
        "--open-loop-rate",
        type=float,
        help="registrations per second of the open loop (default: half the measured maximum)",
    )
    arguments.add_argument("--save", type=Path, help="write this run's figures to a JSON file")
    arguments.add_argument("--baseline", type=Path, help="compare with a run saved by --save")
    return arguments


def medians(
    runs: int,
    measure: Callable[[str], Coroutine[Any, Any, Figures]],
    pipelines: tuple[str, ...] = PIPELINES,
) -> dict[str, Figures]:
    """Each pipeline ``runs`` times, interleaved so that noise falls on all of them alike."""
    collected: dict[str, list[Figures]] = {pipeline: [] for pipeline in pipelines}
    for _ in range(runs):
        for pipeline in pipelines:
            collected[pipeline].append(asyncio.run(measure(pipeline)))
    return {pipeline: median_figures(figures) for pipeline, figures in collected.items()}


def loopback_only(url: str) -> str:
    """The URL when every host it names is this machine's loopback; else exit with one line."""
    hosts = [
        (part.rsplit("@", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0] or "127.0.0.1")
        for part in url.split("://", 1)[-1].split(",")
    ]
    if all(host in LOOPBACK_HOSTS for host in hosts):
        return url
    raise SystemExit(f"error: the benchmark loads only services on 127.0.0.1, not {hosts}")


async def rabbitmq_refusal(amqp_url: str) -> str | None:
    """Why RabbitMQ refuses a connection made as every command makes it, if it does.

    Credentials or a vhost it refuses would otherwise fail each benchmark client later, deep in
    a run, with a traceback.
    """
    from brokers.queues import QueueUnavailableError
    from hosting.brokers import create_queue_broker
    from hosting.settings import load_settings

    queue = create_queue_broker(load_settings(amqp_url=amqp_url), None, "culdesac-bench")
    # The client logs its failed connect too; the line below says it once.
    loggers = [logging.getLogger(client) for client in ("aio_pika", "aiormq")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        await queue.connect()
    except QueueUnavailableError as error:
        return str(error)
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
    await queue.close()
    return None


def main() -> None:
    arguments = parser().parse_args()
    chosen = SCENARIOS if arguments.scenario == "all" else (arguments.scenario,)
    amqp_url = loopback_only(os.environ.get("CULDESAC_AMQP_URL", LOCAL_AMQP_URL))
    if not port_answers(
        urlsplit(amqp_url).hostname or "127.0.0.1", urlsplit(amqp_url).port or 5672
    ):
        raise SystemExit(
            "error: no RabbitMQ answers at CULDESAC_AMQP_URL (default 127.0.0.1:5672); "
            "start one (rabbitmq-server -detached) and run again"
        )
    if (refusal := asyncio.run(rabbitmq_refusal(amqp_url))) is not None:
        raise SystemExit(f"error: {refusal}")
    if os.environ.get("CULDESAC_MONGODB_URL") is None and secantus_executable() is None:
        raise SystemExit(
            "error: no MongoDB: set CULDESAC_MONGODB_URL or install the dev dependencies "
            "(make install) for SecantusDB"
        )
    console = Console()
    if not console.is_terminal:
        console = Console(width=120)
    with ExitStack() as stack:
        mongodb_url = loopback_only(
            os.environ.get("CULDESAC_MONGODB_URL") or stack.enter_context(secantus_server())
        )
        results = run_scenarios(chosen, arguments, amqp_url, mongodb_url, console)
    for scenario, pipelines in results.items():
        if scenario == "flatness":
            console.print(flatness_table(pipelines))
        elif scenario == "scaling":
            console.print(scaling_table(pipelines))
        else:
            console.print(side_by_side_table(scenario, pipelines))
    if arguments.baseline:
        console.print(saved_table(results, json.loads(arguments.baseline.read_text())))
    if arguments.save:
        arguments.save.parent.mkdir(parents=True, exist_ok=True)
        arguments.save.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


def run_scenarios(
    chosen: tuple[str, ...],
    arguments: argparse.Namespace,
    amqp_url: str,
    mongodb_url: str,
    console: Console,
) -> Results:
    results: Results = {}
    broker = Broker.single(amqp_url)
    if "student" in chosen:
        console.print(f"student: {arguments.students} events, {arguments.runs} runs")
        results["student"] = medians(
            arguments.runs,
            lambda pipeline: measure_student(broker, mongodb_url, arguments.students, pipeline),
        )
    if "registrations" in chosen:
        console.print(f"registrations: {arguments.registrations} each, {arguments.runs} runs")
        results["registrations"] = medians(
            arguments.runs,
            lambda pipeline: measure_registrations(
                broker, mongodb_url, arguments.registrations, pipeline
            ),
        )
        maximum = results["registrations"]["project"].get("registrations per second")
        rate = arguments.open_loop_rate or max(1.0, float(maximum or 0) / 2)
        console.print(
            f"open loop: {rate:.1f} registrations/s for {arguments.open_loop_seconds} s …"
        )
        results["open loop"] = {
            pipeline: asyncio.run(
                measure_open_loop(broker, mongodb_url, pipeline, rate, arguments.open_loop_seconds)
            )
            for pipeline in PIPELINES
        }
    if "ingress" in chosen:
        console.print(f"ingress: {arguments.requests} posts each, {arguments.runs} runs")
        results["ingress"] = medians(
            arguments.runs,
            lambda pipeline: measure_ingress(
                broker,
                mongodb_url,
                arguments.requests,
                arguments.open_loop_seconds,
                pipeline,
            ),
            INGRESS_PIPELINES,
        )
    if "flatness" in chosen:
        console.print(
            f"flatness: {arguments.flat_registrations} registrations at {arguments.sizes}"
        )
        results["flatness"] = asyncio.run(
            measure_flatness(broker, mongodb_url, arguments.flat_registrations, arguments.sizes)
        )
    if "scaling" in chosen:
        console.print(
            f"scaling: {arguments.students} student events, {arguments.registrations}"
            f" registrations, {arguments.requests} posts; {arguments.runs} runs of each stage"
        )
        counts = (arguments.students, arguments.registrations, arguments.requests)
        results["scaling"] = measure_scaling(amqp_url, mongodb_url, counts, arguments.runs, console)
    return results


def side_by_side_table(scenario: str, pipelines: dict[str, Figures]) -> Table:
    if "plain-batch" not in pipelines:
        return pair_table(scenario, pipelines)
    table = Table(title=f"{scenario}: project beside plain aio-pika + PyMongo (medians)")
    for column in ("figure", "project", "plain", "ratio", "plain + batches", "ratio"):
        table.add_column(column, justify="left" if column == "figure" else "right")
    plain = side_by_side(pipelines["project"], pipelines["plain"])
    batched = side_by_side(pipelines["project"], pipelines["plain-batch"])
    for one, other in zip(plain, batched, strict=True):
        table.add_row(
            one.figure,
            shown(one.project, 2),
            shown(one.baseline, 2),
            shown(one.ratio, 2),
            shown(other.baseline, 2),
            shown(other.ratio, 2),
        )
    return table


def pair_table(scenario: str, pipelines: dict[str, Figures]) -> Table:
    table = Table(title=f"{scenario}: project beside its plain baseline (medians)")
    for column in ("figure", "project", "plain", "ratio"):
        table.add_column(column, justify="left" if column == "figure" else "right")
    for row in side_by_side(pipelines["project"], pipelines["plain"]):
        table.add_row(
            row.figure, shown(row.project, 2), shown(row.baseline, 2), shown(row.ratio, 2)
        )
    return table


def flatness_table(stages: dict[str, Figures]) -> Table:
    """Each stage's figures, and the pace of each stage beside the first one's."""
    table = Table(title="flatness: the registration flow as the collections grow")
    for column in ("collections", "registrations/s", "beside the first", "storage cmds/reg"):
        table.add_column(column, justify="left" if column == "collections" else "right")
    first = next(iter(stages.values()), {}).get("registrations per second")
    for stage, figures in stages.items():
        pace = figures.get("registrations per second")
        table.add_row(
            stage,
            shown(pace, 1),
            shown(ratio(pace, first), 2),
            shown(figures.get("storage commands per registration"), 2),
        )
    return table


def saved_table(results: Results, saved: Results) -> Table:
    table = Table(title="this run beside a saved run")
    for column in ("scenario", "pipeline", "figure", "this run", "saved", "ratio"):
        table.add_column(
            column, justify="right" if column in ("this run", "saved", "ratio") else "left"
        )
    for scenario, pipelines in results.items():
        for pipeline, figures in pipelines.items():
            before = saved.get(scenario, {}).get(pipeline, {})
            for name, value in figures.items():
                table.add_row(
                    scenario,
                    pipeline,
                    name,
                    shown(value, 2),
                    shown(before.get(name), 2),
                    shown(ratio(value, before.get(name)), 2),
                )
    return table


if __name__ == "__main__":
    main()

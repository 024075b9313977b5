"""The scaling table: more processes of each kind, on one RabbitMQ node and on a cluster.

Each flow runs as in its own scenario, the project only, its processes competing consumers of
the same queues (or ingresses behind one client that spreads its connections over them):

- the student worker with 1, 2 and 4 ``culdesac worker student`` processes;
- the registration flow with 1, 2 and 4 ``culdesac worker --all`` processes;
- the ingress with 1 and 2 ``culdesac ingress`` processes.

Every stage runs first on the machine's RabbitMQ and then on a three-node cluster the bench
starts for itself (private nodes on loopback ports, as fault scenario f does), every process
given all three URLs. Beside each flow's pace the table shows the CPU each kind of process
spent per unit and how many cores it kept busy, so what saturates first can be read off.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Callable, Coroutine, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.table import Table

from bench.figures import Figures, median_figures, ratio, shown
from bench.ingress import measure_ingress
from bench.processes import pids_named
from bench.registrations import measure_registrations
from bench.runs import Broker
from bench.student import measure_student
from tests.faults.rabbit_cluster import RabbitCluster
from tests.faults.rabbit_node import scratch_directory

WORKER_PROCESSES = (1, 2, 4)
INGRESS_PROCESSES = (1, 2)
# flow → (the figure of its pace, the unit of its CPU figures, the processes under test)
FLOWS = {
    "student": ("messages per second", "message", "workers"),
    "registrations": ("registrations per second", "registration", "workers"),
    "ingress": ("accepted per second", "request", "ingress"),
}
# What the CPU figures are read for: the processes under test, then the services, then the
# bench's own process (the load and the watcher).
GROUPS = ("processes", "broker", "storage", "bench")
Measure = Callable[[Broker, int], Coroutine[Any, Any, Figures]]


@contextmanager
def cluster_broker() -> Iterator[Broker]:
    """A three-node RabbitMQ cluster of private nodes, for as long as the block runs."""
    scratch = scratch_directory()
    cluster = RabbitCluster(scratch)
    try:
        cluster.start()
        pids = tuple(
            pid
            for node in cluster.nodes
            if node.pid is not None
            for pid in pids_named("beam.smp", node.pid)
        )
        yield Broker(cluster.nodes[0].url, cluster.urls, pids)
    finally:
        cluster.stop()
        shutil.rmtree(scratch, ignore_errors=True)


def stage_figures(flow: str, processes: int, measured: Figures) -> dict[str, float | int | None]:
    """A run's pace, and per group its CPU per unit and the cores it kept busy."""
    pace_name, unit, under_test = FLOWS[flow]
    pace = measured.get(pace_name)
    figures: dict[str, float | int | None] = {
        "processes": processes,
        "pace": pace,
        "failed": measured.get("failed outcomes", measured.get("refused")),
    }
    for group in GROUPS:
        name = under_test if group == "processes" else group
        per_unit = measured.get(f"CPU ms per {unit}, {name}")
        figures[f"CPU ms, {group}"] = per_unit
        figures[f"cores, {group}"] = (
            round(per_unit * pace / 1000, 2) if per_unit is not None and pace else None
        )
    return figures


def busiest(figures: Figures, processes: str = "processes") -> str:
    """The group that kept the most cores busy, with that figure.

    ``processes`` is what the processes under test are called (workers, ingress).
    """
    cores = {group: figures.get(f"cores, {group}") for group in GROUPS}
    known = {group: value for group, value in cores.items() if value is not None}
    if not known:
        return ""
    group = max(known, key=lambda name: known[name])
    return f"{processes if group == 'processes' else group} {known[group]:.2f}"


def cores_in_all(figures: Figures) -> float | None:
    """The cores every metered process kept busy together (the machine has ``os.cpu_count()``)."""
    cores = [value for group in GROUPS if (value := figures.get(f"cores, {group}")) is not None]
    return round(sum(cores), 2) if cores else None


def flows(
    mongodb_url: str, students: int, registrations: int, requests: int
) -> dict[str, tuple[tuple[int, ...], Measure]]:
    """Flow → (its process counts, how one run of it is measured with N processes)."""

    def student(broker: Broker, processes: int) -> Coroutine[Any, Any, Figures]:
        return measure_student(broker, mongodb_url, students, "project", processes)

    def registration(broker: Broker, processes: int) -> Coroutine[Any, Any, Figures]:
        return measure_registrations(broker, mongodb_url, registrations, "project", processes)

    def ingress(broker: Broker, processes: int) -> Coroutine[Any, Any, Figures]:
        return measure_ingress(broker, mongodb_url, requests, None, "project", processes=processes)

    return {
        "student": (WORKER_PROCESSES, student),
        "registrations": (WORKER_PROCESSES, registration),
        "ingress": (INGRESS_PROCESSES, ingress),
    }


def measure_on(
    broker_name: str,
    broker: Broker,
    measures: dict[str, tuple[tuple[int, ...], Measure]],
    runs: int,
    console: Console,
) -> dict[str, Figures]:
    """Every flow at every process count on ``broker``, medians of ``runs`` interleaved runs."""
    stages: dict[str, Figures] = {}
    for flow, (counts, measure) in measures.items():
        collected: dict[int, list[Figures]] = {count: [] for count in counts}
        for run in range(runs):
            for count in counts:
                console.print(f"  {broker_name}: {flow}, {count} process(es), run {run + 1}")
                measured = asyncio.run(measure(broker, count))
                collected[count].append(stage_figures(flow, count, measured))
        for count, figures in collected.items():
            stages[f"{broker_name} · {flow} · {count}"] = median_figures(figures)
    return stages


def measure_scaling(
    amqp_url: str,
    mongodb_url: str,
    counts: tuple[int, int, int],
    runs: int,
    console: Console,
) -> dict[str, Figures]:
    """The scaling stages on the machine's RabbitMQ, then on a three-node cluster."""
    measures = flows(mongodb_url, *counts)
    stages = measure_on("1 node", Broker.single(amqp_url), measures, runs, console)
    console.print("  starting a three-node RabbitMQ cluster …")
    with cluster_broker() as cluster:
        stages |= measure_on("3 nodes", cluster, measures, runs, console)
    return stages


def scaling_table(stages: Mapping[str, Figures]) -> Table:
    """One row per broker, flow and process count, with the pace beside one process's."""
    table = Table(
        title="scaling: processes of each kind, on one RabbitMQ node and on a 3-node cluster",
        caption=(
            "CPU ms per unit (student: message, registrations: registration, ingress: request);"
            " cores: CPU seconds per second, every kind of process together"
        ),
    )
    columns = ("RabbitMQ", "flow", "procs", "per s", "beside 1")
    cpu = ("ms: procs", "broker", "storage", "bench", "cores", "busiest")
    for column in (*columns, *cpu):
        if column in columns[:2]:
            table.add_column(column, justify="left", no_wrap=True)
        else:
            table.add_column(column, justify="right", no_wrap=True)
    firsts: dict[tuple[str, str], float | int | None] = {}
    for stage, figures in stages.items():
        broker_name, flow, _ = stage.split(" · ")
        pace = figures.get("pace")
        first = firsts.setdefault((broker_name, flow), pace)
        table.add_row(
            broker_name,
            flow,
            shown(figures.get("processes")),
            shown(pace, 1),
            shown(ratio(pace, first), 2),
            *(shown(figures.get(f"CPU ms, {group}"), 2) for group in GROUPS),
            shown(cores_in_all(figures), 2),
            busiest(figures, FLOWS[flow][2]),
        )
    return table

"""``python -m bench`` (``make bench``): end-to-end figures of worker processes on real services.

Two scenarios, each against the RabbitMQ at ``CULDESAC_AMQP_URL`` (default 127.0.0.1:5672) and
the MongoDB at ``CULDESAC_MONGODB_URL`` (default: a SecantusDB started for the run):

- ``student``: ``culdesac worker student`` alone; N student events from a plain AMQP client;
  messages per second until every student is stored.
- ``registrations``: ``culdesac worker --all`` and ``culdesac ingress``; N registrations posted
  over HTTP; registrations per second and accept→completed latency from the ledger.

``--save FILE`` keeps a run's figures; ``--baseline FILE`` prints them side by side with an
earlier run and the ratio of each.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from bench.registrations import measure_registrations
from bench.student import measure_student
from tests.backing_services import LOCAL_AMQP_URL, secantus_server

SCENARIOS = ("student", "registrations")


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--scenario", choices=(*SCENARIOS, "all"), default="all")
    parser.add_argument("--students", type=int, default=2000, help="student events to publish")
    parser.add_argument("--registrations", type=int, default=300, help="registrations to post")
    parser.add_argument("--save", type=Path, help="write this run's figures to a JSON file")
    parser.add_argument("--baseline", type=Path, help="compare with a run saved by --save")
    arguments = parser.parse_args()
    chosen = SCENARIOS if arguments.scenario == "all" else (arguments.scenario,)
    amqp_url = os.environ.get("CULDESAC_AMQP_URL", LOCAL_AMQP_URL)
    results: dict[str, dict[str, Any]] = {}
    with ExitStack() as stack:
        mongodb_url = os.environ.get("CULDESAC_MONGODB_URL") or stack.enter_context(
            secantus_server()
        )
        if "student" in chosen:
            results["student"] = asyncio.run(
                measure_student(amqp_url, mongodb_url, arguments.students, 32)
            )
        if "registrations" in chosen:
            results["registrations"] = asyncio.run(
                measure_registrations(amqp_url, mongodb_url, arguments.registrations)
            )
    baseline = json.loads(arguments.baseline.read_text()) if arguments.baseline else {}
    Console().print(report(results, baseline))
    if arguments.save:
        arguments.save.parent.mkdir(parents=True, exist_ok=True)
        arguments.save.write_text(json.dumps(results, indent=2))


def report(results: dict[str, dict[str, Any]], baseline: dict[str, dict[str, Any]]) -> Table:
    table = Table(title="culdesac bench")
    for column in ("scenario", "figure", "this run", "baseline", "ratio"):
        table.add_column(column, justify="left" if column in ("scenario", "figure") else "right")
    for scenario, figures in results.items():
        for name, value in figures.items():
            before = baseline.get(scenario, {}).get(name)
            ratio = f"x{value / before:.2f}" if isinstance(before, int | float) and before else ""
            table.add_row(scenario, name, str(value), "" if before is None else str(before), ratio)
    return table


if __name__ == "__main__":
    main()

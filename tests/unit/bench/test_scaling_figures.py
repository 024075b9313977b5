from __future__ import annotations

import os
from pathlib import Path

import pytest
from rich.console import Console

from bench.processes import CpuMeter, Usage
from bench.scaling import busiest, scaling_table, stage_figures


def test_a_stage_keeps_its_pace_and_reads_cores_from_cpu_per_unit() -> None:
    measured = {
        "messages per second": 400.0,
        "failed outcomes": 0,
        "CPU ms per message, workers": 2.5,
        "CPU ms per message, broker": 1.0,
        "CPU ms per message, storage": 0.5,
        "CPU ms per message, bench": 0.25,
    }

    figures = stage_figures("student", 2, measured)

    assert figures["processes"] == 2
    assert figures["pace"] == 400.0
    assert figures["failed"] == 0
    assert figures["CPU ms, processes"] == 2.5
    assert figures["cores, processes"] == 1.0  # 2.5 ms x 400/s
    assert figures["cores, broker"] == 0.4
    assert figures["cores, storage"] == 0.2
    assert figures["cores, bench"] == 0.1


def test_the_ingress_stage_reads_its_own_processes_and_refusals() -> None:
    measured = {"accepted per second": 200.0, "refused": 3, "CPU ms per request, ingress": 4.0}

    figures = stage_figures("ingress", 1, measured)

    assert figures["failed"] == 3
    assert figures["cores, processes"] == 0.8
    assert figures["CPU ms, broker"] is None
    assert figures["cores, broker"] is None


def test_busiest_names_the_group_with_the_most_cores() -> None:
    figures = {"cores, processes": 0.7, "cores, broker": 0.9, "cores, storage": None}

    assert busiest(figures) == "broker 0.90"
    assert busiest({"cores, processes": 1.5, "cores, broker": 0.9}, "ingress") == "ingress 1.50"
    assert busiest({}) == ""


def test_the_table_shows_each_pace_beside_one_process_of_its_broker_and_flow() -> None:
    stages = {
        "1 node · student · 1": {"processes": 1, "pace": 300.0, "cores, processes": 0.9},
        "1 node · student · 2": {"processes": 2, "pace": 450.0, "cores, processes": 1.2},
        "3 nodes · student · 1": {"processes": 1, "pace": 150.0},
        "3 nodes · student · 2": {"processes": 2, "pace": 150.0},
    }
    console = Console(width=200, record=True)

    console.print(scaling_table(stages))
    rows = [
        [cell.strip() for cell in line.split("│")[1:-1]]
        for line in console.export_text().splitlines()
        if line.startswith("│") and "student" in line
    ]

    assert [(row[0], row[2], row[3], row[4]) for row in rows] == [
        ("1 node", "1", "300", "1"),
        ("1 node", "2", "450", "1.50"),
        ("3 nodes", "1", "150", "1"),  # beside the cluster's own first row
        ("3 nodes", "2", "150", "1"),
    ]
    assert rows[1][-1] == "workers 1.20"


def test_a_group_of_processes_is_metered_as_the_sum_of_its_members(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    readings = {1: [Usage(1.0, 10.0), Usage(3.0, 12.0)], 2: [Usage(2.0, 20.0), Usage(2.5, 21.0)]}
    monkeypatch.setattr("bench.processes.usage_of", lambda pid: readings[pid].pop(0))
    meter = CpuMeter({"workers": [1, 2]})

    meter.start()
    meter.stop()

    assert meter.cpu_seconds == {"workers": 2.5}
    assert meter.peak_rss_mb == {"workers": 33.0}


def test_a_group_with_a_member_gone_is_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    readings: dict[int, list[Usage | None]] = {
        1: [Usage(1.0, 10.0), Usage(3.0, 12.0)],
        2: [Usage(2.0, 20.0), None],
    }
    monkeypatch.setattr("bench.processes.usage_of", lambda pid: readings[pid].pop(0))
    meter = CpuMeter({"workers": [1, 2]})

    meter.start()
    meter.stop()

    assert meter.cpu_seconds == {}


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs Linux /proc")
def test_processes_are_found_by_name_and_by_their_process_group() -> None:
    from bench.processes import pids_named

    name = Path(f"/proc/{os.getpid()}/comm").read_text().strip()

    assert os.getpid() in pids_named(name)
    assert os.getpid() in pids_named(name, os.getpgid(0))
    assert os.getpid() not in pids_named(name, os.getpgid(0) + 1)

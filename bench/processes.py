"""CPU seconds and peak RSS of processes, read from ``/proc`` (Linux) without touching them."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
PROC = Path("/proc")


@dataclass(frozen=True, slots=True)
class Usage:
    cpu_seconds: float
    peak_rss_mb: float


def usage_of(pid: int) -> Usage | None:
    """User + system CPU seconds and peak RSS (``VmHWM``) of ``pid``; ``None`` when it is gone."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
        status = (PROC / str(pid) / "status").read_text()
    except OSError:
        return None
    # The command name may hold spaces: the fields start after its closing parenthesis.
    fields = stat.rsplit(")", 1)[1].split()
    utime, stime = int(fields[11]), int(fields[12])
    peak_kb = next(
        (int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0
    )
    return Usage((utime + stime) / CLOCK_TICKS, round(peak_kb / 1024, 1))


def pids_named(command: str, group: int | None = None) -> list[int]:
    """Processes named ``command`` (RabbitMQ's ``beam.smp``), of process group ``group`` if given.

    A private RabbitMQ node's VM is found by its group: the node is started in a session of its
    own, whose group id is the pid of the script that started it.
    """
    found = []
    for entry in PROC.glob("[0-9]*"):
        try:
            if (entry / "comm").read_text().strip() != command:
                continue
            # The fields after the command name's closing parenthesis: state, ppid, pgrp, …
            if (
                group is None
                or int((entry / "stat").read_text().rsplit(")", 1)[1].split()[2]) == group
            ):
                found.append(int(entry.name))
        except OSError:
            continue
    return sorted(found)


class CpuMeter:
    """CPU seconds each group of processes spent between ``start`` and ``stop``, and peak RSS.

    A group's figures are the sums over its processes.
    """

    def __init__(self, pids: Mapping[str, Sequence[int]]) -> None:
        self.pids = pids
        self._started: dict[str, float] = {}
        self.cpu_seconds: dict[str, float] = {}
        self.peak_rss_mb: dict[str, float] = {}

    def start(self) -> None:
        for name, pids in self.pids.items():
            usages = [usage_of(pid) for pid in pids]
            if usages and all(usage is not None for usage in usages):
                self._started[name] = sum(usage.cpu_seconds for usage in usages if usage)

    def stop(self) -> None:
        for name, pids in self.pids.items():
            usages = [usage_of(pid) for pid in pids]
            if name not in self._started or not all(usage is not None for usage in usages):
                continue
            cpu_seconds = sum(usage.cpu_seconds for usage in usages if usage)
            self.cpu_seconds[name] = round(cpu_seconds - self._started[name], 2)
            self.peak_rss_mb[name] = round(sum(usage.peak_rss_mb for usage in usages if usage), 1)

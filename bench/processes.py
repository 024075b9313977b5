"""CPU seconds and peak RSS of processes, read from ``/proc`` (Linux) without touching them."""

from __future__ import annotations

import os
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


def pids_named(command: str) -> list[int]:
    """Processes whose short command name is ``command`` (for example RabbitMQ's ``beam.smp``)."""
    found = []
    for entry in PROC.glob("[0-9]*"):
        try:
            if (entry / "comm").read_text().strip() == command:
                found.append(int(entry.name))
        except OSError:
            continue
    return sorted(found)


class CpuMeter:
    """CPU seconds each named process spent between ``start`` and ``stop``, and its peak RSS."""

    def __init__(self, pids: dict[str, int]) -> None:
        self.pids = pids
        self._started: dict[str, float] = {}
        self.cpu_seconds: dict[str, float] = {}
        self.peak_rss_mb: dict[str, float] = {}

    def start(self) -> None:
        self._started = {
            name: usage.cpu_seconds
            for name, pid in self.pids.items()
            if (usage := usage_of(pid)) is not None
        }

    def stop(self) -> None:
        for name, pid in self.pids.items():
            usage = usage_of(pid)
            if usage is None or name not in self._started:
                continue
            self.cpu_seconds[name] = round(usage.cpu_seconds - self._started[name], 2)
            self.peak_rss_mb[name] = usage.peak_rss_mb

"""Waiting on outcomes with a deadline, never with a bare sleep."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Awaitable, Callable

Condition = Callable[[], bool | Awaitable[bool]]

INTERVAL_SECONDS = 0.02


async def holds(condition: Condition) -> bool:
    outcome = condition()
    return await outcome if inspect.isawaitable(outcome) else outcome


async def eventually(condition: Condition, *, within: float = 5.0, what: str = "") -> None:
    """Return as soon as ``condition`` holds; fail when it still does not after ``within``."""
    deadline = time.monotonic() + within
    while not await holds(condition):
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {within} s: {what or condition}")
        await asyncio.sleep(INTERVAL_SECONDS)


async def throughout(condition: Condition, *, seconds: float, what: str = "") -> None:
    """Fail as soon as ``condition`` stops holding during the next ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not await holds(condition):
            raise AssertionError(f"stopped being true: {what or condition}")
        await asyncio.sleep(INTERVAL_SECONDS)

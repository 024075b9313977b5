"""Storage commands counted by the server itself (``serverStatus`` opcounters), for every client."""

from __future__ import annotations

from typing import Any

from pymongo import AsyncMongoClient

OPCOUNTERS = ("insert", "query", "update", "delete", "getmore", "command")


async def server_status(client: AsyncMongoClient[dict[str, Any]]) -> dict[str, Any]:
    status: dict[str, Any] = await client.admin.command("serverStatus")
    return status


async def commands_so_far(client: AsyncMongoClient[dict[str, Any]]) -> int:
    """Every command the server answered so far; each call counts itself once, not subtracted."""
    counters = (await server_status(client)).get("opcounters", {})
    return sum(int(counters.get(name, 0)) for name in OPCOUNTERS)


async def server_pid(client: AsyncMongoClient[dict[str, Any]]) -> int | None:
    pid = (await server_status(client)).get("pid")
    return int(pid) if isinstance(pid, int) else None

"""Where RabbitMQ placed each queue (leader and members), read from its management HTTP API.

AMQP does not say which node leads a quorum queue; the management plugin does. Its address is
given explicitly, or taken from each AMQP node's host on the plugin's default port, with the
AMQP URL's credentials.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote

import httpx
from yarl import URL

from brokers.queues.queue_broker import QueueUnavailableError
from brokers.queues.rabbit_nodes import node_urls, without_password

MANAGEMENT_PORT = 15672
TIMEOUT_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class QueuePlacement:
    """One queue's type and the nodes holding it (the leader first, for a quorum queue)."""

    queue: str
    queue_type: str
    leader: str
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ManagementEndpoint:
    base_url: str
    username: str
    password: str
    vhost: str


def management_endpoints(amqp_urls: str, management_urls: str | None) -> list[ManagementEndpoint]:
    """The management APIs to ask, in order: the given ones, or one per AMQP node."""
    nodes = [URL(node) for node in node_urls(amqp_urls)]
    first = nodes[0]
    vhost = first.path[1:] or "/"
    if management_urls:
        return [
            ManagementEndpoint(
                str(URL(url).with_user(None).with_query(None)).rstrip("/"),
                URL(url).user or first.user or "guest",
                URL(url).password or first.password or "guest",
                vhost,
            )
            for url in node_urls(management_urls)
        ]
    return [
        ManagementEndpoint(
            f"http://{node.host}:{MANAGEMENT_PORT}",
            node.user or "guest",
            node.password or "guest",
            node.path[1:] or "/",
        )
        for node in nodes
    ]


class RabbitManagementBroker:
    """Reads queue placements from the first management API that answers."""

    def __init__(self, endpoints: Sequence[ManagementEndpoint]) -> None:
        self._endpoints = endpoints

    async def select_queue_placements(self, queues: Sequence[str]) -> list[QueuePlacement]:
        """The placement of each named queue.

        Raises ``QueueUnavailableError`` when no API answers (the management plugin is off, or
        its address is not the one assumed).
        """
        failures = []
        for endpoint in self._endpoints:
            try:
                return await _placements(endpoint, queues)
            except (httpx.HTTPError, ValueError, KeyError) as error:
                failures.append(f"{without_password(endpoint.base_url)} ({type(error).__name__})")
        raise QueueUnavailableError(f"no RabbitMQ management API answered: {', '.join(failures)}")


async def _placements(endpoint: ManagementEndpoint, queues: Sequence[str]) -> list[QueuePlacement]:
    vhost = quote(endpoint.vhost, safe="")
    async with httpx.AsyncClient(
        base_url=endpoint.base_url,
        auth=(endpoint.username, endpoint.password),
        timeout=TIMEOUT_SECONDS,
    ) as client:
        placements = []
        for queue in queues:
            response = await client.get(
                f"/api/queues/{vhost}/{quote(queue, safe='')}",
                params={"disable_stats": "true"},
            )
            response.raise_for_status()
            placements.append(_placement(queue, response.json()))
        return placements


def _placement(queue: str, document: Mapping[str, object]) -> QueuePlacement:
    queue_type = str(document.get("type", "classic"))
    leader = str(document.get("leader") or document.get("node") or "")
    members = document.get("members")
    listed = tuple(str(member) for member in members) if isinstance(members, list) else (leader,)
    # The leader first, then the others in the API's order.
    ordered = (leader, *(member for member in listed if member != leader)) if leader else listed
    return QueuePlacement(queue, queue_type, leader, ordered)

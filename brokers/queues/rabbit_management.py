"""Queue statistics from RabbitMQ's management HTTP API: depth, consumers and message rates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import httpx

from brokers.queues.queue_broker import QueueUnavailableError
from brokers.queues.queue_statistics import QueueStatistics

MANAGEMENT_PORT = 15672
TIMEOUT_SECONDS = 5.0
COLUMNS = "name,messages_ready,consumers,message_stats"


def management_url_of(amqp_url: str) -> str:
    """The management API beside an AMQP server: same host and credentials, port 15672."""
    parts = urlsplit(amqp_url.split(",", maxsplit=1)[0])
    credentials = ""
    if parts.username is not None:
        credentials = f"{parts.username}:{parts.password or ''}@"
    scheme = "https" if parts.scheme == "amqps" else "http"
    return f"{scheme}://{credentials}{parts.hostname or '127.0.0.1'}:{MANAGEMENT_PORT}/"


def vhost_of(amqp_url: str) -> str:
    path = urlsplit(amqp_url.split(",", maxsplit=1)[0]).path
    return "/" if path in ("", "/") else unquote(path.removeprefix("/"))


class RabbitManagementStatistics:
    def __init__(
        self, url: str, vhost: str = "/", transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        parts = urlsplit(url)
        auth = (parts.username or "guest", parts.password or "guest")
        base = f"{parts.scheme}://{parts.hostname}:{parts.port or MANAGEMENT_PORT}"
        self._vhost = vhost
        self._client = httpx.AsyncClient(
            base_url=base, auth=auth, timeout=TIMEOUT_SECONDS, transport=transport
        )

    @property
    def source(self) -> str:
        return "management"

    async def connect(self) -> None:
        await self._get("/api/overview")

    async def close(self) -> None:
        await self._client.aclose()

    async def read_queues(self, names: Sequence[str]) -> Mapping[str, QueueStatistics]:
        listed = await self._get(f"/api/queues/{quote(self._vhost, safe='')}", columns=COLUMNS)
        wanted = set(names)
        return {
            queue["name"]: statistics_of(queue)
            for queue in listed
            if isinstance(queue, dict) and queue.get("name") in wanted
        }

    async def _get(self, path: str, **params: str) -> Any:
        try:
            response = await self._client.get(path, params=params)
            response.raise_for_status()
            return response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise QueueUnavailableError(
                f"the RabbitMQ management API did not answer: {type(error).__name__}"
            ) from error


def statistics_of(queue: Mapping[str, Any]) -> QueueStatistics:
    stats = queue.get("message_stats") or {}
    return QueueStatistics(
        depth=int(queue.get("messages_ready") or 0),
        consumers=int(queue.get("consumers") or 0),
        in_per_second=rate(stats, "publish_details"),
        out_per_second=rate(stats, "ack_details"),
    )


def rate(stats: Mapping[str, Any], key: str) -> float:
    details = stats.get(key) or {}
    return float(details.get("rate") or 0.0)

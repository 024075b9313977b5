"""Three private RabbitMQ nodes joined into one cluster, for the cluster fault scenario.

Each node is a ``RabbitNode`` of its own (name, ports, data and logs under the scratch
directory); they share one Erlang cookie, so they can join and ``rabbitmqctl`` can reach them.
"""

from __future__ import annotations

import json
import re
import secrets
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.faults.rabbit_node import RabbitNode, RabbitNodeError

CLUSTER_SIZE = 3
_CONNECTION_NAME = re.compile(
    r'"connection_name","(?P<name>[^"]*)"|connection_name,<<"(?P<raw>[^"]*)">>'
)


class RabbitCluster:
    def __init__(self, scratch: Path, size: int = CLUSTER_SIZE) -> None:
        cookie = secrets.token_hex(20).upper()
        self.nodes = [
            RabbitNode(scratch / f"node-{number}", cookie, management=True)
            for number in range(size)
        ]

    @property
    def urls(self) -> str:
        """Every node's URL, comma-separated, as ``CULDESAC_AMQP_URL`` takes them."""
        return ",".join(node.url for node in self.nodes)

    @property
    def management_urls(self) -> str:
        return ",".join(node.management_url for node in self.nodes)

    @property
    def url(self) -> str:
        """One running node's URL, for a plain client."""
        return self.live_node().url

    def start(self) -> None:
        """Start the nodes side by side, then join the others to the first one."""
        with ThreadPoolExecutor(len(self.nodes)) as pool:
            for started in [pool.submit(node.start) for node in self.nodes]:
                started.result()
        first, others = self.nodes[0], self.nodes[1:]
        # stop_app takes some 5 s a node and touches only that node: side by side. The joins
        # change the cluster's membership, so they stay one after the other.
        with ThreadPoolExecutor(len(others)) as pool:
            for stopped in [pool.submit(node.ctl, "stop_app") for node in others]:
                stopped.result()
        for node in others:
            node.ctl("join_cluster", first.name)
            node.ctl("start_app")
            node.ctl("await_startup")
        running = self.running_nodes()
        if len(running) != len(self.nodes):
            raise RabbitNodeError(f"the cluster runs {running}, not all of {self.names()}")

    def stop(self) -> None:
        for node in self.nodes:
            node.stop()

    def kill(self) -> None:
        """End every node at once, for a cluster whose data is thrown away right after."""
        for node in self.nodes:
            node.kill()

    def names(self) -> list[str]:
        return [node.name for node in self.nodes]

    def node_named(self, name: str) -> RabbitNode:
        return next(node for node in self.nodes if node.name == name)

    def live_node(self) -> RabbitNode:
        node = next((node for node in self.nodes if node.is_running()), None)
        if node is None:
            raise RabbitNodeError("no node of the cluster runs")
        return node

    def running_nodes(self) -> list[str]:
        """The nodes the cluster itself counts as running."""
        status = self.live_node().ctl("cluster_status", "--formatter", "json")
        return sorted(_json(status).get("running_nodes", []))

    def leaders(self, prefix: str) -> dict[str, str]:
        """The leader node of each quorum queue whose name starts with ``prefix``."""
        output = self.live_node().ctl(
            "list_queues", "name", "leader", "--quiet", "--no-table-headers"
        )
        leaders = {}
        for line in output.splitlines():
            name, _, leader = line.strip().partition("\t")
            if name.startswith(prefix) and leader.strip():
                leaders[name] = leader.strip()
        return leaders

    def connections_by_node(self) -> dict[str, list[str]]:
        """Client connections (by their connection name) on each node, by node name."""
        output = self.live_node().ctl(
            "list_connections", "port", "client_properties", "--quiet", "--no-table-headers"
        )
        by_port = {str(node.port): node.name for node in self.nodes}
        found: dict[str, list[str]] = {node.name: [] for node in self.nodes}
        for line in output.splitlines():
            port, _, properties = line.strip().partition("\t")
            named = _CONNECTION_NAME.search(properties)
            if port in by_port:
                found[by_port[port]].append((named["name"] or named["raw"]) if named else "unnamed")
        return found

    def queue_depths(self) -> dict[str, int]:
        return self.live_node().queue_depths()

    def queue_consumers(self) -> dict[str, int]:
        return self.live_node().queue_consumers()


def _json(text: str) -> dict[str, list[str]]:
    value = json.loads(text)
    return value if isinstance(value, dict) else {}

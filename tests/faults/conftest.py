"""The fault suite's own services: a private RabbitMQ node and a SecantusDB per scenario.

Everything runs on loopback. The RabbitMQ node is the suite's, started once per session on free
ports and removed afterwards; the machine's shared server is never touched. When the node cannot
start, the suite skips with the reason — or fails when ``CI`` is set.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest

from tests.backing_services import unavailable
from tests.faults.figures import FIGURES, ScenarioFigures, figures_line
from tests.faults.mongo_server import MongoWireServer
from tests.faults.rabbit_cluster import RabbitCluster
from tests.faults.rabbit_node import RabbitNode, RabbitNodeError, scratch_directory
from tests.faults.reconciliation import StoredDocuments
from tests.faults.scenario import RETRY_DELAY_TIERS, FaultScenario
from tests.faults.stack import Culdesac

HERE = Path(__file__).parent
# A scenario takes 20 to 40 s here; this bounds one that hangs (each wait inside has its own).
SCENARIO_TIMEOUT_SECONDS = 240

Report = Callable[[ScenarioFigures], None]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.faults)
            item.add_marker(pytest.mark.timeout(SCENARIO_TIMEOUT_SECONDS))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    figures = terminalreporter.config.stash.get(FIGURES, [])
    if not figures:
        return
    terminalreporter.section("fault scenarios")
    figures = sorted(figures, key=lambda scenario: scenario.scenario)
    for scenario in figures:
        terminalreporter.write_line(figures_line(scenario))
    cache = getattr(terminalreporter.config, "cache", None)  # absent with -p no:cacheprovider
    if cache is not None:
        cache.set("culdesac/faults", [scenario.as_json() for scenario in figures])


@pytest.fixture(scope="session")
def rabbit_node() -> Iterator[RabbitNode]:
    scratch = scratch_directory()
    try:
        node = RabbitNode(scratch)
        node.start()
    except RabbitNodeError as error:
        shutil.rmtree(scratch, ignore_errors=True)
        unavailable(f"the fault suite's private RabbitMQ node did not start: {error}")
        raise  # unavailable() skips or fails; this line is never reached
    try:
        yield node
    finally:
        # Its data is removed right after: killing spares the graceful stop's seconds.
        node.kill()
        shutil.rmtree(scratch, ignore_errors=True)


@pytest.fixture(scope="session")
def rabbit_cluster() -> Iterator[RabbitCluster]:
    """Three private nodes joined into one cluster, started when a scenario first asks."""
    scratch = scratch_directory()
    cluster = RabbitCluster(scratch)
    try:
        cluster.start()
    except RabbitNodeError as error:
        cluster.stop()
        shutil.rmtree(scratch, ignore_errors=True)
        unavailable(f"the fault suite's private RabbitMQ cluster did not start: {error}")
        raise  # unavailable() skips or fails; this line is never reached
    try:
        yield cluster
    finally:
        cluster.kill()
        shutil.rmtree(scratch, ignore_errors=True)


@pytest.fixture
def mongo_server(tmp_path: Path) -> Iterator[MongoWireServer]:
    server = MongoWireServer(tmp_path / "secantus-data")
    server.start()
    yield server
    server.discard()


@pytest.fixture
async def culdesac(
    rabbit_node: RabbitNode,
    mongo_server: MongoWireServer,
    namespace: str,
    database_name: str,
    tmp_path: Path,
) -> AsyncIterator[Culdesac]:
    """The scenario's processes (not started yet), in a namespace and database of their own.

    Their logs are kept under the test's ``tmp_path`` (``logs/``) once it ends.
    """
    rabbit_node.start()
    stack = Culdesac(
        stack_environment(rabbit_node.url, mongo_server.url, database_name, namespace),
        tmp_path / "logs",
    )
    yield stack
    stack.stop()


def stack_environment(
    amqp_url: str, mongodb_url: str, database_name: str, namespace: str
) -> dict[str, str]:
    return {
        "CULDESAC_AMQP_URL": amqp_url,
        "CULDESAC_MONGODB_URL": mongodb_url,
        "CULDESAC_MONGODB_DATABASE": database_name,
        "CULDESAC_NAMESPACE": namespace,
        "CULDESAC_LOG_FORMAT": "json",
        "CULDESAC_RETRY_DELAYS": json.dumps(RETRY_DELAY_TIERS),
        # A command gives MongoDB 2 s, not the default 5: a message in the 10 s outage then
        # fails several times before the server is back, however the outage falls against
        # the messages (with 5 s, a second failure depended on a margin of a fraction of one).
        "CULDESAC_MONGODB_TIMEOUT_MS": "2000",
        "CULDESAC_MAX_SERVICE_RETRIES": "2",
        "CULDESAC_SHUTDOWN_TIMEOUT": "10",
        # Several workers run side by side here: none serves metrics on the shared port.
        "CULDESAC_METRICS_PORT": "0",
    }


@pytest.fixture
async def cluster_culdesac(
    rabbit_cluster: RabbitCluster,
    mongo_server: MongoWireServer,
    namespace: str,
    database_name: str,
    tmp_path: Path,
) -> AsyncIterator[Culdesac]:
    """The scenario's processes, each given every node of the cluster."""
    for node in rabbit_cluster.nodes:
        node.start()
    environment = stack_environment(rabbit_cluster.urls, mongo_server.url, database_name, namespace)
    stack = Culdesac(
        {**environment, "CULDESAC_MANAGEMENT_URL": rabbit_cluster.management_urls},
        tmp_path / "logs",
    )
    yield stack
    stack.stop()


@pytest.fixture
async def cluster_scenario(
    cluster_culdesac: Culdesac,
    stored: StoredDocuments,
    rabbit_cluster: RabbitCluster,
    namespace: str,
    report: Report,
) -> AsyncIterator[FaultScenario]:
    fault_scenario = FaultScenario(cluster_culdesac, stored, rabbit_cluster, namespace, report)
    yield fault_scenario
    await fault_scenario.close()


@pytest.fixture
async def stored(
    mongo_server: MongoWireServer, database_name: str
) -> AsyncIterator[StoredDocuments]:
    documents = StoredDocuments(mongo_server.url, database_name)
    yield documents
    await documents.close()


@pytest.fixture
async def scenario(
    culdesac: Culdesac,
    stored: StoredDocuments,
    rabbit_node: RabbitNode,
    namespace: str,
    report: Report,
) -> AsyncIterator[FaultScenario]:
    fault_scenario = FaultScenario(culdesac, stored, rabbit_node, namespace, report)
    yield fault_scenario
    await fault_scenario.close()


@pytest.fixture
def report(request: pytest.FixtureRequest) -> Report:
    """Print a scenario's figures as it ends (whatever ``-s`` says); keep them for the summary."""
    config = request.config
    terminal = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")

    def write(figures: ScenarioFigures) -> None:
        config.stash.setdefault(FIGURES, []).append(figures)
        if terminal is None or capture is None:
            return
        with capture.global_and_fixture_disabled():
            terminal.write_line(figures_line(figures))

    return write

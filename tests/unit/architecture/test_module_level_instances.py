"""No broker or client is made at import: composition roots make them, when a process starts."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

import pytest

from tests.unit.architecture.floors import FLOORS
from tests.unit.architecture.source_files import parse, python_files

# Classes and factories whose instances hold connections, pools or registries.
MADE_AT_IMPORT = re.compile(
    r"(Broker|Client|Connection|Channel|Server)$|^(create_\w*brokers?|connect|connect_robust)$"
)


def import_time_calls(tree: ast.Module) -> Iterator[ast.Call]:
    """Calls that run when the module is imported: everywhere but inside function bodies.

    Class bodies, decorators and default values run at import, so they are looked into.
    """
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            decorators = [] if isinstance(node, ast.Lambda) else node.decorator_list
            defaults = [*node.args.defaults, *node.args.kw_defaults]
            pending += [*decorators, *(value for value in defaults if value is not None)]
            continue
        if isinstance(node, ast.Call):
            yield node
        pending += ast.iter_child_nodes(node)


def called_name(node: ast.Call) -> str:
    function = node.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def module_level_instances(tree: ast.Module) -> list[str]:
    """Each broker or client ``tree`` makes at import, as ``line: name``."""
    return sorted(
        f"{call.lineno}: {name}"
        for call in import_time_calls(tree)
        if MADE_AT_IMPORT.search(name := called_name(call))
    )


def test_should_make_no_broker_or_client_at_import() -> None:
    # given
    scanned = python_files(*FLOORS)

    # when
    actual_instances = {
        str(path): instances
        for path in scanned
        if (instances := module_level_instances(parse(path)))
    }

    # then
    assert actual_instances == {}


@pytest.mark.parametrize(
    ("source", "expected_instances"),
    [
        ("storage = MongoStorageBroker(url, 'culdesac')", ["1: MongoStorageBroker"]),
        ("client = pymongo.AsyncMongoClient(url)", ["1: AsyncMongoClient"]),
        ("brokers = create_brokers(load_settings(), None, 'x')", ["1: create_brokers"]),
        ("connection = asyncio.run(aio_pika.connect_robust(url))", ["1: connect_robust"]),
        ("class Holder:\n    queue = MemoryQueueBroker('ns')\n", ["2: MemoryQueueBroker"]),
        ("def f(logging=StructlogLoggingBroker('x')):\n    pass\n", ["1: StructlogLoggingBroker"]),
        ("@decorate(HttpClient())\ndef f():\n    pass\n", ["1: HttpClient"]),
        ("if True:\n    metrics = MetricsServer(broker, ready)\n", ["2: MetricsServer"]),
        ("def f():\n    return MemoryStorageBroker()\n", []),
        ("async def f():\n    client = AsyncMongoClient(url)\n", []),
        ("make = lambda: MemoryQueueBroker('ns')", []),
        ("def f(*, queue=None):\n    return MemoryQueueBroker('ns')\n", []),
        ("console = Console(stderr=True)\napp = typer.Typer()", []),
    ],
)
def test_should_report_instances_made_at_import_in_a_snippet(
    source: str, expected_instances: list[str]
) -> None:
    # when
    actual_instances = module_level_instances(ast.parse(source))

    # then
    assert actual_instances == expected_instances

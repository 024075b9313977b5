"""Only brokers and composition roots may import the clients of the outside world."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.unit.architecture.source_files import PROJECT_ROOT, parse, python_files

DRIVERS = frozenset({"aio_pika", "aiormq", "pymongo", "motor", "structlog", "prometheus_client"})
SCANNED_FOLDERS = ("contracts", "services", "hosting", "workers", "ingress", "standalone", "cli")
COMPOSITION_ROOTS = frozenset({Path("hosting/brokers.py")})
COMPOSITION_ROOT_NAME = "composition.py"
DYNAMIC_IMPORTERS = frozenset({"import_module", "__import__"})


def is_composition_root(path: Path) -> bool:
    return path in COMPOSITION_ROOTS or path.name == COMPOSITION_ROOT_NAME


def driver_imports(tree: ast.Module) -> list[str]:
    """Each import of a driver (or of one of its submodules) in ``tree``, as ``line: module``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and dynamic_import_target(node):
            found.append((node.lineno, dynamic_import_target(node)))
    return [f"{line}: {module}" for line, module in found if module.split(".")[0] in DRIVERS]


def dynamic_import_target(node: ast.Call) -> str:
    function = node.func
    name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
    if name not in DYNAMIC_IMPORTERS or not node.args:
        return ""
    argument = node.args[0]
    is_text = isinstance(argument, ast.Constant) and isinstance(argument.value, str)
    return str(argument.value) if is_text and isinstance(argument, ast.Constant) else ""


def test_should_scan_the_sources_of_every_layer() -> None:
    # when
    scanned = [path for path in python_files(*SCANNED_FOLDERS) if not is_composition_root(path)]

    # then
    assert {path.parts[0] for path in scanned} == set(SCANNED_FOLDERS)
    assert Path("services/try_catch.py") in scanned
    assert all((PROJECT_ROOT / root).exists() for root in COMPOSITION_ROOTS)


def test_should_import_drivers_only_in_brokers_and_composition_roots() -> None:
    # given
    scanned = [path for path in python_files(*SCANNED_FOLDERS) if not is_composition_root(path)]

    # when
    actual_imports = {
        str(path): imports for path in scanned if (imports := driver_imports(parse(path)))
    }

    # then
    assert actual_imports == {}


@pytest.mark.parametrize(
    ("source", "expected_imports"),
    [
        ("import pymongo", ["1: pymongo"]),
        ("import os, structlog", ["1: structlog"]),
        ("import pymongo.errors as errors", ["1: pymongo.errors"]),
        ("from aio_pika import connect_robust", ["1: aio_pika"]),
        ("from aio_pika.abc import AbstractChannel", ["1: aio_pika.abc"]),
        ("from motor.motor_asyncio import AsyncIOMotorClient", ["1: motor.motor_asyncio"]),
        ("import aiormq as amqp", ["1: aiormq"]),
        ("def log():\n    import structlog\n", ["2: structlog"]),
        ("if TYPE_CHECKING:\n    from pymongo import MongoClient\n", ["2: pymongo"]),
        ("importlib.import_module('aio_pika')", ["1: aio_pika"]),
        ("__import__('pymongo.errors')", ["1: pymongo.errors"]),
        ("import os\nimport json", []),
        ("import pymongo_helpers", []),
        ("from .pymongo import errors", []),
        ("from brokers.storages import DuplicateKeyError", []),
        ("importlib.import_module(name)", []),
    ],
)
def test_should_report_driver_imports_in_a_snippet(
    source: str, expected_imports: list[str]
) -> None:
    # when
    actual_imports = driver_imports(ast.parse(source))

    # then
    assert actual_imports == expected_imports


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (Path("hosting/brokers.py"), True),
        (Path("workers/student/composition.py"), True),
        (Path("ingress/composition.py"), True),
        (Path("workers/host.py"), False),
        (Path("services/brokers.py"), False),
        (Path("workers/student/composition_helpers.py"), False),
    ],
)
def test_should_exempt_only_composition_roots(path: Path, *, expected: bool) -> None:
    # when
    actual = is_composition_root(path)

    # then
    assert actual is expected

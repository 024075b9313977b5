"""The floors: contracts < brokers < services < hosting < workers, ingress < standalone < cli."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.unit.architecture.floors import (
    FLOORS,
    floor_violations,
    module_name_of,
    packages_without_init,
)
from tests.unit.architecture.source_files import PROJECT_ROOT, parse, python_files

CHECKED_FOLDERS = (*FLOORS, "tests")


def test_should_scan_every_floor() -> None:
    # when
    scanned = {path.parts[0] for path in python_files(*FLOORS)}

    # then
    assert scanned == set(FLOORS)


def test_should_import_only_its_own_floor_and_the_floors_beneath() -> None:
    # given
    scanned = python_files(*FLOORS)

    # when
    actual_violations = {
        str(path): violations
        for path in scanned
        if (violations := floor_violations(parse(path), path))
    }

    # then
    assert actual_violations == {}


def test_should_have_an_init_in_every_package() -> None:
    # when
    actual_missing = packages_without_init(PROJECT_ROOT, CHECKED_FOLDERS)

    # then
    assert actual_missing == []


@pytest.mark.parametrize(
    ("path", "source", "expected_violations"),
    [
        pytest.param(
            "workers/host.py",
            "from cli.app import app",
            ["1: cli.app (workers may not import cli)"],
            id="worker-imports-the-cli",
        ),
        pytest.param(
            "ingress/composition.py",
            "from workers.registration.composition import start_registration_worker",
            ["1: workers.registration.composition (ingress may not import workers)"],
            id="ingress-imports-a-worker-composition-root",
        ),
        pytest.param(
            "workers/host.py",
            "import ingress.app",
            ["1: ingress.app (workers may not import ingress)"],
            id="workers-import-the-ingress-beside-them",
        ),
        pytest.param(
            "services/try_catch.py",
            "def f():\n    from hosting.settings import Settings\n",
            ["2: hosting.settings (services may not import hosting)"],
            id="inside-a-function",
        ),
        pytest.param(
            "brokers/queues/delivery.py",
            "if TYPE_CHECKING:\n    from services.try_catch import ErrorRule\n",
            ["2: services.try_catch (brokers may not import services)"],
            id="under-type-checking",
        ),
        pytest.param(
            "contracts/errors.py",
            "import brokers",
            ["1: brokers (contracts may not import brokers)"],
            id="contracts-import-brokers",
        ),
        pytest.param(
            "hosting/brokers.py",
            "from ..workers import registry",
            ["1: workers (hosting may not import workers)"],
            id="relative-import-upwards",
        ),
        pytest.param(
            "ingress/app.py",
            "importlib.import_module('standalone.system')",
            ["1: standalone.system (ingress may not import standalone)"],
            id="dynamic-import",
        ),
        pytest.param(
            "bench/registrations.py",
            "from cli.demo_run import run_demo",
            ["1: cli.demo_run (bench may not import cli)"],
            id="bench-imports-the-demo",
        ),
        pytest.param(
            "cli/topology.py",
            "from bench.__main__ import main",
            ["1: bench.__main__ (cli may not import bench)"],
            id="cli-imports-bench-outside-its-launcher",
        ),
        pytest.param(
            "workers/host.py",
            "from tests.backing_services import free_port",
            ["1: tests.backing_services (workers may not import tests)"],
            id="product-imports-tests",
        ),
        pytest.param("cli/bench.py", "from bench.__main__ import main", [], id="bench-launcher"),
        pytest.param("cli/app.py", "from cli import workers\nimport workers", [], id="cli-down"),
        pytest.param("workers/host.py", "from .registry import WORKER_STARTS", [], id="relative"),
        pytest.param("bench/student.py", "from standalone.system import running_system", []),
        pytest.param("ingress/app.py", "import fastapi\nfrom hosting.settings import Settings", []),
    ],
)
def test_should_report_an_import_above_its_floor(
    path: str, source: str, expected_violations: list[str]
) -> None:
    # when
    actual_violations = floor_violations(ast.parse(source), Path(path))

    # then
    assert actual_violations == expected_violations


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (Path("workers/host.py"), "workers.host"),
        (Path("cli/__init__.py"), "cli"),
        (Path("services/foundations/students/__init__.py"), "services.foundations.students"),
    ],
)
def test_should_name_a_module_by_its_path(path: Path, expected: str) -> None:
    # when
    actual = module_name_of(path)

    # then
    assert actual == expected


def test_should_report_a_package_without_init(tmp_path: Path) -> None:
    # given
    (tmp_path / "workers" / "bus").mkdir(parents=True)
    (tmp_path / "workers" / "__init__.py").write_text("")
    (tmp_path / "workers" / "bus" / "composition.py").write_text("")
    (tmp_path / "cli" / "groups").mkdir(parents=True)
    (tmp_path / "cli" / "groups" / "__init__.py").write_text("")
    (tmp_path / "cli" / "groups" / "status.py").write_text("")

    # when
    actual_missing = packages_without_init(tmp_path, ("workers", "cli"))

    # then
    assert actual_missing == ["cli", "workers/bus"]

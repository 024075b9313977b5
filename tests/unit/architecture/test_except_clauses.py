"""Services catch in one place: their ``*_exceptions.py`` module and the shared try_catch."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.unit.architecture.source_files import parse, python_files

EXCEPTIONS_MODULE_SUFFIX = "_exceptions.py"
TRY_CATCH = Path("services/try_catch.py")


def may_catch(path: Path) -> bool:
    return path == TRY_CATCH or path.name.endswith(EXCEPTIONS_MODULE_SUFFIX)


def catching_lines(tree: ast.Module) -> list[str]:
    """Every ``except`` (and ``except*``) clause and every ``suppress(...)`` in ``tree``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler):
            found.append((node.lineno, "except"))
        elif isinstance(node, ast.Call) and called_name(node) == "suppress":
            found.append((node.lineno, "suppress"))
    return [f"{line}: {what}" for line, what in sorted(found)]


def called_name(node: ast.Call) -> str:
    function = node.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def test_should_scan_the_services() -> None:
    # when
    scanned = python_files("services")

    # then
    assert TRY_CATCH in scanned
    assert Path("services/foundations/students/student_service_validations.py") in scanned


def test_should_catch_only_in_exceptions_modules() -> None:
    # given
    scanned = [path for path in python_files("services") if not may_catch(path)]

    # when
    actual_catches = {
        str(path): catches for path in scanned if (catches := catching_lines(parse(path)))
    }

    # then
    assert actual_catches == {}


@pytest.mark.parametrize(
    ("source", "expected_catches"),
    [
        ("try:\n    f()\nexcept ValueError:\n    pass\n", ["3: except"]),
        ("try:\n    f()\nexcept:\n    raise\n", ["3: except"]),
        ("try:\n    f()\nexcept* OSError:\n    pass\n", ["3: except"]),
        (
            "def f():\n    try:\n        g()\n    except KeyError:\n        return 1\n",
            ["4: except"],
        ),
        ("with suppress(KeyError):\n    f()\n", ["1: suppress"]),
        ("with contextlib.suppress(KeyError):\n    f()\n", ["1: suppress"]),
        ("try:\n    f()\nfinally:\n    g()\n", []),
        ("raise InvalidStudentError(errors)", []),
    ],
)
def test_should_report_catching_in_a_snippet(source: str, expected_catches: list[str]) -> None:
    # when
    actual_catches = catching_lines(ast.parse(source))

    # then
    assert actual_catches == expected_catches


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (Path("services/try_catch.py"), True),
        (Path("services/foundations/students/student_service_exceptions.py"), True),
        (Path("services/foundations/students/student_service_validations.py"), False),
        (Path("services/foundations/try_catch.py"), False),
        (Path("services/exceptions_helpers.py"), False),
    ],
)
def test_should_allow_catching_only_in_exceptions_modules(path: Path, *, expected: bool) -> None:
    # when
    actual = may_catch(path)

    # then
    assert actual is expected

"""The floors of the product, read from every module's imports.

Each top-level package is a floor; a module may import its own floor and the floors listed
beneath it in ``FLOORS``, nothing above and nothing beside. Imports count wherever they are: at
the top, inside functions, under ``TYPE_CHECKING``, relative, or through ``import_module``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

CONTRACTS = frozenset({"contracts"})
BROKERS = CONTRACTS | {"brokers"}
SERVICES = BROKERS | {"services"}
HOSTING = SERVICES | {"hosting"}
PROCESSES = HOSTING | {"workers", "ingress"}
STANDALONE = PROCESSES | {"standalone"}

# What each floor may import besides itself. Workers and ingress stand side by side on hosting;
# the benchmarks (dev tooling, not in the wheel) may use every product floor below the CLI and
# the tests' backing services, but not the CLI, which holds the demo and launches them.
FLOORS: Mapping[str, frozenset[str]] = {
    "contracts": frozenset(),
    "brokers": CONTRACTS,
    "services": BROKERS,
    "hosting": SERVICES,
    "workers": HOSTING,
    "ingress": HOSTING,
    "standalone": PROCESSES,
    "cli": STANDALONE,
    "bench": STANDALONE | {"tests"},
}
# Single modules allowed one floor more, and why.
EXCEPTIONS: Mapping[Path, frozenset[str]] = {
    # ``culdesac bench`` runs the benchmarks when the source checkout has them.
    Path("cli/bench.py"): frozenset({"bench"}),
}
FIRST_PARTY = frozenset(FLOORS) | {"tests"}
DYNAMIC_IMPORTERS = frozenset({"import_module", "__import__"})


def module_name_of(path: Path) -> str:
    """``workers.host`` for ``workers/host.py``, ``cli`` for ``cli/__init__.py``."""
    parts = path.with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(tree: ast.Module, path: Path) -> Iterator[tuple[int, str]]:
    """Every module ``tree`` (the source of ``path``) imports, absolute, with its line."""
    package = module_name_of(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                yield node.lineno, node.module or ""
            else:
                base = package[: len(package) - node.level + 1]
                yield node.lineno, ".".join([*base, *([node.module] if node.module else [])])
        elif isinstance(node, ast.Call) and (target := dynamic_import_target(node)):
            yield node.lineno, target


def dynamic_import_target(node: ast.Call) -> str:
    function = node.func
    name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
    if name not in DYNAMIC_IMPORTERS or not node.args:
        return ""
    argument = node.args[0]
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return argument.value
    return ""


def floor_violations(tree: ast.Module, path: Path) -> list[str]:
    """Each import of ``path`` that reaches a floor it may not, as ``line: module (why)``."""
    floor = path.parts[0]
    allowed = FLOORS.get(floor, frozenset()) | {floor} | EXCEPTIONS.get(path, frozenset())
    violations = []
    for line, module in imported_modules(tree, path):
        target = module.split(".")[0]
        if target in FIRST_PARTY and target not in allowed:
            violations.append(f"{line}: {module} ({floor} may not import {target})")
    return violations


def packages_without_init(root: Path, folders: tuple[str, ...]) -> list[str]:
    """Every folder holding Python files (at any depth below it) without an ``__init__.py``."""
    missing = set()
    for folder in folders:
        for source in (root / folder).rglob("*.py"):
            for directory in source.relative_to(root).parents:
                if directory != Path() and not (root / directory / "__init__.py").exists():
                    missing.add(str(directory))
    return sorted(missing)

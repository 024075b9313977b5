"""The project's Python sources, read as syntax trees so rules can be checked on them."""

from __future__ import annotations

import ast
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[3]


def python_files(*folders: str) -> list[Path]:
    """Every ``.py`` file under the given top-level folders, as paths relative to the root."""
    return sorted(
        path.relative_to(PROJECT_ROOT)
        for folder in folders
        for path in (PROJECT_ROOT / folder).rglob("*.py")
    )


def parse(path: Path) -> ast.Module:
    return ast.parse((PROJECT_ROOT / path).read_text(encoding="utf-8"), filename=str(path))

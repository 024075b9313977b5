"""A ``$set`` of dotted paths on a stored document, with the server's rules and errors."""

from __future__ import annotations

import copy
import itertools
from collections.abc import Mapping
from typing import Any

from brokers.storages.document_mappings import STORED_ID
from brokers.storages.memory_errors import (
    CONFLICTING_UPDATE_OPERATORS,
    DURING_UPDATE,
    EMPTY_FIELD_NAME,
    IMMUTABLE_FIELD,
    PATH_NOT_VIABLE,
    operation_failure,
    shell_repr,
)
from brokers.storages.storage_broker import Document

_MISSING = object()


def check_set_paths(fields: Mapping[str, Any]) -> None:
    """Refuse what a server refuses before it looks for the document: empty names, overlaps."""
    seen: list[tuple[str, ...]] = []
    for path in fields:
        parts = tuple(path.split("."))
        if "" in parts:
            raise operation_failure(
                EMPTY_FIELD_NAME,
                f"The update path '{path}' contains an empty field name, which is not allowed.",
            )
        for earlier in seen:
            shorter = min(earlier, parts, key=len)
            if earlier[: len(shorter)] == parts[: len(shorter)]:
                raise operation_failure(
                    CONFLICTING_UPDATE_OPERATORS,
                    f"Updating the path '{path}' would create a conflict at '{'.'.join(shorter)}'",
                )
        seen.append(parts)


def apply_set(document: Document, fields: Mapping[str, Any]) -> Document:
    """A new document with ``fields`` set; ``document`` is left as it was, even on an error."""
    updated = copy.deepcopy(document)
    for path, value in fields.items():
        _set_path(updated, path, copy.deepcopy(value))
    return updated


def _set_path(document: Document, path: str, value: Any) -> None:
    parts = path.split(".")
    parent: Any = document
    for part, next_part in itertools.pairwise(parts):
        child = _child(parent, part)
        if child is _MISSING:
            # Missing steps become embedded documents, even when named by a number.
            child = {}
            _put(parent, part, child)
        if not isinstance(child, dict | list) or (
            isinstance(child, list) and not _is_index(next_part)
        ):
            raise operation_failure(
                PATH_NOT_VIABLE,
                f"{DURING_UPDATE}Cannot create field '{next_part}' in element "
                f"{{{part}: {shell_repr(child)}}}",
            )
        parent = child
    if parts[0] == STORED_ID and (len(parts) > 1 or document[STORED_ID] != value):
        raise operation_failure(
            IMMUTABLE_FIELD,
            f"{DURING_UPDATE}Performing an update on the path '{path}' would modify the "
            f"immutable field '{STORED_ID}'",
        )
    _put(parent, parts[-1], value)


def _is_index(part: str) -> bool:
    return part.isascii() and part.isdigit()


def _child(parent: dict[str, Any] | list[Any], part: str) -> Any:
    if isinstance(parent, dict):
        return parent.get(part, _MISSING)
    index = int(part)
    return parent[index] if index < len(parent) else _MISSING


def _put(parent: dict[str, Any] | list[Any], part: str, value: Any) -> None:
    if isinstance(parent, dict):
        parent[part] = value
        return
    index = int(part)
    # Setting past the end of an array pads it with nulls, as the server does.
    parent.extend([None] * (index + 1 - len(parent)))
    parent[index] = value

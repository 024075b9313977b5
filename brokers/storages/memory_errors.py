"""The driver's errors, built the way a MongoDB server reports them, for the in-memory store."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pymongo.errors import DuplicateKeyError, OperationFailure

DUPLICATE_KEY = 11000
PATH_NOT_VIABLE = 28
CONFLICTING_UPDATE_OPERATORS = 40
EMPTY_FIELD_NAME = 56
IMMUTABLE_FIELD = 66

CODE_NAMES = {
    DUPLICATE_KEY: "DuplicateKey",
    PATH_NOT_VIABLE: "PathNotViable",
    CONFLICTING_UPDATE_OPERATORS: "ConflictingUpdateOperators",
    EMPTY_FIELD_NAME: "EmptyFieldName",
    IMMUTABLE_FIELD: "ImmutableField",
}

# How a server prefixes the errors of an update (replace, set_fields, insert_or_match) that
# failed on a document it had found.
DURING_UPDATE = "Plan executor error during update :: caused by :: "


def shell_repr(value: Any) -> str:
    """A value as the server writes it in messages (``{ email: "a@b.c" }``, ``null``)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, Mapping):
        inner = ", ".join(f"{key}: {shell_repr(item)}" for key, item in value.items())
        return f"{{ {inner} }}" if inner else "{}"
    if isinstance(value, list | tuple):
        inner = ", ".join(shell_repr(item) for item in value)
        return f"[ {inner} ]" if inner else "[]"
    return str(value)


def duplicate_key_error(
    namespace: str, field: str, value: Any, *, during_update: bool
) -> DuplicateKeyError:
    index = "_id_" if field == "_id" else f"{field}_1"
    message = (
        f"E11000 duplicate key error collection: {namespace} index: {index} "
        f"dup key: {shell_repr({field: value})}"
    )
    if during_update:
        message = DURING_UPDATE + message
    details = {
        "index": 0,
        "code": DUPLICATE_KEY,
        "errmsg": message,
        "keyPattern": {field: 1},
        "keyValue": {field: value},
    }
    return DuplicateKeyError(message, DUPLICATE_KEY, details)


def operation_failure(code: int, message: str) -> OperationFailure:
    details = {"ok": 0.0, "errmsg": message, "code": code, "codeName": CODE_NAMES[code]}
    return OperationFailure(message, code, details)

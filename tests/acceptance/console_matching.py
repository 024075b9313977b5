"""Whether a command's output is what a document shows, matched the way a reader would.

- ``<name>`` stands for a value (an id, a key): its first appearance takes what is printed
  there, later ones, in output or in commands, must be the same value;
- ``…`` stands for anything within a line; ISO 8601 timestamps match any timestamp;
- expected output that is JSON (one or more values, laid out freely) is compared as JSON;
- other lines must appear in the printed output in their order (headers curl prints and the
  document leaves out may come between them); runs of spaces count as one, and an output that
  the terminal's width wrapped may match as one line.
"""

from __future__ import annotations

import json
import re
from typing import Any

PLACEHOLDER = re.compile(r"<(?P<name>[a-z][a-z0-9-]*)>")
TIMESTAMP = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)"


def match_output(expected: list[str], actual: str, bound: dict[str, str]) -> dict[str, str] | None:
    """The bindings after matching, or None when ``actual`` is not what ``expected`` shows."""
    if not expected:
        return dict(bound)
    expected_values = json_values("\n".join(expected))
    if expected_values is not None:
        actual_values = json_values(actual)
        if actual_values is None or len(actual_values) != len(expected_values):
            return None
        found = dict(bound)
        for want, got in zip(expected_values, actual_values, strict=True):
            if not json_matches(want, got, found):
                return None
        return found
    # Rich wraps long lines at the terminal's width: read a wrapped output as one line too.
    return lines_match(expected, actual.splitlines(), bound) or lines_match(
        [" ".join(expected)], [" ".join(actual.splitlines())], bound
    )


def json_values(text: str) -> list[Any] | None:
    decoder = json.JSONDecoder()
    values: list[Any] = []
    position = 0
    text = text.strip()
    if not text.startswith(("{", "[")):
        return None
    while position < len(text):
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            return None
        values.append(value)
        while position < len(text) and text[position].isspace():
            position += 1
    return values


def json_matches(want: Any, got: Any, bound: dict[str, str]) -> bool:
    if isinstance(want, dict):
        # In order, since a key may hold a placeholder too ("guardian:<guardian-id>").
        return (
            isinstance(got, dict)
            and len(want) == len(got)
            and all(
                line_matches(want_key, got_key, bound, spaces=False)
                and json_matches(want_value, got_value, bound)
                for (want_key, want_value), (got_key, got_value) in zip(
                    want.items(), got.items(), strict=True
                )
            )
        )
    if isinstance(want, list):
        return (
            isinstance(got, list)
            and len(want) == len(got)
            and all(json_matches(w, g, bound) for w, g in zip(want, got, strict=True))
        )
    if isinstance(want, str):
        return isinstance(got, str) and line_matches(want, got, bound, spaces=False)
    return bool(want == got and type(want) is type(got))


def lines_match(
    expected: list[str], actual: list[str], bound: dict[str, str]
) -> dict[str, str] | None:
    found = dict(bound)
    position = 0
    for want in expected:
        while position < len(actual):
            trial = dict(found)
            got = actual[position]
            position += 1
            want_json, got_json = json_values(want), json_values(got)
            if want_json is not None and got_json is not None:
                if len(want_json) == len(got_json) and all(
                    json_matches(w, g, trial) for w, g in zip(want_json, got_json, strict=True)
                ):
                    found = trial
                    break
            elif line_matches(want, got, trial, spaces=True):
                found = trial
                break
        else:
            return None
    return found


def line_matches(want: str, got: str, bound: dict[str, str], *, spaces: bool) -> bool:
    names: list[str] = []
    pattern = "".join(
        piece_pattern(piece, bound, names, spaces=spaces)
        for piece in re.split(rf"(<[a-z][a-z0-9-]*>|…|{TIMESTAMP}|\s+)", want.strip())
        if piece
    )
    found = re.fullmatch(pattern, got.strip() if spaces else got)
    if found is None:
        return False
    for name in names:
        bound[name] = found[group_of(name)]
    return True


def piece_pattern(piece: str, bound: dict[str, str], names: list[str], *, spaces: bool) -> str:
    """The regular expression of one piece of an expected line; new placeholders go to names."""
    if placeholder := PLACEHOLDER.fullmatch(piece):
        return placeholder_pattern(placeholder["name"], bound, names)
    if piece == "…":
        return ".*?"
    if re.fullmatch(TIMESTAMP, piece):
        return TIMESTAMP
    if spaces and piece.isspace():
        return r"\s+"
    return re.escape(piece)


def placeholder_pattern(name: str, bound: dict[str, str], names: list[str]) -> str:
    if name in bound:
        return re.escape(bound[name])
    if name in names:
        return f"(?P={group_of(name)})"
    names.append(name)
    return rf"(?P<{group_of(name)}>[^\s\"',]+)"


def group_of(name: str) -> str:
    return name.replace("-", "_")

"""Tracebacks fit for a log line: where a bug happened, without what the errors say."""

from __future__ import annotations

import traceback


def redacted_traceback(error: BaseException) -> list[str]:
    """The frames of ``error`` and of the errors it was raised from, with their types only.

    An error's text may quote a driver (database and index names, hosts) or the values that
    failed (an email, a name), so it stays out; the frames and the types say where to look.
    """
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = traceback.extract_tb(current.__traceback__)
        lines.extend(f"{frame.filename}:{frame.lineno} in {frame.name}" for frame in frames)
        lines.append(type(current).__qualname__)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    return lines

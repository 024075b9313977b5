from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Protocol


class DateTimeBroker(Protocol):
    """The clock, so services never read it themselves."""

    def get_current_date_time(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...

    def get_current_date(self) -> date:
        """Today's date in UTC."""
        ...


class SystemDateTimeBroker:
    def get_current_date_time(self) -> datetime:
        return datetime.now(UTC)

    def get_current_date(self) -> date:
        return datetime.now(UTC).date()

"""Stored times (ISO-8601 UTC) shown in the user's local time."""

from __future__ import annotations

from datetime import UTC, datetime


def local_time(text: str | None, *, seconds: bool = False) -> str:
    """``2026-03-01T01:30:12.123Z`` -> ``2026-03-01 09:30`` on a UTC+8 machine.

    Text that is not a time stamp is shown as it is.
    """
    if not text:
        return ""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")

"""Identifiers and timestamps shared by every table."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

SYSTEM_USER = "system"


def new_id() -> str:
    """A new record id: UUID4 as 36-character text."""
    return str(uuid.uuid4())


def now_iso() -> str:
    """Current UTC time as ISO-8601 with milliseconds and a ``Z`` suffix,
    the same shape as the schema's ``strftime('%Y-%m-%dT%H:%M:%fZ')`` default."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"

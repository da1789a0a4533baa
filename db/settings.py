"""Database-wide settings (shared by everyone using this database), as JSON values.

Per-user preferences such as the window geometry do not belong here; they
stay on the machine (Qt settings). Every change is audited ``setting.update``.
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from db import audit
from db.connection import write
from db.ids import now_iso

_MISSING = object()


def _read(db: sqlite_utils.Database, key: str) -> Any:
    row = db.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return _MISSING if row is None else json.loads(row[0])


def get_setting(db: sqlite_utils.Database, key: str, default: Any = None) -> Any:
    """The value stored under ``key``, or ``default`` when there is none."""
    value = _read(db, key)
    return default if value is _MISSING else value


def _encode(key: str, value: Any) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"setting {key!r}: value cannot be stored as JSON ({exc})") from exc
    return text


def set_setting(db: sqlite_utils.Database, key: str, value: Any, user_id: str) -> None:
    """Store ``value`` (anything JSON can hold) under ``key``, audited, in one transaction.

    Raises ValueError for an empty key, a missing user id, or a value JSON
    cannot hold (objects, NaN). Storing the value already there changes nothing.
    """
    if not isinstance(key, str) or not key.strip():
        raise ValueError("setting key: must not be empty")
    if not isinstance(user_id, str) or not user_id.strip():
        raise ValueError(f"setting {key!r}: user_id must not be empty")
    text = _encode(key, value)
    stored = json.loads(text)  # what get_setting will return (tuples become lists)
    with write(db):
        before = _read(db, key)
        # Compare the JSON text: in Python True == 1, in a setting they differ.
        if before is not _MISSING and _encode(key, before) == text:
            return
        db.conn.execute(
            "INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value,"
            " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            (key, text, now_iso(), user_id),
        )
        audit.record(
            db,
            user_id=user_id,
            action="setting.update",
            entity="settings",
            entity_id=key,
            before=None if before is _MISSING else before,
            after=stored,
        )

"""Edits guarded by the ``version`` column (optimistic locking), audited.

A screen remembers the ``version`` of the record it shows. Saving calls
:func:`update_versioned` with that version; if another user or another copy of
the app saved the record in between, the version no longer matches, nothing is
written and :class:`db.errors.ConflictError` tells the user to reload, so no
edit silently overwrites another. The audit entry (changed columns before and
after, personal data masked) is written in the same transaction.
"""

from __future__ import annotations

import re
from typing import Any

import sqlite_utils

from db import audit
from db.connection import write
from db.errors import ConflictError
from db.ids import now_iso

# Bookkeeping columns no caller may set through ``changes``.
PROTECTED = frozenset({"id", "version", "created_at", "updated_at", "updated_by", "deleted_at"})
# Columns only their own services change (passwords, sign-in counters).
TABLE_PROTECTED = {
    "users": frozenset({"password_hash", "failed_attempts", "locked_until", "must_change_password"})
}
# Tables that are never edited in place.
NOT_VERSIONED = frozenset({"audit_log", "settings", "scorecard_results", "sqlite_sequence"})
# Action prefix of the audit entry per table (``client.update``...).
ENTITY_NAMES = {
    "users": "user",
    "clients": "client",
    "contacts": "contact",
    "financial_statements": "financial_statement",
    "activities": "activity",
    "attachments": "attachment",
    "deals": "deal",
    "deal_stage_history": "deal_stage",
    "deal_securities": "deal_security",
    "document_checklist_items": "checklist_item",
    "memos": "memo",
    "reference_items": "reference_item",
}
# Never copied into the audit entry.
_SECRET = frozenset({"password_hash"})
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_REQUIRED = {"id", "version", "updated_at", "updated_by", "deleted_at"}


def _columns(db: sqlite_utils.Database, table: str) -> frozenset[str]:
    if not _NAME.match(table) or table in NOT_VERSIONED:
        raise ValueError(f"table: {table!r} cannot be edited with a version check")
    cols = frozenset(r[1] for r in db.conn.execute(f"PRAGMA table_info({table})"))
    if not cols:
        raise ValueError(f"table: {table!r} does not exist")
    if not cols >= _REQUIRED:
        raise ValueError(f"table: {table!r} has no version bookkeeping columns")
    return cols


def _row(db: sqlite_utils.Database, table: str, record_id: str) -> dict | None:
    rows = list(db.query(f"SELECT * FROM {table} WHERE id = ?", [record_id]))
    if not rows:
        return None
    return {k: v for k, v in rows[0].items() if k not in _SECRET}


def _action(table: str, verb: str) -> str:
    return f"{ENTITY_NAMES.get(table, table)}.{verb}"


def _check_current(table: str, record_id: str, row: dict | None, expected_version: int) -> dict:
    if row is None:
        raise ConflictError(
            f"{table} {record_id} no longer exists; reload", detail=f"{table}:{record_id}"
        )
    if row["deleted_at"] is not None:
        raise ConflictError(
            f"{table} {record_id} was deleted by {row['updated_by']} at {row['deleted_at']};"
            " reload",
            detail=f"{table}:{record_id}",
        )
    if row["version"] != expected_version:
        raise ConflictError(
            f"{table} {record_id} was changed by {row['updated_by']} at {row['updated_at']}"
            f" (version {row['version']}, you edited version {expected_version}); reload",
            detail=f"{table}:{record_id}",
        )
    return row


def update_versioned(  # noqa: PLR0917 - the documented call shape
    db: sqlite_utils.Database,
    table: str,
    id: str,
    expected_version: int,
    changes: dict[str, Any],
    user_id: str,
    *,
    action: str | None = None,
    reason: str = "",
) -> dict:
    """Apply ``changes`` to row ``id`` of ``table`` if it is still at
    ``expected_version``; return the row as saved (``version`` + 1).

    Raises :class:`ConflictError` (code ``conflict``) if the row changed, was
    deleted or no longer exists since it was read; ValueError naming the column
    for a column that does not exist or may not be set this way. A change that
    sets every column to its current value writes nothing and returns the row.
    The audit entry (``action``, default ``<entity>.update``) holds the changed
    columns before and after.
    """
    cols = _columns(db, table)
    if not changes:
        raise ValueError("changes: nothing to update")
    protected = PROTECTED | TABLE_PROTECTED.get(table, frozenset())
    for column in changes:
        if not isinstance(column, str) or column not in cols:
            raise ValueError(f"{column}: {table} has no such column")
        if column in protected:
            raise ValueError(f"{column}: cannot be changed with update_versioned")
    with write(db):
        before_row = _check_current(table, id, _row(db, table, id), expected_version)
        changed = {k: v for k, v in changes.items() if before_row[k] != v}
        if not changed:
            return before_row
        assignments = ", ".join(f"{column} = ?" for column in changed)
        cursor = db.conn.execute(
            f"UPDATE {table} SET {assignments}, version = version + 1, updated_at = ?,"
            " updated_by = ? WHERE id = ? AND version = ? AND deleted_at IS NULL",
            [*changed.values(), now_iso(), user_id, id, expected_version],
        )
        if cursor.rowcount != 1:  # pragma: no cover - the write lock is held since the read
            raise ConflictError(f"{table} {id} changed while saving; reload", detail=table)
        after_row = _row(db, table, id)
        assert after_row is not None
        audit.record(
            db,
            user_id=user_id,
            action=action or _action(table, "update"),
            entity=table,
            entity_id=id,
            before={k: before_row[k] for k in changed} | {"version": before_row["version"]},
            after={k: after_row[k] for k in changed} | {"version": after_row["version"]},
            reason=reason,
        )
    return after_row


def soft_delete(
    db: sqlite_utils.Database,
    table: str,
    id: str,
    expected_version: int,
    user_id: str,
    *,
    action: str | None = None,
    reason: str = "",
) -> dict:
    """Mark row ``id`` deleted (``deleted_at``) if still at ``expected_version``;
    audited ``<entity>.delete``. Same conflicts as :func:`update_versioned`."""
    _columns(db, table)
    with write(db):
        before_row = _check_current(table, id, _row(db, table, id), expected_version)
        stamp = now_iso()
        cursor = db.conn.execute(
            f"UPDATE {table} SET deleted_at = ?, version = version + 1, updated_at = ?,"
            " updated_by = ? WHERE id = ? AND version = ? AND deleted_at IS NULL",
            [stamp, stamp, user_id, id, expected_version],
        )
        if cursor.rowcount != 1:  # pragma: no cover - the write lock is held since the read
            raise ConflictError(f"{table} {id} changed while deleting; reload", detail=table)
        after_row = _row(db, table, id)
        assert after_row is not None
        audit.record(
            db,
            user_id=user_id,
            action=action or _action(table, "delete"),
            entity=table,
            entity_id=id,
            before={"deleted_at": None, "version": before_row["version"]},
            after={"deleted_at": stamp, "version": after_row["version"]},
            reason=reason,
        )
    return after_row

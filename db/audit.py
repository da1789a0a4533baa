"""The audit trail: one append-only row per change of business data.

Callers write the entry inside the same transaction as the change itself
(``with write(db): ...; audit.record(db, ...)``), so a change without its audit
entry, or an entry without its change, cannot be committed.
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from db.ids import new_id, now_iso


def _dump(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def record(
    db: sqlite_utils.Database,
    *,
    user_id: str,
    action: str,
    entity: str = "",
    entity_id: str | None = None,
    before: Any = None,
    after: Any = None,
    reason: str = "",
) -> str:
    """Append one audit entry and return its id. Must run inside a transaction."""
    if not db.conn.in_transaction:
        raise RuntimeError("audit.record must run inside the transaction of the change")
    entry_id = new_id()
    db.conn.execute(
        "INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, before, after, reason)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            entry_id,
            now_iso(),
            user_id,
            action,
            entity,
            entity_id,
            _dump(before),
            _dump(after),
            reason,
        ),
    )
    return entry_id

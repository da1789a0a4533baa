"""Repository SQL for client profiles: clients, contacts, financial statements,
activities and attachments.

Plain reads and audited inserts; edits and soft deletes go through
:mod:`db.versioned`. Business rules (validation, permissions) live in
``desktop.core.clients``; nothing here imports the desktop layer.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import sqlite_utils

from db import audit
from db.connection import write
from db.ids import new_id, now_iso
from db.versioned import ENTITY_NAMES

# Client columns holding JSON lists.
CLIENT_JSON_COLUMNS = ("qualifications", "key_patents", "policy_programmes")

CLIENT_COLUMNS = (
    "name",
    "uscc",
    "legal_rep",
    "registered_capital_yuan",
    "founded_on",
    "province",
    "city",
    "address",
    "firm_type",
    "segment",
    "tech_route",
    "qualifications",
    "employees",
    "rd_staff",
    "invention_patents",
    "utility_patents",
    "software_copyrights",
    "key_patents",
    "policy_programmes",
    "green_loan_class",
    "owner_id",
    "status",
    "notes",
)
CONTACT_COLUMNS = ("name", "role", "mobile", "id_number", "email", "consent", "consent_on")
STATEMENT_COLUMNS = (
    "fiscal_year",
    "audited",
    "revenue_yuan",
    "net_profit_yuan",
    "total_assets_yuan",
    "total_liabilities_yuan",
    "current_assets_yuan",
    "current_liabilities_yuan",
    "inventory_yuan",
    "cash_yuan",
    "rd_expense_yuan",
    "operating_cash_flow_yuan",
)
ACTIVITY_COLUMNS = (
    "kind",
    "occurred_on",
    "people_met",
    "summary",
    "next_follow_up",
    "follow_up_done",
    "owner_id",
)
ATTACHMENT_COLUMNS = (
    "deal_id",
    "file_name",
    "stored_path",
    "sha256",
    "size_bytes",
    "description",
)
_TABLES = frozenset({"clients", "contacts", "financial_statements", "activities", "attachments"})


def _dicts(db: sqlite_utils.Database, sql: str, params: Sequence[Any] = ()) -> list[dict]:
    cursor = db.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _check_table(table: str) -> None:
    if table not in _TABLES:
        raise ValueError(f"table: {table!r} is not a client-profile table")


def encode_json_columns(values: Mapping[str, Any]) -> dict[str, Any]:
    """Client values with list columns encoded as JSON text (already-encoded text kept)."""
    out = dict(values)
    for column in CLIENT_JSON_COLUMNS:
        if column in out and not isinstance(out[column], str):
            out[column] = json.dumps(out[column] or [], ensure_ascii=False)
    return out


def decode_client(row: dict | None) -> dict | None:
    """A client row with its JSON list columns decoded (bad JSON -> empty list)."""
    if row is None:
        return None
    out = dict(row)
    for column in CLIENT_JSON_COLUMNS:
        raw = out.get(column)
        if isinstance(raw, str):
            try:
                value = json.loads(raw)
            except ValueError:
                value = []
            out[column] = value if isinstance(value, list) else []
    return out


def get_row(
    db: sqlite_utils.Database, table: str, record_id: str, *, include_deleted: bool = False
) -> dict | None:
    """One row of a client-profile table by id (None if missing or soft-deleted)."""
    _check_table(table)
    live = "" if include_deleted else " AND deleted_at IS NULL"
    rows = _dicts(db, f"SELECT * FROM {table} WHERE id = ?{live}", (record_id,))
    return rows[0] if rows else None


def insert_row(
    db: sqlite_utils.Database,
    table: str,
    values: Mapping[str, Any],
    user_id: str,
    *,
    action: str | None = None,
    reason: str = "",
) -> dict:
    """Insert one row (new id, timestamps, ``updated_by``) and audit
    ``<entity>.create`` with its values, in one transaction; returns the row."""
    _check_table(table)
    record_id = new_id()
    stamp = now_iso()
    row = {
        "id": record_id,
        **values,
        "created_at": stamp,
        "updated_at": stamp,
        "updated_by": user_id,
        "version": 1,
    }
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    with write(db):
        db.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
        saved = get_row(db, table, record_id)
        assert saved is not None
        audit.record(
            db,
            user_id=user_id,
            action=action or f"{ENTITY_NAMES[table]}.create",
            entity=table,
            entity_id=record_id,
            after={k: v for k, v in saved.items() if k not in ("created_at", "updated_at")},
            reason=reason,
        )
    return saved


# --------------------------------------------------------------------------- clients


def client_with_uscc(
    db: sqlite_utils.Database, uscc: str, *, exclude_id: str | None = None
) -> dict | None:
    """The live client holding ``uscc`` (``id``, ``name``), other than ``exclude_id``."""
    rows = _dicts(
        db,
        "SELECT id, name FROM clients WHERE uscc = ? AND deleted_at IS NULL AND id IS NOT ?",
        (uscc, exclude_id),
    )
    return rows[0] if rows else None


def user_exists(db: sqlite_utils.Database, user_id: str) -> bool:
    """An active, not deleted user with this id."""
    return (
        db.conn.execute(
            "SELECT 1 FROM users WHERE id = ? AND deleted_at IS NULL AND active = 1", (user_id,)
        ).fetchone()
        is not None
    )


def client_owner(db: sqlite_utils.Database, client_id: str) -> tuple[bool, str | None]:
    """(live client exists, its owner_id)."""
    row = db.conn.execute(
        "SELECT owner_id FROM clients WHERE id = ? AND deleted_at IS NULL", (client_id,)
    ).fetchone()
    return (False, None) if row is None else (True, row[0])


# --------------------------------------------------------------------------- children


def contacts_of(db: sqlite_utils.Database, client_id: str) -> list[dict]:
    return _dicts(
        db,
        "SELECT * FROM contacts WHERE client_id = ? AND deleted_at IS NULL"
        " ORDER BY created_at, name, id",
        (client_id,),
    )


def statements_of(db: sqlite_utils.Database, client_id: str) -> list[dict]:
    return _dicts(
        db,
        "SELECT * FROM financial_statements WHERE client_id = ? AND deleted_at IS NULL"
        " ORDER BY fiscal_year",
        (client_id,),
    )


def statement_for_year(db: sqlite_utils.Database, client_id: str, fiscal_year: int) -> dict | None:
    rows = _dicts(
        db,
        "SELECT * FROM financial_statements WHERE client_id = ? AND fiscal_year = ?"
        " AND deleted_at IS NULL",
        (client_id, fiscal_year),
    )
    return rows[0] if rows else None


def activities_of(db: sqlite_utils.Database, client_id: str) -> list[dict]:
    """Latest first."""
    return _dicts(
        db,
        "SELECT * FROM activities WHERE client_id = ? AND deleted_at IS NULL"
        " ORDER BY occurred_on DESC, created_at DESC, id",
        (client_id,),
    )


def follow_ups_due(
    db: sqlite_utils.Database,
    *,
    on: str,
    owner_id: str | None = None,
    limit: int | None = None,
) -> list[dict]:
    """Open follow-ups due on or before ``on`` (ISO date) of live clients, most
    overdue first: activity columns plus ``client_name`` and ``days_overdue``."""
    params: list[Any] = [on, on]
    owner = ""
    if owner_id is not None:
        owner = " AND coalesce(a.owner_id, c.owner_id) = ?"
        params.append(owner_id)
    tail = ""
    if limit is not None:
        tail = " LIMIT ?"
        params.append(int(limit))
    return _dicts(
        db,
        f"""SELECT a.*, c.name AS client_name,
                   CAST(julianday(?) - julianday(a.next_follow_up) AS INTEGER) AS days_overdue
            FROM activities a JOIN clients c ON c.id = a.client_id
            WHERE a.next_follow_up IS NOT NULL AND a.follow_up_done = 0
              AND a.deleted_at IS NULL AND c.deleted_at IS NULL
              AND a.next_follow_up <= ?{owner}
            ORDER BY a.next_follow_up, c.name, a.id{tail}""",
        params,
    )


def attachments_of(db: sqlite_utils.Database, client_id: str) -> list[dict]:
    return _dicts(
        db,
        "SELECT * FROM attachments WHERE client_id = ? AND deleted_at IS NULL"
        " ORDER BY created_at, file_name, id",
        (client_id,),
    )

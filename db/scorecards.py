"""Repository SQL for scorecards: the inputs of scoring and the immutable snapshots.

``scorecard_results`` rows are written once and never changed (triggers refuse
UPDATE and DELETE). The caller (``desktop.core.scoring``) checks permissions
and passes an already-built row; :func:`insert_snapshot` writes it together
with its audit entry in one transaction.

The client and statement reads here duplicate a little of ``db.clients`` on
purpose: scoring reads raw rows (JSON lists undecoded) and the batch reads
whole columns for many clients at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlite_utils

from db import audit, clients
from db.connection import write
from db.ids import new_id

# Columns the scorecards read from a client row.
CLIENT_SCORE_COLUMNS = (
    "id",
    "name",
    "uscc",
    "firm_type",
    "owner_id",
    "registered_capital_yuan",
    "founded_on",
    "province",
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
)
STATEMENT_COLUMNS = ("client_id", *clients.STATEMENT_COLUMNS)
SNAPSHOT_JSON_COLUMNS = ("inputs", "factors")
_CHUNK = 900  # stay under SQLite's bound-parameter limit


def _dicts(cursor: Any) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def client_row(db: sqlite_utils.Database, client_id: str) -> dict | None:
    """The live client's scoring columns (JSON lists as text), or None."""
    rows = _dicts(
        db.conn.execute(
            f"SELECT {', '.join(CLIENT_SCORE_COLUMNS)} FROM clients"
            " WHERE id = ? AND deleted_at IS NULL",
            (client_id,),
        )
    )
    return rows[0] if rows else None


def find_client_id(db: sqlite_utils.Database, key: str) -> str | None:
    """The live client with this USCC (case-insensitive) or id, or None."""
    key = key.strip()
    row = db.conn.execute(
        "SELECT id FROM clients WHERE deleted_at IS NULL AND (uscc = ? OR id = ?)"
        " ORDER BY uscc = ? DESC LIMIT 1",
        (key.upper(), key, key.upper()),
    ).fetchone()
    return row[0] if row else None


def statement_rows(db: sqlite_utils.Database, client_id: str) -> list[dict]:
    """The client's live financial statements, oldest year first."""
    return _dicts(
        db.conn.execute(
            f"SELECT {', '.join(STATEMENT_COLUMNS)} FROM financial_statements"
            " WHERE client_id = ? AND deleted_at IS NULL ORDER BY fiscal_year",
            (client_id,),
        )
    )


def _in_chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def batch_client_rows(
    db: sqlite_utils.Database, client_ids: Sequence[str] | None = None
) -> tuple[list[str], list[tuple]]:
    """(column names, rows) of the scoring columns of many live clients."""
    select = f"SELECT {', '.join(CLIENT_SCORE_COLUMNS)} FROM clients WHERE deleted_at IS NULL"
    if client_ids is None:
        return list(CLIENT_SCORE_COLUMNS), db.conn.execute(select + " ORDER BY id").fetchall()
    rows: list[tuple] = []
    for chunk in _in_chunks(list(client_ids)):
        marks = ", ".join("?" * len(chunk))
        rows.extend(db.conn.execute(select + f" AND id IN ({marks})", tuple(chunk)).fetchall())
    return list(CLIENT_SCORE_COLUMNS), rows


def batch_latest_statements(
    db: sqlite_utils.Database, client_ids: Sequence[str] | None = None
) -> tuple[list[str], list[tuple]]:
    """(column names, rows): for each client its two latest live statements,
    with ``rn`` (1 = latest) and ``n`` (statements on file)."""
    inner = (
        f"SELECT {', '.join(STATEMENT_COLUMNS)},"
        " row_number() OVER (PARTITION BY client_id ORDER BY fiscal_year DESC) AS rn,"
        " count(*) OVER (PARTITION BY client_id) AS n"
        " FROM financial_statements WHERE deleted_at IS NULL"
    )
    columns = [*STATEMENT_COLUMNS, "rn", "n"]
    if client_ids is None:
        sql = f"SELECT * FROM ({inner}) WHERE rn <= 2"
        return columns, db.conn.execute(sql).fetchall()
    rows: list[tuple] = []
    for chunk in _in_chunks(list(client_ids)):
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT * FROM ({inner} AND client_id IN ({marks})) WHERE rn <= 2"
        rows.extend(db.conn.execute(sql, tuple(chunk)).fetchall())
    return columns, rows


# --------------------------------------------------------------------------- snapshots


def insert_snapshot(
    db: sqlite_utils.Database,
    row: Mapping[str, Any],
    *,
    user_id: str,
    audit_after: Mapping[str, Any] | None = None,
) -> str:
    """Write one snapshot and its ``score.create`` audit entry in one transaction.

    ``row`` holds the ``scorecard_results`` columns (``inputs``/``factors`` as
    JSON-able objects); returns the new id.
    """
    record = dict(row)
    record["id"] = snapshot_id = record.get("id") or new_id()
    for column in SNAPSHOT_JSON_COLUMNS:
        record[column] = json.dumps(record[column], ensure_ascii=False, sort_keys=True)
    record["updated_by"] = user_id
    columns = list(record)
    with write(db):
        db.conn.execute(
            f"INSERT INTO scorecard_results ({', '.join(columns)})"
            f" VALUES ({', '.join('?' * len(columns))})",
            tuple(record[c] for c in columns),
        )
        audit.record(
            db,
            user_id=user_id,
            action="score.create",
            entity="scorecard_results",
            entity_id=snapshot_id,
            after=dict(audit_after) if audit_after is not None else None,
        )
    return snapshot_id


def _decode(row: dict) -> dict:
    for column in SNAPSHOT_JSON_COLUMNS:
        row[column] = json.loads(row[column])
    return row


def get_snapshot(db: sqlite_utils.Database, snapshot_id: str) -> dict | None:
    """One snapshot with ``inputs``/``factors`` decoded and the scorer's name, or None."""
    rows = _dicts(
        db.conn.execute(
            "SELECT s.*, u.display_name AS created_by_name FROM scorecard_results s"
            " LEFT JOIN users u ON u.id = s.updated_by WHERE s.id = ?",
            (snapshot_id,),
        )
    )
    return _decode(rows[0]) if rows else None


def history(db: sqlite_utils.Database, client_id: str) -> list[dict]:
    """The client's snapshots, newest first (summary columns, no JSON)."""
    return _dicts(
        db.conn.execute(
            "SELECT s.id, s.client_id, s.template_code, s.template_version, s.template_hash,"
            " s.total, s.grade, s.suggested_limit_yuan, s.knocked_out, s.knockout_reason,"
            " s.created_at, s.updated_by AS created_by, u.display_name AS created_by_name"
            " FROM scorecard_results s LEFT JOIN users u ON u.id = s.updated_by"
            " WHERE s.client_id = ? AND s.deleted_at IS NULL"
            " ORDER BY s.created_at DESC, s.rowid DESC",
            (client_id,),
        )
    )

"""The audit trail: written with the change, JSON before/after, append-only."""

from __future__ import annotations

import json
import sqlite3

import pytest
import sqlite_utils

from db import audit
from db.connection import write
from db.ids import new_id


def test_record_writes_row_with_json(db: sqlite_utils.Database) -> None:
    client_id = new_id()
    with write(db):
        entry = audit.record(
            db,
            user_id="u-1",
            action="client.update",
            entity="clients",
            entity_id=client_id,
            before={"name": "旧名称", "amount_yuan": 1},
            after={"name": "新名称", "amount_yuan": 2},
            reason="typo",
        )
    row = next(db.query("SELECT * FROM audit_log WHERE id = ?", [entry]))
    assert row["user_id"] == "u-1"
    assert row["action"] == "client.update"
    assert (row["entity"], row["entity_id"], row["reason"]) == ("clients", client_id, "typo")
    assert json.loads(row["before"]) == {"name": "旧名称", "amount_yuan": 1}
    assert json.loads(row["after"]) == {"name": "新名称", "amount_yuan": 2}
    assert "新名称" in row["after"]  # stored readable, not \\u-escaped
    assert row["at"].endswith("Z")


def test_none_before_is_null(db: sqlite_utils.Database) -> None:
    with write(db):
        entry = audit.record(db, user_id="u", action="x.create", after={"a": 1})
    before, after = db.conn.execute(
        "SELECT before, after FROM audit_log WHERE id = ?", (entry,)
    ).fetchone()
    assert before is None
    assert json.loads(after) == {"a": 1}


def test_entries_keep_order(db: sqlite_utils.Database) -> None:
    with write(db):
        ids = [audit.record(db, user_id="u", action=f"a{i}") for i in range(5)]
    assert [r[0] for r in db.conn.execute("SELECT id FROM audit_log ORDER BY seq")] == ids


def test_audit_log_is_append_only(db: sqlite_utils.Database) -> None:
    with write(db):
        audit.record(db, user_id="u", action="x")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), write(db):
        db.conn.execute("UPDATE audit_log SET action = 'forged'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), write(db):
        db.conn.execute("DELETE FROM audit_log")
    assert db.conn.execute("SELECT action FROM audit_log").fetchall() == [("x",)]


def test_record_outside_transaction_raises(db: sqlite_utils.Database) -> None:
    with pytest.raises(RuntimeError, match="inside the transaction"):
        audit.record(db, user_id="u", action="x")
    assert db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 0


def test_entry_rolls_back_with_the_change(db: sqlite_utils.Database) -> None:
    with pytest.raises(sqlite3.IntegrityError), write(db):
        audit.record(db, user_id="u", action="client.create")
        db.conn.execute(
            "INSERT INTO clients (id, name, firm_type) VALUES (?, 'x', 'bank')", (new_id(),)
        )
    assert db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 0

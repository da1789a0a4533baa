"""Optimistic locking: an edit of a stale version is refused, never applied."""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from db.audit import verify_chain
from db.connection import open_database, write
from db.errors import ConflictError
from db.ids import new_id
from db.versioned import soft_delete, update_versioned


@pytest.fixture
def client_id(db: sqlite_utils.Database) -> str:
    cid = new_id()
    with write(db):
        db.conn.execute(
            "INSERT INTO clients (id, name, firm_type, employees)"
            " VALUES (?, '氢源科技', 'tech', 10)",
            (cid,),
        )
    return cid


def audit_rows(db: sqlite_utils.Database, action: str) -> list[dict]:
    return list(db.query("SELECT * FROM audit_log WHERE action = ? ORDER BY seq", [action]))


def test_update_bumps_version_and_audits(db: sqlite_utils.Database, client_id: str) -> None:
    row = update_versioned(db, "clients", client_id, 1, {"employees": 12, "name": "氢源"}, "u1")
    assert (row["version"], row["employees"], row["name"], row["updated_by"]) == (
        2,
        12,
        "氢源",
        "u1",
    )
    (entry,) = audit_rows(db, "client.update")
    assert entry["user_id"] == "u1" and entry["entity_id"] == client_id
    assert json.loads(entry["before"]) == {"employees": 10, "name": "氢源科技", "version": 1}
    assert json.loads(entry["after"]) == {"employees": 12, "name": "氢源", "version": 2}
    assert verify_chain(db).ok


def test_stale_version_raises_conflict_and_keeps_first_edit(
    db: sqlite_utils.Database, client_id: str
) -> None:
    update_versioned(db, "clients", client_id, 1, {"employees": 11}, "first")
    with pytest.raises(ConflictError, match="reload") as info:
        update_versioned(db, "clients", client_id, 1, {"employees": 99}, "second")
    assert info.value.code == "conflict"
    row = db.conn.execute("SELECT employees, version FROM clients WHERE id = ?", (client_id,))
    assert row.fetchone() == (11, 2)
    assert len(audit_rows(db, "client.update")) == 1
    assert not db.conn.in_transaction


def test_conflict_between_two_connections(db: sqlite_utils.Database, db_path, client_id) -> None:
    other = open_database(db_path)
    try:
        seen_a = db.conn.execute("SELECT version FROM clients").fetchone()[0]
        seen_b = other.conn.execute("SELECT version FROM clients").fetchone()[0]
        update_versioned(other, "clients", client_id, seen_b, {"notes": "B"}, "b")
        with pytest.raises(ConflictError):
            update_versioned(db, "clients", client_id, seen_a, {"notes": "A"}, "a")
        assert db.conn.execute("SELECT notes FROM clients").fetchone()[0] == "B"
    finally:
        other.close()


def test_unchanged_values_write_nothing(db: sqlite_utils.Database, client_id: str) -> None:
    row = update_versioned(db, "clients", client_id, 1, {"employees": 10}, "u")
    assert row["version"] == 1
    assert audit_rows(db, "client.update") == []
    with pytest.raises(ConflictError):  # still checks the version
        update_versioned(db, "clients", client_id, 7, {"employees": 10}, "u")


@pytest.mark.parametrize(
    ("table", "changes", "message"),
    [
        ("clients", {"version": 5}, "version"),
        ("clients", {"no_such": 1}, "no_such"),
        ("clients", {}, "nothing"),
        ("users", {"password_hash": "x"}, "password_hash"),
        ("audit_log", {"action": "x"}, "audit_log"),
        ("clients; DROP TABLE x", {"name": "x"}, "cannot be edited"),
        ("missing_table", {"name": "x"}, "does not exist"),
    ],
)
def test_bad_changes_are_refused(
    db: sqlite_utils.Database, client_id: str, table: str, changes: dict, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        update_versioned(db, table, client_id, 1, changes, "u")
    assert db.conn.execute("SELECT version FROM clients").fetchone()[0] == 1


def test_constraint_violation_rolls_back(db: sqlite_utils.Database, client_id: str) -> None:
    import sqlite3  # noqa: PLC0415

    with pytest.raises(sqlite3.IntegrityError):
        update_versioned(db, "clients", client_id, 1, {"firm_type": "bank"}, "u")
    assert db.conn.execute("SELECT firm_type, version FROM clients").fetchone() == ("tech", 1)
    assert audit_rows(db, "client.update") == []


def test_soft_delete_and_edit_after_delete(db: sqlite_utils.Database, client_id: str) -> None:
    row = soft_delete(db, "clients", client_id, 1, "u", reason="duplicate")
    assert row["deleted_at"] is not None and row["version"] == 2
    (entry,) = audit_rows(db, "client.delete")
    assert entry["reason"] == "duplicate"
    with pytest.raises(ConflictError, match="deleted"):
        update_versioned(db, "clients", client_id, 2, {"notes": "x"}, "u")
    with pytest.raises(ConflictError):
        soft_delete(db, "clients", client_id, 2, "u")
    with pytest.raises(ConflictError, match="no longer exists"):
        update_versioned(db, "clients", new_id(), 1, {"notes": "x"}, "u")


def test_personal_data_masked_in_audit(db: sqlite_utils.Database, client_id: str) -> None:
    contact = new_id()
    with write(db):
        db.conn.execute(
            "INSERT INTO contacts (id, client_id, name, mobile) VALUES (?, ?, '李四', ?)",
            (contact, client_id, "13812345678"),
        )
    update_versioned(db, "contacts", contact, 1, {"mobile": "13987654321"}, "u")
    (entry,) = audit_rows(db, "contact.update")
    assert json.loads(entry["before"])["mobile"] == "138****5678"
    assert json.loads(entry["after"])["mobile"] == "139****4321"
    assert db.conn.execute("SELECT mobile FROM contacts").fetchone()[0] == "13987654321"

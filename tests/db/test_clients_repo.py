"""Repository SQL for client profiles (no desktop layer involved)."""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from db import clients as repo
from db import users


@pytest.fixture
def owner(db: sqlite_utils.Database) -> str:
    return users.ensure_user(db, username="rm", display_name="RM", role="rm")["id"]


def _client(db, owner: str, **values) -> dict:
    data = {"name": "测试氢能", "firm_type": "tech", "owner_id": owner, **values}
    return repo.insert_row(db, "clients", repo.encode_json_columns(data), owner)


def test_insert_row_audits_and_returns_the_row(db, owner) -> None:
    row = _client(db, owner, qualifications=["high_tech"], uscc="91350100M000100Y43")
    assert row["version"] == 1 and row["updated_by"] == owner
    assert row["qualifications"] == '["high_tech"]'
    decoded = repo.decode_client(repo.get_row(db, "clients", row["id"]))
    assert decoded["qualifications"] == ["high_tech"] and decoded["key_patents"] == []
    action, after = db.conn.execute(
        "SELECT action, after FROM audit_log WHERE entity_id = ?", (row["id"],)
    ).fetchone()
    assert action == "client.create" and json.loads(after)["name"] == "测试氢能"
    assert repo.client_with_uscc(db, "91350100M000100Y43")["id"] == row["id"]
    assert repo.client_with_uscc(db, "91350100M000100Y43", exclude_id=row["id"]) is None
    assert repo.client_owner(db, row["id"]) == (True, owner)
    assert repo.client_owner(db, "missing") == (False, None)


def test_insert_row_rolls_back_on_constraint_error(db, owner) -> None:
    audit_count = db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(Exception, match="CHECK"):
        repo.insert_row(db, "clients", {"name": "x", "firm_type": "bank"}, owner)
    assert db.conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 0
    assert db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit_count


def test_unknown_table_refused(db, owner) -> None:
    with pytest.raises(ValueError, match="not a client-profile table"):
        repo.insert_row(db, "users", {"username": "x"}, owner)
    with pytest.raises(ValueError):
        repo.get_row(db, "audit_log", "x")


def test_decode_client_tolerates_bad_json() -> None:
    row = {"qualifications": "not json", "key_patents": '{"a": 1}', "policy_programmes": "[]"}
    assert repo.decode_client(row) == {
        "qualifications": [],
        "key_patents": [],
        "policy_programmes": [],
    }
    assert repo.decode_client(None) is None


def test_children_ordered_and_soft_deleted_hidden(db, owner) -> None:
    client = _client(db, owner)
    cid = client["id"]
    for year in (2024, 2022, 2023):
        repo.insert_row(db, "financial_statements", {"client_id": cid, "fiscal_year": year}, owner)
    assert [s["fiscal_year"] for s in repo.statements_of(db, cid)] == [2022, 2023, 2024]
    assert repo.statement_for_year(db, cid, 2023)["fiscal_year"] == 2023
    assert repo.statement_for_year(db, cid, 2021) is None
    for day in ("2025-01-01", "2025-03-01"):
        repo.insert_row(
            db, "activities",
            {"client_id": cid, "kind": "call", "occurred_on": day, "next_follow_up": day},
            owner,
        )  # fmt: skip
    assert [a["occurred_on"] for a in repo.activities_of(db, cid)] == ["2025-03-01", "2025-01-01"]
    due = repo.follow_ups_due(db, on="2025-03-01")
    assert [(r["next_follow_up"], r["days_overdue"]) for r in due] == [
        ("2025-01-01", 59),
        ("2025-03-01", 0),
    ]
    assert repo.follow_ups_due(db, on="2025-03-01", owner_id="someone-else") == []
    contact = repo.insert_row(db, "contacts", {"client_id": cid, "name": "甲"}, owner)
    db.conn.execute("UPDATE contacts SET deleted_at = 'x' WHERE id = ?", (contact["id"],))
    assert repo.contacts_of(db, cid) == []
    assert repo.get_row(db, "contacts", contact["id"]) is None
    assert repo.get_row(db, "contacts", contact["id"], include_deleted=True) is not None
    assert repo.attachments_of(db, cid) == []


def test_user_exists(db, owner) -> None:
    assert repo.user_exists(db, owner)
    assert not repo.user_exists(db, "nobody")
    users.set_active(db, owner, False, by="system")
    assert not repo.user_exists(db, owner)

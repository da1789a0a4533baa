"""Users and database-wide settings: validated, audited, one transaction each."""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from db.ids import new_id
from db.settings import get_setting, set_setting
from db.users import ROLES, ensure_user, find_user, get_user, list_users


def audit_rows(db: sqlite_utils.Database, action: str) -> list[dict]:
    return list(db.query("SELECT * FROM audit_log WHERE action = ? ORDER BY seq", [action]))


# ---------------------------------------------------------------- users


def test_ensure_user_creates_and_audits(db: sqlite_utils.Database) -> None:
    user = ensure_user(db, username="li.ming", display_name="李明", role="rm")
    assert user["username"] == "li.ming"
    assert user["display_name"] == "李明"
    assert user["role"] == "rm"
    assert len(user["id"]) == 36
    assert "password_hash" not in user
    assert get_user(db, user["id"]) == user
    (entry,) = audit_rows(db, "user.create")
    assert entry["entity"] == "users" and entry["entity_id"] == user["id"]
    assert json.loads(entry["after"])["username"] == "li.ming"
    assert not db.conn.in_transaction


def test_ensure_user_is_idempotent_by_username(db: sqlite_utils.Database) -> None:
    first = ensure_user(db, username="Wang.Fang", display_name="王芳", role="reviewer")
    again = ensure_user(db, username="  wang.fang ", display_name="Other", role="admin")
    assert again == first
    assert len(audit_rows(db, "user.create")) == 1
    assert find_user(db, "WANG.FANG") == first
    assert find_user(db, "nobody") is None
    assert get_user(db, new_id()) is None


def test_ensure_user_with_given_id(db: sqlite_utils.Database) -> None:
    user_id = new_id()
    user = ensure_user(
        db, username="head", display_name="Branch Head", role="branch_head", user_id=user_id
    )
    assert user["id"] == user_id
    with pytest.raises(ValueError, match="already belongs"):
        ensure_user(db, username="other", display_name="Other", role="rm", user_id=user_id)
    assert [u["username"] for u in list_users(db)] == ["head"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"username": "x", "display_name": "X", "role": "boss"}, "role of user 'x'"),
        ({"username": "x", "display_name": "X", "role": "RM"}, "role"),
        ({"username": "  ", "display_name": "X", "role": "rm"}, "username"),
        ({"username": "x", "display_name": "", "role": "rm"}, "display_name"),
        ({"username": "x", "display_name": "X", "role": "rm", "user_id": "42"}, "user_id"),
    ],
)
def test_ensure_user_rejects_bad_input(
    db: sqlite_utils.Database, kwargs: dict, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        ensure_user(db, **kwargs)
    assert list_users(db) == []
    assert audit_rows(db, "user.create") == []


def test_list_users_sorted(db: sqlite_utils.Database) -> None:
    for name, role in [("zhao", "rm"), ("Admin", "admin"), ("chen", "reviewer")]:
        ensure_user(db, username=name, display_name=name.title(), role=role)
    users = list_users(db)
    assert [u["username"] for u in users] == ["Admin", "chen", "zhao"]
    assert {u["role"] for u in users} <= set(ROLES)


# ---------------------------------------------------------------- settings


def test_get_setting_default(db: sqlite_utils.Database) -> None:
    assert get_setting(db, "language") is None
    assert get_setting(db, "language", "zh_CN") == "zh_CN"


@pytest.mark.parametrize(
    "value",
    ["en", 0, 30, True, None, 1.5, [1, 2], {"省份": ["江苏", "内蒙古"], "limit_yuan": 10_000_000}],
)
def test_set_and_get_json_values(db: sqlite_utils.Database, value: object) -> None:
    set_setting(db, "some.key", value, "u-1")
    assert get_setting(db, "some.key", "default") == value
    assert type(get_setting(db, "some.key")) is type(value)


def test_set_setting_audits_before_and_after(db: sqlite_utils.Database) -> None:
    set_setting(db, "backup.keep_days", 30, "u-1")
    set_setting(db, "backup.keep_days", 60, "u-2")
    first, second = audit_rows(db, "setting.update")
    assert (first["entity"], first["entity_id"], first["user_id"]) == (
        "settings",
        "backup.keep_days",
        "u-1",
    )
    assert first["before"] is None and json.loads(first["after"]) == 30
    assert json.loads(second["before"]) == 30 and json.loads(second["after"]) == 60
    assert second["user_id"] == "u-2"
    row = next(db.query("SELECT updated_by FROM settings WHERE key = 'backup.keep_days'"))
    assert row["updated_by"] == "u-2"


def test_unchanged_value_is_not_audited_again(db: sqlite_utils.Database) -> None:
    set_setting(db, "k", {"a": 1, "b": 2}, "u")
    set_setting(db, "k", {"b": 2, "a": 1}, "u")
    assert len(audit_rows(db, "setting.update")) == 1
    set_setting(db, "flag", 1, "u")
    set_setting(db, "flag", True, "u")  # True is not 1 in a setting
    assert get_setting(db, "flag") is True
    assert len(audit_rows(db, "setting.update")) == 3


@pytest.mark.parametrize(
    ("key", "value", "user_id", "message"),
    [
        ("k", {1, 2}, "u", "setting 'k'"),
        ("k", float("nan"), "u", "setting 'k'"),
        ("k", object(), "u", "JSON"),
        ("", 1, "u", "key"),
        ("k", 1, "", "user_id"),
    ],
)
def test_set_setting_rejects_bad_input(
    db: sqlite_utils.Database, key: str, value: object, user_id: str, message: str
) -> None:
    set_setting(db, "k", "kept", "u")
    with pytest.raises(ValueError, match=message):
        set_setting(db, key, value, user_id)
    assert get_setting(db, "k") == "kept"
    assert len(audit_rows(db, "setting.update")) == 1
    assert not db.conn.in_transaction

"""Passwords, sign-in and lock-out, user management, every role x permission,
unmasking personal data, and the audit services built on them."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlite_utils
from argon2 import PasswordHasher

from db import users
from db.audit import AuditFilter, verify_chain
from db.connection import write
from db.errors import ConflictError, DatabaseError, DiskFullError
from db.ids import new_id
from desktop.core import auditing, security
from desktop.core.security import (
    LOCKOUT_MINUTES,
    MAX_FAILED_SIGN_INS,
    PermissionDenied,
    SecurityError,
    SignInError,
)
from desktop.core.session import CurrentUser
from desktop.core.validation import ValidationError

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
GOOD = "Hydrogen-2025"
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def audit_rows(db: sqlite_utils.Database, action: str) -> list[dict]:
    return list(db.query("SELECT * FROM audit_log WHERE action = ? ORDER BY seq", [action]))


# These tests match the English source messages; zh_CN is checked by the translation tests.
pytestmark = pytest.mark.usefixtures("english_messages")


@pytest.fixture
def admin(db: sqlite_utils.Database) -> CurrentUser:
    return security.create_first_admin(db, "admin", "系统管理员", "Admin-Pass-1", hasher=FAST)


def make_user(db: sqlite_utils.Database, admin: CurrentUser, name: str, role: str) -> CurrentUser:
    row = security.create_user(
        db, admin, name, name.title(), role, GOOD, must_change_password=False, hasher=FAST
    )
    return CurrentUser(row["id"], row["username"], row["display_name"], row["role"])


@pytest.fixture
def rm(db: sqlite_utils.Database, admin: CurrentUser) -> CurrentUser:
    return make_user(db, admin, "li.ming", "rm")


# =========================================================================== passwords


def test_default_hasher_is_argon2id_with_sane_cost() -> None:
    digest = security.hash_password("whatever-Pass1")
    assert digest.startswith("$argon2id$")
    hasher = security._DEFAULT_HASHER
    assert hasher.time_cost >= 2 and hasher.memory_cost >= 19 * 1024


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("Short-1a", ["at least 10 characters"]),
        ("alllowercaseletters", ["at least 3 of"]),
        ("lower-and-digits-123", []),
        ("ABCdefGHIjkl", ["at least 3 of"]),
        ("Li.Ming.2025", []),
        ("氢能源密码Abc12", []),
        ("x" * 300 + "A1-", ["at most 256"]),
        ("abc", ["at least 10", "at least 3 of"]),
    ],
)
def test_password_rules(password: str, expected: list[str]) -> None:
    problems = security.password_problems(password, "someone")
    assert len(problems) == len(expected)
    for problem, fragment in zip(problems, expected, strict=True):
        assert fragment in problem


def test_password_must_not_be_the_user_name() -> None:
    problems = security.password_problems("Li.Ming.2025", "li.ming.2025")
    assert problems == ["The password must not be the user name."]
    with pytest.raises(security.PasswordPolicyError) as info:
        security.check_password_rules("Li.Ming.2025", " LI.MING.2025 ")
    assert info.value.field == "password"
    assert info.value.problems == problems


# =========================================================================== first run, users


def test_first_run_creates_the_administrator(db: sqlite_utils.Database) -> None:
    assert security.first_run_needed(db)
    with pytest.raises(security.PasswordPolicyError):
        security.create_first_admin(db, "admin", "管理员", "weak", hasher=FAST)
    assert security.first_run_needed(db)
    admin = security.create_first_admin(db, " admin ", "管理员", "Admin-Pass-1", hasher=FAST)
    assert (admin.username, admin.role) == ("admin", "admin")
    assert not security.first_run_needed(db)
    (entry,) = audit_rows(db, "user.first_admin")
    assert entry["user_id"] == admin.id
    assert "password_hash" not in entry["after"] and "argon2" not in entry["after"]
    with pytest.raises(SecurityError, match="already exists"):
        security.create_first_admin(db, "admin2", "Other", "Admin-Pass-2", hasher=FAST)
    assert [u["username"] for u in users.list_users(db)] == ["admin"]


def test_first_run_claims_a_passwordless_admin(db: sqlite_utils.Database) -> None:
    old = users.ensure_user(db, username="zhangsan", display_name="张三", role="admin")
    assert security.first_run_needed(db)  # no password yet
    admin = security.create_first_admin(db, "ZhangSan", "张三", "Admin-Pass-1", hasher=FAST)
    assert admin.id == old["id"]
    assert security.sign_in(db, "zhangsan", "Admin-Pass-1", now=T0, hasher=FAST).id == old["id"]


def test_first_run_refuses_a_name_taken_by_another_role(db: sqlite_utils.Database) -> None:
    users.ensure_user(db, username="demo", display_name="演示", role="rm")
    with pytest.raises(ValidationError, match="already taken"):
        security.create_first_admin(db, "demo", "X", "Admin-Pass-1", hasher=FAST)


def test_create_user_validates_and_audits(db: sqlite_utils.Database, admin: CurrentUser) -> None:
    row = security.create_user(db, admin, "wang.fang", "王芳", "reviewer", GOOD, hasher=FAST)
    assert row["role"] == "reviewer" and row["must_change_password"] == 1
    assert users.password_hash(db, row["id"]).startswith("$argon2id$")
    (entry,) = [e for e in audit_rows(db, "user.create") if e["entity_id"] == row["id"]]
    assert entry["user_id"] == admin.id
    assert "argon2" not in entry["after"]
    cases = [
        (("WANG.FANG", "X", "rm", GOOD), "username"),
        (("", "X", "rm", GOOD), "username"),
        (("a b", "X", "rm", GOOD), "username"),
        (("new", " ", "rm", GOOD), "display_name"),
        (("new", "X", "boss", GOOD), "role"),
        (("new", "X", "rm", "short"), "password"),
    ]
    for args, field in cases:
        with pytest.raises(ValidationError) as info:
            security.create_user(db, admin, *args, hasher=FAST)
        assert info.value.field == field
    assert len(users.list_users(db)) == 2


def test_only_admin_manages_users(db: sqlite_utils.Database, rm: CurrentUser) -> None:
    with pytest.raises(PermissionDenied) as info:
        security.create_user(db, rm, "x.y", "X", "rm", GOOD, hasher=FAST)
    assert info.value.permission == "user.manage"
    assert security.permission_label("user.manage") in info.value.message
    for call in (
        lambda: security.reset_password(db, rm, rm.id, "New-Pass-123", hasher=FAST),
        lambda: security.deactivate_user(db, rm, rm.id),
        lambda: security.unlock_user(db, rm, rm.id),
        lambda: security.update_user(db, rm, rm.id, 1, role="admin"),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert users.get_user(db, rm.id)["role"] == "rm"


def test_update_user_with_version_check(
    db: sqlite_utils.Database, admin: CurrentUser, rm: CurrentUser
) -> None:
    version = users.get_user(db, rm.id)["version"]
    row = security.update_user(db, admin, rm.id, version, display_name="李明", role="branch_head")
    assert (row["display_name"], row["role"], row["version"]) == (
        "李明",
        "branch_head",
        version + 1,
    )
    assert audit_rows(db, "user.update")[-1]["entity_id"] == rm.id
    with pytest.raises(ConflictError):
        security.update_user(db, admin, rm.id, version, role="rm")
    with pytest.raises(SecurityError, match="last administrator"):
        security.update_user(db, admin, admin.id, 1, role="rm")


def test_deactivate_rules(db: sqlite_utils.Database, admin: CurrentUser, rm: CurrentUser) -> None:
    with pytest.raises(SecurityError, match="yourself"):
        security.deactivate_user(db, admin, admin.id)
    second = make_user(db, admin, "admin2", "admin")
    with pytest.raises(SecurityError, match="yourself"):
        security.deactivate_user(db, second, second.id)
    security.deactivate_user(db, second, admin.id, reason="left the bank")
    with pytest.raises(PermissionDenied, match="no longer active"):
        security.deactivate_user(db, admin, second.id)  # stale session of a deactivated admin
    security.update_user(db, second, rm.id, 1, role="rm")  # no change: allowed
    with pytest.raises(SecurityError, match="last administrator"):
        security.update_user(db, second, second.id, 1, role="reviewer")
    row = security.deactivate_user(db, second, rm.id)
    assert row["active"] == 0
    assert [e["entity_id"] for e in audit_rows(db, "user.deactivate")] == [admin.id, rm.id]
    security.reactivate_user(db, second, rm.id)
    assert users.get_user(db, rm.id)["active"] == 1
    assert len(audit_rows(db, "user.reactivate")) == 1


# =========================================================================== sign-in


def test_sign_in_success_is_audited(db: sqlite_utils.Database, rm: CurrentUser) -> None:
    user = security.sign_in(db, " LI.MING ", GOOD, now=T0, hasher=FAST)
    assert user == rm
    (entry,) = audit_rows(db, "auth.sign_in")
    assert entry["user_id"] == rm.id


def test_wrong_password_and_unknown_user_look_the_same(
    db: sqlite_utils.Database, rm: CurrentUser
) -> None:
    with pytest.raises(SignInError) as wrong:
        security.sign_in(db, "li.ming", "Wrong-Pass-1", now=T0, hasher=FAST)
    with pytest.raises(SignInError) as unknown:
        security.sign_in(db, "nobody", GOOD, now=T0, hasher=FAST)
    with pytest.raises(SignInError) as empty:
        security.sign_in(db, "", "", now=T0, hasher=FAST)
    assert wrong.value.message == unknown.value.message == empty.value.message
    assert wrong.value.code == unknown.value.code == "invalid"
    failed = audit_rows(db, "auth.sign_in_failed")
    assert [e["user_id"] for e in failed] == [rm.id, security.ANONYMOUS, security.ANONYMOUS]
    assert [e["reason"] for e in failed] == ["wrong password", "unknown user", "unknown user"]
    assert GOOD not in json.dumps([dict(e) for e in failed])


def test_lock_out_after_repeated_failures(db: sqlite_utils.Database, rm: CurrentUser) -> None:
    for i in range(MAX_FAILED_SIGN_INS - 1):
        with pytest.raises(SignInError) as info:
            security.sign_in(db, "li.ming", f"Wrong-{i}-pass", now=T0, hasher=FAST)
        assert info.value.code == "invalid"
    with pytest.raises(SignInError) as info:
        security.sign_in(db, "li.ming", "Wrong-last-pass", now=T0, hasher=FAST)
    until = T0 + timedelta(minutes=LOCKOUT_MINUTES)
    assert (info.value.code, info.value.locked_until) == ("locked", until)
    assert until.astimezone().strftime("%H:%M") in info.value.message
    # Locked: even the right password is refused, and says until when.
    with pytest.raises(SignInError) as info:
        security.sign_in(db, "li.ming", GOOD, now=T0 + timedelta(minutes=14), hasher=FAST)
    assert info.value.code == "locked"
    assert security.locked_until(db, rm.id, now=T0) == until
    # After the lock-out the right password works and the count starts afresh.
    later = T0 + timedelta(minutes=LOCKOUT_MINUTES, seconds=1)
    assert security.sign_in(db, "li.ming", GOOD, now=later, hasher=FAST) == rm
    assert security.locked_until(db, rm.id, now=later) is None
    assert users.get_user(db, rm.id)["failed_attempts"] == 0
    assert len(audit_rows(db, "auth.sign_in_failed")) == MAX_FAILED_SIGN_INS + 1


def test_success_resets_the_failure_count(db: sqlite_utils.Database, rm: CurrentUser) -> None:
    for _round in range(2):
        for _ in range(MAX_FAILED_SIGN_INS - 1):
            with pytest.raises(SignInError):
                security.sign_in(db, "li.ming", "Wrong-Pass-9", now=T0, hasher=FAST)
        security.sign_in(db, "li.ming", GOOD, now=T0, hasher=FAST)
    assert users.get_user(db, rm.id)["locked_until"] is None


def test_admin_unlocks_an_account(
    db: sqlite_utils.Database, admin: CurrentUser, rm: CurrentUser
) -> None:
    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(SignInError):
            security.sign_in(db, "li.ming", "Wrong-Pass-9", now=T0, hasher=FAST)
    security.unlock_user(db, admin, rm.id)
    assert security.sign_in(db, "li.ming", GOOD, now=T0, hasher=FAST) == rm
    assert len(audit_rows(db, "auth.unlock_account")) == 1


def test_deactivated_user_cannot_sign_in(
    db: sqlite_utils.Database, admin: CurrentUser, rm: CurrentUser
) -> None:
    security.deactivate_user(db, admin, rm.id)
    with pytest.raises(SignInError) as info:
        security.sign_in(db, "li.ming", GOOD, now=T0, hasher=FAST)
    assert info.value.code == "inactive"
    with pytest.raises(SignInError) as info:
        security.sign_in(db, "li.ming", "Wrong-Pass-9", now=T0, hasher=FAST)
    assert info.value.code == "invalid"


def test_user_without_password_cannot_sign_in(db: sqlite_utils.Database, admin) -> None:
    users.ensure_user(db, username="nopass", display_name="N", role="rm")
    with pytest.raises(SignInError) as info:
        security.sign_in(db, "nopass", "", now=T0, hasher=FAST)
    assert info.value.code == "invalid"


def test_old_hash_parameters_are_upgraded(db: sqlite_utils.Database, rm: CurrentUser) -> None:
    stronger = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
    before = users.password_hash(db, rm.id)
    version = users.get_user(db, rm.id)["version"]
    security.sign_in(db, "li.ming", GOOD, now=T0, hasher=stronger)
    after = users.password_hash(db, rm.id)
    assert after != before and "t=2" in after
    assert users.get_user(db, rm.id)["version"] == version  # not a record change
    security.sign_in(db, "li.ming", GOOD, now=T0, hasher=stronger)


# =========================================================================== passwords


def test_change_password(db: sqlite_utils.Database, rm: CurrentUser) -> None:
    with pytest.raises(SignInError, match="current password"):
        security.change_password(db, rm, "Wrong-Pass-9", "Brand-New-1", now=T0, hasher=FAST)
    with pytest.raises(security.PasswordPolicyError, match="differ"):
        security.change_password(db, rm, GOOD, GOOD, now=T0, hasher=FAST)
    with pytest.raises(security.PasswordPolicyError):
        security.change_password(db, rm, GOOD, "short", now=T0, hasher=FAST)
    security.change_password(db, rm, GOOD, "Brand-New-1", now=T0, hasher=FAST)
    assert security.sign_in(db, "li.ming", "Brand-New-1", now=T0, hasher=FAST) == rm
    with pytest.raises(SignInError):
        security.sign_in(db, "li.ming", GOOD, now=T0, hasher=FAST)
    assert len(audit_rows(db, "auth.password_change")) == 1
    assert len(audit_rows(db, "auth.password_failed")) == 1


def test_reset_password_forces_a_change(
    db: sqlite_utils.Database, admin: CurrentUser, rm: CurrentUser
) -> None:
    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(SignInError):
            security.sign_in(db, "li.ming", "Wrong-Pass-9", now=T0, hasher=FAST)
    with pytest.raises(security.PasswordPolicyError):
        security.reset_password(db, admin, rm.id, "li.ming", hasher=FAST)
    security.reset_password(db, admin, rm.id, "Temp-Pass-42", hasher=FAST)
    assert security.password_change_required(db, rm.id)
    assert security.sign_in(db, "li.ming", "Temp-Pass-42", now=T0, hasher=FAST) == rm
    security.change_password(db, rm, "Temp-Pass-42", "Mine-Now-77", now=T0, hasher=FAST)
    assert not security.password_change_required(db, rm.id)
    (entry,) = audit_rows(db, "auth.password_reset")
    assert entry["user_id"] == admin.id and "Temp" not in (entry["after"] or "")


def test_unlock_screen(db: sqlite_utils.Database, rm: CurrentUser) -> None:
    assert security.verify_password_for_unlock(db, rm, GOOD, now=T0, hasher=FAST)
    assert not security.verify_password_for_unlock(db, rm, "nope", now=T0, hasher=FAST)
    assert len(audit_rows(db, "auth.unlock_failed")) == 1
    for _ in range(MAX_FAILED_SIGN_INS - 1):
        security.verify_password_for_unlock(db, rm, "nope", now=T0, hasher=FAST)
    assert security.locked_until(db, rm.id, now=T0) is not None
    assert not security.verify_password_for_unlock(db, rm, GOOD, now=T0, hasher=FAST)


# =========================================================================== permissions

ROLES = ("rm", "reviewer", "branch_head", "admin")
# Independent copy of the documented matrix: (rm, reviewer, branch_head, admin).
MATRIX = {
    "client.read": ("all", "all", "all", "all"),
    "client.create": ("all", None, "all", None),
    "client.edit_own": ("own", None, "all", None),
    "client.edit_any": (None, None, "all", None),
    "deal.read": ("all", "all", "all", "all"),
    "deal.create": ("own", None, "all", None),
    "deal.edit_own": ("own", None, "all", None),
    "deal.edit_any": (None, None, "all", None),
    "deal.review": (None, "all", "all", None),
    "deal.approve": (None, "all", "all", None),
    "score.create": ("own", None, "all", None),
    "memo.create": ("own", "all", "all", None),
    "personal.unmask": ("own", "all", "all", None),
    "personal.export": (None, None, "all", None),
    "user.manage": (None, None, None, "all"),
    "settings.manage": (None, None, None, "all"),
    "audit.read": (None, "all", "all", "all"),
    "backup.run": (None, None, None, "all"),
    "backup.restore": (None, None, None, "all"),
}


def test_matrix_covers_every_permission() -> None:
    assert set(MATRIX) == set(security.PERMISSIONS)
    for code in MATRIX:  # every permission has a label and is in the docstring table
        assert security.permission_label(code) != code
        assert code in (security.__doc__ or "")


@pytest.mark.parametrize("permission", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_every_role_and_permission(role: str, permission: str) -> None:
    me = CurrentUser(new_id(), "me", "Me", role)
    mine, theirs = me.id, new_id()
    granted = MATRIX[permission][ROLES.index(role)]
    assert security.scope(role, permission) == granted
    assert security.allowed(me, permission, owner_id=mine) is (granted is not None)
    assert security.allowed(me, permission, owner_id=theirs) is (granted == "all")
    assert security.allowed(me, permission) is (granted == "all")
    if granted is None:
        with pytest.raises(PermissionDenied) as info:
            security.require(me, permission, owner_id=mine)
        assert info.value.permission == permission
        assert security.permission_label(permission) in info.value.message
        assert security.role_label(role) in info.value.message
        assert not info.value.own_only
    else:
        security.require(me, permission, owner_id=mine)
    if granted == "own":
        with pytest.raises(PermissionDenied) as info:
            security.require(me, permission, owner_id=theirs)
        assert info.value.own_only
        assert security.permission_label(permission) in info.value.message


def test_unknown_permission_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        security.require(CurrentUser("x", "x", "x", "admin"), "client.destroy")


def test_role_labels_and_permissions_for() -> None:
    labels = [security.role_label(r) for r in ROLES]
    assert len(set(labels)) == 4 and all(labels)
    assert security.role_label("unknown") == "unknown"
    assert security.permissions_for("admin")["user.manage"] == "all"
    assert "client.edit_own" not in security.permissions_for("reviewer")


# =========================================================================== personal data


@pytest.fixture
def contact(db: sqlite_utils.Database, rm: CurrentUser) -> str:
    client_id, contact_id = new_id(), new_id()
    with write(db):
        db.conn.execute(
            "INSERT INTO clients (id, name, firm_type, owner_id) VALUES (?, '氢源科技', 'tech', ?)",
            (client_id, rm.id),
        )
        db.conn.execute(
            "INSERT INTO contacts (id, client_id, name, mobile, id_number) VALUES (?,?,?,?,?)",
            (contact_id, client_id, "张三", "13812345678", "110101199003074578"),
        )
    return contact_id


def test_unmask_own_contact_with_reason(
    db: sqlite_utils.Database, rm: CurrentUser, contact: str
) -> None:
    value = security.unmask(db, rm, "contacts", contact, "mobile", " 回访客户 ")
    assert value == "13812345678"
    (entry,) = audit_rows(db, "personal.unmask")
    assert (entry["user_id"], entry["entity_id"], entry["reason"]) == (rm.id, contact, "回访客户")
    assert json.loads(entry["after"]) == {"field": "mobile"}
    assert "13812345678" not in json.dumps(dict(entry))


def test_unmask_refusals(
    db: sqlite_utils.Database, admin: CurrentUser, rm: CurrentUser, contact: str
) -> None:
    other_rm = make_user(db, admin, "zhao", "rm")
    reviewer = make_user(db, admin, "chen", "reviewer")
    with pytest.raises(PermissionDenied) as info:
        security.unmask(db, other_rm, "contacts", contact, "id_number", "curious")
    assert info.value.own_only
    with pytest.raises(PermissionDenied):
        security.unmask(db, admin, "contacts", contact, "mobile", "admin work")
    with pytest.raises(ValidationError) as missing_reason:
        security.unmask(db, rm, "contacts", contact, "mobile", "   ")
    assert missing_reason.value.field == "reason"
    with pytest.raises(ValidationError):
        security.unmask(db, rm, "contacts", contact, "name", "why")
    with pytest.raises(ValidationError):
        security.unmask(db, rm, "clients", contact, "mobile", "why")
    with pytest.raises(ValidationError):
        security.unmask(db, rm, "contacts", new_id(), "mobile", "why")
    assert audit_rows(db, "personal.unmask") == []
    assert security.unmask(db, reviewer, "contacts", contact, "id_number", "审查") == (
        "110101199003074578"
    )


def test_personal_export_needs_permission_and_reason(
    db: sqlite_utils.Database, admin: CurrentUser, rm: CurrentUser
) -> None:
    head = make_user(db, admin, "head", "branch_head")
    with pytest.raises(PermissionDenied):
        security.record_personal_export(db, rm, reason="x", description="contacts", rows=3)
    with pytest.raises(ValidationError):
        security.record_personal_export(db, head, reason="", description="contacts", rows=3)
    security.record_personal_export(
        db, head, reason="监管报送", description="contacts", rows=3, target="c.xlsx"
    )
    (entry,) = audit_rows(db, "personal.export")
    assert entry["reason"] == "监管报送" and json.loads(entry["after"])["rows"] == 3


def test_demo_and_sign_out_are_audited(db: sqlite_utils.Database, rm: CurrentUser) -> None:
    security.record_demo_sign_in(db, rm)
    security.sign_out(db, rm, reason="idle")
    assert audit_rows(db, "auth.sign_in")[0]["reason"] == "demo mode, no password"
    assert audit_rows(db, "auth.sign_out")[0]["reason"] == "idle"


# =========================================================================== audit services


def test_audit_viewer_and_export(
    db: sqlite_utils.Database, admin: CurrentUser, rm: CurrentUser, tmp_path: Path
) -> None:
    security.sign_in(db, "li.ming", GOOD, now=T0, hasher=FAST)
    with pytest.raises(PermissionDenied):
        auditing.read_entries(db, rm)
    with pytest.raises(PermissionDenied):
        auditing.export_csv(db, rm, tmp_path / "a.csv")
    entries = auditing.read_entries(db, admin, AuditFilter(action="auth."))
    assert [e["action"] for e in entries] == ["auth.sign_in"]
    total = auditing.count(db, admin)
    target = tmp_path / "audit.csv"
    assert auditing.export_csv(db, admin, target) == total
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == list(auditing.EXPORT_COLUMNS)
    assert len(rows) == total + 1
    assert not list(tmp_path.glob("*.part"))
    assert audit_rows(db, "audit.export")[0]["user_id"] == admin.id


def test_chain_report_text(db: sqlite_utils.Database, admin: CurrentUser, db_path: Path) -> None:
    report = auditing.verify(db_path)
    assert report.ok
    assert auditing.chain_report_text(report).startswith("ok")
    broken = verify_chain(db_path).__class__(False, 3, 3, "x", "edited")
    assert "3" in auditing.chain_report_text(broken)
    unreadable = auditing.verify(db_path.with_name("missing.sqlite3"))
    assert not unreadable.ok and auditing.chain_report_text(unreadable)


def test_database_error_messages() -> None:
    assert "reload" in auditing.database_error_message(ConflictError("x")).lower()
    assert "full" in auditing.database_error_message(DiskFullError("x")).lower()
    assert "x-detail" in auditing.database_error_message(DatabaseError("m", detail="x-detail"))

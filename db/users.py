"""Users of the desk (who did what; roles for what they may see and approve).

Storage only: the rules (password policy, lock-out, who may manage users) live
in :mod:`desktop.core.security`, which calls these functions. Returned dicts
never carry ``password_hash``; :func:`password_hash` reads it separately.
"""

from __future__ import annotations

import uuid
from typing import Any

import sqlite_utils

from db import audit
from db.connection import write
from db.ids import SYSTEM_USER, new_id, now_iso

ROLES = ("rm", "reviewer", "branch_head", "admin")

_PUBLIC_COLUMNS = (
    "id, username, display_name, role, failed_attempts, locked_until, active, "
    "must_change_password, created_at, updated_at, updated_by, version, deleted_at"
)


def _one(db: sqlite_utils.Database, where: str, params: tuple[Any, ...]) -> dict | None:
    rows = list(db.query(f"SELECT {_PUBLIC_COLUMNS} FROM users WHERE {where}", params))
    return rows[0] if rows else None


def get_user(db: sqlite_utils.Database, user_id: str) -> dict | None:
    """The user with this id (including a deactivated or deleted one), or None."""
    return _one(db, "id = ?", (user_id,))


def find_user(db: sqlite_utils.Database, username: str) -> dict | None:
    """The user with this user name, ignoring case and surrounding spaces, or None."""
    return _one(db, "username = ? COLLATE NOCASE", (username.strip(),))


def list_users(db: sqlite_utils.Database) -> list[dict]:
    """All users that are not deleted, by user name."""
    return list(
        db.query(
            f"SELECT {_PUBLIC_COLUMNS} FROM users WHERE deleted_at IS NULL "
            "ORDER BY username COLLATE NOCASE"
        )
    )


def _validate(username: str, display_name: str, role: str, user_id: str | None) -> None:
    if not isinstance(username, str) or not username.strip():
        raise ValueError("username: must not be empty")
    if not isinstance(display_name, str) or not display_name.strip():
        raise ValueError(f"display_name of user {username.strip()!r}: must not be empty")
    if role not in ROLES:
        raise ValueError(
            f"role of user {username.strip()!r}: {role!r} is not one of {', '.join(ROLES)}"
        )
    if user_id is not None:
        try:
            ok = str(uuid.UUID(user_id)) == user_id.lower()
        except (ValueError, AttributeError, TypeError):
            ok = False
        if not ok:
            raise ValueError(f"user_id: {user_id!r} is not a UUID in 36-character form")


def ensure_user(
    db: sqlite_utils.Database,
    *,
    username: str,
    display_name: str,
    role: str,
    user_id: str | None = None,
    by: str = SYSTEM_USER,
) -> dict:
    """Return the user called ``username``, creating it (audited ``user.create``) if missing.

    An existing user is returned unchanged. Raises ValueError for an unknown
    role, an empty name, or a ``user_id`` that is malformed or already taken by
    another user.
    """
    _validate(username, display_name, role, user_id)
    username = username.strip()
    display_name = display_name.strip()
    with write(db):
        existing = find_user(db, username)
        if existing is not None:
            return existing
        if user_id is not None and get_user(db, user_id) is not None:
            raise ValueError(f"user_id: {user_id} already belongs to another user")
        return insert_user(
            db, username=username, display_name=display_name, role=role, user_id=user_id, by=by
        )


def insert_user(
    db: sqlite_utils.Database,
    *,
    username: str,
    display_name: str,
    role: str,
    password_hash: str | None = None,
    must_change_password: bool = False,
    user_id: str | None = None,
    by: str = SYSTEM_USER,
    action: str = "user.create",
    reason: str = "",
) -> dict:
    """Insert a new user (audited ``action``, default ``user.create``) and return it.

    No duplicate check beyond the UNIQUE constraint (sqlite3.IntegrityError):
    callers check :func:`find_user` first inside the same transaction.
    """
    _validate(username, display_name, role, user_id)
    new_user_id = user_id or new_id()
    with write(db):
        db.conn.execute(
            "INSERT INTO users (id, username, display_name, role, password_hash,"
            " must_change_password, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                new_user_id,
                username.strip(),
                display_name.strip(),
                role,
                password_hash,
                int(must_change_password),
                by,
            ),
        )
        created = get_user(db, new_user_id)
        audit.record(
            db,
            user_id=by,
            action=action,
            entity="users",
            entity_id=new_user_id,
            after=created,
            reason=reason,
        )
    if created is None:  # pragma: no cover - the row was inserted above
        raise RuntimeError(f"user {username!r} vanished after insert")
    return created


def password_hash(db: sqlite_utils.Database, user_id: str) -> str | None:
    """The stored Argon2 hash of this user (None when no password is set)."""
    row = db.conn.execute("SELECT password_hash FROM users WHERE id = ?", (user_id,)).fetchone()
    return None if row is None else row[0]


def set_password_hash(
    db: sqlite_utils.Database,
    user_id: str,
    new_hash: str,
    *,
    by: str,
    must_change: bool = False,
) -> None:
    """Store a new hash, clear failed attempts and any lock, bump the version.
    Runs in the caller's transaction if there is one (no audit entry here)."""
    with write(db):
        db.conn.execute(
            "UPDATE users SET password_hash = ?, must_change_password = ?, failed_attempts = 0,"
            " locked_until = NULL, updated_at = ?, updated_by = ?, version = version + 1"
            " WHERE id = ?",
            (new_hash, int(must_change), now_iso(), by, user_id),
        )


def replace_password_hash(db: sqlite_utils.Database, user_id: str, new_hash: str) -> None:
    """Upgrade the stored hash to new Argon2 parameters (same password): not a
    change of the user record, so version and audit trail are untouched."""
    with write(db):
        db.conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (new_hash, user_id))


def register_failed_sign_in(
    db: sqlite_utils.Database, user_id: str, *, max_failures: int, lock_until: str
) -> tuple[int, str | None]:
    """Count one failed sign-in; at ``max_failures`` lock the account until
    ``lock_until`` (ISO UTC) and restart the count. Returns (failures counted,
    locked_until). Sign-in bookkeeping does not bump ``version``."""
    with write(db):
        db.conn.execute(
            "UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = ?", (user_id,)
        )
        count = db.conn.execute(
            "SELECT failed_attempts FROM users WHERE id = ?", (user_id,)
        ).fetchone()[0]
        if count >= max_failures:
            db.conn.execute(
                "UPDATE users SET failed_attempts = 0, locked_until = ? WHERE id = ?",
                (lock_until, user_id),
            )
            return count, lock_until
        return count, None


def clear_failed_sign_ins(db: sqlite_utils.Database, user_id: str) -> None:
    """Reset the failure count and any lock (successful sign-in, admin unlock)."""
    with write(db):
        db.conn.execute(
            "UPDATE users SET failed_attempts = 0, locked_until = NULL"
            " WHERE id = ? AND (failed_attempts <> 0 OR locked_until IS NOT NULL)",
            (user_id,),
        )


def set_active(db: sqlite_utils.Database, user_id: str, active: bool, *, by: str) -> None:
    """Activate or deactivate a user (no audit entry here; the caller writes it)."""
    with write(db):
        db.conn.execute(
            "UPDATE users SET active = ?, updated_at = ?, updated_by = ?, version = version + 1"
            " WHERE id = ?",
            (int(active), now_iso(), by, user_id),
        )


def count_active_admins(db: sqlite_utils.Database, *, with_password: bool = True) -> int:
    """Active, not deleted administrators (that have a password, by default)."""
    sql = "SELECT count(*) FROM users WHERE role = 'admin' AND active = 1 AND deleted_at IS NULL"
    if with_password:
        sql += " AND password_hash IS NOT NULL"
    return db.conn.execute(sql).fetchone()[0]

"""Users of the desk (who did what; roles for what they may see and approve).

Minimal on purpose: the security issue adds passwords and sign-in. Returned
dicts never carry ``password_hash``.
"""

from __future__ import annotations

import uuid
from typing import Any

import sqlite_utils

from db import audit
from db.connection import write
from db.ids import SYSTEM_USER, new_id

ROLES = ("rm", "reviewer", "branch_head", "admin")

_PUBLIC_COLUMNS = (
    "id, username, display_name, role, failed_attempts, locked_until, active, "
    "created_at, updated_at, updated_by, version, deleted_at"
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
        new_user_id = user_id or new_id()
        db.conn.execute(
            "INSERT INTO users (id, username, display_name, role, updated_by)"
            " VALUES (?, ?, ?, ?, ?)",
            (new_user_id, username, display_name, role, by),
        )
        created = get_user(db, new_user_id)
        audit.record(
            db,
            user_id=by,
            action="user.create",
            entity="users",
            entity_id=new_user_id,
            after=created,
        )
    if created is None:  # pragma: no cover - the row was inserted above
        raise RuntimeError(f"user {username!r} vanished after insert")
    return created

"""From a database path to a working :class:`Session` (no Qt).

The launcher (CLI and GUI) and the self-test all start here, so the rules for
which database and which user are written once.
"""

from __future__ import annotations

import contextlib
import getpass
import re
from datetime import date
from pathlib import Path

import sqlite_utils

from db import users
from db.connection import open_database
from desktop.core import paths
from desktop.core.session import CurrentUser, Session

DEMO_USERNAME = "demo"
DEMO_DISPLAY_NAME = "演示客户经理"
DEMO_SEED = 20251128
DEMO_CLIENTS = 300

_FALLBACK_USERNAME = "local"
_SAFE_USERNAME = re.compile(r"[^\w.@-]+", re.UNICODE)


def os_username() -> str:
    """The operating-system account name, cleaned for use as a username."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name (containers, services)
        name = ""
    name = _SAFE_USERNAME.sub("_", name.strip()).strip("_")
    return name[:64] or _FALLBACK_USERNAME


def _current_user(row: dict) -> CurrentUser:
    return CurrentUser(
        id=row["id"],
        username=row["username"],
        display_name=row["display_name"],
        role=row["role"],
    )


def session_user(db: sqlite_utils.Database, *, demo: bool) -> CurrentUser:
    """The user a session runs as.

    Demo: the demo relationship manager the demo generator created. Otherwise,
    until sign-in exists (security issue), a local administrator named after
    the operating-system account, created on first use.
    """
    if demo:
        row = users.find_user(db, DEMO_USERNAME) or users.ensure_user(
            db, username=DEMO_USERNAME, display_name=DEMO_DISPLAY_NAME, role="rm"
        )
        return _current_user(row)
    name = os_username()
    row = users.find_user(db, name) or users.ensure_user(
        db, username=name, display_name=name, role="admin"
    )
    return _current_user(row)


def open_session(db_path: Path, *, demo: bool) -> Session:
    """Open (create, migrate) the database at ``db_path`` and pick the user.

    Raises :class:`db.errors.DatabaseError` subclasses for a database the user
    must be told about (network path, not SQLite, corrupt, newer schema).
    """
    db_path = Path(db_path)
    db = open_database(db_path)
    try:
        user = session_user(db, demo=demo)
    except BaseException:
        db.close()
        raise
    return Session(db=db, db_path=db_path, user=user, demo=demo)


def _client_count(db: sqlite_utils.Database) -> int:
    return db.conn.execute("SELECT count(*) FROM clients").fetchone()[0]


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()


def ensure_demo_database(
    path: Path | None = None,
    *,
    clients: int = DEMO_CLIENTS,
    seed: int = DEMO_SEED,
) -> Path:
    """The demo portfolio database, created and filled on first use only.

    Defaults to :func:`paths.demo_db_path`, apart from real data. An existing
    demo database with clients is left as it is. It is dated today, so its
    follow-ups and pipeline ages look current on the day it is first opened
    (``h2desk demo`` keeps the fixed reference date for reproducible output).
    If filling a new file fails, the half-written file is removed so the next
    start tries again.
    """
    from desktop.core.demo import generate_demo  # noqa: PLC0415 - big module, load on need

    path = Path(path) if path is not None else paths.demo_db_path()
    existed = path.exists()
    db = open_database(path)
    try:
        if _client_count(db) == 0:
            try:
                generate_demo(db, clients=clients, seed=seed, today=date.today())
            except BaseException:
                if not existed:
                    db.close()
                    _remove_database_files(path)
                raise
    finally:
        db.close()
    return path

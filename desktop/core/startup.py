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
from desktop.core.security import record_demo_sign_in
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


def demo_user(db: sqlite_utils.Database) -> CurrentUser:
    """The demo relationship manager the demo generator created (created if missing)."""
    row = users.find_user(db, DEMO_USERNAME) or users.ensure_user(
        db, username=DEMO_USERNAME, display_name=DEMO_DISPLAY_NAME, role="rm"
    )
    return _current_user(row)


class SignInRequired(Exception):  # noqa: N818 - reads as a sentence
    """A real (non-demo) session needs a user who signed in with a password."""


def session_user(db: sqlite_utils.Database, *, demo: bool) -> CurrentUser:
    """The user a session runs as without signing in: only the demo RM.

    A real database needs a sign-in (:func:`desktop.core.security.sign_in`, the
    GUI's sign-in dialog); this raises :class:`SignInRequired` for it. No
    account is ever created here for a real database.
    """
    if demo:
        return demo_user(db)
    raise SignInRequired("sign in with a user name and password to open this database")


def cli_user(role: str = "admin") -> CurrentUser:
    """The non-interactive identity of headless ``h2desk`` commands.

    Its id is ``os:<operating-system account>`` (see
    :func:`desktop.core.backups.local_actor_id`), recorded as the actor of the
    command's audit entries. It is not a user account (nothing is created in
    the database, it cannot sign in to the app and user management refuses
    it, since that checks the stored account); ``role`` is what the command
    acts as for :func:`desktop.core.security.require`. Whoever can run the
    command can also copy or edit the database file, so this adds no power.
    """
    name = os_username()
    return CurrentUser(
        id=f"os:{name}", username=name, display_name=f"{name} (command line)", role=role
    )


def open_session(db_path: Path, *, demo: bool, user: CurrentUser | None = None) -> Session:
    """Open (create, migrate) the database at ``db_path`` for ``user``.

    ``user`` is the signed-in user; without one only a demo session opens
    (as the demo RM, audited as a password-free demo sign-in), otherwise
    :class:`SignInRequired`. Raises :class:`db.errors.DatabaseError`
    subclasses for a database the user must be told about (network path, not
    SQLite, corrupt, newer schema).
    """
    db_path = Path(db_path)
    db = open_database(db_path)
    try:
        if user is None:
            user = session_user(db, demo=demo)
            record_demo_sign_in(db, user)
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

"""Opening the SQLite database safely.

``open_database`` is the only way the application gets a connection. It refuses
what would lose or corrupt data (a network path, a file that is not SQLite, a
damaged file, a schema from a newer release), sets the pragmas every connection
needs, and migrates the schema to the version this release knows.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path, PureWindowsPath

import sqlite_utils

from db import migrations
from db.errors import (
    CorruptDatabaseError,
    DatabaseError,
    NetworkPathError,
    NewerSchemaError,
    NotADatabaseError,
)

BUSY_TIMEOUT_MS = 10_000
SQLITE_HEADER = b"SQLite format 3\x00"

# Windows GetDriveTypeW result for a remote (mapped network) drive.
_DRIVE_REMOTE = 4


def is_network_path(path: str | os.PathLike[str]) -> bool:
    """True for UNC paths (``\\\\server\\share``) and mapped network drives.

    SQLite's locking is unreliable on network file systems, so a live database
    must never sit there (https://www.sqlite.org/useovernet.html). Backups may.
    """
    text = os.fspath(path)
    if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "//?/", "\\\\.\\")):
        return True
    if text.startswith(("\\\\?\\UNC\\", "//?/UNC/")):
        return True
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        drive = PureWindowsPath(os.path.abspath(text)).drive
        if drive and len(drive) == 2 and drive[1] == ":":
            import ctypes  # noqa: PLC0415 - Windows only

            kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")
            return kind == _DRIVE_REMOTE
    return False


def _check_header(path: Path) -> None:
    """Refuse a non-empty file that does not start with the SQLite header."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    if size == 0:
        return
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_HEADER))
    if head != SQLITE_HEADER:
        raise NotADatabaseError(f"{path} is not an SQLite database", detail=str(path))


def _connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(
        str(path),
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,  # we issue BEGIN/COMMIT ourselves
        check_same_thread=False,  # worker threads get their own connection; see docs
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def apply_pragmas(conn: sqlite3.Connection, *, memory: bool = False) -> None:
    if not memory:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise DatabaseError(f"could not switch to WAL journal (got {mode})")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """Problems reported by ``PRAGMA quick_check`` (empty when healthy)."""
    rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    return [] if rows == ["ok"] else rows


def open_database(
    path: str | os.PathLike[str],
    *,
    migrate: bool = True,
    create: bool = True,
) -> sqlite_utils.Database:
    """Open (and by default create and migrate) the database at ``path``.

    ``":memory:"`` gives a private in-memory database (tests).
    Raises a :class:`db.errors.DatabaseError` subclass for anything the user
    must be told about; the file is left untouched in that case.
    """
    memory = os.fspath(path) == ":memory:"
    if not memory:
        if is_network_path(path):
            raise NetworkPathError(
                f"refusing to open a database on a network path: {path}", detail=os.fspath(path)
            )
        p = Path(path)
        if not p.exists() and not create:
            raise DatabaseError(f"database file does not exist: {p}", detail=str(p))
        if p.exists() and p.is_dir():
            raise NotADatabaseError(f"{p} is a folder, not a database file", detail=str(p))
        _check_header(p)
        p.parent.mkdir(parents=True, exist_ok=True)
    conn = _connect(path)
    try:
        try:
            problems = quick_check(conn)
        except sqlite3.DatabaseError as exc:
            raise CorruptDatabaseError(f"{path}: {exc}", detail=os.fspath(path)) from exc
        if problems:
            raise CorruptDatabaseError(
                f"{path} failed quick_check: {'; '.join(problems[:5])}",
                detail="\n".join(problems[:20]),
            )
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > migrations.LATEST_VERSION:
            raise NewerSchemaError(
                f"{path} has schema version {version}; this release knows up to "
                f"{migrations.LATEST_VERSION}",
                detail=f"{version} > {migrations.LATEST_VERSION}",
            )
        apply_pragmas(conn, memory=memory)
        db = sqlite_utils.Database(conn, execute_plugins=False)
        if migrate:
            migrations.migrate(db)
        return db
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise CorruptDatabaseError(f"{path}: {exc}", detail=os.fspath(path)) from exc
    except BaseException:
        conn.close()
        raise


@contextlib.contextmanager
def write(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction. Takes the write lock up front (``BEGIN IMMEDIATE``)
    so two app instances queue on the busy timeout instead of failing with
    "database is locked" on lock upgrade; nested calls become savepoints."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        try:
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise

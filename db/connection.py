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
    MissingDatabaseError,
    NetworkPathError,
    NewerSchemaError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    classify_sqlite_error,
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
            raise _open_error(exc, path) from exc
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
        if not memory:  # see database_file_present()
            db.h2_file_path = os.path.abspath(path)
            db.h2_file_identity = file_identity(path)
        return db
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _open_error(exc, path) from exc
    except BaseException:
        conn.close()
        raise


def file_identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """(device, inode) of the file at ``path``, or None if there is no file there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def database_file_present(db: sqlite_utils.Database) -> bool:
    """False when the file behind the open database was deleted, renamed or
    replaced by another file since :func:`open_database` opened it.

    A moved or deleted file stays readable through the open connection (POSIX),
    and in WAL mode SQLite would even keep committing into the ``-wal`` file
    left under the old name, detached from the moved file. So :func:`write`
    checks this before every transaction and raises
    :class:`db.errors.MissingDatabaseError` (code ``missing``) instead; SQLite's
    own ``SQLITE_READONLY_DBMOVED`` maps to the same error. The UI should then
    tell the user, offer to save a rescue copy through the still-open
    connection (``db.backup.backup_database(db, dest)`` reads through it) and
    stop writing. Windows does not let another program delete an open
    database. Always True for an in-memory database.
    """
    rows = db.conn.execute("PRAGMA database_list").fetchall()
    path = next((r[2] for r in rows if r[1] == "main"), "")
    if not path:
        return True
    current = file_identity(path)
    if current is None:
        return False
    expected = getattr(db, "h2_file_identity", None)
    return expected is None or expected == current


def _check_file(db: sqlite_utils.Database) -> None:
    """Refuse to start a write when the file was moved, deleted or replaced:
    in WAL mode SQLite would otherwise keep committing into a ``-wal`` file
    that no longer belongs to the database file (lost on the next crash)."""
    expected = getattr(db, "h2_file_identity", None)
    if expected is None:
        return
    path = db.h2_file_path
    if file_identity(path) != expected:
        raise MissingDatabaseError(
            f"the database file {path} was moved, deleted or replaced while open", detail=path
        )


def _remap(exc: BaseException) -> BaseException:
    """The :class:`DatabaseError` for an environment failure, else ``exc`` itself."""
    mapped = classify_sqlite_error(exc) if isinstance(exc, sqlite3.Error) else None
    return mapped if mapped is not None else exc


def _open_error(exc: sqlite3.DatabaseError, path: str | os.PathLike[str]) -> DatabaseError:
    """Damage is ``corrupt``; a read-only file or folder (its ``-wal``/``-shm``
    cannot be created), a full disk or a busy file keep their own code."""
    detail = os.fspath(path)
    mapped = classify_sqlite_error(exc, detail=detail)
    if mapped is None or isinstance(mapped, CorruptDatabaseError | NotADatabaseError):
        return CorruptDatabaseError(f"{path}: {exc}", detail=detail)
    if isinstance(mapped, MissingDatabaseError) and Path(path).exists():
        # SQLITE_CANTOPEN with the file there: the folder refuses the side files.
        return ReadOnlyDatabaseError(f"{path}: {exc}", detail=detail)
    return mapped


@contextlib.contextmanager
def write(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction. Takes the write lock up front (``BEGIN IMMEDIATE``)
    so two app instances queue on the busy timeout instead of failing with
    "database is locked" on lock upgrade; nested calls become savepoints.

    An SQLite error caused by the environment (disk full, read-only file or
    folder, file deleted while open, lock held past the busy timeout, I/O
    error) is re-raised as the matching :class:`db.errors.DatabaseError`
    subclass (see :func:`db.errors.classify_sqlite_error`) after the rollback;
    constraint violations and other errors keep their sqlite3 type.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    _check_file(db)
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise _remap(exc) from exc
    try:
        yield db
    except BaseException as exc:
        _rollback_quietly(db.conn)
        mapped = _remap(exc)
        if mapped is exc:
            raise
        raise mapped from exc
    else:
        try:
            db.conn.execute("COMMIT")
        except BaseException as exc:
            _rollback_quietly(db.conn)
            mapped = _remap(exc)
            if mapped is exc:
                raise
            raise mapped from exc


def _rollback_quietly(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open; a failing rollback (the disk
    went away) must not hide the error that caused it."""
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")

"""Backups and restores through SQLite's online backup API.

A backup is a self-contained SQLite file (rollback journal, no ``-wal`` beside
it) that passed ``PRAGMA integrity_check`` before it was moved into place with
one atomic rename, so a crash or a full disk never leaves half a backup under
the final name. A restore verifies the backup before it touches anything and
keeps a copy of the database it replaces.

Backups may be written to a network share; the live database may not.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import sqlite_utils

from db import migrations
from db.connection import BUSY_TIMEOUT_MS, SQLITE_HEADER, is_network_path, open_database
from db.errors import BackupError, DatabaseError, NetworkPathError
from db.health import (
    connect_readonly,
    file_problem,
    foreign_key_problems,
    integrity_problems,
    missing_core_tables,
    schema_version,
)

BACKUP_PREFIX = "h2desk-backup-"
BACKUP_SUFFIX = ".sqlite3"
STAMP_FORMAT = "%Y%m%dT%H%M%S"
_BACKUP_NAME = re.compile(r"^h2desk-backup-(\d{8}T\d{6})(?:[-_.].*)?\.sqlite3$")
SIDECARS = ("-wal", "-shm", "-journal")

# How long a restore waits for other connections before calling the database busy.
_IN_USE_TIMEOUT_S = 2.0


def backup_file_name(now: datetime | None = None) -> str:
    """``h2desk-backup-YYYYmmddTHHMMSS.sqlite3`` for ``now`` (local time by default)."""
    now = datetime.now() if now is None else now
    return f"{BACKUP_PREFIX}{now.strftime(STAMP_FORMAT)}{BACKUP_SUFFIX}"


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); folders cannot be opened on Windows."""
    if os.name == "nt":  # pragma: no cover - Windows only
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _unlink_quietly(path: Path) -> None:
    for candidate in (path, *(_sidecar(path, s) for s in SIDECARS)):
        with contextlib.suppress(OSError):
            candidate.unlink()


def _is_sqlite_or_empty(path: Path) -> bool:
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_HEADER))
    return head in (b"", SQLITE_HEADER)


def backup_database(
    source: sqlite_utils.Database | str | os.PathLike[str], dest: str | os.PathLike[str]
) -> Path:
    """Copy the live database ``source`` (an open database or a file path) to ``dest``.

    The copy is checked with ``PRAGMA integrity_check`` and fsynced, then moved
    onto ``dest`` atomically. Raises :class:`BackupError`; ``dest`` is then
    either absent or still its previous content, never a partial file.
    """
    dest = Path(dest)
    if dest.exists() and dest.is_dir():
        raise BackupError(f"backup target {dest} is a folder; give a file name", detail=str(dest))
    if dest.exists() and not _is_sqlite_or_empty(dest):
        raise BackupError(
            f"refusing to overwrite {dest}: it is not an SQLite database", detail=str(dest)
        )
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"cannot create folder {dest.parent}: {exc}", detail=str(dest)) from exc

    own_source: sqlite3.Connection | None = None
    if isinstance(source, sqlite_utils.Database):
        src_conn = source.conn
        src_label = "the open database"
    else:
        src_path = Path(source)
        problem = file_problem(src_path)
        if problem:
            raise BackupError(f"cannot back up {problem}", detail=str(src_path))
        if src_path.resolve() == dest.resolve():
            raise BackupError(f"backup target {dest} is the database itself", detail=str(dest))
        try:
            own_source = connect_readonly(src_path)
        except sqlite3.Error as exc:
            raise BackupError(f"cannot open {src_path}: {exc}", detail=str(src_path)) from exc
        src_conn = own_source
        src_label = str(src_path)

    tmp: Path | None = None
    try:
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
            os.close(fd)
            tmp = Path(tmp_name)
            _copy_into(src_conn, tmp)
            _fsync_file(tmp)
            # A stale -wal/-journal of an earlier file under this name would be
            # replayed onto the new backup by the next reader; remove them first.
            for suffix in SIDECARS:
                with contextlib.suppress(FileNotFoundError):
                    _sidecar(dest, suffix).unlink()
            os.replace(tmp, dest)
            tmp = None
        except sqlite3.Error as exc:
            raise BackupError(
                f"backup of {src_label} to {dest} failed: {exc}", detail=str(dest)
            ) from exc
        except OSError as exc:
            raise BackupError(
                f"backup of {src_label} to {dest} failed: {exc.strerror or exc}", detail=str(dest)
            ) from exc
        _fsync_dir(dest.parent)
        return dest
    finally:
        if tmp is not None:
            _unlink_quietly(tmp)
        if own_source is not None:
            own_source.close()


def _copy_into(src_conn: sqlite3.Connection, target: Path) -> None:
    """Backup API copy of ``src_conn`` into the (empty) file ``target``, then
    switch it to a rollback journal and check it. Raises BackupError if bad."""
    dst = sqlite3.connect(str(target), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        src_conn.backup(dst)
        # The pages carry the source's WAL flag; make the copy self-contained.
        mode = dst.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise BackupError(f"could not set the backup's journal mode (got {mode})")
        problems = [r[0] for r in dst.execute("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            raise BackupError(
                "the backup copy failed its integrity check: " + "; ".join(map(str, problems[:5])),
                detail="\n".join(map(str, problems[:20])),
            )
    finally:
        dst.close()


def verify_backup(path: str | os.PathLike[str]) -> list[str]:
    """Problems that make ``path`` unfit to restore from; empty when it is good."""
    p = Path(path)
    problem = file_problem(p)
    if problem:
        return [problem]
    problems: list[str] = []
    try:
        conn = connect_readonly(p)
    except sqlite3.Error as exc:
        return [f"{p}: cannot be opened ({exc})"]
    try:
        problems.extend(integrity_problems(conn))
        if problems:
            return problems
        version = schema_version(conn)
        if version > migrations.LATEST_VERSION:
            problems.append(
                f"schema version {version} is newer than this release knows "
                f"({migrations.LATEST_VERSION}); update the application first"
            )
        missing = missing_core_tables(conn)
        if missing:
            problems.append("not an H2 Desk database: missing tables " + ", ".join(missing))
        problems.extend(foreign_key_problems(conn))
    except sqlite3.Error as exc:
        problems.append(f"{p}: damaged or unreadable ({exc})")
    finally:
        conn.close()
    return problems


def _kept_copy_path(db_path: Path, now: datetime) -> Path:
    base = f"{db_path.stem}.before-restore-{now.strftime(STAMP_FORMAT)}"
    candidate = db_path.with_name(base + ".sqlite3")
    n = 1
    while candidate.exists():
        candidate = db_path.with_name(f"{base}-{n}.sqlite3")
        n += 1
    return candidate


def _release_wal(db_path: Path) -> bool:
    """Fold the old database's WAL back into its file and delete it.

    Raises BackupError when another connection still has the database open.
    Returns False when the file is too damaged for SQLite to do this.
    """
    try:
        conn = sqlite3.connect(str(db_path), timeout=_IN_USE_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        mode = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        if mode == "wal":
            mode = str(conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]).lower()
            if mode == "wal":
                raise BackupError(
                    f"{db_path} is still open in another window or program; close it first",
                    detail=str(db_path),
                )
        return True
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise BackupError(
                f"{db_path} is still open in another window or program; close it first",
                detail=str(db_path),
            ) from exc
        return False
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def _keep_current(db_path: Path, now: datetime) -> Path:
    """Copy the database about to be replaced. A damaged file cannot go through
    the backup API, so it (and its side files) is copied byte for byte."""
    kept = _kept_copy_path(db_path, now)
    try:
        return backup_database(db_path, kept)
    except BackupError:
        pass
    try:
        shutil.copy2(db_path, kept)
        for suffix in ("-wal", "-journal"):  # -shm is only an index, rebuilt on open
            side = _sidecar(db_path, suffix)
            if side.exists():
                shutil.copy2(side, _sidecar(kept, suffix))
        _fsync_file(kept)
    except OSError as exc:
        _unlink_quietly(kept)
        raise BackupError(
            f"cannot keep a copy of {db_path} before restoring: {exc.strerror or exc}",
            detail=str(db_path),
        ) from exc
    return kept


def restore_database(
    db_path: str | os.PathLike[str],
    source: str | os.PathLike[str],
    *,
    now: datetime | None = None,
) -> Path | None:
    """Replace the database at ``db_path`` with the backup ``source``.

    The backup is verified first; if it has problems, BackupError lists them
    and ``db_path`` is not touched. Otherwise the current database is kept as
    ``<stem>.before-restore-<YYYYmmddTHHMMSS>.sqlite3`` beside it, the backup
    is put in place atomically and migrated to the latest schema. Returns the
    kept copy (None when there was no database). The caller must have closed
    its own connection to ``db_path``.
    """
    db_path = Path(db_path)
    source = Path(source)
    if is_network_path(db_path):
        raise NetworkPathError(
            f"refusing to restore onto a network path: {db_path}", detail=str(db_path)
        )
    if db_path.exists() and db_path.is_dir():
        raise BackupError(f"{db_path} is a folder, not a database file", detail=str(db_path))
    if source.exists() and db_path.exists() and source.resolve() == db_path.resolve():
        raise BackupError("the backup to restore is the database itself", detail=str(source))
    problems = verify_backup(source)
    if problems:
        raise BackupError(
            f"{source} cannot be restored: " + "; ".join(problems[:3]),
            detail="\n".join(problems),
        )
    now = datetime.now() if now is None else now

    # Restored content first, beside the database (same file system -> atomic rename).
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        fd, staged_name = tempfile.mkstemp(
            prefix=f".{db_path.name}.restore.", suffix=".tmp", dir=db_path.parent
        )
        os.close(fd)
    except OSError as exc:
        raise BackupError(
            f"cannot write next to {db_path}: {exc.strerror or exc}", detail=str(db_path)
        ) from exc
    staged = Path(staged_name)
    kept: Path | None = None
    try:
        backup_database(source, staged)
        if db_path.exists():
            # Copy first, so the kept file is exactly what the user had.
            kept = _keep_current(db_path, now)
            try:
                _release_wal(db_path)
            except BackupError:
                _unlink_quietly(kept)  # nothing was replaced; no copy needed
                raise
        # Side files of the old database would be replayed onto the restored one.
        for suffix in SIDECARS:
            side = _sidecar(db_path, suffix)
            try:
                side.unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise BackupError(
                    f"cannot remove {side} (is the database still open?): {exc.strerror or exc}",
                    detail=str(side),
                ) from exc
        try:
            os.replace(staged, db_path)
        except OSError as exc:
            raise BackupError(
                f"cannot replace {db_path}: {exc.strerror or exc}", detail=str(db_path)
            ) from exc
        _fsync_dir(db_path.parent)
    finally:
        _unlink_quietly(staged)

    try:
        open_database(db_path).close()
    except DatabaseError as exc:
        where = f"; the previous database is kept as {kept}" if kept else ""
        raise BackupError(
            f"restored {db_path} but could not open it: {exc}{where}", detail=str(db_path)
        ) from exc
    return kept


def _backup_time(path: Path) -> datetime:
    match = _BACKUP_NAME.match(path.name)
    if match:
        with contextlib.suppress(ValueError):
            return datetime.strptime(match.group(1), STAMP_FORMAT)
    return datetime.fromtimestamp(path.stat().st_mtime)


def prune_backups(
    folder: str | os.PathLike[str],
    keep_days: int,
    now: datetime | None = None,
    *,
    keep_latest: int = 1,
) -> list[Path]:
    """Delete our backups (``h2desk-backup-*.sqlite3``) older than ``keep_days``.

    Age comes from the time stamp in the name (local time), else the file's
    modification time. The ``keep_latest`` newest backups are always kept, so
    pruning never deletes the last backup there is. Returns the deleted files.
    """
    if keep_days < 0:
        raise ValueError(f"keep_days must be 0 or more, got {keep_days}")
    folder = Path(folder)
    if not folder.is_dir():
        return []
    if now is None:
        now = datetime.now()
    elif now.tzinfo is not None:
        now = now.astimezone().replace(tzinfo=None)
    cutoff = now - timedelta(days=keep_days)
    backups = sorted(
        (
            (_backup_time(p), p)
            for p in folder.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}")
            if p.is_file()
        ),
        reverse=True,
    )
    deleted = []
    for when, path in backups[max(keep_latest, 0) :]:
        if when < cutoff:
            try:
                path.unlink()
            except OSError as exc:
                raise BackupError(
                    f"cannot delete old backup {path}: {exc.strerror or exc}", detail=str(path)
                ) from exc
            deleted.append(path)
    return sorted(deleted)

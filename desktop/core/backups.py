"""Backup schedule and policy, restore with audit (no Qt).

The policy comes from the preferences: the backup folder (empty = the default
:func:`paths.backup_dir`), how many days backups are kept, and how often the
app writes one (``backup_interval_hours``, default 4 when the preference does
not exist). The app writes a backup on this schedule and when it closes
(:func:`run_scheduled_backup`, for every signed-in role: it protects the data
and is a system task), and an administrator can write one at once
(:func:`backup_now`, permission ``backup.run``) or restore one
(:func:`restore_backup`, permission ``backup.restore``).

Backups may be written to a network share; only live databases may not.

Actor of start-up recovery and command-line work: nobody is signed in there
(the database may be damaged), so audit entries name the operating-system
account as ``os:<account>`` (:func:`local_actor_id`). No user account is
created for it and it holds no role in the app.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils

from db import audit
from db.backup import (
    BACKUP_PREFIX,
    BACKUP_SUFFIX,
    _backup_time,
    backup_database,
    backup_file_name,
    prune_backups,
    restore_database,
    verify_backup,
)
from db.connection import open_database, write
from desktop.core import paths, preferences, startup
from desktop.core.security import require
from desktop.core.session import CurrentUser

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_HOURS = 4
LOCAL_ACTOR_PREFIX = "os:"


@dataclass(frozen=True)
class BackupPolicy:
    folder: Path
    keep_days: int
    interval_hours: int


@dataclass(frozen=True)
class BackupResult:
    path: Path
    pruned: list[Path]


@dataclass(frozen=True)
class BackupInfo:
    """One backup file found in a backup folder."""

    path: Path
    taken_at: datetime  # local time, from the name (else the file time)
    size: int  # bytes


def policy(prefs: preferences.Preferences | None = None) -> BackupPolicy:
    """The backup policy from the (saved) preferences."""
    prefs = prefs if prefs is not None else preferences.load()
    folder = Path(prefs.backup_folder).expanduser() if prefs.backup_folder.strip() else None
    interval = getattr(prefs, "backup_interval_hours", DEFAULT_INTERVAL_HOURS)
    if not isinstance(interval, int) or isinstance(interval, bool) or interval < 1:
        interval = DEFAULT_INTERVAL_HOURS
    return BackupPolicy(
        folder=folder if folder is not None else paths.backup_dir(),
        keep_days=prefs.backup_keep_days,
        interval_hours=interval,
    )


def backup_folders(prefs: preferences.Preferences | None = None) -> list[Path]:
    """Where backups may be found: the configured folder, then the default one."""
    folders = [policy(prefs).folder, paths.backup_dir()]
    unique: list[Path] = []
    for folder in folders:
        if folder not in unique:
            unique.append(folder)
    return unique


def local_actor_id() -> str:
    """``os:<account>``: the audit actor of command-line work and start-up recovery."""
    return LOCAL_ACTOR_PREFIX + startup.os_username()


def _write_backup(
    db: sqlite_utils.Database, actor_id: str, reason: str, now: datetime | None
) -> BackupResult:
    rule = policy()
    moment = datetime.now() if now is None else now
    target = rule.folder / backup_file_name(moment)
    written = backup_database(db, target)
    pruned = prune_backups(rule.folder, rule.keep_days, now=moment)
    with write(db):
        audit.record(
            db,
            user_id=actor_id,
            action="backup.create",
            entity="database",
            after={
                "file": str(written),
                "size": written.stat().st_size,
                "pruned": [p.name for p in pruned],
            },
            reason=reason,
        )
    return BackupResult(written, pruned)


def run_scheduled_backup(
    db: sqlite_utils.Database,
    user: CurrentUser,
    now: datetime | None = None,
    *,
    reason: str = "scheduled",
) -> BackupResult:
    """Write ``h2desk-backup-<time>.sqlite3`` into the policy's folder, prune
    backups older than the kept days (never the newest) and audit
    ``backup.create``. Raises :class:`db.errors.BackupError` (nothing written
    under the final name) or :class:`db.errors.DatabaseError`."""
    return _write_backup(db, user.id, reason, now)


def backup_now(
    db: sqlite_utils.Database, user: CurrentUser, now: datetime | None = None
) -> BackupResult:
    """A backup the user asked for (permission ``backup.run``)."""
    require(user, "backup.run")
    return _write_backup(db, user.id, "on request", now)


def backup_file(db_path: Path, target: Path, *, reason: str = "command line") -> Path:
    """Back up the database at ``db_path`` to ``target`` (command line) and audit
    ``backup.create`` in that database as the local OS account. The copy is
    taken first, so a backup is written even when the audit entry cannot be
    (the error is still raised)."""
    written = backup_database(db_path, target)
    db = open_database(db_path)
    try:
        with write(db):
            audit.record(
                db,
                user_id=local_actor_id(),
                action="backup.create",
                entity="database",
                after={"file": str(written), "size": written.stat().st_size},
                reason=reason,
            )
    finally:
        db.close()
    return written


def backup_info(path: Path) -> BackupInfo:
    """Date (from the name, else the file time) and size of a backup file."""
    return BackupInfo(Path(path), _backup_time(Path(path)), Path(path).stat().st_size)


def list_backups(folders: list[Path] | tuple[Path, ...]) -> list[BackupInfo]:
    """Our backup files in ``folders``, newest first (not verified: see
    :func:`db.backup.verify_backup`)."""
    found: dict[Path, BackupInfo] = {}
    for entry in folders:
        folder = Path(entry)
        if not folder.is_dir():
            continue
        for path in folder.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}"):
            try:
                if not path.is_file():
                    continue
                info = backup_info(path)
            except OSError:
                continue
            found.setdefault(path.resolve(), info)
    return sorted(found.values(), key=lambda b: (b.taken_at, b.path.name), reverse=True)


def newest_good_backup(folders: list[Path] | tuple[Path, ...]) -> Path | None:
    """The newest backup in ``folders`` that passes :func:`verify_backup`, or None."""
    for info in list_backups(folders):
        problems = verify_backup(info.path)
        if not problems:
            return info.path
        log.warning("backup %s is not usable: %s", info.path, "; ".join(problems[:3]))
    return None


def restore_backup(
    db_path: str | os.PathLike[str],
    source: str | os.PathLike[str],
    *,
    user: CurrentUser | None,
    reason: str = "",
    now: datetime | None = None,
) -> Path | None:
    """Put the backup ``source`` in place of the database at ``db_path``.

    With a signed-in ``user`` the permission ``backup.restore`` is required;
    ``user=None`` is start-up recovery or the command line (actor
    :func:`local_actor_id`). The caller must have closed its connection.
    The backup is verified first, the replaced database is kept beside it
    (returned; None when there was none), and the restored database gets an
    audit entry ``backup.restore``. Raises :class:`db.errors.BackupError`.
    """
    if user is not None:
        require(user, "backup.restore")
    actor = user.id if user is not None else local_actor_id()
    kept = restore_database(db_path, source, now=now)
    db = open_database(Path(db_path))
    try:
        with write(db):
            audit.record(
                db,
                user_id=actor,
                action="backup.restore",
                entity="database",
                after={
                    "source": str(Path(source)),
                    "kept": str(kept) if kept is not None else None,
                },
                reason=reason,
            )
    finally:
        db.close()
    return kept

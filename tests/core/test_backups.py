"""Backup schedule and policy: scheduled backups, pruning, audit, newest good backup, restore."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from db import audit, users
from db.backup import backup_file_name
from db.connection import open_database, write
from db.errors import BackupError
from desktop.core import backups, paths, preferences
from desktop.core.security import PermissionDenied
from desktop.core.session import CurrentUser

pytestmark = pytest.mark.usefixtures("english_messages")

NOW = datetime(2025, 11, 28, 14, 30, 0)


def _user(db, role: str) -> CurrentUser:
    row = users.ensure_user(db, username=f"u_{role}", display_name=role, role=role)
    return CurrentUser(row["id"], row["username"], row["display_name"], row["role"])


def _old_backup(folder: Path, when: datetime) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / backup_file_name(when)
    db = open_database(path)
    db.close()
    for side in ("-wal", "-shm"):
        Path(str(path) + side).unlink(missing_ok=True)
    return path


def test_policy_defaults_and_preferences(tmp_path: Path) -> None:
    rule = backups.policy()
    assert rule.folder == paths.backup_dir()
    assert rule.keep_days == 30
    assert rule.interval_hours == backups.DEFAULT_INTERVAL_HOURS == 4
    preferences.update(backup_folder=str(tmp_path / "share"), backup_keep_days=7)
    rule = backups.policy()
    assert rule.folder == tmp_path / "share"
    assert rule.keep_days == 7
    assert backups.backup_folders() == [tmp_path / "share", paths.backup_dir()]


def test_scheduled_backup_writes_prunes_and_audits(db, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    preferences.update(backup_folder=str(folder), backup_keep_days=3)
    old = _old_backup(folder, NOW - timedelta(days=5))
    recent = _old_backup(folder, NOW - timedelta(days=1))
    rm = _user(db, "rm")  # every role's session is backed up on schedule
    result = backups.run_scheduled_backup(db, rm, now=NOW)
    assert result.path == folder / "h2desk-backup-20251128T143000.sqlite3"
    assert result.path.exists()
    assert result.pruned == [old]
    assert not old.exists() and recent.exists()
    entry = audit.list_entries(db, audit.AuditFilter(action="backup.create"))[0]
    assert entry["user_id"] == rm.id
    assert entry["after"]["file"] == str(result.path)
    assert entry["after"]["pruned"] == [old.name]
    assert entry["reason"] == "scheduled"
    # the backup is a complete copy that can be opened
    copy = open_database(result.path, migrate=False, create=False)
    try:
        assert copy.conn.execute("SELECT count(*) FROM users").fetchone()[0] == 1
    finally:
        copy.close()


def test_backup_now_needs_backup_run(db, tmp_path: Path) -> None:
    preferences.update(backup_folder=str(tmp_path / "b"))
    with pytest.raises(PermissionDenied, match="Back up the database") as refused:
        backups.backup_now(db, _user(db, "branch_head"), now=NOW)
    assert refused.value.permission == "backup.run"
    assert not (tmp_path / "b").exists() or not list((tmp_path / "b").iterdir())
    result = backups.backup_now(db, _user(db, "admin"), now=NOW)
    assert result.path.exists()


def test_backup_to_an_unwritable_place_raises_backup_error(db, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    preferences.update(backup_folder=str(blocker / "sub"))
    with pytest.raises(BackupError):
        backups.run_scheduled_backup(db, _user(db, "rm"), now=NOW)
    assert audit.count_entries(db, audit.AuditFilter(action="backup.create")) == 0


def test_newest_good_backup_skips_damaged_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    older = _old_backup(a, NOW - timedelta(days=2))
    good = _old_backup(b, NOW - timedelta(days=1))
    damaged = b / backup_file_name(NOW)
    damaged.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    listed = backups.list_backups([a, b, tmp_path / "missing"])
    assert [i.path for i in listed] == [damaged, good, older]
    assert listed[0].size == 4016
    assert backups.newest_good_backup([a, b]) == good
    assert backups.newest_good_backup([tmp_path / "missing"]) is None


def test_restore_backup_keeps_the_old_file_and_audits(db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    admin = _user(db, "admin")
    rm = _user(db, "rm")
    preferences.update(backup_folder=str(tmp_path / "b"))
    made = backups.run_scheduled_backup(db, admin, now=NOW).path
    with write(db):
        db.conn.execute("UPDATE users SET display_name = 'changed later'")
    with pytest.raises(PermissionDenied):
        backups.restore_backup(db_path, made, user=rm)
    db.close()
    kept = backups.restore_backup(db_path, made, user=admin, reason="test")
    assert kept is not None and kept.exists()
    db = open_database(db_path)
    try:
        names = {r[0] for r in db.conn.execute("SELECT display_name FROM users")}
        assert "changed later" not in names
        entry = audit.list_entries(db, audit.AuditFilter(action="backup.restore"))[0]
        assert entry["user_id"] == admin.id
        assert entry["after"] == {"source": str(made), "kept": str(kept)}
        assert audit.verify_chain(db).ok
    finally:
        db.close()

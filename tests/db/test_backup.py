"""Backups through the online backup API, verified restores, pruning."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlite_utils

from db import backup as backup_module
from db import migrations
from db.backup import (
    backup_database,
    backup_file_name,
    prune_backups,
    restore_database,
    verify_backup,
)
from db.connection import open_database, write
from db.errors import BackupError, NetworkPathError
from tests.db.test_connection import add_client, make_corrupt_db, make_newer_db

NOW = datetime(2025, 6, 30, 9, 15, 0)


def client_names(path: Path) -> list[str]:
    db = open_database(path)
    try:
        return [r[0] for r in db.conn.execute("SELECT name FROM clients ORDER BY name")]
    finally:
        db.close()


def leftovers(folder: Path) -> list[str]:
    """Temporary or side files a failed operation might leave behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", "-journal", "-wal")))


# ---------------------------------------------------------------- backup


def test_backup_file_name() -> None:
    assert backup_file_name(NOW) == "h2desk-backup-20250630T091500.sqlite3"
    assert backup_file_name().startswith("h2desk-backup-")


def test_backup_of_open_database(db: sqlite_utils.Database, tmp_path: Path) -> None:
    add_client(db, "氢源科技")
    add_client(db, "Tube Trailer Ltd")
    dest = tmp_path / "out" / backup_file_name(NOW)
    assert backup_database(db, dest) == dest

    data = dest.read_bytes()
    assert data.startswith(b"SQLite format 3\x00")
    assert data[18:20] == b"\x01\x01"  # rollback journal, not WAL: self-contained
    assert not Path(f"{dest}-wal").exists()
    assert leftovers(dest.parent) == []
    assert verify_backup(dest) == []
    conn = sqlite3.connect(dest)
    try:
        names = sorted(r[0] for r in conn.execute("SELECT name FROM clients"))
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
    finally:
        conn.close()
    assert names == ["Tube Trailer Ltd", "氢源科技"]
    # The live database is still usable afterwards.
    add_client(db, "After Backup Co.")


def test_backup_includes_uncheckpointed_wal(db_path: Path, tmp_path: Path) -> None:
    writer = open_database(db_path)
    add_client(writer, "Only In WAL")
    assert Path(f"{db_path}-wal").stat().st_size > 0
    try:
        dest = backup_database(str(db_path), tmp_path / "b.sqlite3")  # by path, writer still open
    finally:
        writer.close()
    assert client_names(dest) == ["Only In WAL"]


def test_backup_replaces_existing_backup_and_its_stale_wal(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    dest = tmp_path / "b.sqlite3"
    backup_database(db, dest)
    stale = Path(f"{dest}-wal")
    stale.write_bytes(b"stale wal of an older file")
    add_client(db, "Second")
    backup_database(db, dest)
    assert not stale.exists()
    assert client_names(dest) == ["Second"]


def test_backup_of_corrupt_source_fails_without_touching_dest(tmp_path: Path) -> None:
    source = tmp_path / "damaged.sqlite3"
    make_corrupt_db(source)
    out = tmp_path / "out"
    out.mkdir()
    dest = out / "b.sqlite3"
    good = tmp_path / "good.sqlite3"
    open_database(good).close()
    backup_database(good, dest)
    previous = dest.read_bytes()
    with pytest.raises(BackupError) as info:
        backup_database(source, dest)
    assert info.value.code == "backup"
    assert dest.read_bytes() == previous
    assert leftovers(out) == []


@pytest.mark.parametrize("kind", ["missing", "text"])
def test_backup_of_bad_source_path(tmp_path: Path, kind: str) -> None:
    source = tmp_path / "source.sqlite3"
    if kind == "text":
        source.write_text("not a database")
    dest = tmp_path / "b.sqlite3"
    with pytest.raises(BackupError, match="cannot back up"):
        backup_database(source, dest)
    assert not dest.exists()


def test_backup_refuses_to_overwrite_other_files(db: sqlite_utils.Database, tmp_path: Path) -> None:
    dest = tmp_path / "report.xlsx"
    dest.write_bytes(b"PK\x03\x04 spreadsheet")
    with pytest.raises(BackupError, match="not an SQLite database"):
        backup_database(db, dest)
    assert dest.read_bytes() == b"PK\x03\x04 spreadsheet"
    with pytest.raises(BackupError, match="folder"):
        backup_database(db, tmp_path)


# ---------------------------------------------------------------- verify


def test_verify_reports_problems(tmp_path: Path) -> None:
    assert "does not exist" in verify_backup(tmp_path / "nope.sqlite3")[0]
    text = tmp_path / "text.sqlite3"
    text.write_text("hello")
    assert "not an SQLite database" in verify_backup(text)[0]

    corrupt = tmp_path / "corrupt.sqlite3"
    make_corrupt_db(corrupt)
    assert verify_backup(corrupt)

    newer = tmp_path / "newer.sqlite3"
    make_newer_db(newer)
    assert any("newer" in p for p in verify_backup(newer))

    foreign = tmp_path / "foreign.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    problems = verify_backup(foreign)
    assert any("clients" in p and "deals" in p and "audit_log" in p for p in problems)


# ---------------------------------------------------------------- restore


def test_restore_round_trip(db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    add_client(db, "Before Backup")
    dest = backup_database(db, tmp_path / "backups" / backup_file_name(NOW))
    add_client(db, "After Backup")
    db.close()

    kept = restore_database(db_path, dest, now=NOW)

    assert kept == db_path.with_name("test.before-restore-20250630T091500.sqlite3")
    assert client_names(db_path) == ["Before Backup"]
    assert client_names(kept) == ["After Backup", "Before Backup"]
    assert leftovers(db_path.parent) == []
    assert dest.exists()  # the backup itself is not consumed
    db = open_database(db_path)
    try:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
        assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        db.close()


def test_restore_twice_in_the_same_second_keeps_both_copies(db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    dest = backup_database(db, tmp_path / "b.sqlite3")
    db.close()
    first = restore_database(db_path, dest, now=NOW)
    second = restore_database(db_path, dest, now=NOW)
    assert first is not None and second is not None
    assert first != second and first.exists() and second.exists()


def test_restore_without_existing_database(tmp_path: Path, db: sqlite_utils.Database) -> None:
    add_client(db, "Restored Co.")
    dest = backup_database(db, tmp_path / "b.sqlite3")
    target = tmp_path / "fresh" / "h2desk.sqlite3"
    assert restore_database(target, dest) is None
    assert client_names(target) == ["Restored Co."]


def test_restore_migrates_older_backup(tmp_path: Path, db_path: Path) -> None:
    old = tmp_path / "old-backup.sqlite3"
    old_db = open_database(old, migrate=False)
    migrations.migrate(old_db, target=1)
    add_client(old_db, "Version One Co.")
    old_db.close()
    open_database(db_path).close()

    restore_database(db_path, old, now=NOW)

    db = open_database(db_path, migrate=False)
    try:
        assert migrations.current_version(db) == migrations.LATEST_VERSION
    finally:
        db.close()
    assert client_names(db_path) == ["Version One Co."]


@pytest.mark.parametrize("kind", ["corrupt", "text", "newer", "missing"])
def test_restore_refuses_bad_backup_and_leaves_db_untouched(
    db_path: Path, tmp_path_factory: pytest.TempPathFactory, kind: str
) -> None:
    db = open_database(db_path)
    add_client(db, "Precious Data")
    db.close()
    before = db_path.read_bytes()
    files_before = sorted(p.name for p in db_path.parent.iterdir())

    bad = tmp_path_factory.mktemp("elsewhere") / "bad.sqlite3"
    if kind == "corrupt":
        make_corrupt_db(bad)
    elif kind == "text":
        bad.write_text("definitely not a backup")
    elif kind == "newer":
        make_newer_db(bad)

    with pytest.raises(BackupError, match="cannot be restored") as info:
        restore_database(db_path, bad, now=NOW)
    assert info.value.detail  # the problems, for the user
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == files_before
    assert client_names(db_path) == ["Precious Data"]


def test_restore_refuses_while_database_is_open(
    db: sqlite_utils.Database, tmp_path: Path, db_path: Path
) -> None:
    add_client(db, "Still Open")
    dest = backup_database(db, tmp_path / "b.sqlite3")
    add_client(db, "Newer Work")
    with pytest.raises(BackupError, match="still open"):
        restore_database(db_path, dest, now=NOW)
    # Nothing was replaced and the open connection still works.
    names = [r[0] for r in db.conn.execute("SELECT name FROM clients ORDER BY name")]
    assert names == ["Newer Work", "Still Open"]
    assert not list(db_path.parent.glob("*before-restore*"))
    assert leftovers(db_path.parent) == ["test.sqlite3-wal"]


def test_restore_over_corrupt_database_keeps_raw_copy(db_path: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.sqlite3"
    good_db = open_database(good)
    add_client(good_db, "Good Co.")
    dest = backup_database(good_db, tmp_path / "b.sqlite3")
    good_db.close()
    damaged = make_corrupt_db(db_path)

    kept = restore_database(db_path, dest, now=NOW)

    assert kept is not None and kept.read_bytes() == damaged
    assert client_names(db_path) == ["Good Co."]


def test_restore_refuses_network_target(tmp_path: Path, db: sqlite_utils.Database) -> None:
    dest = backup_database(db, tmp_path / "b.sqlite3")
    with pytest.raises(NetworkPathError):
        restore_database("//server/share/h2.sqlite3", dest)


def test_restore_refuses_itself(db_path: Path) -> None:
    open_database(db_path).close()
    before = db_path.read_bytes()
    with pytest.raises(BackupError, match="itself"):
        restore_database(db_path, db_path)
    assert db_path.read_bytes() == before


def test_failed_replace_leaves_database_and_no_temp(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(db_path)
    add_client(db, "Original")
    dest = backup_database(db, tmp_path / "b.sqlite3")
    with write(db):
        db.conn.execute("UPDATE clients SET name = 'Changed'")
    db.close()
    real_replace = os.replace

    def failing_replace(src: str | Path, dst: str | Path) -> None:
        if Path(dst) == db_path:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(backup_module.os, "replace", failing_replace)
    with pytest.raises(BackupError, match="No space left"):
        restore_database(db_path, dest, now=NOW)
    monkeypatch.undo()
    assert client_names(db_path) == ["Changed"]
    assert not [p for p in db_path.parent.iterdir() if p.name.endswith(".tmp")]


# ---------------------------------------------------------------- prune


def _touch_backup(folder: Path, when: datetime) -> Path:
    path = folder / backup_file_name(when)
    path.write_bytes(b"SQLite format 3\x00")
    return path


def test_prune_keeps_recent_backups(tmp_path: Path) -> None:
    old = [_touch_backup(tmp_path, NOW - timedelta(days=d)) for d in (31, 45, 400)]
    recent = [_touch_backup(tmp_path, NOW - timedelta(days=d)) for d in (0, 1, 29)]
    other = tmp_path / "h2desk.sqlite3"
    other.write_bytes(b"live database, never pruned")
    lookalike = tmp_path / "h2desk-backup-notes.txt"
    lookalike.write_text("not ours")

    deleted = prune_backups(tmp_path, keep_days=30, now=NOW)

    assert deleted == sorted(old)
    assert all(p.exists() for p in [*recent, other, lookalike])
    assert not any(p.exists() for p in old)
    assert prune_backups(tmp_path, keep_days=30, now=NOW) == []


def test_prune_never_deletes_the_last_backup(tmp_path: Path) -> None:
    newest = _touch_backup(tmp_path, NOW - timedelta(days=90))
    older = _touch_backup(tmp_path, NOW - timedelta(days=120))
    assert prune_backups(tmp_path, keep_days=30, now=NOW) == [older]
    assert newest.exists()


def test_prune_uses_mtime_for_unparseable_names(tmp_path: Path) -> None:
    odd = tmp_path / "h2desk-backup-manual.sqlite3"
    odd.write_bytes(b"x")
    stamp = (NOW - timedelta(days=60)).timestamp()
    os.utime(odd, (stamp, stamp))
    _touch_backup(tmp_path, NOW)
    assert prune_backups(tmp_path, keep_days=30, now=NOW) == [odd]


def test_prune_rejects_negative_days(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="keep_days"):
        prune_backups(tmp_path, keep_days=-1)
    assert prune_backups(tmp_path / "missing", keep_days=1) == []

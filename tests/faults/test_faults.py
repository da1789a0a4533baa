"""Full disk, read-only database file or folder, file moved or deleted while
open, lock held too long: each gives a clear error with a code the UI
translates, nothing committed is lost, and the file stays intact.

These run as root in CI, where ``chmod`` does not stop anyone; so the
conditions are produced with mechanisms root obeys too: ``PRAGMA
max_page_count`` (SQLITE_FULL), RLIMIT_FSIZE in a child process (the kernel
refuses to grow the files: a real failed ``write()``), ``mode=ro`` URIs and
``PRAGMA query_only``, side-file names occupied by folders (SQLite cannot
create ``-wal``/``-shm``, exactly as in a read-only folder), and rename/unlink
of the live file.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import stat
from pathlib import Path

import pytest
import sqlite_utils

from db.audit import verify_chain
from db.connection import database_file_present, open_database, write
from db.errors import (
    DatabaseBusyError,
    DatabaseError,
    DiskFullError,
    MissingDatabaseError,
    ReadOnlyDatabaseError,
    classify_sqlite_error,
)
from db.health import connect_readonly
from desktop.core.auditing import database_error_message
from tests.faults.harness import check_database, committed_ids, start_writer
from tests.faults.writer import one_transaction

# These tests match the English source messages; zh_CN is checked by the translation tests.
pytestmark = pytest.mark.usefixtures("english_messages")


@pytest.fixture
def seeded(db_path: Path) -> tuple[Path, set[str]]:
    """A database with 20 committed business transactions, closed."""
    db = open_database(db_path)
    rng = random.Random(1)
    ids = {one_transaction(db, "seed", rng) for _ in range(20)}
    db.close()
    return db_path, ids


def assert_intact(path: Path, ids: set[str], *, clients: int | None = None) -> None:
    state = check_database(path, ids)
    assert state.problems == []
    if clients is not None:
        assert state.clients == clients


def insert_client(db: sqlite_utils.Database, name: str, notes: str = "") -> None:
    import uuid  # noqa: PLC0415

    db.conn.execute(
        "INSERT INTO clients (id, name, firm_type, notes) VALUES (?, ?, 'tech', ?)",
        (str(uuid.uuid4()), name, notes),
    )


# --------------------------------------------------------------------------- disk full


def test_disk_full_rolls_back_and_keeps_committed(seeded: tuple[Path, set[str]]) -> None:
    path, ids = seeded
    db = open_database(path)
    try:
        pages = db.conn.execute("PRAGMA page_count").fetchone()[0]
        db.conn.execute(f"PRAGMA max_page_count = {pages + 3}")
        with pytest.raises(DiskFullError) as info, write(db):
            for i in range(50):
                insert_client(db, f"big-{i}", "氢" * 5000)
        assert info.value.code == "disk_full"
        assert isinstance(info.value.__cause__, sqlite3.Error)
        assert "full" in database_error_message(info.value).lower()
        assert not db.conn.in_transaction
        assert (
            db.conn.execute("SELECT count(*) FROM clients WHERE name LIKE 'big-%'").fetchone()[0]
            == 0
        )
        db.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
        ids.add(one_transaction(db, "after-space-freed", random.Random()))
    finally:
        db.close()
    assert_intact(path, ids, clients=21)


def test_operating_system_refuses_to_grow_the_file(seeded: tuple[Path, set[str]]) -> None:
    path, ids = seeded
    child = start_writer("fsize", str(path), "150000")
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err[-2000:]
    result = json.loads(next(line for line in out.splitlines() if line.startswith("RESULT "))[7:])
    written = set(committed_ids(out))
    assert result["error"] is not None, result  # the limit was reached
    assert result["code"] in {"disk_full", "io"}, result
    assert result["in_transaction"] is False
    assert len(written) == result["committed"] >= 1
    assert_intact(path, ids | written)


# --------------------------------------------------------------------------- read-only


def test_read_only_database_file(seeded: tuple[Path, set[str]]) -> None:
    path, ids = seeded
    before = path.read_bytes()
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        if os.name == "posix" and os.geteuid() == 0:
            # root ignores the mode bits; open the file read-only the way SQLite
            # does when it cannot open it for writing
            conn = connect_readonly(path)
            db = sqlite_utils.Database(conn)
        else:
            db = open_database(path)
        try:
            with pytest.raises(ReadOnlyDatabaseError) as info, write(db):
                insert_client(db, "must-not-appear")
            assert info.value.code == "read_only"
            assert "read-only" in database_error_message(info.value)
            assert not db.conn.in_transaction
            assert db.conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 20
        finally:
            db.close()
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert path.read_bytes() == before
    assert_intact(path, ids, clients=20)


def test_query_only_connection(seeded: tuple[Path, set[str]]) -> None:
    path, ids = seeded
    db = open_database(path)
    try:
        db.conn.execute("PRAGMA query_only = ON")
        with pytest.raises(ReadOnlyDatabaseError), write(db):
            insert_client(db, "must-not-appear")
        db.conn.execute("PRAGMA query_only = OFF")
        ids.add(one_transaction(db, "allowed-again", random.Random()))
    finally:
        db.close()
    assert_intact(path, ids, clients=21)


def test_read_only_folder(seeded: tuple[Path, set[str]]) -> None:
    """The folder refuses new files, so SQLite cannot create ``-wal``/``-shm``."""
    path, ids = seeded
    before = path.read_bytes()
    blockers = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    folder_mode = path.parent.stat().st_mode
    for blocker in blockers:
        blocker.mkdir()
    path.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)  # what a user would see (root ignores)
    try:
        with pytest.raises(ReadOnlyDatabaseError) as info:
            open_database(path)
        assert info.value.code == "read_only"
        assert str(path) in info.value.detail
    finally:
        path.parent.chmod(folder_mode)
        for blocker in blockers:
            blocker.rmdir()
    assert path.read_bytes() == before
    assert_intact(path, ids, clients=20)


# --------------------------------------------------------------------------- missing file


def test_file_moved_while_open(seeded: tuple[Path, set[str]]) -> None:
    path, ids = seeded
    moved = path.with_name("moved.sqlite3")
    db = open_database(path)
    try:
        assert database_file_present(db)
        path.rename(moved)
        assert not database_file_present(db)
        with pytest.raises(MissingDatabaseError) as info, write(db):
            insert_client(db, "must-not-appear")
        assert info.value.code == "missing"
        assert "moved or deleted" in database_error_message(info.value)
        moved.rename(path)  # the user puts it back
        assert database_file_present(db)
        ids.add(one_transaction(db, "after-put-back", random.Random()))
    finally:
        db.close()
    assert_intact(path, ids, clients=21)


def test_file_deleted_while_open_can_be_rescued(
    seeded: tuple[Path, set[str]], tmp_path: Path
) -> None:
    path, ids = seeded
    db = open_database(path)
    try:
        ids.add(one_transaction(db, "committed-before-delete", random.Random()))
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        assert not database_file_present(db)
        with pytest.raises(MissingDatabaseError), write(db):
            insert_client(db, "must-not-appear")
        # Everything committed is still readable through the open connection:
        rescue = tmp_path / "rescue.sqlite3"
        target = sqlite3.connect(rescue)
        db.conn.backup(target)
        target.close()
    finally:
        db.close()
    assert_intact(rescue, ids, clients=21)


def test_file_replaced_while_open(seeded: tuple[Path, set[str]], tmp_path: Path) -> None:
    path, _ids = seeded
    other = tmp_path / "other.sqlite3"
    open_database(other).close()
    db = open_database(path)
    try:
        os.replace(other, path)  # e.g. a restore by another program
        assert not database_file_present(db)
        with pytest.raises(MissingDatabaseError), write(db):
            insert_client(db, "must-not-appear")
    finally:
        db.close()
    assert check_database(path, set()).clients == 0  # the replacement was not written to


# --------------------------------------------------------------------------- busy, mapping


def test_lock_held_past_the_timeout_is_busy(seeded: tuple[Path, set[str]]) -> None:
    path, ids = seeded
    holder, waiter = open_database(path), open_database(path)
    try:
        waiter.conn.execute("PRAGMA busy_timeout = 200")
        holder.conn.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseBusyError) as info, write(waiter):
            insert_client(waiter, "must-not-appear")
        assert info.value.code == "busy"
        assert not waiter.conn.in_transaction
        holder.conn.execute("ROLLBACK")
        ids.add(one_transaction(waiter, "after-release", random.Random()))
    finally:
        holder.close()
        waiter.close()
    assert_intact(path, ids, clients=21)


def test_classification_leaves_other_errors_alone(db: sqlite_utils.Database) -> None:
    with pytest.raises(sqlite3.IntegrityError), write(db):
        db.conn.execute("INSERT INTO clients (id, name, firm_type) VALUES ('x', 'y', 'tech')")
    with pytest.raises(sqlite3.OperationalError), write(db):
        db.conn.execute("SELECT no_such_column FROM clients")
    assert classify_sqlite_error(ValueError("x")) is None
    already = DiskFullError("x")
    assert classify_sqlite_error(already) is already


def test_every_code_has_a_distinct_message() -> None:
    codes = ["conflict", "disk_full", "read_only", "missing", "busy", "io", "corrupt"]
    messages = set()
    for code in codes:
        exc = DatabaseError("english", detail="d")
        exc.code = code
        messages.add(database_error_message(exc))
    assert len(messages) == len(codes)
    assert verify_chain  # the harness' chain check is imported from the real module

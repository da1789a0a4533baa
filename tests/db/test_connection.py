"""open_database: pragmas, refusal of unsafe files, and the write() transaction."""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from db import migrations
from db.connection import is_network_path, open_database, write
from db.errors import (
    CorruptDatabaseError,
    DatabaseError,
    NetworkPathError,
    NewerSchemaError,
    NotADatabaseError,
)
from db.ids import new_id

# ---------------------------------------------------------------- helpers
# (also imported by the other tests in this folder)


def add_client(db: sqlite_utils.Database, name: str = "Demo Hydrogen Co.") -> str:
    client_id = new_id()
    with write(db):
        db.conn.execute(
            "INSERT INTO clients (id, name, firm_type) VALUES (?, ?, 'tech')", (client_id, name)
        )
    return client_id


def make_corrupt_db(path: Path) -> bytes:
    """A real multi-page SQLite file with damaged pages in the middle; returns its bytes."""
    db = open_database(path)
    with write(db):
        db.conn.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, payload TEXT)")
        db.conn.executemany(
            "INSERT INTO filler (payload) VALUES (?)", [("x" * 200,) for _ in range(2000)]
        )
    db.close()
    assert not Path(str(path) + "-wal").exists()  # everything is in the main file
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    pages = len(data) // page_size
    assert pages > 20
    middle = pages // 2
    data[(middle - 3) * page_size : (middle + 3) * page_size] = b"\xa5" * (6 * page_size)
    path.write_bytes(bytes(data))
    # Make sure the damage is real: SQLite itself must object.
    conn = sqlite3.connect(path)
    try:
        try:
            result = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        except sqlite3.DatabaseError:
            result = ["error"]
    finally:
        conn.close()
    assert result != ["ok"]
    return bytes(data)


def make_newer_db(path: Path) -> bytes:
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    return path.read_bytes()


# ---------------------------------------------------------------- pragmas


def test_pragmas(db: sqlite_utils.Database) -> None:
    conn = db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION


def test_foreign_keys_enforced(db: sqlite_utils.Database) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"), write(db):
        db.conn.execute(
            "INSERT INTO contacts (id, client_id, name) VALUES (?, ?, 'Zhang San')",
            (new_id(), new_id()),
        )
    assert db.conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0


def test_memory_database_is_migrated() -> None:
    db = open_database(":memory:")
    try:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
        assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        db.close()


def test_create_false_refuses_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.sqlite3"
    with pytest.raises(DatabaseError, match="does not exist"):
        open_database(path, create=False)
    assert not path.exists()


def test_reopen_keeps_data(db_path: Path) -> None:
    db = open_database(db_path)
    client_id = add_client(db)
    db.close()
    db = open_database(db_path)
    try:
        assert db.conn.execute("SELECT name FROM clients WHERE id = ?", (client_id,)).fetchone()
    finally:
        db.close()


# ---------------------------------------------------------------- refusals


def test_refuses_text_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("客户名单\nthis is not a database\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError, match="not an SQLite database") as info:
        open_database(path)
    assert info.value.code == "not_a_database"
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_refuses_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.sqlite3"
    path.write_bytes(random.Random(7).randbytes(64 * 1024))
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError):
        open_database(path)
    assert path.read_bytes() == before


def test_refuses_corrupt_database(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    before = make_corrupt_db(path)
    with pytest.raises(CorruptDatabaseError) as info:
        open_database(path)
    assert info.value.code == "corrupt"
    assert str(path) in str(info.value)
    assert path.read_bytes() == before


def test_refuses_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    before = make_newer_db(path)
    with pytest.raises(NewerSchemaError, match=f"schema version {migrations.LATEST_VERSION + 1}"):
        open_database(path)
    assert path.read_bytes() == before
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION + 1
    finally:
        conn.close()


@pytest.mark.parametrize(
    "path",
    [
        "\\\\server\\share\\h2.sqlite3",
        "//server/share/h2.sqlite3",
        "\\\\?\\UNC\\server\\share\\h2.sqlite3",
    ],
)
def test_refuses_network_paths(path: str) -> None:
    assert is_network_path(path)
    with pytest.raises(NetworkPathError, match="network path"):
        open_database(path)
    assert not Path(path).exists()


@pytest.mark.parametrize("path", ["\\\\?\\C:\\data\\h2.sqlite3", "C:\\data\\h2.sqlite3"])
def test_local_windows_paths_are_not_network(path: str) -> None:
    if os.name == "nt":  # pragma: no cover - drive type depends on the machine
        pytest.skip("drive type is machine-specific on Windows")
    assert not is_network_path(path)


def test_refuses_directory(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()
    with pytest.raises(NotADatabaseError, match="folder"):
        open_database(folder)
    assert list(folder.iterdir()) == []


# ---------------------------------------------------------------- write()


def test_write_commits(db: sqlite_utils.Database, db_path: Path) -> None:
    client_id = add_client(db)
    assert not db.conn.in_transaction
    other = sqlite3.connect(db_path)
    try:
        row = other.execute("SELECT name FROM clients WHERE id = ?", (client_id,)).fetchone()
    finally:
        other.close()
    assert row == ("Demo Hydrogen Co.",)


def test_write_rolls_back_on_exception(db: sqlite_utils.Database) -> None:
    with pytest.raises(ZeroDivisionError), write(db):
        db.conn.execute(
            "INSERT INTO clients (id, name, firm_type) VALUES (?, 'Lost Co.', 'tech')",
            (new_id(),),
        )
        _ = 1 / 0
    assert not db.conn.in_transaction
    assert db.conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 0


def test_write_nested_is_savepoint(db: sqlite_utils.Database) -> None:
    outer_id, inner_id = new_id(), new_id()
    with write(db):
        db.conn.execute(
            "INSERT INTO clients (id, name, firm_type) VALUES (?, 'Outer', 'tech')", (outer_id,)
        )
        with pytest.raises(ValueError), write(db):
            db.conn.execute(
                "INSERT INTO clients (id, name, firm_type) VALUES (?, 'Inner', 'tech')",
                (inner_id,),
            )
            raise ValueError("inner fails")
        assert db.conn.in_transaction  # the outer transaction survives
    names = [r[0] for r in db.conn.execute("SELECT name FROM clients")]
    assert names == ["Outer"]


def test_write_nested_success_commits_with_outer(db: sqlite_utils.Database) -> None:
    with pytest.raises(RuntimeError), write(db):
        with write(db):
            db.conn.execute(
                "INSERT INTO clients (id, name, firm_type) VALUES (?, 'Inner', 'tech')",
                (new_id(),),
            )
        raise RuntimeError("outer fails after the inner block succeeded")
    assert db.conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 0


def test_write_takes_write_lock_up_front(db: sqlite_utils.Database, db_path: Path) -> None:
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        with write(db), pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()

"""check_database: a read-only report, never an exception."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from db import migrations
from db.connection import open_database
from db.health import HealthReport, check_database, readonly_uri
from db.ids import new_id
from tests.db.test_connection import add_client, make_corrupt_db, make_newer_db

LATEST = migrations.LATEST_VERSION


def test_fresh_database_is_ok(db: sqlite_utils.Database, db_path: Path) -> None:
    add_client(db)
    report = check_database(db_path)  # while the app still has it open
    assert report == HealthReport(
        ok=True, problems=[], schema_version=LATEST, latest_version=LATEST
    )


def test_foreign_key_violation_is_listed(db_path: Path) -> None:
    db = open_database(db_path)
    client_id = add_client(db)
    db.close()
    orphan_client = new_id()
    raw = sqlite3.connect(db_path)
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute(
        "INSERT INTO contacts (id, client_id, name) VALUES (?, ?, 'Orphan')",
        (new_id(), orphan_client),
    )
    raw.execute(
        "INSERT INTO contacts (id, client_id, name) VALUES (?, ?, 'Fine')", (new_id(), client_id)
    )
    raw.commit()
    rowid = raw.execute("SELECT rowid FROM contacts WHERE name = 'Orphan'").fetchone()[0]
    raw.close()
    before = db_path.read_bytes()

    report = check_database(db_path)

    assert not report.ok
    assert report.problems == [
        f"foreign key: contacts row {rowid}: client_id refers to a missing clients row"
    ]
    assert report.schema_version == LATEST
    assert db_path.read_bytes() == before  # read-only


def test_newer_schema_reported(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    before = make_newer_db(path)
    report = check_database(path)
    assert not report.ok
    assert report.schema_version == LATEST + 1
    assert report.latest_version == LATEST
    assert any("newer" in p for p in report.problems)
    assert path.read_bytes() == before


def test_older_schema_needs_migration(db_path: Path) -> None:
    db = open_database(db_path, migrate=False)
    migrations.migrate(db, target=LATEST - 1)
    db.close()
    before = db_path.read_bytes()
    report = check_database(db_path)
    assert not report.ok
    assert report.schema_version == LATEST - 1
    assert any("needs migration" in p for p in report.problems)
    assert db_path.read_bytes() == before  # checking never migrates


def test_garbage_file_reported(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"\x00\x01garbage" * 500)
    report = check_database(path)
    assert not report.ok
    assert report.schema_version == -1
    assert "not an SQLite database" in report.problems[0]


def test_missing_empty_and_folder_reported(tmp_path: Path) -> None:
    assert "does not exist" in check_database(tmp_path / "nope.sqlite3").problems[0]
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert "empty file" in check_database(empty).problems[0]
    assert "folder" in check_database(tmp_path).problems[0]
    assert not (tmp_path / "nope.sqlite3").exists()  # never created


def test_corrupt_database_reported(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    before = make_corrupt_db(path)
    report = check_database(path)
    assert not report.ok
    assert report.problems
    assert path.read_bytes() == before


def test_foreign_sqlite_file_reported(tmp_path: Path) -> None:
    path = tmp_path / "other-app.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute(f"PRAGMA user_version = {LATEST}")
    conn.commit()
    conn.close()
    report = check_database(path)
    assert not report.ok
    assert any(p.startswith("missing tables: users, clients, deals") for p in report.problems)


def test_readonly_uri_escapes_special_characters(tmp_path: Path) -> None:
    folder = tmp_path / "odd #1 ?"
    folder.mkdir()
    path = folder / "客户 50%.sqlite3"
    open_database(path).close()
    assert readonly_uri(path).endswith("?mode=ro")
    assert check_database(path).ok

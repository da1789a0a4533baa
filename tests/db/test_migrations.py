"""Numbered migrations: from empty, from every earlier version, atomic, and the schema rules."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from db import migrations, search
from db.connection import open_database, write
from db.ids import new_id

LATEST = migrations.LATEST_VERSION

# Tables that are not shared business records (no UUID/version bookkeeping).
NOT_SHARED = {"settings", "audit_log", "sqlite_sequence"}


def schema_of(db: sqlite_utils.Database) -> list[tuple[str, str, str, str | None]]:
    return db.conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()


@pytest.fixture(scope="module")
def reference_schema(tmp_path_factory: pytest.TempPathFactory) -> list[tuple]:
    """The schema of a database migrated in one go."""
    db = open_database(tmp_path_factory.mktemp("ref") / "ref.sqlite3")
    try:
        return schema_of(db)
    finally:
        db.close()


@pytest.fixture
def raw_db(db_path: Path) -> Iterator[sqlite_utils.Database]:
    """An empty, unmigrated database file."""
    db = open_database(db_path, migrate=False)
    yield db
    db.close()


def test_latest_version_is_consistent() -> None:
    assert LATEST >= 1
    assert [v for v, _name, _fn in migrations._MIGRATIONS] == list(range(1, LATEST + 1))


def test_empty_database_migrates_to_latest(raw_db: sqlite_utils.Database) -> None:
    assert migrations.current_version(raw_db) == 0
    assert migrations.migrate(raw_db) == list(range(1, LATEST + 1))
    assert migrations.current_version(raw_db) == LATEST
    assert migrations.migrate(raw_db) == []  # idempotent
    assert not raw_db.conn.in_transaction


@pytest.mark.parametrize("start", range(LATEST))
def test_every_earlier_version_migrates_to_latest(
    db_path: Path, start: int, reference_schema: list[tuple]
) -> None:
    db = open_database(db_path, migrate=False)
    assert migrations.migrate(db, target=start) == list(range(1, start + 1))
    assert migrations.current_version(db) == start
    client_id = None
    if start >= 1:  # data written at the old version must survive the upgrade
        client_id = new_id()
        with write(db):
            db.conn.execute(
                "INSERT INTO clients (id, name, firm_type, segment) "
                "VALUES (?, '旧版本氢能公司', 'manufacturer', 'storage')",
                (client_id,),
            )
    db.close()

    db = open_database(db_path)
    try:
        assert migrations.current_version(db) == LATEST
        assert schema_of(db) == reference_schema
        if client_id is not None:
            row = db.conn.execute(
                "SELECT name, segment FROM clients WHERE id = ?", (client_id,)
            ).fetchone()
            assert row == ("旧版本氢能公司", "storage")
    finally:
        db.close()


def _failing_migration(db: sqlite_utils.Database) -> None:
    db.conn.execute("CREATE TABLE half_done (x INTEGER)")
    db.conn.execute("ALTER TABLE clients ADD COLUMN half_done INTEGER")
    raise RuntimeError("migration failed half way")


def test_failing_migration_leaves_database_as_before(
    db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = schema_of(db)
    monkeypatch.setattr(
        migrations,
        "_MIGRATIONS",
        [*migrations._MIGRATIONS, (LATEST + 1, "broken", _failing_migration)],
    )
    with pytest.raises(RuntimeError, match="half way"):
        migrations.migrate(db, target=LATEST + 1)
    assert migrations.current_version(db) == LATEST
    assert schema_of(db) == before
    assert not db.conn.in_transaction


def test_failure_in_later_step_keeps_earlier_steps(
    raw_db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = migrations._MIGRATIONS[0]
    monkeypatch.setattr(migrations, "_MIGRATIONS", [first, (2, "broken", _failing_migration)])
    with pytest.raises(RuntimeError):
        migrations.migrate(raw_db, target=2)
    assert migrations.current_version(raw_db) == 1
    names = {r[0] for r in raw_db.conn.execute("SELECT name FROM sqlite_master")}
    assert "clients" in names
    assert "half_done" not in names


# ---------------------------------------------------------------- CHECK constraints


def _insert(db: sqlite_utils.Database, sql: str, params: tuple) -> None:
    with write(db):
        db.conn.execute(sql, params)


@pytest.fixture
def client_id(db: sqlite_utils.Database) -> str:
    cid = new_id()
    _insert(db, "INSERT INTO clients (id, name, firm_type) VALUES (?, 'C', 'tech')", (cid,))
    return cid


DEAL = "INSERT INTO deals (id, client_id, title, product, amount_yuan, stage) VALUES (?,?,?,?,?,?)"


def test_valid_deal_is_accepted(db: sqlite_utils.Database, client_id: str) -> None:
    _insert(db, DEAL, (new_id(), client_id, "PEM line", "working capital", 10_000_000, "need"))
    assert db.conn.execute("SELECT amount_yuan FROM deals").fetchone()[0] == 10_000_000


@pytest.mark.parametrize(
    ("amount", "stage"),
    [
        (-1, "need"),  # negative money
        (1500.5, "need"),  # REAL money
        (1000, "signed"),  # unknown stage
        (1000, "lost"),  # lost without a reason
    ],
)
def test_deal_checks_reject(
    db: sqlite_utils.Database, client_id: str, amount: float, stage: str
) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        _insert(db, DEAL, (new_id(), client_id, "t", "p", amount, stage))
    assert db.conn.execute("SELECT count(*) FROM deals").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("sql", "params"),
    [
        ("INSERT INTO clients (id, name, firm_type) VALUES (?, 'x', 'bank')", ()),
        ("INSERT INTO clients (id, name, firm_type, status) VALUES (?, 'x', 'tech', 'gone')", ()),
        ("INSERT INTO clients (id, name, firm_type, segment) VALUES (?, 'x', 'tech', 'oil')", ()),
        ("INSERT INTO clients (id, name, firm_type) VALUES (?, '   ', 'tech')", ()),
        (
            "INSERT INTO clients (id, name, firm_type, registered_capital_yuan) "
            "VALUES (?, 'x', 'tech', -5)",
            (),
        ),
        (
            "INSERT INTO clients (id, name, firm_type, registered_capital_yuan) "
            "VALUES (?, 'x', 'tech', 12.5)",
            (),
        ),
        ("INSERT INTO users (id, username, display_name, role) VALUES (?, 'u', 'U', 'boss')", ()),
    ],
)
def test_enum_and_money_checks_reject(db: sqlite_utils.Database, sql: str, params: tuple) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        _insert(db, sql, (new_id(), *params))


def test_ids_must_be_uuid_length(db: sqlite_utils.Database) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        _insert(db, "INSERT INTO clients (id, name, firm_type) VALUES ('42', 'x', 'tech')", ())


def test_financial_statement_checks(db: sqlite_utils.Database, client_id: str) -> None:
    sql = (
        "INSERT INTO financial_statements (id, client_id, fiscal_year, revenue_yuan, "
        "net_profit_yuan) VALUES (?, ?, ?, ?, ?)"
    )
    _insert(db, sql, (new_id(), client_id, 2023, 5_000_000, -200_000))  # losses allowed
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        _insert(db, sql, (new_id(), client_id, 2024, -1, 0))
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        _insert(db, sql, (new_id(), client_id, 1800, 1, 0))


def test_every_shared_table_has_bookkeeping_columns(db: sqlite_utils.Database) -> None:
    tables = [r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    shared = [t for t in tables if t not in NOT_SHARED and not search.is_derived_table(t)]
    expected = {
        "users",
        "clients",
        "contacts",
        "financial_statements",
        "activities",
        "scorecard_results",
        "deals",
        "deal_stage_history",
        "document_checklist_items",
        "memos",
    }
    assert expected <= set(shared)
    for table in shared:
        info = {r[1]: r for r in db.conn.execute(f'PRAGMA table_info("{table}")')}
        for column in ("id", "created_at", "updated_at", "updated_by", "version", "deleted_at"):
            assert column in info, f"{table} lacks {column}"
        # cid, name, type, notnull, dflt_value, pk
        assert info["id"][2] == "TEXT" and info["id"][5] == 1, f"{table}.id is not a TEXT key"
        assert info["version"][2] == "INTEGER"


def test_money_columns_are_integer(db: sqlite_utils.Database) -> None:
    tables = [r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    money = [
        (t, r[1], r[2])
        for t in tables
        for r in db.conn.execute(f'PRAGMA table_info("{t}")')
        if r[1].endswith("_yuan")
    ]
    assert money, "no money columns found"
    assert all(kind == "INTEGER" for _t, _c, kind in money), money

"""The hash chain of the audit log: intact chains verify, every kind of tampering
with the file outside the app is detected and the first broken entry named;
personal data is masked; the viewer's filters."""

from __future__ import annotations

import itertools
import json
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlite_utils

from db import audit, migrations
from db.audit import GENESIS_HASH, AuditFilter, entry_hash, mask_personal, verify_chain
from db.connection import open_database, write

COLUMNS = "id, at, user_id, action, entity, entity_id, before, after, reason, prev_hash, hash"


def add_entries(db: sqlite_utils.Database, n: int = 5) -> list[str]:
    ids = []
    for i in range(n):
        with write(db):
            ids.append(
                audit.record(
                    db,
                    user_id=f"u{i % 2}",
                    action=f"client.{'update' if i % 2 else 'create'}",
                    entity="clients",
                    entity_id=f"c{i}",
                    before={"n": i},
                    after={"n": i + 1, "名称": "氢能"},
                    reason=f"r{i}",
                )
            )
    return ids


def tamper(path: Path, *statements: str, params: tuple = ()) -> None:
    """Edit the file like an attacker with the sqlite3 shell: drop the triggers first."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for trigger in ("audit_log_no_update", "audit_log_no_delete", "audit_log_chain"):
            conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        for sql in statements:
            conn.execute(sql, params if "?" in sql else ())
    finally:
        conn.close()


@pytest.fixture
def chained(db_path: Path) -> Path:
    db = open_database(db_path)
    add_entries(db, 5)
    db.close()
    return db_path


def test_intact_chain_verifies(db: sqlite_utils.Database, db_path: Path) -> None:
    assert verify_chain(db).ok  # empty log
    add_entries(db, 6)
    report = verify_chain(db)
    assert report.ok, report
    assert report.entries_checked == 6
    assert report.first_broken_seq is None
    assert (report.last_seq, report.head_hash) == audit.chain_head(db)
    from_file = verify_chain(db_path)
    assert from_file.ok and from_file.entries_checked == 6


def test_entries_are_linked_from_genesis(db: sqlite_utils.Database) -> None:
    add_entries(db, 3)
    rows = db.conn.execute(f"SELECT seq, {COLUMNS} FROM audit_log ORDER BY seq").fetchall()
    assert rows[0][10] == GENESIS_HASH
    for previous, row in itertools.pairwise(rows):
        assert row[10] == previous[11]
    for row in rows:
        assert row[11] == entry_hash(row[10], *row[1:10])
        assert len(row[11]) == 64


def test_insert_that_does_not_extend_the_chain_is_refused(db: sqlite_utils.Database) -> None:
    add_entries(db, 2)
    fields = ("0" * 8 + "-0000-4000-8000-" + "0" * 12, "2025-01-01T00:00:00.000Z", "x", "forged")
    with pytest.raises(sqlite3.IntegrityError, match="hash chain"), write(db):
        db.conn.execute(
            "INSERT INTO audit_log (id, at, user_id, action, prev_hash, hash) VALUES (?,?,?,?,?,?)",
            (*fields, GENESIS_HASH, "f" * 64),
        )
    with pytest.raises(sqlite3.IntegrityError, match="hash chain"), write(db):
        db.conn.execute("INSERT INTO audit_log (id, at, user_id, action) VALUES (?,?,?,?)", fields)
    assert verify_chain(db).ok


def test_edited_row_is_detected(chained: Path) -> None:
    tamper(chained, "UPDATE audit_log SET reason = 'nothing happened' WHERE seq = 3")
    report = verify_chain(chained)
    assert not report.ok
    assert (report.kind, report.first_broken_seq) == ("edited", 3)
    assert "3" in report.problem


def test_edited_json_value_is_detected(chained: Path) -> None:
    tamper(chained, """UPDATE audit_log SET after = '{"n": 999}' WHERE seq = 2""")
    report = verify_chain(chained)
    assert (report.ok, report.kind, report.first_broken_seq) == (False, "edited", 2)


def test_edited_and_rehashed_row_breaks_the_next_link(chained: Path) -> None:
    conn = sqlite3.connect(chained)
    row = conn.execute(f"SELECT {COLUMNS} FROM audit_log WHERE seq = 2").fetchone()
    conn.close()
    fields = list(row[:9])
    fields[3] = "client.delete"
    forged = entry_hash(row[9], *fields)
    tamper(
        chained,
        "UPDATE audit_log SET action = ?, hash = ? WHERE seq = 2",
        params=("client.delete", forged),
    )
    report = verify_chain(chained)
    assert (report.ok, report.kind, report.first_broken_seq) == (False, "linked", 3)


def test_deleted_middle_row_is_detected(chained: Path) -> None:
    tamper(chained, "DELETE FROM audit_log WHERE seq = 3")
    report = verify_chain(chained)
    assert (report.ok, report.kind, report.first_broken_seq) == (False, "linked", 4)
    assert report.entries_checked == 3  # 1, 2 and the broken 4


def test_deleted_last_row_is_detected(chained: Path) -> None:
    tamper(chained, "DELETE FROM audit_log WHERE seq = 5")
    report = verify_chain(chained)
    assert (report.ok, report.kind, report.first_broken_seq) == (False, "truncated", 5)


def test_deleted_first_row_is_detected(chained: Path) -> None:
    tamper(chained, "DELETE FROM audit_log WHERE seq = 1")
    report = verify_chain(chained)
    assert (report.ok, report.kind, report.first_broken_seq) == (False, "linked", 2)


def test_reordered_rows_are_detected(chained: Path) -> None:
    # Swap the whole content (hashes included) of entries 2 and 3.
    tamper(
        chained,
        "UPDATE audit_log SET seq = 100 WHERE seq = 2",
        "UPDATE audit_log SET seq = 2 WHERE seq = 3",
        "UPDATE audit_log SET seq = 3 WHERE seq = 100",
    )
    report = verify_chain(chained)
    assert (report.ok, report.kind, report.first_broken_seq) == (False, "linked", 2)


def test_inserted_row_is_detected(chained: Path) -> None:
    # Make room after entry 2 by renumbering, then insert a well-formed entry
    # that chains correctly to entry 2: entry 3 (old) no longer follows it.
    conn = sqlite3.connect(chained)
    prev = conn.execute("SELECT hash FROM audit_log WHERE seq = 2").fetchone()[0]
    conn.close()
    fields = (
        "11111111-1111-4111-8111-111111111111",
        "2025-01-01T00:00:00.000Z",
        "intruder",
        "deal.approve",
        "deals",
        "d1",
        None,
        '{"stage":"approved"}',
        "",
    )
    tamper(
        chained,
        "UPDATE audit_log SET seq = seq + 100 WHERE seq > 2",
        f"INSERT INTO audit_log (seq, {COLUMNS}) VALUES (3, ?,?,?,?,?,?,?,?,?,?,?)",
        params=(*fields, prev, entry_hash(prev, *fields)),
    )
    report = verify_chain(chained)
    assert (report.ok, report.kind, report.first_broken_seq) == (False, "linked", 103)


def test_inserted_row_at_the_end_with_a_wrong_link_is_detected(chained: Path) -> None:
    fields = (
        "22222222-2222-4222-8222-222222222222",
        "2025-01-01T00:00:00.000Z",
        "intruder",
        "x",
        "",
        None,
        None,
        None,
        "",
    )
    tamper(
        chained,
        f"INSERT INTO audit_log ({COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        params=(*fields, GENESIS_HASH, entry_hash(GENESIS_HASH, *fields)),
    )
    report = verify_chain(chained)
    assert (report.ok, report.kind, report.first_broken_seq) == (False, "linked", 6)


def test_full_rewrite_is_caught_by_an_external_anchor(chained: Path) -> None:
    db = open_database(chained)
    anchor = audit.chain_head(db)
    db.close()
    assert anchor is not None
    conn = sqlite3.connect(chained, isolation_level=None)
    for trigger in ("audit_log_no_update", "audit_log_chain"):
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("UPDATE audit_log SET reason = 'rewritten' WHERE seq = 4")
    audit.rehash_all(conn)  # an attacker who knows the algorithm
    conn.close()
    assert verify_chain(chained).ok  # undetectable from the file alone (documented)
    report = verify_chain(chained, anchor=anchor)
    assert (report.ok, report.kind, report.first_broken_seq) == (False, "anchor", 5)


def test_verify_never_raises_for_bad_files(tmp_path: Path) -> None:
    missing = verify_chain(tmp_path / "nope.sqlite3")
    assert (missing.ok, missing.kind) == (False, "unreadable")
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    assert verify_chain(text).kind == "unreadable"
    empty_sqlite = tmp_path / "other.sqlite3"
    sqlite3.connect(empty_sqlite).execute("CREATE TABLE t (x)").connection.close()
    assert verify_chain(empty_sqlite).kind == "unreadable"


def test_verify_from_file_does_not_write(chained: Path) -> None:
    before = chained.read_bytes()
    assert verify_chain(chained).ok
    assert chained.read_bytes() == before


def test_migration_chains_legacy_entries(db_path: Path) -> None:
    db = open_database(db_path, migrate=False)
    migrations.migrate(db, target=2)
    with write(db):
        for i in range(3):
            db.conn.execute(
                "INSERT INTO audit_log (id, user_id, action, after) VALUES (?, 'u', ?, ?)",
                (f"{i}" * 8 + "-0000-4000-8000-000000000000", f"old.{i}", json.dumps({"i": i})),
            )
    db.close()
    db = open_database(db_path)
    try:
        assert migrations.current_version(db) == migrations.LATEST_VERSION
        assert db.conn.execute("SELECT count(*) FROM audit_log WHERE hash IS NULL").fetchone() == (
            0,
        )
        add_entries(db, 1)
        report = verify_chain(db)
        assert report.ok and report.entries_checked == 4
        with pytest.raises(sqlite3.IntegrityError, match="append-only"), write(db):
            db.conn.execute("UPDATE audit_log SET action = 'x'")  # trigger restored
    finally:
        db.close()


def test_two_connections_keep_one_chain(db: sqlite_utils.Database, db_path: Path) -> None:
    other = open_database(db_path)
    try:
        for i in range(10):
            target = db if i % 2 else other
            with write(target):
                audit.record(target, user_id="u", action=f"a{i}")
        report = verify_chain(db)
        assert report.ok and report.entries_checked == 10
    finally:
        other.close()


# --------------------------------------------------------------------------- masking


def test_mask_personal_values() -> None:
    record = {
        "name": "张三",
        "mobile": "13812345678",
        "id_number": "110101199003074578",
        "email": "zhang.san@example.cn",
        "contacts": [{"mobile": "13900001111", "role": "CFO"}],
        "nested": {"phone": "02112345678", "id_number": None},
        "amount_yuan": 5,
    }
    masked = mask_personal(record)
    assert masked["mobile"] == "138****5678"
    assert masked["id_number"] == "110101********4578"
    assert masked["email"] == "z********@example.cn"
    assert masked["contacts"] == [{"mobile": "139****1111", "role": "CFO"}]
    assert masked["nested"] == {"phone": "021****5678", "id_number": None}
    assert (masked["name"], masked["amount_yuan"]) == ("张三", 5)
    assert record["mobile"] == "13812345678"  # input untouched
    assert mask_personal({"mobile": "123"}) == {"mobile": "***"}
    assert mask_personal(None) is None
    assert mask_personal("13812345678") == "13812345678"  # only keyed values


def test_record_masks_by_default(db: sqlite_utils.Database) -> None:
    with write(db):
        masked = audit.record(
            db, user_id="u", action="contact.update", before={"mobile": "13812345678"}
        )
        plain = audit.record(
            db, user_id="u", action="x", after={"mobile": "13812345678"}, mask=False
        )
    stored = dict(db.conn.execute("SELECT id, coalesce(before, after) FROM audit_log"))
    assert json.loads(stored[masked]) == {"mobile": "138****5678"}
    assert json.loads(stored[plain]) == {"mobile": "13812345678"}
    assert "13812345678" not in stored[masked]


# --------------------------------------------------------------------------- viewer queries


def test_list_and_count_with_filters(db: sqlite_utils.Database) -> None:
    add_entries(db, 6)
    with write(db):
        audit.record(db, user_id="u9", action="deal.approve", entity="deals", entity_id="d1")
    assert audit.count_entries(db) == 7
    newest = audit.list_entries(db, limit=2)
    assert [e["action"] for e in newest] == ["deal.approve", "client.update"]
    assert newest[1]["after"] == {"n": 6, "名称": "氢能"}  # parsed JSON
    assert audit.count_entries(db, AuditFilter(user_id="u0")) == 3
    assert audit.count_entries(db, AuditFilter(action="client.")) == 6
    assert audit.count_entries(db, AuditFilter(action="client")) == 0  # exact, no prefix
    assert audit.count_entries(db, AuditFilter(action="client.create")) == 3
    assert audit.count_entries(db, AuditFilter(entity="clients", entity_id="c2")) == 1
    today = datetime.now().date()
    assert audit.count_entries(db, AuditFilter(since=today, until=today)) == 7
    assert audit.count_entries(db, AuditFilter(until=today - timedelta(days=1))) == 0
    assert audit.count_entries(db, AuditFilter(since=date(2999, 1, 1))) == 0
    future = datetime.now(UTC) + timedelta(hours=1)
    assert audit.count_entries(db, AuditFilter(until=future)) == 7
    page = audit.list_entries(db, AuditFilter(action="client."), limit=4, offset=4)
    assert [e["entity_id"] for e in page] == ["c1", "c0"]
    oldest_first = [e["seq"] for e in audit.iter_entries(db, AuditFilter(user_id="u1"), batch=2)]
    assert oldest_first == [2, 4, 6]

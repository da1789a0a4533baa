"""Client search: any query length, every searched field, filters, index kept in sync."""

from __future__ import annotations

from datetime import date

import pytest
import sqlite_utils

from db import migrations, portfolio, search, users
from db.connection import open_database, write
from db.ids import new_id
from desktop.core import clients
from desktop.core.session import CurrentUser
from desktop.core.validation import make_uscc

TODAY = date(2025, 6, 30)


def _user(db: sqlite_utils.Database, name: str, role: str = "rm") -> CurrentUser:
    row = users.ensure_user(db, username=name, display_name=name, role=role)
    return CurrentUser(row["id"], name, name, role)


@pytest.fixture
def book(db: sqlite_utils.Database):
    rm = _user(db, "rm.one")
    rm2 = _user(db, "rm.two")
    head = _user(db, "head", "branch_head")
    made = {}
    specs = [
        ("xiamen", "厦门骞峰氢能科技有限公司", "350200", "tech", "production", "福建", rm,
         "重点客户，PEM电解槽"),
        ("chengdu", "成都栩翎绿氢装备有限公司", "510100", "manufacturer", "storage", "四川", rm,
         "储氢瓶扩产"),
        ("ordos", "鄂尔多斯岫霖绿氢能源有限公司", "150600", "project", "production", "内蒙古", rm2,
         "风光制氢一体化"),
        ("beijing", "Beijing HyTech Co., Ltd.", "110105", "tech", "fuel_cell", "北京", rm2, ""),
    ]  # fmt: skip
    for i, (key, name, area, firm, segment, province, owner, notes) in enumerate(specs):
        made[key] = clients.create_client(
            db,
            head,
            {
                "name": name,
                "uscc": make_uscc(area, f"MA{i}BCD1E"),
                "firm_type": firm,
                "segment": segment,
                "province": province,
                "owner_id": owner.id,
                "status": "active",
                "notes": notes,
            },
            today=TODAY,
        )
    clients.add_contact(db, head, made["chengdu"]["id"], {"name": "欧阳娜"})
    clients.add_contact(db, head, made["beijing"]["id"], {"name": "Li Wei"})
    return {"head": head, "rm": rm, "rm2": rm2, **made}


def _names(db, ids: list[str]) -> list[str]:
    rows = portfolio.fetch_client_rows(db, ids)
    return [rows[i]["name"] for i in ids]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Sorted by name in code-point order: 厦 < 成 < 鄂.
        ("氢", ["厦门骞峰氢能科技有限公司", "成都栩翎绿氢装备有限公司",
               "鄂尔多斯岫霖绿氢能源有限公司"]),
        ("骞", ["厦门骞峰氢能科技有限公司"]),
        ("绿氢", ["成都栩翎绿氢装备有限公司", "鄂尔多斯岫霖绿氢能源有限公司"]),
        ("骞峰氢", ["厦门骞峰氢能科技有限公司"]),
        ("氢能科技", ["厦门骞峰氢能科技有限公司"]),
        ("hytech", ["Beijing HyTech Co., Ltd."]),
        ("ＨＹＴＥＣＨ", ["Beijing HyTech Co., Ltd."]),
        ("co.,", ["Beijing HyTech Co., Ltd."]),
        ("有限公司（", []),
        ("欧阳", ["成都栩翎绿氢装备有限公司"]),  # contact name, 2 chars
        ("欧", ["成都栩翎绿氢装备有限公司"]),  # 1 char
        ("li wei", ["Beijing HyTech Co., Ltd."]),
        ("电解槽", ["厦门骞峰氢能科技有限公司"]),  # notes
        ("扩产", ["成都栩翎绿氢装备有限公司"]),  # notes, 2 chars
        ("，", ["Beijing HyTech Co., Ltd.", "厦门骞峰氢能科技有限公司"]),  # as typed + NFKC ","
        ("户，", ["厦门骞峰氢能科技有限公司"]),  # punctuation: scan fallback
        ("不存在的公司", []),
    ],
)  # fmt: skip
def test_search_any_length(db, book, query: str, expected: list[str]) -> None:
    assert _names(db, search.search_client_ids(db, query)) == expected


def test_search_by_uscc_any_case(db, book) -> None:
    uscc = book["ordos"]["uscc"]
    for query in (uscc, uscc.lower(), uscc[:8], uscc[-4:], uscc[:2]):
        assert book["ordos"]["id"] in search.search_client_ids(db, query)
    assert search.search_client_ids(db, uscc) == [book["ordos"]["id"]]


def test_empty_query_lists_everyone_in_order(db, book) -> None:
    everyone = search.search_client_ids(db, "  ")
    assert len(everyone) == 4
    assert everyone == portfolio.client_ids(db)
    assert search.search_client_ids(db, "", descending=True) == everyone[::-1]
    assert search.search_client_ids(db, "", limit=2) == everyone[:2]
    assert search.count_matches(db, "氢") == 3


def test_filters_and_orders(db, book) -> None:
    ids = search.search_client_ids(db, "氢", filters={"segment": "production"})
    assert set(ids) == {book["xiamen"]["id"], book["ordos"]["id"]}
    assert search.search_client_ids(db, "", filters={"owner_id": book["rm2"].id}) == [
        book["beijing"]["id"],
        book["ordos"]["id"],
    ]
    assert search.search_client_ids(db, "", filters={"province": "四川"}) == [book["chengdu"]["id"]]
    assert search.search_client_ids(db, "", filters={"firm_type": "project"}) == [
        book["ordos"]["id"]
    ]
    assert search.search_client_ids(db, "", filters={"status": "prospect"}) == []
    by_province = search.search_client_ids(db, "", order_by="province", descending=True)
    provinces = [portfolio.fetch_client_rows(db, [i])[i]["province"] for i in by_province]
    assert provinces == sorted(provinces, reverse=True)
    by_owner = portfolio.client_ids(db, order_by="owner", search="氢")
    assert len(by_owner) == 3
    with pytest.raises(ValueError, match="filter"):
        search.search_client_ids(db, "", filters={"colour": "red"})
    with pytest.raises(ValueError, match="sort"):
        search.search_client_ids(db, "", order_by="1; DROP TABLE clients")


def test_grade_filter_uses_latest_scorecard(db, book) -> None:
    def score(client_id: str, grade: str, at: str) -> None:
        with write(db):
            db.conn.execute(
                "INSERT INTO scorecard_results (id, client_id, template_code, template_version,"
                " template_hash, inputs, factors, total, grade, created_at)"
                " VALUES (?, ?, 't', '1', 'h', '{}', '[]', '80', ?, ?)",
                (new_id(), client_id, grade, at),
            )

    score(book["xiamen"]["id"], "B", "2025-01-01T00:00:00.000Z")
    score(book["xiamen"]["id"], "A", "2025-05-01T00:00:00.000Z")
    score(book["ordos"]["id"], "B", "2025-03-01T00:00:00.000Z")
    assert search.search_client_ids(db, "", filters={"grade": "A"}) == [book["xiamen"]["id"]]
    assert search.search_client_ids(db, "氢", filters={"grade": "B"}) == [book["ordos"]["id"]]


def test_follow_up_due_filter(db, book) -> None:
    head = book["head"]
    clients.add_activity(
        db, head, book["chengdu"]["id"],
        {"kind": "visit", "occurred_on": "2025-06-01", "next_follow_up": "2025-06-29"},
        today=TODAY,
    )  # fmt: skip
    clients.add_activity(
        db, head, book["xiamen"]["id"],
        {"kind": "visit", "occurred_on": "2025-06-01", "next_follow_up": "2025-07-29"},
        today=TODAY,
    )  # fmt: skip
    due = search.search_client_ids(db, "", filters={"follow_up_due": True}, today=TODAY)
    assert due == [book["chengdu"]["id"]]
    later = search.search_client_ids(
        db, "", filters={"follow_up_due": True}, today=date(2025, 8, 1)
    )
    assert set(later) == {book["chengdu"]["id"], book["xiamen"]["id"]}
    assert len(search.search_client_ids(db, "", filters={"follow_up_due": False})) == 4


def test_index_follows_updates_contacts_and_deletes(db, book) -> None:
    head = book["head"]
    xiamen = book["xiamen"]
    assert search.search_client_ids(db, "骞峰") == [xiamen["id"]]
    clients.update_client(db, head, xiamen["id"], 1, {"name": "厦门新名字科技有限公司"})
    assert search.search_client_ids(db, "骞峰") == []
    assert search.search_client_ids(db, "新名") == [xiamen["id"]]
    clients.update_client(db, head, xiamen["id"], 2, {"notes": "液氢示范"})
    assert search.search_client_ids(db, "液氢") == [xiamen["id"]]
    assert search.search_client_ids(db, "电解槽") == []

    contact = clients.add_contact(db, head, xiamen["id"], {"name": "司马懿"})
    assert search.search_client_ids(db, "司马") == [xiamen["id"]]
    clients.update_contact(db, head, contact["id"], 1, {"name": "诸葛亮"})
    assert search.search_client_ids(db, "司马") == []
    assert search.search_client_ids(db, "诸葛亮") == [xiamen["id"]]
    clients.delete_contact(db, head, contact["id"], 2)
    assert search.search_client_ids(db, "诸") == []

    clients.delete_client(db, head, book["chengdu"]["id"], 1)
    assert search.search_client_ids(db, "欧阳") == []
    assert book["chengdu"]["id"] not in search.search_client_ids(db, "氢")
    assert book["chengdu"]["id"] not in search.search_client_ids(db, "")
    # Undelete (e.g. by a restore script) brings it back.
    with write(db):
        db.conn.execute(
            "UPDATE clients SET deleted_at = NULL WHERE id = ?", (book["chengdu"]["id"],)
        )
    assert search.search_client_ids(db, "欧阳") == [book["chengdu"]["id"]]


def test_cache_sees_commits_from_another_connection(db, db_path, book) -> None:
    assert len(search.search_client_ids(db, "绿氢")) == 2
    other = open_database(db_path)
    try:
        with write(other):
            other.conn.execute(
                "UPDATE clients SET name = '外部修改' WHERE id = ?", (book["ordos"]["id"],)
            )
    finally:
        other.close()
    assert search.search_client_ids(db, "绿氢") == [book["chengdu"]["id"]]
    assert search.search_client_ids(db, "外部") == [book["ordos"]["id"]]


def test_long_notes_are_searchable_beyond_the_gram_window(db, book) -> None:
    long_notes = "甲" * (search.GRAM_POSITIONS + 10) + "乙"
    clients.update_client(db, book["head"], book["beijing"]["id"], 1, {"notes": long_notes})
    assert search.search_client_ids(db, "乙") == [book["beijing"]["id"]]
    assert search.search_client_ids(db, "甲乙") == [book["beijing"]["id"]]


def test_rebuild_matches_trigger_maintained_index(db, book) -> None:
    before = {q: search.search_client_ids(db, q) for q in ("氢", "绿氢", "欧阳", "hytech", "91")}
    docs = db.conn.execute("SELECT client_id, doc FROM client_search ORDER BY client_id").fetchall()
    assert search.rebuild_search_index(db) == 4
    after = {q: search.search_client_ids(db, q) for q in before}
    assert after == before
    assert (
        db.conn.execute("SELECT client_id, doc FROM client_search ORDER BY client_id").fetchall()
        == docs
    )
    # FTS5's own consistency check passes for the external-content trigram index.
    db.conn.execute(
        "INSERT INTO client_search_trigram (client_search_trigram) VALUES ('integrity-check')"
    )


def test_grams_python_and_sql_agree(db) -> None:
    doc = "厦门 ab，c"
    sql = db.conn.execute("SELECT " + search._GRAMS.format(doc="?"), [doc] * 3).fetchone()[0]
    assert sorted(sql.split(" ")) == sorted(search.grams_of(doc).split(" "))


def test_bulk_load_pauses_triggers_and_rebuilds(db, book) -> None:
    with write(db), search.bulk_load(db):
        db.conn.execute(
            "INSERT INTO clients (id, name, firm_type) VALUES (?, '批量导入氢能公司', 'tech')",
            (new_id(),),
        )
        assert db.conn.execute("SELECT count(*) FROM client_search").fetchone()[0] == 4
    assert db.conn.execute("SELECT paused FROM search_state").fetchone()[0] == 0
    assert len(search.search_client_ids(db, "批量")) == 1
    with pytest.raises(RuntimeError), search.bulk_load(db):
        pass


def test_migration_indexes_existing_rows(tmp_path) -> None:
    path = tmp_path / "old.sqlite3"
    old = open_database(path, migrate=False)
    migrations.migrate(old, target=3)
    with write(old):
        old.conn.execute(
            "INSERT INTO clients (id, name, firm_type) VALUES (?, '旧库氢能', 'tech')", (new_id(),)
        )
    migrations.migrate(old)
    assert len(search.search_client_ids(old, "旧")) == 1
    assert len(search.search_client_ids(old, "旧库氢")) == 1
    old.close()

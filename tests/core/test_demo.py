"""The demo portfolio: valid, consistent, deterministic and fast."""

from __future__ import annotations

import itertools
import json
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils
from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc

from db.connection import open_database
from desktop.core import i18n
from desktop.core.demo import (
    ALL_STAGES,
    DEFAULT_TODAY,
    STAGE_PATH,
    DemoSummary,
    generate_demo,
    load_demo_data,
)
from desktop.core.taxonomy import load_taxonomy
from desktop.core.validation import (
    is_valid_resident_id,
    is_valid_uscc,
    validate_email,
    validate_mobile,
)

TODAY = DEFAULT_TODAY.isoformat()


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Messages in the English source language so tests can match them."""
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture
def demo_db(db: sqlite_utils.Database) -> sqlite_utils.Database:
    generate_demo(db, clients=60)
    return db


def _rows(db: sqlite_utils.Database, sql: str, params: tuple = ()) -> list[tuple]:
    return db.conn.execute(sql, params).fetchall()


def _open(path: Path) -> sqlite_utils.Database:
    return open_database(path)


def test_summary_counts_match_the_tables(db: sqlite_utils.Database) -> None:
    summary = generate_demo(db, clients=60)
    assert isinstance(summary, DemoSummary)
    assert summary.clients == 60
    assert summary.seed == 20251128 and summary.today == date(2026, 11, 28)
    assert summary.elapsed_seconds > 0
    for table, count in summary.counts.items():
        assert _rows(db, f"SELECT count(*) FROM {table}")[0][0] == count, table
    assert summary.contacts >= 60 and summary.financial_statements >= 60 * 2
    assert summary.deals > 0 and summary.deal_stage_history >= summary.deals


def test_database_is_consistent(demo_db: sqlite_utils.Database) -> None:
    assert _rows(demo_db, "PRAGMA foreign_key_check") == []
    assert _rows(demo_db, "PRAGMA integrity_check") == [("ok",)]


def test_same_seed_same_portfolio(tmp_path: Path) -> None:
    results = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        db = _open(tmp_path / f"{name}.sqlite3")
        generate_demo(db, clients=40, seed=seed)
        results.append(_rows(db, "SELECT id, name, uscc, owner_id FROM clients ORDER BY id"))
        results[-1].append(tuple(_rows(db, "SELECT id, amount_yuan, stage FROM deals ORDER BY id")))
        db.close()
    assert results[0] == results[1]
    names = {row[1] for row in results[0][:-1]}
    other_names = {row[1] for row in results[2][:-1]}
    assert names != other_names
    assert {row[2] for row in results[0][:-1]} != {row[2] for row in results[2][:-1]}


def test_every_uscc_is_valid_unique_and_local(demo_db: sqlite_utils.Database) -> None:
    codes_by_city = {
        (region["province"], city["name"], city["code"])
        for region in load_demo_data()["regions"]
        for city in region["cities"]
    }
    rows = _rows(demo_db, "SELECT uscc, province, city FROM clients")
    usccs = [row[0] for row in rows]
    assert len(set(usccs)) == len(usccs) == 60
    for uscc, province, city in rows:
        assert is_valid_uscc(uscc), uscc
        assert stdnum_uscc.is_valid(uscc), uscc
        assert uscc.startswith("91")
        assert (province, city, uscc[2:8]) in codes_by_city


def test_names_are_obviously_fictional(demo_db: sqlite_utils.Database) -> None:
    for (name,) in _rows(demo_db, "SELECT name FROM clients"):
        assert "（演示" in name, name
    for (address,) in _rows(demo_db, "SELECT address FROM clients"):
        assert "演示" in address
    for (email,) in _rows(demo_db, "SELECT email FROM contacts WHERE email IS NOT NULL"):
        assert email.endswith(".example")
        assert validate_email(email) == email


def test_spread_over_the_value_chain_and_the_map(demo_db: sqlite_utils.Database) -> None:
    taxonomy = load_taxonomy()
    segments = {row[0] for row in _rows(demo_db, "SELECT DISTINCT segment FROM clients")}
    routes = {row[0] for row in _rows(demo_db, "SELECT DISTINCT tech_route FROM clients")}
    firms = {row[0] for row in _rows(demo_db, "SELECT DISTINCT firm_type FROM clients")}
    provinces = {row[0] for row in _rows(demo_db, "SELECT DISTINCT province FROM clients")}
    assert segments == {s.code for s in taxonomy.segments}
    assert routes == {r.code for r in taxonomy.routes}
    assert firms == {"tech", "manufacturer", "project"}
    assert provinces == {r["province"] for r in load_demo_data()["regions"]}
    for segment, route in _rows(demo_db, "SELECT segment, tech_route FROM clients"):
        assert taxonomy.route(route).segment == segment


def test_codes_come_from_the_reference_data(demo_db: sqlite_utils.Database) -> None:
    taxonomy = load_taxonomy()
    rows = _rows(
        demo_db,
        "SELECT qualifications, policy_programmes, key_patents, province, city, segment, "
        "firm_type FROM clients",
    )
    seen_policies = set()
    for quals, policies, patents, province, city, segment, firm in rows:
        for code in json.loads(quals):
            assert firm in taxonomy.qualification(code).firm_types
        for code in json.loads(policies):
            assert taxonomy.policy(code).applies_to(province, city, segment)
            seen_policies.add(code)
        for patent in json.loads(patents):
            assert patent["number"].startswith("ZL") and patent["title"]
    assert seen_policies
    for product, scheme in _rows(demo_db, "SELECT product, guarantee_scheme FROM deals"):
        taxonomy.product(product)
        if scheme is not None:
            taxonomy.guarantee_scheme(scheme)


def test_users(demo_db: sqlite_utils.Database) -> None:
    users = {
        row[0]: row[1:] for row in _rows(demo_db, "SELECT username, display_name, role FROM users")
    }
    assert users["demo"] == ("演示客户经理", "rm")
    roles = [role for _name, role in users.values()]
    assert roles.count("reviewer") == 1 and roles.count("branch_head") == 1
    assert roles.count("admin") == 1 and roles.count("rm") >= 3
    assert "审查员" in users["reviewer"][0] and "支行行长" in users["branch.head"][0]
    owned = _rows(
        demo_db,
        "SELECT count(*) FROM clients JOIN users ON users.id = clients.owner_id "
        "WHERE users.username = 'demo'",
    )[0][0]
    assert owned >= 3
    owners = _rows(
        demo_db, "SELECT DISTINCT users.role FROM clients JOIN users ON users.id = owner_id"
    )
    assert owners == [("rm",)]


def test_ids_are_uuid4_text(demo_db: sqlite_utils.Database) -> None:
    ids = [
        row[0] for row in _rows(demo_db, "SELECT id FROM clients UNION ALL SELECT id FROM deals")
    ]
    for text in ids:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 4


def test_every_stage_with_a_consistent_history(demo_db: sqlite_utils.Database) -> None:
    taxonomy = load_taxonomy()
    deals = _rows(
        demo_db,
        "SELECT id, stage, stage_changed_at, lost_reason, amount_yuan, created_at, version, "
        "expected_close_on FROM deals",
    )
    assert {row[1] for row in deals} == set(ALL_STAGES)
    history: dict[str, list[tuple]] = defaultdict(list)
    for row in _rows(
        demo_db,
        "SELECT deal_id, from_stage, to_stage, changed_at FROM deal_stage_history "
        "ORDER BY deal_id, changed_at, rowid",
    ):
        history[row[0]].append(row[1:])
    for deal_id, stage, changed_at, lost_reason, amount, created_at, version, close in deals:
        steps = history[deal_id]
        assert steps, deal_id
        assert steps[0][0] is None and steps[0][1] == "need"
        for before, after in itertools.pairwise(steps):
            assert after[0] == before[1]  # each change starts where the last one ended
        path = [step[1] for step in steps]
        if stage == "lost":
            assert path[-1] == "lost" and path[:-1] == list(STAGE_PATH[: len(path) - 1])
            assert lost_reason is not None and taxonomy.has("lost_reason", lost_reason)
            assert close is None
        else:
            assert path == list(STAGE_PATH[: STAGE_PATH.index(stage) + 1])
            assert lost_reason is None
        assert steps[-1][2] == changed_at
        assert created_at == steps[0][2] <= changed_at <= TODAY + "T23:59:59"
        assert version == len(steps)
        assert 5_000_000 <= amount <= 300_000_000 and amount % 100_000 == 0
        if stage in ("need", "solution", "materials", "review", "approved", "contract"):
            assert close is not None and close > TODAY


def test_securities_belong_to_deals(demo_db: sqlite_utils.Database) -> None:
    orphan = _rows(
        demo_db,
        "SELECT count(*) FROM deals WHERE id NOT IN (SELECT deal_id FROM deal_securities)",
    )[0][0]
    assert orphan == 0


def test_financial_statements_are_consistent(demo_db: sqlite_utils.Database) -> None:
    rows = _rows(
        demo_db,
        "SELECT f.fiscal_year, f.revenue_yuan, f.total_assets_yuan, f.total_liabilities_yuan, "
        "f.current_assets_yuan, f.current_liabilities_yuan, f.inventory_yuan, f.cash_yuan, "
        "f.rd_expense_yuan, c.founded_on FROM financial_statements f "
        "JOIN clients c ON c.id = f.client_id",
    )
    assert rows
    for year, revenue, assets, liabilities, ca, cl, inventory, cash, rd, founded in rows:
        assert 2023 <= year <= 2025 and year >= int(founded[:4])
        assert all(isinstance(v, int) for v in (revenue, assets, liabilities, ca, cl, cash))
        assert 0 <= ca <= assets and 0 <= cl <= liabilities
        assert inventory + cash <= ca
        assert revenue >= 0 and rd >= 0 and liabilities <= assets
    per_client = _rows(
        demo_db,
        "SELECT client_id, count(*), max(fiscal_year) FROM financial_statements GROUP BY 1",
    )
    assert len(per_client) == 60
    assert all(count <= 3 and latest == 2025 for _id, count, latest in per_client)
    assert sum(count == 3 for _id, count, _latest in per_client) > 40
    # Start-ups without revenue yet, like the seed article's SOEC developer.
    pre_revenue = _rows(
        demo_db,
        "SELECT c.tech_route FROM clients c JOIN financial_statements f ON f.client_id = c.id "
        "WHERE c.firm_type = 'tech' GROUP BY c.id HAVING max(f.revenue_yuan) = 0",
    )
    assert ("soec",) in pre_revenue
    losses = _rows(demo_db, "SELECT count(*) FROM financial_statements WHERE net_profit_yuan < 0")
    assert losses[0][0] > 0


def test_contacts_are_valid(demo_db: sqlite_utils.Database) -> None:
    rows = _rows(demo_db, "SELECT client_id, mobile, id_number, consent, consent_on FROM contacts")
    per_client = defaultdict(int)
    for client_id, mobile, id_number, consent, consent_on in rows:
        per_client[client_id] += 1
        assert validate_mobile(mobile) == mobile
        if id_number is not None:
            assert is_valid_resident_id(id_number, today=DEFAULT_TODAY)
            assert stdnum_ric.is_valid(id_number), id_number
        assert (consent == 1) == (consent_on is not None)
        if consent_on:
            assert consent_on <= TODAY
    assert set(per_client.values()) <= {1, 2, 3}
    assert len(per_client) == 60
    assert any(row[2] for row in rows) and any(row[3] for row in rows)
    legal_reps = _rows(
        demo_db,
        "SELECT count(*) FROM clients c WHERE NOT EXISTS (SELECT 1 FROM contacts k "
        "WHERE k.client_id = c.id AND k.name = c.legal_rep)",
    )
    assert legal_reps == [(0,)]


def test_activities_with_due_follow_ups(demo_db: sqlite_utils.Database) -> None:
    rows = _rows(
        demo_db, "SELECT occurred_on, next_follow_up, follow_up_done, kind FROM activities"
    )
    assert {row[3] for row in rows} >= {"visit", "call"}
    for occurred, follow_up, done, _kind in rows:
        assert occurred <= TODAY
        if follow_up is not None:
            assert follow_up >= occurred
            if done:
                assert follow_up <= TODAY
    due = [row for row in rows if row[1] is not None and row[1] <= TODAY and not row[2]]
    upcoming = [row for row in rows if row[1] is not None and row[1] > TODAY]
    assert any(row[1] == TODAY for row in due)
    assert any(row[1] < TODAY for row in due)
    assert upcoming


def test_one_audit_entry(demo_db: sqlite_utils.Database) -> None:
    rows = _rows(demo_db, "SELECT action, user_id, after FROM audit_log")
    assert len(rows) == 1
    action, user_id, after = rows[0]
    assert action == "demo.generate"
    assert _rows(demo_db, "SELECT role FROM users WHERE id = ?", (user_id,)) == [("admin",)]
    assert json.loads(after)["clients"] == 60


def test_refuses_a_database_with_clients(demo_db: sqlite_utils.Database) -> None:
    before = _rows(demo_db, "SELECT count(*) FROM clients")
    with pytest.raises(ValueError, match="already holds clients"):
        generate_demo(demo_db, clients=5)
    assert _rows(demo_db, "SELECT count(*) FROM clients") == before
    assert _rows(demo_db, "SELECT count(*) FROM audit_log") == [(1,)]


@pytest.mark.parametrize("bad", [0, -1, 1_000_001, True, 2.5, "10"])
def test_refuses_a_bad_client_count(db: sqlite_utils.Database, bad: object) -> None:
    with pytest.raises(ValueError, match="between 1 and"):
        generate_demo(db, clients=bad)  # type: ignore[arg-type]
    assert _rows(db, "SELECT count(*) FROM users") == [(0,)]


def test_reuses_existing_users(db: sqlite_utils.Database) -> None:
    db.conn.execute(
        "INSERT INTO users (id, username, display_name, role) VALUES (?, 'Admin', 'Boss', 'admin')",
        ("00000000-0000-4000-8000-000000000001",),
    )
    summary = generate_demo(db, clients=10)
    assert summary.users == 7
    assert _rows(db, "SELECT count(*) FROM users WHERE role = 'admin'") == [(1,)]
    assert _rows(db, "SELECT user_id FROM audit_log") == [("00000000-0000-4000-8000-000000000001",)]


def test_progress_and_cancel(db: sqlite_utils.Database) -> None:
    calls: list[tuple[int, int]] = []

    def cancel_midway(done: int, total: int) -> None:
        calls.append((done, total))
        if done >= 2_000:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        generate_demo(db, clients=4_500, progress=cancel_midway)
    assert calls == [(0, 4_500), (2_000, 4_500)]
    # One transaction: nothing at all was written.
    for table in ("users", "clients", "contacts", "deals", "audit_log"):
        assert _rows(db, f"SELECT count(*) FROM {table}") == [(0,)], table


def test_progress_reaches_the_total(db: sqlite_utils.Database) -> None:
    calls: list[tuple[int, int]] = []
    generate_demo(db, clients=25, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 25), (25, 25)]


@pytest.mark.slow
def test_thousands_of_clients_are_fast(db: sqlite_utils.Database) -> None:
    started = time.perf_counter()
    summary = generate_demo(db, clients=2_500, seed=1)
    elapsed = time.perf_counter() - started
    assert elapsed < 15, elapsed  # about 1 s on a 2-core laptop
    assert summary.clients == 2_500
    assert _rows(db, "SELECT count(DISTINCT uscc), count(DISTINCT name) FROM clients") == [
        (2_500, 2_500)
    ]
    assert _rows(db, "PRAGMA foreign_key_check") == []
    stages = {row[0] for row in _rows(db, "SELECT DISTINCT stage FROM deals")}
    assert stages == set(ALL_STAGES)

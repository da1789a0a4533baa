"""Batch scoring equals scoring one client at a time; progress, cancel, export."""

from __future__ import annotations

import threading

import pandas as pd
import pytest

from desktop.core.demo import generate_demo
from desktop.core.scoring import export_scores, score_client, score_portfolio
from desktop.core.scoring.batch import BatchCancelled
from tests.core.scoring.conftest import TODAY, add_client, add_statement

pytestmark = pytest.mark.usefixtures("english_messages")


@pytest.fixture
def portfolio(db):
    generate_demo(db, clients=150)
    # Edge cases the demo does not produce.
    broke = add_client(db, firm_type="tech", employees=0, rd_staff=0)
    add_statement(db, broke, 2025, revenue_yuan=3, net_profit_yuan=-1, total_assets_yuan=10,
                  total_liabilities_yuan=6_000_020, current_assets_yuan=3,
                  current_liabilities_yuan=8, inventory_yuan=1)  # fmt: skip
    bare = add_client(db, firm_type="manufacturer")
    gap = add_client(db, firm_type="manufacturer", founded_on="2000-11-29")
    add_statement(db, gap, 2025, revenue_yuan=7, total_assets_yuan=3, total_liabilities_yuan=3)
    add_statement(db, gap, 2023, revenue_yuan=5)
    half = add_client(db, firm_type="project", employees=8, rd_staff=1, founded_on="2020-11-28")
    for year in (2024, 2025):
        add_statement(
            db, half, year, revenue_yuan=year - 2022, net_profit_yuan=-1,
            total_assets_yuan=20_000, total_liabilities_yuan=16, current_assets_yuan=1,
            current_liabilities_yuan=16,
        )  # fmt: skip
    # R&D intensity 599 / 20,000 = 2.995 %: rounds half-up to 3.00 %, into the next band.
    tie = add_client(db, firm_type="tech", employees=3, rd_staff=2)
    add_statement(db, tie, 2025, revenue_yuan=20_000, rd_expense_yuan=599,
                  total_assets_yuan=100, total_liabilities_yuan=0)  # fmt: skip
    return db, [broke, bare, gap, half, tie]


def _assert_same(row, result):
    assert row.template_code == result.template.code
    assert row.total == result.total
    assert row.grade == result.grade
    assert row.suggested_limit_yuan == result.limit_yuan
    assert bool(row.knocked_out) == result.knocked_out
    assert row.knockout_reason == result.knockout_reason
    assert row.missing_factors == len(result.missing_factors)
    for factor in result.factors:
        assert row[f"factor:{factor.code}"] == factor.points, factor.code
    for dim in result.dimensions:
        assert row[f"dim:{dim.code}"] == dim.points, dim.code


def test_batch_equals_single_scoring(portfolio, shipped):
    db, edge = portfolio
    frame = score_portfolio(db, templates=shipped, today=TODAY)
    assert len(frame) == 155
    assert set(frame["template_code"]) == {"tech", "manufacturer", "project"}
    for _, row in frame.iterrows():
        _assert_same(row, score_client(db, row.client_id, templates=shipped, today=TODAY))
    by_id = frame.set_index("client_id")
    assert by_id.loc[edge[0]].knocked_out and by_id.loc[edge[0]].suggested_limit_yuan is None
    assert str(by_id.loc[edge[4], "factor:rd_intensity"]) == "3.00"  # 40% x 7.5


def test_batch_with_answers_and_a_forced_template(portfolio, shipped):
    db, edge = portfolio
    ids = [*edge, *(r[0] for r in db.conn.execute("SELECT id FROM clients ORDER BY rowid LIMIT 5"))]
    answers = {ids[-1]: {"tech_level": "world", "dishonest_debtor": "no"}}
    frame = score_portfolio(db, ids, "tech", answers=answers, templates=shipped, today=TODAY)
    assert list(frame["client_id"]) == ids  # the caller's order
    assert set(frame["template_code"]) == {"tech"}
    for _, row in frame.iterrows():
        given = answers.get(row.client_id)
        expected = score_client(db, row.client_id, "tech", given, templates=shipped, today=TODAY)
        _assert_same(row, expected)


def test_progress_and_cancel(portfolio, shipped, monkeypatch):
    db, _ = portfolio
    monkeypatch.setattr("desktop.core.scoring.batch.CHUNK", 40)
    seen = []
    score_portfolio(db, progress=lambda done, total: seen.append((done, total)),
                    templates=shipped, today=TODAY)  # fmt: skip
    assert seen == [(0, 155), (40, 155), (80, 155), (120, 155), (155, 155)]
    stop = threading.Event()

    def progress(done, total):
        if done >= 40:
            stop.set()

    with pytest.raises(BatchCancelled):
        score_portfolio(db, progress=progress, cancel=stop, templates=shipped, today=TODAY)


def test_export_csv_and_xlsx(portfolio, shipped, tmp_path):
    db, _ = portfolio
    frame = score_portfolio(db, templates=shipped, today=TODAY)
    csv = export_scores(frame, tmp_path / "scores.csv")
    back = pd.read_csv(csv, dtype=str, keep_default_na=False)
    assert list(back["total"]) == [str(t) for t in frame["total"]]
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")
    xlsx = export_scores(frame, tmp_path / "scores.xlsx")
    assert len(pd.read_excel(xlsx, engine="openpyxl")) == len(frame)
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        export_scores(frame, tmp_path / "scores.txt")

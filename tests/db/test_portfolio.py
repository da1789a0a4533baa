"""Read queries behind the overview pages and the client list."""

from __future__ import annotations

from datetime import date

import pytest
from stdnum.cn import uscc as std_uscc

from db import portfolio
from tests.ui.portfolio_data import add_many_clients, build_portfolio, uscc


def test_uscc_helper_makes_valid_codes() -> None:
    assert std_uscc.is_valid(uscc(1))
    assert std_uscc.is_valid(uscc(123_456))


def test_clients_by_status_counts_live_clients_and_lists_every_status(db) -> None:
    build_portfolio(db)
    assert portfolio.clients_by_status(db) == {
        "prospect": 2,
        "active": 1,
        "dormant": 1,
        "exited": 1,
    }
    assert portfolio.client_count(db) == 5


def test_empty_database_gives_zeros(db) -> None:
    assert portfolio.clients_by_status(db) == dict.fromkeys(portfolio.CLIENT_STATUSES, 0)
    assert [s.deals for s in portfolio.deals_by_stage(db)] == [0] * len(portfolio.DEAL_STAGES)
    assert portfolio.scorecard_results_by_grade(db) == {}
    assert portfolio.memo_count(db) == 0
    assert portfolio.follow_ups_due(db) == 0
    assert portfolio.client_ids(db) == []
    assert portfolio.fetch_client_rows(db, []) == {}


def test_follow_ups_due_counts_open_ones_up_to_the_day(db) -> None:
    today = date(2025, 6, 1)
    build_portfolio(db, today=today)
    # yesterday's and today's; not the future one, the done one, nor the deleted client's
    assert portfolio.follow_ups_due(db, today) == 2
    assert portfolio.follow_ups_due(db, date(2025, 6, 10)) == 3


def test_deals_by_stage_in_pipeline_order_with_exact_sums(db) -> None:
    build_portfolio(db)
    summary = portfolio.deals_by_stage(db)
    assert [s.stage for s in summary] == list(portfolio.DEAL_STAGES)
    by_stage = {s.stage: s for s in summary}
    # the deleted client's 99,000,000 review deal is left out
    assert by_stage["review"] == portfolio.StageSummary("review", 2, 14_345_600)
    assert by_stage["approved"].amount_yuan == 5_000_000
    assert by_stage["need"].amount_yuan == 3_000_001
    assert by_stage["lost"].deals == 1
    assert by_stage["disbursed"] == portfolio.StageSummary("disbursed", 0, 0)
    assert isinstance(by_stage["review"].amount_yuan, int)


def test_deals_needing_memo(db) -> None:
    build_portfolio(db)
    rows = portfolio.deals_needing_memo(db)
    assert [(r["title"], r["stage"], r["memos"]) for r in rows] == [
        ("电解槽产线贷款", "review", 1),
        ("技改贷款", "review", 0),
        ("储氢瓶流动资金", "approved", 0),
        ("加氢站项目贷款", "contract", 0),
    ]
    assert rows[0]["client_name"] == "甲氢能科技有限公司"
    assert rows[0]["amount_yuan"] == 12_345_600
    assert len(portfolio.deals_needing_memo(db, limit=2)) == 2


def test_scorecard_queries(db) -> None:
    build_portfolio(db)
    assert portfolio.scorecard_results_by_grade(db) == {"A": 2, "AA": 1, "": 1}
    assert list(portfolio.scorecard_results_by_grade(db))[-1] == ""  # ungraded last
    assert portfolio.scorecard_result_count(db) == 4
    assert portfolio.unscored_client_count(db) == 2
    unscored = portfolio.unscored_clients(db)
    assert [r["name"] for r in unscored] == sorted(["丁加氢站运营有限公司", "戊氢运物流有限公司"])
    assert unscored[0]["owner_name"] is None  # 丁 has no owner
    assert unscored[1]["owner_name"] == "王经理"


def test_memo_queries(db) -> None:
    build_portfolio(db)
    assert portfolio.memo_count(db) == 1
    memos = portfolio.recent_memos(db)
    assert [(m["client_name"], m["title"], m["kind"]) for m in memos] == [
        ("甲氢能科技有限公司", "甲氢能授信调查报告", "investigation")
    ]


def test_client_ids_sorted_by_each_whitelisted_column(db) -> None:
    data = build_portfolio(db)
    ids = portfolio.client_ids(db)
    names = {v: k for k, v in data.client_ids.items()}
    assert [names[i] for i in ids] == sorted(data.client_ids)
    assert portfolio.client_ids(db, descending=True) == ids[::-1]
    for key in portfolio.CLIENT_SORT_COLUMNS:
        ordered = portfolio.client_ids(db, order_by=key)
        assert sorted(ordered) == sorted(ids), key
    by_owner = [names[i] for i in portfolio.client_ids(db, order_by="owner")]
    # 李行长 < 王经理 by code point; the client without an owner comes last either way
    assert by_owner[0] == "乙储氢装备有限公司"
    assert by_owner[-1] == "丁加氢站运营有限公司"
    by_owner_desc = [names[i] for i in portfolio.client_ids(db, order_by="owner", descending=True)]
    assert by_owner_desc[-1] == "丁加氢站运营有限公司"
    assert by_owner_desc[-2] == "乙储氢装备有限公司"


def test_client_ids_filters(db) -> None:
    data = build_portfolio(db)
    prospects = portfolio.client_ids(db, filters={"status": "prospect"})
    assert set(prospects) == {
        data.client_ids["乙储氢装备有限公司"],
        data.client_ids["丙燃料电池有限公司"],
    }
    assert portfolio.client_ids(db, filters={"owner_id": None}) == [
        data.client_ids["丁加氢站运营有限公司"]
    ]
    assert len(portfolio.client_ids(db, filters={"owner_id": data.rm_id, "status": "active"})) == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"order_by": "name; DROP TABLE clients"}, "cannot sort"),
        ({"filters": {"name": "x"}}, "cannot filter"),
    ],
)
def test_client_ids_refuses_unknown_columns(db, kwargs, message) -> None:
    with pytest.raises(ValueError, match=message):
        portfolio.client_ids(db, **kwargs)
    assert portfolio.client_count(db) == 0  # table still there


def test_fetch_client_rows_joins_owner_and_skips_missing(db) -> None:
    data = build_portfolio(db)
    wanted = [*data.client_ids.values(), "00000000-0000-0000-0000-000000000000"]
    rows = portfolio.fetch_client_rows(db, wanted)
    assert set(rows) == set(data.client_ids.values())
    row = rows[data.client_ids["乙储氢装备有限公司"]]
    assert set(row) == set(portfolio.CLIENT_ROW_COLUMNS)
    assert row["owner_name"] == "李行长"
    assert row["segment"] == "storage"
    assert row["province"] == "内蒙古自治区"
    assert rows[data.client_ids["丁加氢站运营有限公司"]]["owner_name"] is None


def test_fetch_client_rows_handles_more_ids_than_sqlite_parameters(db) -> None:
    add_many_clients(db, 2000)
    ids = portfolio.client_ids(db)
    assert len(portfolio.fetch_client_rows(db, ids)) == 2000

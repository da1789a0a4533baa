"""Ratios from financial statements, checked by hand."""

from __future__ import annotations

from decimal import Decimal

from desktop.core.financials import compute_ratios


def _s(year: int, **values: int | None) -> dict:
    row = {
        "fiscal_year": year,
        "revenue_yuan": None,
        "net_profit_yuan": None,
        "total_assets_yuan": None,
        "total_liabilities_yuan": None,
        "current_assets_yuan": None,
        "current_liabilities_yuan": None,
        "inventory_yuan": None,
        "cash_yuan": None,
        "rd_expense_yuan": None,
    }
    row.update({f"{k}_yuan": v for k, v in values.items()})
    return row


def test_ratios_hand_checked() -> None:
    # 2024: revenue 1,000; profit 80; assets 2,000; liabilities 1,200 (equity 800);
    # current assets 900, current liabilities 600, inventory 300; R&D 50.
    # 2023: revenue 800.
    rows = compute_ratios(
        [
            _s(2024, revenue=1000, net_profit=80, total_assets=2000, total_liabilities=1200,
               current_assets=900, current_liabilities=600, inventory=300, rd_expense=50),
            _s(2023, revenue=800),
        ]
    )  # fmt: skip
    assert [r.fiscal_year for r in rows] == [2023, 2024]
    r = rows[1]
    assert r.debt_ratio == Decimal("0.6000")  # 1200 / 2000
    assert r.current_ratio == Decimal("1.5000")  # 900 / 600
    assert r.quick_ratio == Decimal("1.0000")  # (900 - 300) / 600
    assert r.net_margin == Decimal("0.0800")  # 80 / 1000
    assert r.roe == Decimal("0.1000")  # 80 / 800
    assert r.revenue_growth == Decimal("0.2500")  # 1000 / 800 - 1
    assert r.rd_intensity == Decimal("0.0500")  # 50 / 1000
    assert r.equity_yuan == 800 and not r.negative_equity
    assert rows[0].revenue_growth is None  # no 2022 statement
    assert rows[0].debt_ratio is None


def test_rounding_is_half_up_to_four_places() -> None:
    (r,) = compute_ratios([_s(2024, revenue=3, net_profit=1, total_assets=3, total_liabilities=2)])
    assert r.net_margin == Decimal("0.3333")
    assert r.debt_ratio == Decimal("0.6667")
    assert r.roe == Decimal("1.0000")


def test_no_division_by_zero_and_negative_equity_flag() -> None:
    rows = compute_ratios(
        [
            _s(2023, revenue=0, net_profit=-50, total_assets=0, total_liabilities=10,
               current_assets=0, current_liabilities=0, inventory=0, rd_expense=30),
            _s(2024, revenue=500, net_profit=-50, total_assets=100, total_liabilities=150),
        ]
    )  # fmt: skip
    early, late = rows
    assert early.debt_ratio is None  # assets 0
    assert early.current_ratio is None and early.quick_ratio is None
    assert early.net_margin is None and early.rd_intensity is None  # pre-revenue
    assert early.roe is None and early.negative_equity
    assert late.revenue_growth is None  # previous revenue 0: growth undefined
    assert late.roe is None and late.negative_equity and late.equity_yuan == -50
    assert late.net_margin == Decimal("-0.1000")
    assert late.debt_ratio == Decimal("1.5000")


def test_growth_needs_the_previous_year_exactly() -> None:
    rows = compute_ratios([_s(2021, revenue=100), _s(2023, revenue=150), _s(2024, revenue=120)])
    assert [r.revenue_growth for r in rows] == [None, None, Decimal("-0.2000")]
    assert rows[2].as_dict()["revenue_growth"] == Decimal("-0.2000")


def test_empty_input() -> None:
    assert compute_ratios([]) == []

"""Ratios computed from a client's financial statements (no Qt).

All ratios are :class:`~decimal.Decimal` fractions (``0.25`` = 25 %), rounded
to :data:`PLACES` decimals half-up, or ``None`` when they cannot be computed
(a missing figure, or a zero or negative denominator): never a division by
zero. Formulas:

* debt ratio = total liabilities / total assets
* current ratio = current assets / current liabilities
* quick ratio = (current assets - inventory) / current liabilities
* net margin = net profit / revenue
* ROE = net profit / equity, equity = total assets - total liabilities
  (``None`` with ``negative_equity`` set when equity is zero or negative)
* revenue growth = revenue / revenue of the previous fiscal year - 1, only
  when the statement of exactly the previous year is present and its revenue > 0
* R&D intensity = R&D expense / revenue
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

PLACES = 4
_QUANTUM = Decimal(1).scaleb(-PLACES)

RATIO_NAMES = (
    "debt_ratio",
    "current_ratio",
    "quick_ratio",
    "net_margin",
    "roe",
    "revenue_growth",
    "rd_intensity",
)


@dataclass(frozen=True)
class RatioRow:
    fiscal_year: int
    debt_ratio: Decimal | None
    current_ratio: Decimal | None
    quick_ratio: Decimal | None
    net_margin: Decimal | None
    roe: Decimal | None
    revenue_growth: Decimal | None
    rd_intensity: Decimal | None
    equity_yuan: int | None
    negative_equity: bool = False

    def as_dict(self) -> dict:
        return {
            "fiscal_year": self.fiscal_year,
            **{name: getattr(self, name) for name in RATIO_NAMES},
            "equity_yuan": self.equity_yuan,
            "negative_equity": self.negative_equity,
        }


def _ratio(numerator: int | None, denominator: int | None) -> Decimal | None:
    """numerator / denominator, or None if either is missing or the denominator <= 0."""
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(_QUANTUM, rounding=ROUND_HALF_UP)


def _get(statement: dict, key: str) -> int | None:
    value = statement.get(key)
    return None if value is None else int(value)


def compute_ratios(statements: list[dict]) -> list[RatioRow]:
    """One :class:`RatioRow` per statement, oldest year first.

    ``statements`` are rows of ``financial_statements`` (``*_yuan`` integer
    columns and ``fiscal_year``), in any order.
    """
    by_year = {int(s["fiscal_year"]): s for s in statements}
    rows = []
    for year in sorted(by_year):
        s = by_year[year]
        assets = _get(s, "total_assets_yuan")
        liabilities = _get(s, "total_liabilities_yuan")
        current_assets = _get(s, "current_assets_yuan")
        current_liabilities = _get(s, "current_liabilities_yuan")
        inventory = _get(s, "inventory_yuan")
        revenue = _get(s, "revenue_yuan")
        profit = _get(s, "net_profit_yuan")
        rd = _get(s, "rd_expense_yuan")
        equity = None if assets is None or liabilities is None else assets - liabilities
        quick_assets = (
            None if current_assets is None or inventory is None else current_assets - inventory
        )
        growth = None
        previous = by_year.get(year - 1)
        if previous is not None and revenue is not None:
            before = _get(previous, "revenue_yuan")
            change = _ratio(revenue, before)
            growth = None if change is None else change - 1
        rows.append(
            RatioRow(
                fiscal_year=year,
                debt_ratio=_ratio(liabilities, assets),
                current_ratio=_ratio(current_assets, current_liabilities),
                quick_ratio=_ratio(quick_assets, current_liabilities),
                net_margin=_ratio(profit, revenue),
                roe=_ratio(profit, equity),
                revenue_growth=growth,
                rd_intensity=_ratio(rd, revenue),
                equity_yuan=equity,
                negative_equity=equity is not None and equity <= 0,
            )
        )
    return rows

"""The values a scorecard reads: the catalogue of sources and how to gather them.

Every value a template can name is listed in :data:`SOURCES` under a key such
as ``profile.invention_patents`` or ``financial.debt_ratio``, with its kind:

* ``money`` -- integer yuan (signed where it can be negative);
* ``ratio`` -- :class:`~decimal.Decimal` with 4 places (``0.2500`` = 25 %);
* ``count`` / ``years`` -- non-negative integers;
* ``set`` -- a frozenset of codes (qualifications, policy programmes);
* ``category`` -- a code (segment, technology route, province);
* ``bool`` -- True/False.

Profile values come from the client row, financial values from the latest
fiscal year on file (ratios by :func:`desktop.core.financials.compute_ratios`).
A value that cannot be had is an :class:`InputValue` with ``value=None`` and a
``missing`` reason, never a silent zero. RM answers and what-if overrides are
added by the engine with source ``rm`` / ``what_if``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import sqlite_utils

from desktop.core import i18n
from desktop.core.financials import compute_ratios
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate

RATIO_PLACES = 4
RATIO_QUANTUM = Decimal(1).scaleb(-RATIO_PLACES)

MONEY, RATIO, COUNT, YEARS, SET, CATEGORY, BOOL, NUMBER, CHOICE = (
    "money",
    "ratio",
    "count",
    "years",
    "set",
    "category",
    "bool",
    "number",
    "choice",
)
NUMERIC_KINDS = frozenset({MONEY, RATIO, COUNT, YEARS, NUMBER})
# Decimal places a numeric kind is compared at (batch scoring works in these units).
KIND_SCALE = {MONEY: 0, COUNT: 0, YEARS: 0, RATIO: RATIO_PLACES}


@dataclass(frozen=True)
class SourceSpec:
    key: str
    kind: str
    origin: str  # 'profile' | 'financials'
    label_zh: str
    label_en: str

    def label(self, lang: str | None = None) -> str:
        return self.label_zh if (lang or i18n.language()) == "zh_CN" else self.label_en


def _spec(key: str, kind: str, zh: str, en: str) -> SourceSpec:
    return SourceSpec(key, kind, "profile" if key.startswith("profile.") else "financials", zh, en)


SOURCES: dict[str, SourceSpec] = {
    s.key: s
    for s in (
        _spec("profile.invention_patents", COUNT, "发明专利数", "Invention patents"),
        _spec("profile.utility_patents", COUNT, "实用新型专利数", "Utility-model patents"),
        _spec("profile.software_copyrights", COUNT, "软件著作权数", "Software copyrights"),
        _spec("profile.patents_total", COUNT, "专利总数", "Patents in total"),
        _spec("profile.key_patents_count", COUNT, "核心专利数", "Key patents listed"),
        _spec("profile.employees", COUNT, "员工人数", "Employees"),
        _spec("profile.rd_staff", COUNT, "研发人员数", "R&D staff"),
        _spec("profile.rd_staff_ratio", RATIO, "研发人员占比", "R&D staff ratio"),
        _spec("profile.founded_years", YEARS, "成立年限", "Years since founding"),
        _spec("profile.registered_capital_yuan", MONEY, "注册资本", "Registered capital"),
        _spec("profile.qualifications", SET, "资质认定", "Qualifications"),
        _spec("profile.qualification_count", COUNT, "资质数量", "Number of qualifications"),
        _spec("profile.policy_programmes", SET, "政策项目", "Policy programmes"),
        _spec("profile.policy_programme_count", COUNT, "政策项目数", "Policy programmes joined"),
        _spec("profile.segment", CATEGORY, "产业链环节", "Value-chain segment"),
        _spec("profile.tech_route", CATEGORY, "技术路线", "Technology route"),
        _spec("profile.province", CATEGORY, "所在省份", "Province"),
        _spec("profile.green_loan_class", CATEGORY, "绿色贷款分类", "Green loan class"),
        _spec("profile.green_loan", BOOL, "属绿色贷款支持范围", "Within green loan scope"),
        _spec("financial.fiscal_year", COUNT, "最近财务年度", "Latest fiscal year"),
        _spec("financial.statement_years", COUNT, "财务报表年数", "Years of statements"),
        _spec("financial.audited", BOOL, "最近年报已审计", "Latest statement audited"),
        _spec("financial.revenue_yuan", MONEY, "营业收入", "Revenue"),
        _spec("financial.net_profit_yuan", MONEY, "净利润", "Net profit"),
        _spec("financial.total_assets_yuan", MONEY, "总资产", "Total assets"),
        _spec("financial.total_liabilities_yuan", MONEY, "总负债", "Total liabilities"),
        _spec("financial.net_assets_yuan", MONEY, "净资产", "Net assets"),
        _spec("financial.cash_yuan", MONEY, "货币资金", "Cash"),
        _spec("financial.rd_expense_yuan", MONEY, "研发费用", "R&D expense"),
        _spec("financial.operating_cash_flow_yuan", MONEY, "经营活动现金流净额", "Operating cash flow"),  # noqa: E501
        _spec("financial.operating_cash_flow_positive", BOOL, "经营现金流为正", "Operating cash flow positive"),  # noqa: E501
        _spec("financial.profitable", BOOL, "净利润为正", "Profitable"),
        _spec("financial.debt_ratio", RATIO, "资产负债率", "Debt ratio"),
        _spec("financial.current_ratio", RATIO, "流动比率", "Current ratio"),
        _spec("financial.quick_ratio", RATIO, "速动比率", "Quick ratio"),
        _spec("financial.net_margin", RATIO, "销售净利率", "Net margin"),
        _spec("financial.roe", RATIO, "净资产收益率", "Return on equity"),
        _spec("financial.revenue_growth", RATIO, "营业收入增长率", "Revenue growth"),
        _spec("financial.rd_intensity", RATIO, "研发投入强度", "R&D intensity"),
    )
}  # fmt: skip

# Missing-data reasons (English source, translated when shown).
WHY_NOT_RECORDED = QT_TRANSLATE_NOOP("Scorecard", "not recorded in the client profile")
WHY_NO_EMPLOYEES = QT_TRANSLATE_NOOP("Scorecard", "employee count missing or zero")
WHY_NO_FOUNDING = QT_TRANSLATE_NOOP("Scorecard", "founding date not recorded")
WHY_NO_STATEMENTS = QT_TRANSLATE_NOOP("Scorecard", "no financial statements on file")
WHY_NOT_REPORTED = QT_TRANSLATE_NOOP("Scorecard", "not reported in the {year} statement")
WHY_NOT_COMPUTABLE = QT_TRANSLATE_NOOP(
    "Scorecard", "cannot be computed from the {year} statement (a figure is missing or zero)"
)
WHY_NO_PREVIOUS = QT_TRANSLATE_NOOP(
    "Scorecard", "needs the {year} statement with revenue above zero"
)
WHY_UNANSWERED = QT_TRANSLATE_NOOP("Scorecard", "not answered by the relationship manager")


@dataclass(frozen=True)
class InputValue:
    """One value with where it came from.

    ``source`` is ``profile``, ``financials``, ``rm`` or ``what_if``; ``detail``
    says more (the fiscal year for financials). ``missing`` is the English
    source text of the reason the value is absent (translate with
    :func:`missing_text`), None when the value is present.
    """

    key: str
    value: Any
    source: str
    detail: str = ""
    missing: str | None = None
    missing_args: tuple[tuple[str, Any], ...] = ()

    @property
    def is_missing(self) -> bool:
        return self.missing is not None

    def missing_text(self) -> str:
        if self.missing is None:
            return ""
        return translate("Scorecard", self.missing).format(**dict(self.missing_args))

    def to_json(self) -> dict:
        return {
            "value": value_to_json(self.value),
            "source": self.source,
            "detail": self.detail,
            "missing": self.missing_text() if self.is_missing else None,
        }


@dataclass(frozen=True)
class ClientInputs:
    """Everything known about one client for scoring, gathered once."""

    client_id: str
    name: str
    uscc: str | None
    firm_type: str
    owner_id: str | None
    as_of: date
    values: Mapping[str, InputValue]

    def get(self, key: str) -> InputValue:
        found = self.values.get(key)
        if found is None:
            return InputValue(key, None, "profile", missing=WHY_NOT_RECORDED)
        return found

    def with_values(self, changes: Mapping[str, InputValue]) -> ClientInputs:
        return replace(self, values={**self.values, **changes})


# --------------------------------------------------------------------------- conversions


def value_to_json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, frozenset | set):
        return sorted(value)
    return value


def to_decimal(value: Any) -> Decimal:
    """A Decimal from an int, a decimal string or a TOML float (by its shortest repr)."""
    if isinstance(value, bool):
        raise TypeError("a yes/no value is not a number")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip().replace(",", ""))
        except InvalidOperation:
            raise ValueError(f"not a number: {value!r}") from None
    else:
        raise TypeError(f"not a number: {value!r}")
    if not result.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return result


def ratio(numerator: int, denominator: int) -> Decimal:
    """numerator / denominator rounded half-up (away from zero) to 4 places,
    by integer arithmetic so batch scoring can reproduce it exactly."""
    sign = -1 if (numerator < 0) != (denominator < 0) else 1
    units = (2 * abs(numerator) * 10**RATIO_PLACES + abs(denominator)) // (2 * abs(denominator))
    return Decimal(sign * units).scaleb(-RATIO_PLACES)


def full_years(since: date, today: date) -> int:
    return today.year - since.year - ((today.month, today.day) < (since.month, since.day))


def _codes(raw: Any) -> frozenset[str]:
    if raw is None:
        return frozenset()
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return frozenset()
    if isinstance(raw, list | tuple | set | frozenset):
        return frozenset(str(x) for x in raw)
    return frozenset()


# --------------------------------------------------------------------------- gathering


def profile_values(client: Mapping[str, Any], today: date) -> dict[str, InputValue]:
    """Profile values of one client row (JSON lists raw or decoded)."""
    out: dict[str, InputValue] = {}

    def put(key: str, value: Any, missing: str | None = None, **args: Any) -> None:
        out[key] = InputValue(
            key, value if missing is None else None, "profile", "", missing, tuple(args.items())
        )

    def count(key: str, column: str) -> int | None:
        raw = client.get(column)
        put(key, None if raw is None else int(raw), None if raw is not None else WHY_NOT_RECORDED)
        return None if raw is None else int(raw)

    inventions = count("profile.invention_patents", "invention_patents")
    utilities = count("profile.utility_patents", "utility_patents")
    count("profile.software_copyrights", "software_copyrights")
    employees = count("profile.employees", "employees")
    rd_staff = count("profile.rd_staff", "rd_staff")
    if inventions is None or utilities is None:
        put("profile.patents_total", None, WHY_NOT_RECORDED)
    else:
        put("profile.patents_total", inventions + utilities)
    if employees and rd_staff is not None:
        put("profile.rd_staff_ratio", ratio(rd_staff, employees))
    else:
        put("profile.rd_staff_ratio", None, WHY_NO_EMPLOYEES)
    founded = client.get("founded_on")
    if founded:
        put("profile.founded_years", full_years(date.fromisoformat(str(founded)), today))
    else:
        put("profile.founded_years", None, WHY_NO_FOUNDING)
    capital = client.get("registered_capital_yuan")
    put(
        "profile.registered_capital_yuan",
        None if capital is None else int(capital),
        None if capital is not None else WHY_NOT_RECORDED,
    )
    quals = _codes(client.get("qualifications"))
    put("profile.qualifications", quals)
    put("profile.qualification_count", len(quals))
    policies = _codes(client.get("policy_programmes"))
    put("profile.policy_programmes", policies)
    put("profile.policy_programme_count", len(policies))
    put("profile.key_patents_count", len(_codes_list(client.get("key_patents"))))
    for key, column in (
        ("profile.segment", "segment"),
        ("profile.tech_route", "tech_route"),
        ("profile.province", "province"),
        ("profile.green_loan_class", "green_loan_class"),
    ):
        raw = client.get(column)
        put(key, raw or None, None if raw else WHY_NOT_RECORDED)
    put("profile.green_loan", bool(client.get("green_loan_class")))
    return out


def _codes_list(raw: Any) -> list:
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return []
    return list(raw) if isinstance(raw, list | tuple) else []


_STATEMENT_MONEY = (
    "revenue_yuan",
    "net_profit_yuan",
    "total_assets_yuan",
    "total_liabilities_yuan",
    "cash_yuan",
    "rd_expense_yuan",
    "operating_cash_flow_yuan",
)


def financial_values(statements: list[Mapping[str, Any]]) -> dict[str, InputValue]:
    """Financial values of the latest fiscal year among ``statements``."""
    keys = [k for k, s in SOURCES.items() if s.origin == "financials"]
    if not statements:
        return {k: InputValue(k, None, "financials", "", WHY_NO_STATEMENTS) for k in keys}
    by_year = {int(s["fiscal_year"]): s for s in statements}
    year = max(by_year)
    latest = by_year[year]
    detail = str(year)
    out: dict[str, InputValue] = {}

    def put(key: str, value: Any, missing: str | None = None, **args: Any) -> None:
        out[key] = InputValue(
            key, value if missing is None else None, "financials", detail, missing,
            tuple(args.items()),
        )  # fmt: skip

    put("financial.fiscal_year", year)
    put("financial.statement_years", len(by_year))
    put("financial.audited", bool(latest.get("audited")))
    for column in _STATEMENT_MONEY:
        raw = latest.get(column)
        put(
            f"financial.{column}",
            None if raw is None else int(raw),
            None if raw is not None else WHY_NOT_REPORTED,
            year=year,
        )
    assets, liabilities = latest.get("total_assets_yuan"), latest.get("total_liabilities_yuan")
    if assets is None or liabilities is None:
        put("financial.net_assets_yuan", None, WHY_NOT_REPORTED, year=year)
    else:
        put("financial.net_assets_yuan", int(assets) - int(liabilities))
    cash_flow, profit = latest.get("operating_cash_flow_yuan"), latest.get("net_profit_yuan")
    if cash_flow is None:
        put("financial.operating_cash_flow_positive", None, WHY_NOT_REPORTED, year=year)
    else:
        put("financial.operating_cash_flow_positive", int(cash_flow) > 0)
    if profit is None:
        put("financial.profitable", None, WHY_NOT_REPORTED, year=year)
    else:
        put("financial.profitable", int(profit) > 0)
    ratios = {row.fiscal_year: row for row in compute_ratios([dict(s) for s in statements])}
    row = ratios[year]
    for name in (
        "debt_ratio",
        "current_ratio",
        "quick_ratio",
        "net_margin",
        "roe",
        "rd_intensity",
    ):
        value = getattr(row, name)
        if value is None:
            put(f"financial.{name}", None, WHY_NOT_COMPUTABLE, year=year)
        else:
            put(f"financial.{name}", value.quantize(RATIO_QUANTUM, rounding=ROUND_HALF_UP))
    if row.revenue_growth is None:
        if latest.get("revenue_yuan") is None:
            put("financial.revenue_growth", None, WHY_NOT_REPORTED, year=year)
        else:
            put("financial.revenue_growth", None, WHY_NO_PREVIOUS, year=year - 1)
    else:
        put(
            "financial.revenue_growth",
            row.revenue_growth.quantize(RATIO_QUANTUM, rounding=ROUND_HALF_UP),
        )
    return out


def client_inputs(
    client: Mapping[str, Any], statements: list[Mapping[str, Any]], today: date | None = None
) -> ClientInputs:
    """Pure: a client row and its statements -> :class:`ClientInputs`."""
    as_of = today or date.today()
    values = {**profile_values(client, as_of), **financial_values(statements)}
    return ClientInputs(
        client_id=str(client["id"]),
        name=str(client.get("name") or ""),
        uscc=client.get("uscc"),
        firm_type=str(client.get("firm_type") or ""),
        owner_id=client.get("owner_id"),
        as_of=as_of,
        values=values,
    )


def gather_inputs(
    db: sqlite_utils.Database, client_id: str, today: date | None = None
) -> ClientInputs | None:
    """Read one live client and its statements; None if there is no such client."""
    from db import scorecards as repo  # noqa: PLC0415 - keep import order simple

    client = repo.client_row(db, client_id)
    if client is None:
        return None
    return client_inputs(client, repo.statement_rows(db, client_id), today)


def source_label(key: str, lang: str | None = None) -> str:
    spec = SOURCES.get(key)
    return spec.label(lang) if spec else key


def source_text(value: InputValue) -> str:
    """Where a value came from, for the UI: 客户档案 / 2025年财务报表 / 客户经理判断 / 假设分析."""
    if value.source == "profile":
        return translate("Scorecard", "client profile")
    if value.source == "financials":
        if value.detail:
            return translate("Scorecard", "{year} financial statement").format(year=value.detail)
        return translate("Scorecard", "financial statements")
    if value.source == "rm":
        return translate("Scorecard", "relationship manager's judgement")
    if value.source == "what_if":
        return translate("Scorecard", "what-if (not saved)")
    return value.source

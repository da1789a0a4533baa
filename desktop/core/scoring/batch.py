"""Batch scoring of the portfolio with pandas, equal to scoring one client at a time.

The inputs of all clients are read with two SQL queries (clients; their two
latest statements) into DataFrames. Numeric values are held as int64 *units*
(yuan, counts, years, or 1/10,000 for ratios) so that band lookups
(``numpy.searchsorted``) compare exactly what :mod:`engine` compares with
Decimal; ratios are rounded half-up with integer arithmetic like
:func:`inputs.ratio`. Categorical, set and yes/no rules are evaluated once per
distinct value with the engine's own rule function. Points are int cents; the
limit is computed on Python-int object arrays (exact, no overflow).

Judgement factors take their ``missing`` score unless ``answers`` are given for
a client; such clients (few) are scored with the engine itself.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import sqlite_utils

from db import scorecards as repo
from desktop.core.i18n import translate
from desktop.core.scoring import engine
from desktop.core.scoring.inputs import (
    BOOL,
    CATEGORY,
    KIND_SCALE,
    RATIO_PLACES,
    SET,
    SOURCES,
    InputValue,
    client_inputs,
)
from desktop.core.scoring.limits import YUAN_PER_WAN
from desktop.core.scoring.templates import RM, Factor, Template, TemplateSet, load_templates

CHUNK = 25_000
_BIG = 10**40  # stands for "no value" in min() over limit terms
_RATIO_ONE = 10**RATIO_PLACES
_SHARE_UNITS = 10**4  # shares and multipliers have at most 4 decimal places
_AMOUNT_UNITS = _SHARE_UNITS * _SHARE_UNITS  # term x multiplier -> 1e-8 yuan


class BatchCancelled(Exception):  # noqa: N818 - reads as a sentence
    """The caller's cancel flag was set; nothing was returned."""


# =========================================================================== values


class _Values:
    """Input values of many clients: numeric -> (int64 units, present mask),
    other kinds -> object Series (None when missing)."""

    def __init__(
        self, clients: pd.DataFrame, latest: pd.DataFrame, previous: pd.DataFrame, today: date
    ) -> None:
        self.n = len(clients)
        self.numeric: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.other: dict[str, pd.Series] = {}
        self.clients = clients
        self._profile(clients, today)
        self._financial(latest, previous)

    # ---------------------------------------------------------------- helpers

    @staticmethod
    def _int(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
        present = series.notna().to_numpy()
        units = pd.to_numeric(series, errors="coerce").fillna(0).to_numpy(dtype=np.float64)
        return units.astype(np.int64), present

    @staticmethod
    def _ratio(num: np.ndarray, den: np.ndarray, ok: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Half-up (away from zero) 4-place ratio units where ``ok`` and den > 0."""
        valid = ok & (den > 0)
        safe = np.where(valid, den, 1)
        top = np.abs(np.where(valid, num, 0))
        units = (2 * top * _RATIO_ONE + safe) // (2 * safe)
        return np.where(num < 0, -units, units), valid

    def put(self, key: str, units: np.ndarray, present: np.ndarray) -> None:
        self.numeric[key] = (np.where(present, units, 0).astype(np.int64), present)

    # ---------------------------------------------------------------- profile

    def _profile(self, c: pd.DataFrame, today: date) -> None:
        for key, column in (
            ("profile.invention_patents", "invention_patents"),
            ("profile.utility_patents", "utility_patents"),
            ("profile.software_copyrights", "software_copyrights"),
            ("profile.employees", "employees"),
            ("profile.rd_staff", "rd_staff"),
            ("profile.registered_capital_yuan", "registered_capital_yuan"),
        ):
            self.put(key, *self._int(c[column]))
        inv, inv_ok = self.numeric["profile.invention_patents"]
        uti, uti_ok = self.numeric["profile.utility_patents"]
        self.put("profile.patents_total", inv + uti, inv_ok & uti_ok)
        emp, emp_ok = self.numeric["profile.employees"]
        rd, rd_ok = self.numeric["profile.rd_staff"]
        self.put("profile.rd_staff_ratio", *self._ratio(rd, emp, emp_ok & rd_ok))
        founded = c["founded_on"].fillna("").astype(str)
        ok = (founded.str.len() >= 10).to_numpy()
        year = pd.to_numeric(founded.str.slice(0, 4), errors="coerce").fillna(0).to_numpy(np.int64)
        month = pd.to_numeric(founded.str.slice(5, 7), errors="coerce").fillna(0).to_numpy(np.int64)
        day = pd.to_numeric(founded.str.slice(8, 10), errors="coerce").fillna(0).to_numpy(np.int64)
        before = (today.month < month) | ((today.month == month) & (today.day < day))
        self.put("profile.founded_years", today.year - year - before.astype(np.int64), ok)
        for key, column in (
            ("profile.qualifications", "qualifications"),
            ("profile.policy_programmes", "policy_programmes"),
        ):
            sets = _map_unique(c[column], _code_set)
            self.other[key] = sets
            self.put(
                key.replace("qualifications", "qualification_count").replace(
                    "policy_programmes", "policy_programme_count"
                ),
                sets.map(len).to_numpy(np.int64),
                np.ones(self.n, bool),
            )
        self.put(
            "profile.key_patents_count",
            _map_unique(c["key_patents"], _list_len).to_numpy(np.int64),
            np.ones(self.n, bool),
        )
        for key, column in (
            ("profile.segment", "segment"),
            ("profile.tech_route", "tech_route"),
            ("profile.province", "province"),
            ("profile.green_loan_class", "green_loan_class"),
        ):
            values = c[column].where(c[column].notna() & (c[column] != ""), None)
            self.other[key] = values.astype(object)
        self.other["profile.green_loan"] = self.other["profile.green_loan_class"].notna()

    # ---------------------------------------------------------------- financials

    def _financial(self, latest: pd.DataFrame, previous: pd.DataFrame) -> None:
        has = latest["fiscal_year"].notna().to_numpy()
        self.has_statement = has
        fy, _ = self._int(latest["fiscal_year"])
        self.put("financial.fiscal_year", fy, has)
        self.put("financial.statement_years", self._int(latest["n"])[0], has)
        self.other["financial.audited"] = pd.Series(
            np.where(has, latest["audited"].fillna(0).to_numpy() != 0, None), dtype=object
        )
        cols: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for column in repo.STATEMENT_COLUMNS[3:]:
            cols[column] = self._int(latest[column])
        for column in (
            "revenue_yuan",
            "net_profit_yuan",
            "total_assets_yuan",
            "total_liabilities_yuan",
            "cash_yuan",
            "rd_expense_yuan",
            "operating_cash_flow_yuan",
        ):
            self.put(f"financial.{column}", *cols[column])
        assets, assets_ok = cols["total_assets_yuan"]
        liab, liab_ok = cols["total_liabilities_yuan"]
        equity, equity_ok = assets - liab, assets_ok & liab_ok
        self.put("financial.net_assets_yuan", equity, equity_ok)
        for key, column in (
            ("financial.operating_cash_flow_positive", "operating_cash_flow_yuan"),
            ("financial.profitable", "net_profit_yuan"),
        ):
            value, ok = cols[column]
            self.other[key] = pd.Series(np.where(ok, value > 0, None), dtype=object)
        ca, ca_ok = cols["current_assets_yuan"]
        cl, cl_ok = cols["current_liabilities_yuan"]
        inv, inv_ok = cols["inventory_yuan"]
        rev, rev_ok = cols["revenue_yuan"]
        profit, profit_ok = cols["net_profit_yuan"]
        rd, rd_ok = cols["rd_expense_yuan"]
        self.put("financial.debt_ratio", *self._ratio(liab, assets, liab_ok & assets_ok))
        self.put("financial.current_ratio", *self._ratio(ca, cl, ca_ok & cl_ok))
        self.put("financial.quick_ratio", *self._ratio(ca - inv, cl, ca_ok & inv_ok & cl_ok))
        self.put("financial.net_margin", *self._ratio(profit, rev, profit_ok & rev_ok))
        self.put("financial.roe", *self._ratio(profit, equity, profit_ok & equity_ok))
        self.put("financial.rd_intensity", *self._ratio(rd, rev, rd_ok & rev_ok))
        prev_rev, prev_ok = self._int(previous["revenue_yuan"])
        prev_year, prev_has = self._int(previous["fiscal_year"])
        consecutive = prev_has & (prev_year == fy - 1)
        change, change_ok = self._ratio(rev, prev_rev, rev_ok & prev_ok & consecutive)
        self.put("financial.revenue_growth", change - _RATIO_ONE, change_ok)

    # ---------------------------------------------------------------- access

    def numeric_of(self, key: str, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        units, present = self.numeric[key]
        return units[rows], present[rows]

    def other_of(self, key: str, rows: np.ndarray) -> pd.Series:
        return self.other[key].iloc[rows].reset_index(drop=True)


def _code_set(text: Any) -> frozenset[str]:
    if not isinstance(text, str):
        return frozenset()
    try:
        raw = json.loads(text)
    except ValueError:
        return frozenset()
    return frozenset(str(x) for x in raw) if isinstance(raw, list) else frozenset()


def _list_len(text: Any) -> int:
    if not isinstance(text, str):
        return 0
    try:
        raw = json.loads(text)
    except ValueError:
        return 0
    return len(raw) if isinstance(raw, list) else 0


def _map_unique(series: pd.Series, fn: Callable[[Any], Any]) -> pd.Series:
    """``series.map(fn)`` computing ``fn`` once per distinct value."""
    codes, uniques = pd.factorize(series, use_na_sentinel=False)
    table = np.empty(len(uniques), dtype=object)
    # factorize turns None into NaN: give fn None back for a missing value.
    table[:] = [fn(None if u is None or (isinstance(u, float) and math.isnan(u)) else u)
                for u in uniques]  # fmt: skip
    return pd.Series(table[codes], dtype=object)


# =========================================================================== scoring


def _cents(points: Decimal) -> int:
    return int(points * 100)


def _factor_cents(
    factor: Factor, values: _Values, rows: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(points in cents, missing mask) of one factor for ``rows``."""
    n = len(rows)
    missing_cents = _cents(engine.factor_points(factor, factor.missing_score))
    if factor.source == RM:
        return np.full(n, missing_cents, np.int64), np.ones(n, bool)
    kind = SOURCES[factor.source].kind
    if factor.rule == "bands":
        units, present = values.numeric_of(factor.source, rows)
        scale = 10 ** KIND_SCALE.get(kind, 0)
        mins = np.array([int(b.min * scale) for b in factor.bands[1:]], dtype=np.int64)
        table = np.array(
            [_cents(engine.factor_points(factor, b.score)) for b in factor.bands],
            dtype=np.int64,
        )
        index = np.searchsorted(mins, units, side="right")
        return np.where(present, table[index], missing_cents), ~present
    if kind in (SET, CATEGORY, BOOL):
        series = values.other_of(factor.source, rows)

        def points(value: Any) -> int:
            if value is None:
                return missing_cents
            score, _ = engine.rule_score(factor, value)
            return _cents(engine.factor_points(factor, score))

        cents = _map_unique(series, points).to_numpy(np.int64)
        return cents, series.isna().to_numpy()
    raise ValueError(f"factor {factor.code}: rule {factor.rule} on {kind}")  # validated


def _knockouts(template: Template, values: _Values, rows: np.ndarray) -> tuple[np.ndarray, list]:
    """(knocked-out mask, per knock-out (mask, key)) for numeric knock-outs."""
    stopped = np.zeros(len(rows), bool)
    hits = []
    for ko in template.knockouts:
        if ko.is_judgement:
            continue  # unanswered in a batch: noted, never triggered
        units, present = values.numeric_of(ko.source, rows)
        scale = Decimal(10 ** KIND_SCALE.get(SOURCES[ko.source].kind, 0))
        hit = np.zeros(len(rows), bool)
        if ko.below is not None:
            hit |= present & (units < math.ceil(ko.below * scale))
        if ko.above is not None:
            hit |= present & (units > math.floor(ko.above * scale))
        stopped |= hit
        hits.append((ko, hit))
    return stopped, hits


def _limits(
    template: Template,
    values: _Values,
    rows: np.ndarray,
    grade_index: np.ndarray,
    stopped: np.ndarray,
) -> np.ndarray:
    """Suggested limits (object array of int yuan, None when knocked out)."""
    rule = template.limit
    n = len(rows)
    grades = template.grades
    mult = np.array([int(g.multiplier * _SHARE_UNITS) for g in grades], dtype=object)[grade_index]
    base_by_grade = np.array(
        [rule.pre_revenue_base_yuan.get(g.grade, 0) for g in grades], dtype=object
    )[grade_index]

    def money(key: str) -> tuple[np.ndarray, np.ndarray]:
        if key.startswith("rm."):
            return np.zeros(n, dtype=object), np.zeros(n, bool)
        units, present = values.numeric_of(key, rows)
        return units.astype(object), present

    amount = np.zeros(n, dtype=object)  # 1e-8 yuan
    if rule.pre_revenue_base_yuan:
        pre_value, pre_ok = money(rule.pre_revenue_source)
        pre = ~pre_ok | (pre_value <= 0)
    else:
        pre = np.zeros(n, bool)
    smallest = np.full(n, _BIG, dtype=object)
    blocked = np.zeros(n, bool)
    for term in rule.terms:
        value, ok = money(term.source)
        product = value * int(term.share * _SHARE_UNITS)
        smallest = np.where(ok, np.minimum(smallest, np.where(ok, product, _BIG)), smallest)
        if term.required:
            blocked |= ~ok
    has_base = smallest != _BIG
    computed = np.where(has_base & ~blocked, smallest * mult, 0)
    amount = np.where(pre, base_by_grade * _AMOUNT_UNITS, computed)
    positive = amount > 0
    if rule.cap_yuan is not None:
        cap = rule.cap_yuan * _AMOUNT_UNITS
        amount = np.where(positive & (amount > cap), cap, amount)
    if rule.floor_yuan is not None:
        floor = rule.floor_yuan * _AMOUNT_UNITS
        amount = np.where(positive & (amount < floor), floor, amount)
    step = YUAN_PER_WAN * _AMOUNT_UNITS
    result = np.where(positive, (amount // step) * YUAN_PER_WAN, 0)
    return np.where(stopped, None, result)


def _decimals(cents: np.ndarray) -> np.ndarray:
    uniques, inverse = np.unique(cents, return_inverse=True)
    table = np.array([Decimal(int(c)).scaleb(-2) for c in uniques], dtype=object)
    return table[inverse.reshape(-1)]


def _score_group(template: Template, values: _Values, rows: np.ndarray) -> dict[str, Any]:
    n = len(rows)
    stopped, hits = _knockouts(template, values, rows)
    total = np.zeros(n, np.int64)
    missing = np.zeros(n, np.int64)
    columns: dict[str, Any] = {}
    for dim in template.dimensions:
        dim_cents = np.zeros(n, np.int64)
        for factor in dim.factors:
            cents, miss = _factor_cents(factor, values, rows)
            cents = np.where(stopped, 0, cents)
            missing += miss & ~stopped
            dim_cents += cents
            columns[f"factor:{factor.code}"] = _decimals(cents)
        total += dim_cents
        columns[f"dim:{dim.code}"] = _decimals(dim_cents)
    mins = np.array([int(g.min * 100) for g in template.grades], dtype=np.int64)
    grade_index = np.clip(np.searchsorted(mins, total, side="right") - 1, 0, len(mins) - 1)
    grade_names = np.array([g.grade for g in template.grades], dtype=object)
    reasons = np.full(n, None, dtype=object)
    for ko, hit in hits:
        for i in np.flatnonzero(hit):
            units = values.numeric[ko.source][0][rows[i]]
            value = InputValue(ko.source, _unit_value(ko.source, units), "financials")
            text = engine.check_knockout(ko, value).reason
            reasons[i] = text if reasons[i] is None else f"{reasons[i]}; {text}"
    columns.update(
        total=_decimals(np.where(stopped, 0, total)),
        grade=np.where(stopped, None, grade_names[grade_index]),
        suggested_limit_yuan=_limits(template, values, rows, grade_index, stopped),
        knocked_out=stopped,
        knockout_reason=reasons,
        missing_factors=missing,
    )
    return columns


def _unit_value(key: str, units: int) -> Any:
    scale = KIND_SCALE.get(SOURCES[key].kind, 0)
    return Decimal(int(units)).scaleb(-scale) if scale else int(units)


# =========================================================================== entry point


def _is_cancelled(cancel: Any) -> bool:
    if cancel is None:
        return False
    if hasattr(cancel, "is_set"):
        return bool(cancel.is_set())
    return bool(cancel() if callable(cancel) else cancel)


def load_frames(
    db: sqlite_utils.Database, client_ids: Sequence[str] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(clients, latest statement, previous statement) aligned row by row."""
    columns, rows = repo.batch_client_rows(db, client_ids)
    clients = pd.DataFrame.from_records(rows, columns=columns)
    if client_ids is not None:
        order = {cid: i for i, cid in enumerate(dict.fromkeys(client_ids))}
        clients = clients.iloc[np.argsort(clients["id"].map(order).to_numpy(), kind="stable")]
    clients = clients.reset_index(drop=True)
    s_columns, s_rows = repo.batch_latest_statements(db, client_ids)
    statements = pd.DataFrame.from_records(s_rows, columns=s_columns)
    index = pd.Index(clients["id"])

    def aligned(rank: int) -> pd.DataFrame:
        part = statements[statements["rn"] == rank].set_index("client_id")
        return part.reindex(index).reset_index(drop=True)

    return clients, aligned(1), aligned(2)


def score_portfolio(
    db: sqlite_utils.Database,
    client_ids: Sequence[str] | None = None,
    template_code: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Any = None,
    *,
    answers: Mapping[str, Mapping[str, Any]] | None = None,
    templates: TemplateSet | None = None,
    today: date | None = None,
) -> pd.DataFrame:
    """Score many live clients (all when ``client_ids`` is None) in one go.

    ``template_code`` forces one template; otherwise each client gets the
    template of its firm type (clients without one get ``template_code`` None
    and no score). ``answers`` maps client id -> RM answers. ``progress(done,
    total)`` is called as chunks finish; ``cancel`` (a callable, or an object
    with ``is_set()`` such as ``threading.Event``) stops with
    :class:`BatchCancelled`. Returns one row per client with ``total`` and the
    ``dim:<code>`` / ``factor:<code>`` points as Decimal, ``grade``,
    ``suggested_limit_yuan`` (int yuan, None when knocked out), ``knocked_out``,
    ``knockout_reason`` and ``missing_factors``.
    """
    templates = templates or load_templates()
    today = today or date.today()
    forced = engine.choose_template(templates, "", template_code) if template_code else None
    clients, latest, previous = load_frames(db, client_ids)
    total_rows = len(clients)
    if progress:
        progress(0, total_rows)
    if _is_cancelled(cancel):
        raise BatchCancelled(translate("Scorecard", "Batch scoring was cancelled."))
    values = _Values(clients, latest, previous, today)
    chosen = (
        pd.Series([forced.code] * total_rows, dtype=object)
        if forced
        else clients["firm_type"].map(
            {
                ft: (t.code if (t := templates.for_firm_type(ft)) else None)
                for ft in clients["firm_type"].unique()
            }
        )
    )
    result = pd.DataFrame(
        {
            "client_id": clients["id"],
            "name": clients["name"],
            "uscc": clients["uscc"],
            "firm_type": clients["firm_type"],
            "template_code": chosen,
            "template_version": chosen.map(
                lambda c: templates.get(c).version if c is not None else None
            ),
        }
    )
    parts: list[pd.DataFrame] = []
    done = 0
    for start in range(0, max(total_rows, 1), CHUNK):
        rows = np.arange(start, min(start + CHUNK, total_rows))
        if not len(rows):
            break
        for code in pd.unique(chosen.iloc[rows].dropna()):
            template = templates.get(code)
            assert template is not None
            group = rows[(chosen.iloc[rows] == code).to_numpy()]
            part = pd.DataFrame(_score_group(template, values, group), index=group)
            parts.append(part)
        done = rows[-1] + 1
        if progress:
            progress(int(done), total_rows)
        if _is_cancelled(cancel):
            raise BatchCancelled(translate("Scorecard", "Batch scoring was cancelled."))
    scores = pd.concat(parts).sort_index() if parts else pd.DataFrame(index=result.index)
    result = result.join(scores)
    for key in ("total", "grade", "suggested_limit_yuan", "knocked_out", "knockout_reason"):
        if key not in result:
            result[key] = None
    for key in ("grade", "suggested_limit_yuan", "knockout_reason", "total"):
        column = result[key].astype(object)
        result[key] = column.where(column.notna(), None)
    if answers:
        _rescore_answered(db, result, answers, templates, forced=forced, today=today)
    return result


def _rescore_answered(db, result, answers, templates, *, forced, today) -> None:
    """Clients with RM answers: scored one by one with the engine."""
    positions = {cid: i for i, cid in enumerate(result["client_id"])}
    for client_id, given in answers.items():
        i = positions.get(client_id)
        if i is None or not given:
            continue
        client = repo.client_row(db, client_id)
        assert client is not None
        inputs = client_inputs(client, repo.statement_rows(db, client_id), today)
        template = forced or templates.for_firm_type(inputs.firm_type)
        if template is None:
            continue
        scored = engine.score_values(template, inputs, given)
        row = result.index[i]
        for factor in scored.factors:
            result.at[row, f"factor:{factor.code}"] = factor.points
        for dim in scored.dimensions:
            result.at[row, f"dim:{dim.code}"] = dim.points
        result.at[row, "total"] = scored.total
        result.at[row, "grade"] = scored.grade
        result.at[row, "suggested_limit_yuan"] = scored.limit_yuan
        result.at[row, "knocked_out"] = scored.knocked_out
        result.at[row, "knockout_reason"] = scored.knockout_reason
        result.at[row, "missing_factors"] = len(scored.missing_factors)


def export_scores(frame: pd.DataFrame, path: Path | str) -> Path:
    """Write a :func:`score_portfolio` table to ``.csv`` (UTF-8 with BOM, for
    Excel) or ``.xlsx``; Decimal points are written as text in CSV (exact) and
    as numbers in Excel. Written through :func:`desktop.core.exporting.write_table`,
    so text such as a client name starting with ``=`` never becomes a formula
    and the file appears only once complete."""
    from desktop.core.exporting import write_table  # noqa: PLC0415 - openpyxl loads slowly

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(
            translate("Scorecard", "Export to .csv or .xlsx, not '{suffix}'.").format(
                suffix=path.suffix
            )
        )
    out = frame.astype(object).where(frame.notna(), None)
    decimal_columns = [c for c in out.columns if c == "total" or c.startswith(("dim:", "factor:"))]
    if suffix == ".csv":
        for column in decimal_columns:
            out[column] = out[column].map(lambda v: "" if v is None else str(v))
    return write_table(
        path,
        [str(c) for c in out.columns],
        out.itertuples(index=False, name=None),
        sheet_title="Sheet1",
    )

"""Benchmark: batch scoring of a large demo portfolio next to a plain
vectorised pandas/numpy computation of the same weighted sum, in one run.

    uv run python -m desktop.core.scoring.bench PATH [--clients N] [--runs R]

:func:`bench_scoring` writes the demo portfolio into ``db_path`` if it holds no
clients, then times :func:`~desktop.core.scoring.batch.score_portfolio`
(exact: Decimal points, knock-outs, grades, limits) and the plain computation
(float arithmetic, bands by ``searchsorted``, judgement factors at their
missing score, no knock-outs or limits), ``runs`` times each, and reports the
medians, their ratio and how many plain totals agree with the exact ones to
the cent.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import sqlite_utils

from db.connection import open_database
from desktop.core.scoring.batch import score_portfolio
from desktop.core.scoring.templates import RM, TemplateSet, builtin_dir, load_templates

TODAY = date(2026, 11, 28)


def _plain_values(db: sqlite_utils.Database) -> tuple[pd.DataFrame, dict[str, pd.Series]]:
    clients = pd.read_sql_query(
        "SELECT id, firm_type, employees, rd_staff, invention_patents, utility_patents,"
        " registered_capital_yuan, founded_on, qualifications, policy_programmes, tech_route,"
        " green_loan_class FROM clients WHERE deleted_at IS NULL ORDER BY id",
        db.conn,
    )
    st = pd.read_sql_query(
        "SELECT * FROM financial_statements WHERE deleted_at IS NULL ORDER BY client_id,"
        " fiscal_year",
        db.conn,
    )
    grouped = st.groupby("client_id")
    latest = grouped.tail(1).set_index("client_id").reindex(clients["id"])
    prev = grouped.nth(-2).set_index("client_id").reindex(clients["id"])
    consecutive = (prev["fiscal_year"] == latest["fiscal_year"] - 1).to_numpy()
    prev = prev.where(np.repeat(consecutive[:, None], prev.shape[1], axis=1))

    def div(a: Any, b: Any) -> pd.Series:
        a, b = pd.Series(np.asarray(a, float)), pd.Series(np.asarray(b, float))
        return (a / b).where(b > 0).round(4).reset_index(drop=True)

    def col(frame: pd.DataFrame, name: str) -> pd.Series:
        return frame[name].astype(float).reset_index(drop=True)

    equity = col(latest, "total_assets_yuan") - col(latest, "total_liabilities_yuan")
    founded = pd.to_datetime(clients["founded_on"], errors="coerce")
    years = (pd.Timestamp(TODAY) - founded).dt.days // 365.2425
    v: dict[str, pd.Series] = {
        "profile.rd_staff_ratio": div(clients["rd_staff"], clients["employees"]),
        "profile.invention_patents": clients["invention_patents"].astype(float),
        "profile.patents_total": (clients["invention_patents"] + clients["utility_patents"]).astype(
            float
        ),
        "profile.rd_staff": clients["rd_staff"].astype(float),
        "profile.registered_capital_yuan": clients["registered_capital_yuan"].astype(float),
        "profile.founded_years": years.astype(float),
        "profile.policy_programme_count": clients["policy_programmes"].str.count('"') / 2,
        "profile.tech_route": clients["tech_route"],
        "profile.green_loan": clients["green_loan_class"].notna(),
        "profile.qualifications": clients["qualifications"],
        "profile.policy_programmes": clients["policy_programmes"],
        "financial.revenue_yuan": col(latest, "revenue_yuan"),
        "financial.debt_ratio": div(latest["total_liabilities_yuan"], latest["total_assets_yuan"]),
        "financial.current_ratio": div(
            latest["current_assets_yuan"], latest["current_liabilities_yuan"]
        ),
        "financial.quick_ratio": div(
            col(latest, "current_assets_yuan") - col(latest, "inventory_yuan"),
            latest["current_liabilities_yuan"],
        ),
        "financial.net_margin": div(latest["net_profit_yuan"], latest["revenue_yuan"]),
        "financial.roe": div(latest["net_profit_yuan"], equity),
        "financial.rd_intensity": div(latest["rd_expense_yuan"], latest["revenue_yuan"]),
        "financial.revenue_growth": div(latest["revenue_yuan"], prev["revenue_yuan"]) - 1,
        "financial.operating_cash_flow_positive": (
            col(latest, "operating_cash_flow_yuan") > 0
        ).where(col(latest, "operating_cash_flow_yuan").notna()),
        "financial.audited": (col(latest, "audited") > 0).where(col(latest, "audited").notna()),
    }
    return clients, v


def plain_weighted_sum(db: sqlite_utils.Database, templates: TemplateSet) -> pd.Series:
    """The same weighted sum, computed the plain way (floats); indexed by client id."""
    clients, values = _plain_values(db)
    total = np.zeros(len(clients))
    for template in templates.templates:
        rows = clients["firm_type"].isin(template.firm_types).to_numpy()
        for factor in template.factors:
            top = float(factor.max_points)
            missing = top * float(factor.missing_score) / 100
            if factor.source == RM:
                points = np.full(len(clients), missing)
            elif factor.rule == "bands":
                value = values[factor.source].to_numpy(float)
                mins = np.array([float(b.min) for b in factor.bands[1:]])
                scores = np.array([float(b.score) for b in factor.bands])
                index = np.searchsorted(mins, np.nan_to_num(value), side="right")
                points = np.where(np.isnan(value), missing, top * scores[index] / 100)
            elif factor.rule == "map":
                series = values[factor.source]
                mapped = series.map({k: float(s) for k, s in factor.map.items()})
                mapped = mapped.fillna(float(factor.default or 0)).to_numpy(float)
                points = np.where(series.isna(), missing, top * mapped / 100)
            elif factor.rule == "set":
                text = values[factor.source].fillna("")
                score = sum(
                    text.str.contains(f'"{code}"', regex=False).to_numpy() * float(s)
                    for code, s in factor.items.items()
                )
                points = top * np.minimum(score, 100) / 100
            else:  # yes_no
                flag = values[factor.source]
                score = np.where(flag.fillna(False).astype(bool), float(factor.yes),
                                 float(factor.no))  # fmt: skip
                points = np.where(flag.isna(), missing, top * score / 100)
            total += np.where(rows, np.round(points, 2), 0)
    return pd.Series(total, index=clients["id"])


def _median_time(fn, runs: int) -> tuple[float, list[float], Any]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times, result


def bench_scoring(db_path: Path | str, clients: int = 100_000, runs: int = 3) -> dict:
    """Time batch scoring against the plain computation on ``db_path``; returns
    the figures as a dict (seconds; ``ratio`` = batch median / plain median)."""
    db = open_database(Path(db_path))
    try:
        existing = db.conn.execute("SELECT count(*) FROM clients").fetchone()[0]
        generated = None
        if existing == 0:
            from desktop.core.demo import generate_demo  # noqa: PLC0415

            started = time.perf_counter()
            generate_demo(db, clients=clients)
            generated = time.perf_counter() - started
        count = db.conn.execute("SELECT count(*) FROM clients WHERE deleted_at IS NULL").fetchone()[
            0
        ]
        templates = load_templates([builtin_dir()])
        batch_median, batch_times, frame = _median_time(
            lambda: score_portfolio(db, templates=templates, today=TODAY), runs
        )
        plain_median, plain_times, plain = _median_time(
            lambda: plain_weighted_sum(db, templates), runs
        )
    finally:
        db.close()
    exact = frame.set_index("client_id")
    scored = exact[~exact["knocked_out"].astype(bool)]
    plain_totals = plain.reindex(scored.index).to_numpy()
    exact_totals = scored["total"].map(float).to_numpy()
    agree = float(np.mean(np.abs(plain_totals - exact_totals) < 0.005)) if len(scored) else 1.0
    return {
        "clients": int(count),
        "runs": runs,
        "demo_generation_seconds": generated,
        "batch_seconds": batch_times,
        "batch_median_seconds": batch_median,
        "plain_seconds": plain_times,
        "plain_median_seconds": plain_median,
        "ratio": batch_median / plain_median if plain_median else None,
        "plain_totals_equal_to_the_cent": agree,
        "knocked_out": int(exact["knocked_out"].astype(bool).sum()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", help="SQLite file (the demo portfolio is written if it is empty)")
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(json.dumps(bench_scoring(args.db, args.clients, args.runs), indent=2))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

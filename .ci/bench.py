"""Client list and search benchmark on a large demo database (not a test).

    uv run python .ci/bench.py [--clients 100000] [--reuse PATH] [--queries 30]

Builds a demo database (or reuses PATH; created there if missing), then
prints a table: demo generation time and size; time to open the client list
(ClientTableModel on an offscreen QApplication: ids + rowCount + data() of the
first 50 rows) next to the raw SQL of the same id query; and search latency
(median, p95) for 1-, 2- and 4-character Chinese queries and USCC prefixes,
each next to raw SQLite timings measured in the same run: a plain LIKE scan
over the search text and the FTS5 MATCH alone. Then batch scoring of every
client (score_portfolio) next to a plain vectorised pandas/numpy weighted sum
of the same factors, medians of --scoring-runs runs.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db import portfolio, search
from db.connection import open_database
from desktop.core import paths
from desktop.core.demo import generate_demo

FIRST_ROWS = 50


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f}"


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def build(path: Path, clients: int) -> tuple[float | None, int]:
    if path.exists():
        return None, path.stat().st_size
    db = open_database(path)
    try:
        elapsed, _ = timed(lambda: generate_demo(db, clients=clients))
    finally:
        db.close()
    return elapsed, path.stat().st_size


def sample_queries(db, rng: random.Random, count: int) -> dict[str, list[str]]:
    rows = db.conn.execute(
        "SELECT name, uscc FROM clients WHERE deleted_at IS NULL ORDER BY id LIMIT 20000"
    ).fetchall()
    names = [name for name, _uscc in rows]
    usccs = [uscc for _name, uscc in rows if uscc]
    cjk = [n.replace("（演示）", "") for n in names]

    def substrings(length: int) -> list[str]:
        out: list[str] = []
        while len(out) < count:
            name = rng.choice(cjk)
            if len(name) < length:
                continue
            start = rng.randrange(0, len(name) - length + 1)
            part = name[start : start + length]
            if all("\u4e00" <= ch <= "\u9fff" for ch in part):
                out.append(part)
        return out

    return {
        "1 Chinese char": substrings(1),
        "2 Chinese chars": substrings(2),
        "4 Chinese chars": substrings(4),
        "USCC prefix (8)": [rng.choice(usccs)[:8] for _ in range(count)],
    }


def raw_like(db, text: str) -> int:
    pattern = "%" + text.lower().replace("%", r"\%").replace("_", r"\_") + "%"
    return len(
        db.conn.execute(
            "SELECT client_id FROM client_search WHERE doc LIKE ? ESCAPE '\\'", (pattern,)
        ).fetchall()
    )


def raw_fts(db, text: str) -> int:
    query = search.normalize_query(text)
    table = "client_search_trigram" if len(query) >= 3 else "client_search_grams"
    phrase = '"' + query.replace('"', '""') + '"'
    return len(
        db.conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (phrase,)).fetchall()
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--reuse", type=Path, help="database to reuse (built there if missing)")
    parser.add_argument("--queries", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--scoring-runs",
        type=int,
        default=3,
        help="batch-scoring runs (0 skips the scorecard benchmark)",
    )
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="h2bench-"))
    paths.set_data_dir(workdir / "data")
    path = args.reuse or workdir / f"demo-{args.clients}.sqlite3"
    generation, size = build(path, args.clients)

    from PySide6.QtCore import Qt  # noqa: PLC0415 - Qt only after the database is ready
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from desktop.ui.models.client_table import ClientTableModel  # noqa: PLC0415

    app = QApplication.instance() or QApplication([])
    del app

    lines: list[tuple[str, str, str, str, str]] = []

    # --- open the list: fresh connection each time (nothing cached in Python) -------
    db = open_database(path, migrate=False)
    clients = portfolio.client_count(db)

    def raw_open() -> None:
        ids = [
            r[0]
            for r in db.conn.execute(
                "SELECT id FROM clients WHERE deleted_at IS NULL ORDER BY name, id"
            )
        ]
        portfolio.fetch_client_rows(db, ids[:FIRST_ROWS])

    raw_times = [timed(raw_open)[0] for _ in range(5)]
    model_times = []
    for _ in range(5):
        fresh = open_database(path, migrate=False)
        start = time.perf_counter()
        model = ClientTableModel(fresh)
        rows = model.rowCount()
        for row in range(min(FIRST_ROWS, rows)):
            for column in range(model.columnCount()):
                model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
        model_times.append(time.perf_counter() - start)
        fresh.close()
    lines.append(
        (
            f"open list + first {FIRST_ROWS} rows",
            ms(statistics.median(model_times)),
            ms(max(model_times)),
            ms(statistics.median(raw_times)),
            f"{statistics.median(model_times) / statistics.median(raw_times):6.2f}x",
        )
    )

    # --- search latency ------------------------------------------------------------
    rng = random.Random(args.seed)
    queries = sample_queries(db, rng, args.queries)
    search.search_client_ids(db, "")  # the list is open: ordered ids cached
    hits_note = []
    for label, texts in queries.items():
        app_times, like_times, fts_times, hits = [], [], [], []
        for text in texts:
            elapsed, ids = timed(lambda t=text: search.search_client_ids(db, t))
            app_times.append(elapsed)
            hits.append(len(ids))  # type: ignore[arg-type]
            like_times.append(timed(lambda t=text: raw_like(db, t))[0])
            fts_times.append(timed(lambda t=text: raw_fts(db, t))[0])
        med = statistics.median(app_times)
        lines.append(
            (
                f"search {label}",
                ms(med),
                ms(p95(app_times)),
                f"{ms(statistics.median(like_times))} / {ms(statistics.median(fts_times))}",
                f"{med / statistics.median(like_times):5.2f}x / "
                f"{med / statistics.median(fts_times):5.2f}x",
            )
        )
        hits_note.append(f"{label}: median {int(statistics.median(hits))} hits")

    # First keystroke after a change (ordered list not cached): worst case.
    cold = []
    for text in queries["1 Chinese char"][:10]:
        search._cache(db).clear()
        cold.append(timed(lambda t=text: search.search_client_ids(db, t))[0])
    lines.append(("search 1 char, cache cold", ms(statistics.median(cold)), ms(p95(cold)), "", ""))

    # Through the model, as the search box does it (ids + reset).
    model = ClientTableModel(db)
    model_search = []
    for text in queries["2 Chinese chars"]:
        model_search.append(timed(lambda t=text: model.set_search(t))[0])
        model.set_search("")
    lines.append(
        (
            "model.set_search 2 chars",
            ms(statistics.median(model_search)),
            ms(p95(model_search)),
            "",
            "",
        )
    )
    db.close()

    print(f"database: {path}")
    print(f"clients: {clients:,}; file size {size / 1024 / 1024:,.0f} MB", end="")
    print(f"; demo generation {generation:.1f} s" if generation is not None else " (reused)")
    print(f"{args.queries} queries per kind; times in ms")
    header = ("measure", "median", "p95/max", "raw SQL (LIKE / FTS)", "ratio")
    widths = [max(len(str(row[i])) for row in [header, *lines]) for i in range(5)]
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("-+-".join("-" * w for w in widths))
    for row in lines:
        print(" | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
    print("; ".join(hits_note))
    print(
        "raw SQL for the list: SELECT id ... ORDER BY name, id + the first rows; for search:"
        " LIKE '%q%' over client_search.doc, and the FTS5 MATCH alone (rowids, unordered)."
    )
    if args.scoring_runs:
        from desktop.core.scoring.bench import bench_scoring  # noqa: PLC0415

        figures = bench_scoring(path, clients=clients, runs=args.scoring_runs)
        print(
            f"batch scoring of {figures['clients']:,} clients, {args.scoring_runs} runs: "
            f"score_portfolio median {figures['batch_median_seconds']:.2f} s "
            f"(runs {', '.join(f'{t:.2f}' for t in figures['batch_seconds'])}); "
            f"plain pandas/numpy weighted sum median {figures['plain_median_seconds']:.2f} s; "
            f"ratio {figures['ratio']:.2f}; plain totals equal to the cent: "
            f"{figures['plain_totals_equal_to_the_cent']:.1%}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

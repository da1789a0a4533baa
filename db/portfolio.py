"""Read-only portfolio queries for the overview screens and the client list.

Everything here is a plain SELECT over live rows (``deleted_at IS NULL``);
nothing writes. Column names used for sorting and filtering come from a
whitelist, never from the caller's text, so no SQL can be injected.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlite_utils

from db.search import search_client_ids

CLIENT_STATUSES = ("prospect", "active", "dormant", "exited")
# Pipeline order; 'lost' closes the list.
DEAL_STAGES = (
    "need",
    "solution",
    "materials",
    "review",
    "approved",
    "contract",
    "disbursed",
    "post_loan",
    "lost",
)
# Stages in which a credit memo is (or soon will be) needed.
MEMO_STAGES = ("review", "approved", "contract")

# Sortable client-list columns -> SQL expression (whitelist).
CLIENT_SORT_COLUMNS: dict[str, str] = {
    "name": "c.name",
    "uscc": "c.uscc",
    "segment": "c.segment",
    "province": "c.province",
    "firm_type": "c.firm_type",
    "owner": "u.display_name",
    "status": "c.status",
    "updated_at": "c.updated_at",
}
# Filterable client-list columns (equality) -> SQL column.
CLIENT_FILTER_COLUMNS: dict[str, str] = {
    "status": "c.status",
    "segment": "c.segment",
    "province": "c.province",
    "firm_type": "c.firm_type",
    "owner_id": "c.owner_id",
}

# Filters that are not a column equality (see client_ids).
CLIENT_SPECIAL_FILTERS = ("grade", "follow_up_due")

# Columns of one client-list row (see fetch_client_rows).
CLIENT_ROW_COLUMNS = (
    "id",
    "name",
    "uscc",
    "segment",
    "province",
    "city",
    "firm_type",
    "owner_id",
    "owner_name",
    "status",
    "updated_at",
)


def _live_client(alias: str) -> str:
    """SQL: the row's client is not deleted (cheaper than a join; deleted clients are few)."""
    return f"{alias}.client_id NOT IN (SELECT id FROM clients WHERE deleted_at IS NOT NULL)"


# SQLite's default limit on host parameters is 32766 (999 before 3.32); stay well below.
_MAX_PARAMS = 900


@dataclass(frozen=True)
class StageSummary:
    stage: str
    deals: int
    amount_yuan: int


def _scalar(db: sqlite_utils.Database, sql: str, params: Sequence[Any] = ()) -> Any:
    return db.conn.execute(sql, params).fetchone()[0]


def _dicts(db: sqlite_utils.Database, sql: str, params: Sequence[Any] = ()) -> list[dict]:
    cursor = db.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


# --- clients ---------------------------------------------------------------------------


def client_count(db: sqlite_utils.Database) -> int:
    return _scalar(db, "SELECT count(*) FROM clients WHERE deleted_at IS NULL")


def clients_by_status(db: sqlite_utils.Database) -> dict[str, int]:
    """Live clients per status, every status present (0 when none), in status order."""
    counts = dict.fromkeys(CLIENT_STATUSES, 0)
    for status, n in db.conn.execute(
        "SELECT status, count(*) FROM clients WHERE deleted_at IS NULL GROUP BY status"
    ):
        counts[status] = n
    return counts


def follow_ups_due(db: sqlite_utils.Database, on: date | None = None) -> int:
    """Open follow-ups due on or before ``on`` (default today) for live clients."""
    day = (on or date.today()).isoformat()
    return _scalar(
        db,
        f"""SELECT count(*) FROM activities a
           WHERE a.next_follow_up IS NOT NULL AND a.follow_up_done = 0
             AND a.deleted_at IS NULL AND a.next_follow_up <= ? AND {_live_client("a")}""",
        (day,),
    )


def client_ids(
    db: sqlite_utils.Database,
    *,
    order_by: str = "name",
    descending: bool = False,
    filters: dict[str, Any] | None = None,
    search: str | None = None,
    limit: int | None = None,
    today: date | None = None,
) -> list[str]:
    """Ids of live clients in display order.

    ``order_by`` is a key of :data:`CLIENT_SORT_COLUMNS`; ``filters`` maps keys of
    :data:`CLIENT_FILTER_COLUMNS` to a value (equality; ``None`` means IS NULL)
    plus ``grade`` (latest scorecard grade) and ``follow_up_due`` (truthy: an
    open follow-up due on or before ``today``). ``search`` keeps the clients
    whose name, USCC, contact names or notes contain the text (any length, see
    :func:`db.search.search_client_ids`, which does the work, with a cached
    ordered list). Unknown keys raise ``ValueError``. Ties are broken by name,
    then id, so the order is stable. The ordered list is cached until the
    database changes, so re-asking (every keystroke) costs little.
    """
    return search_client_ids(
        db,
        search,
        filters=filters,
        order_by=order_by,
        descending=descending,
        limit=limit,
        today=today,
    )


def fetch_client_rows(db: sqlite_utils.Database, ids: Iterable[str]) -> dict[str, dict]:
    """Client-list rows (see :data:`CLIENT_ROW_COLUMNS`) keyed by id.

    Ids that do not exist or were deleted are simply absent from the result.
    """
    wanted = list(dict.fromkeys(ids))
    rows: dict[str, dict] = {}
    for start in range(0, len(wanted), _MAX_PARAMS):
        chunk = wanted[start : start + _MAX_PARAMS]
        marks = ",".join("?" * len(chunk))
        for row in _dicts(
            db,
            f"""SELECT c.id, c.name, c.uscc, c.segment, c.province, c.city, c.firm_type,
                       c.owner_id, u.display_name AS owner_name, c.status, c.updated_at
                FROM clients c LEFT JOIN users u ON u.id = c.owner_id
                WHERE c.deleted_at IS NULL AND c.id IN ({marks})""",
            chunk,
        ):
            rows[row["id"]] = row
    return rows


# --- deals -------------------------------------------------------------------------------


def deals_by_stage(db: sqlite_utils.Database) -> list[StageSummary]:
    """Live deals (of live clients) per stage in pipeline order, with the total amount."""
    found = {
        stage: (n, total)
        for stage, n, total in db.conn.execute(
            f"""SELECT d.stage, count(*), coalesce(sum(d.amount_yuan), 0)
               FROM deals d WHERE d.deleted_at IS NULL
                 AND {_live_client("d")} GROUP BY d.stage"""
        )
    }
    return [StageSummary(stage, *found.get(stage, (0, 0))) for stage in DEAL_STAGES]


def deals_needing_memo(db: sqlite_utils.Database, *, limit: int = 500) -> list[dict]:
    """Live deals in review/approved/contract, with client name and memo count.

    Ordered by pipeline stage, then amount (largest first). Each row has
    ``id, client_id, client_name, title, amount_yuan, stage, memos``.
    """
    order = " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(DEAL_STAGES))
    marks = ",".join("?" * len(MEMO_STAGES))
    return _dicts(
        db,
        f"""SELECT d.id, d.client_id, c.name AS client_name, d.title, d.amount_yuan, d.stage,
                   (SELECT count(*) FROM memos m
                     WHERE m.deal_id = d.id AND m.deleted_at IS NULL) AS memos
            FROM deals d JOIN clients c ON c.id = d.client_id
            WHERE d.deleted_at IS NULL AND c.deleted_at IS NULL AND d.stage IN ({marks})
            ORDER BY CASE d.stage {order} END, d.amount_yuan DESC, c.name, d.id
            LIMIT ?""",
        (*MEMO_STAGES, limit),
    )


# --- scorecards ----------------------------------------------------------------------------


def scorecard_results_by_grade(db: sqlite_utils.Database) -> dict[str, int]:
    """Score snapshots per grade, best grade first; ungraded/knocked-out snapshots under ''."""
    return {
        grade: n
        for grade, n in db.conn.execute(
            """SELECT coalesce(grade, '') AS g, count(*) FROM scorecard_results
               WHERE deleted_at IS NULL GROUP BY g ORDER BY g = '', g"""
        )
    }


def scorecard_result_count(db: sqlite_utils.Database) -> int:
    return _scalar(db, "SELECT count(*) FROM scorecard_results WHERE deleted_at IS NULL")


def unscored_client_count(db: sqlite_utils.Database) -> int:
    return _scalar(
        db,
        """SELECT count(*) FROM clients c WHERE c.deleted_at IS NULL AND NOT EXISTS
           (SELECT 1 FROM scorecard_results s WHERE s.client_id = c.id AND s.deleted_at IS NULL)""",
    )


def unscored_clients(db: sqlite_utils.Database, *, limit: int = 500) -> list[dict]:
    """Live clients that were never scored, by name: ``id, name, segment, status, owner_name``."""
    return _dicts(
        db,
        """SELECT c.id, c.name, c.segment, c.firm_type, c.status, u.display_name AS owner_name
           FROM clients c LEFT JOIN users u ON u.id = c.owner_id
           WHERE c.deleted_at IS NULL AND NOT EXISTS
             (SELECT 1 FROM scorecard_results s WHERE s.client_id = c.id AND s.deleted_at IS NULL)
           ORDER BY c.name, c.id LIMIT ?""",
        (limit,),
    )


# --- memos ------------------------------------------------------------------------------------


def memo_count(db: sqlite_utils.Database) -> int:
    return _scalar(db, "SELECT count(*) FROM memos WHERE deleted_at IS NULL")


def recent_memos(db: sqlite_utils.Database, *, limit: int = 10) -> list[dict]:
    """Latest memos first: ``id, client_name, title, kind, status, updated_at``."""
    return _dicts(
        db,
        """SELECT m.id, c.name AS client_name, m.title, m.kind, m.status, m.updated_at
           FROM memos m JOIN clients c ON c.id = m.client_id
           WHERE m.deleted_at IS NULL ORDER BY m.updated_at DESC, m.id LIMIT ?""",
        (limit,),
    )

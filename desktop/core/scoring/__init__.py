"""Pre-credit scorecards: templates as data, explained scores, suggested limits.

Public interface (Qt-free; the UI builds on these):

* templates: :func:`load_templates` -> :class:`TemplateSet` (valid templates and
  the problems of refused files), :func:`load_template`, :class:`TemplateError`;
* one client: :func:`score_client` (reads the database) or
  :func:`gather_inputs` once + :func:`score_values` on every change (live page,
  what-if via ``overrides``), returning a :class:`ScoreResult`;
* snapshots: :func:`save_snapshot` (immutable, audited), :func:`history`,
  :func:`get_snapshot`, :func:`compare` / :func:`side_by_side`;
* portfolio: :func:`score_portfolio` -> pandas DataFrame, :func:`export_scores`.
"""

from __future__ import annotations

import sqlite_utils

from db import scorecards as repo
from desktop.core.i18n import translate
from desktop.core.scoring.compare import Change, compare, side_by_side
from desktop.core.scoring.engine import (
    ScoreResult,
    ScoringError,
    ScoringInputError,
    score_client,
    score_values,
)
from desktop.core.scoring.inputs import ClientInputs, InputValue, gather_inputs
from desktop.core.scoring.templates import (
    Template,
    TemplateError,
    TemplateProblem,
    TemplateSet,
    load_template,
    load_templates,
    user_dir,
)
from desktop.core.security import require
from desktop.core.session import CurrentUser

__all__ = [
    "Change",
    "ClientInputs",
    "InputValue",
    "ScoreResult",
    "ScoringError",
    "ScoringInputError",
    "Template",
    "TemplateError",
    "TemplateProblem",
    "TemplateSet",
    "compare",
    "export_scores",
    "gather_inputs",
    "get_snapshot",
    "history",
    "load_template",
    "load_templates",
    "save_snapshot",
    "score_client",
    "score_portfolio",
    "score_values",
    "side_by_side",
    "user_dir",
]


def __getattr__(name: str):  # pandas loads only when the batch is used
    if name in ("score_portfolio", "export_scores"):
        from desktop.core.scoring import batch  # noqa: PLC0415

        return getattr(batch, name)
    raise AttributeError(name)


def save_snapshot(db: sqlite_utils.Database, user: CurrentUser, result: ScoreResult) -> str:
    """Write ``result`` as an immutable snapshot (with a ``score.create`` audit
    entry, one transaction) and return its id. Needs ``score.create`` on the
    client; a what-if result is refused (what-ifs are never saved)."""
    if result.what_if:
        raise ScoringInputError(
            "overrides",
            translate("Scorecard", "A what-if score cannot be saved; score without changes."),
            reason="what_if",
        )
    client = repo.client_row(db, result.client_id)
    if client is None:
        raise ScoringError(
            translate("Scorecard", "Client not found: {client}").format(client=result.client_id),
            code="unknown_client",
        )
    require(user, "score.create", owner_id=client["owner_id"])
    row = result.to_snapshot()
    return repo.insert_snapshot(
        db,
        row,
        user_id=user.id,
        audit_after={
            "client_id": result.client_id,
            "template_code": row["template_code"],
            "template_version": row["template_version"],
            "template_hash": row["template_hash"],
            "total": row["total"],
            "grade": row["grade"],
            "suggested_limit_yuan": row["suggested_limit_yuan"],
            "knocked_out": row["knocked_out"],
        },
    )


def history(db: sqlite_utils.Database, client_id: str) -> list[dict]:
    """The client's snapshots, newest first (summary: total, grade, limit, who, when)."""
    return repo.history(db, client_id)


def get_snapshot(db: sqlite_utils.Database, snapshot_id: str) -> dict | None:
    """One snapshot with its inputs and factors decoded, or None."""
    return repo.get_snapshot(db, snapshot_id)

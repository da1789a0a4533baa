"""Comparing two snapshots: what changed and why, template changes noted."""

from __future__ import annotations

import pytest

from desktop.core.scoring import (
    compare,
    get_snapshot,
    save_snapshot,
    score_client,
    side_by_side,
)
from desktop.core.scoring.templates import builtin_dir, user_dir
from tests.core.scoring.conftest import TODAY, add_client, add_statement, make_user

pytestmark = pytest.mark.usefixtures("english_messages")


def _client(db):
    cid = add_client(db, firm_type="tech", employees=40, rd_staff=22, invention_patents=12)
    add_statement(db, cid, 2025, revenue_yuan=10_000_000, total_assets_yuan=20_000_000,
                  total_liabilities_yuan=5_000_000)  # fmt: skip
    return cid


def test_compare_two_saved_snapshots(db, shipped):
    cid = _client(db)
    user = make_user(db, "branch.head", "branch_head")
    first = save_snapshot(db, user, score_client(db, cid, templates=shipped, today=TODAY))
    answered = score_client(db, cid, None, {"tech_level": "national"}, templates=shipped,
                            today=TODAY)  # fmt: skip
    second = save_snapshot(db, user, answered)
    changes = compare(get_snapshot(db, first), get_snapshot(db, second))
    kinds = {(c.kind, c.code) for c in changes}
    assert ("input", "tech_level") in kinds
    assert ("points", "tech_level") in kinds
    assert ("total", "total") in kinds
    points = next(c for c in changes if c.kind == "points")
    assert (points.before, points.after) == ("0.00", "7.50")  # national: 75% x 10
    assert "tech_level" not in {c.code for c in changes if c.kind == "template"}
    assert "(+7.50)" in points.text and "Leading in China" in points.reason_after
    assert not any(c.kind == "template" for c in changes)
    rows = side_by_side(get_snapshot(db, first), get_snapshot(db, second))
    changed = [r.code for r in rows if r.changed]
    assert changed == ["tech_level"]
    assert len(rows) == len(shipped.get("tech").factors)


def test_compare_notes_a_template_version_change_and_what_if(db, shipped):
    cid = _client(db)
    text = (builtin_dir() / "tech.toml").read_text(encoding="utf-8")
    (user_dir() / "v2.toml").write_text(
        text.replace('code = "tech"', 'code = "tech_v2"').replace("2026.1", "2026.2"),
        encoding="utf-8",
    )
    old = score_client(db, cid, "tech", templates=shipped, today=TODAY)
    new = score_client(db, cid, "tech_v2", today=TODAY)
    changes = compare(old, new)
    template = [c for c in changes if c.kind == "template"]
    assert (
        len(template) == 1 and template[0].text == "Template changed: tech 2026.1 → tech_v2 2026.2"
    )
    assert [c for c in changes if c.kind != "template"] == []

    what_if = score_client(db, cid, "tech", None, {"profile.invention_patents": 25},
                           templates=shipped, today=TODAY)  # fmt: skip
    changes = compare(old, what_if)
    assert {(c.kind, c.code) for c in changes} >= {
        ("input", "invention_patents"), ("points", "invention_patents"),
    }  # fmt: skip
    value = next(c for c in changes if c.kind == "input")
    assert (value.before, value.after) == ("12", "25")

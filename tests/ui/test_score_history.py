"""Score history: the list of snapshots, the side-by-side comparison of two with
the changed factor highlighted and explained, a template version change noted."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from desktop.core.scoring import (
    gather_inputs,
    history,
    load_template,
    save_snapshot,
    score_values,
)
from desktop.core.scoring.templates import builtin_dir, load_templates
from desktop.core.session import Session
from desktop.ui.dialogs.score_history_dialog import ScoreHistoryDialog, _factor_nodes
from desktop.ui.models.scoring import CHANGED_ROLE
from tests.core.scoring.conftest import add_client, add_statement, make_user

pytestmark = [
    pytest.mark.usefixtures("english_messages"),
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

TODAY = date(2026, 11, 28)


@pytest.fixture
def scored(db, db_path):
    """A client with two saved scores: tech_level 'common' then 'world'."""
    user = make_user(db, "rm.wang")
    cid = add_client(db, firm_type="tech", owner_id=user.id, employees=30, rd_staff=9,
                     invention_patents=4, utility_patents=6)  # fmt: skip
    add_statement(db, cid, 2025, revenue_yuan=20_000_000, net_profit_yuan=1_000_000,
                  total_assets_yuan=30_000_000, total_liabilities_yuan=12_000_000)  # fmt: skip
    template = load_templates([builtin_dir()]).get("tech")
    inputs = gather_inputs(db, cid, TODAY)
    first = save_snapshot(db, user, score_values(template, inputs, {"tech_level": "common"}))
    second = save_snapshot(db, user, score_values(template, inputs, {"tech_level": "world"}))
    session = Session(db=db, db_path=db_path, user=user, demo=False)
    return session, cid, template, inputs, (first, second)


def open_history(qtbot, session, client_id) -> ScoreHistoryDialog:
    dialog = ScoreHistoryDialog(session, client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_history_lists_snapshots_and_compares_the_two_newest(gui, qtbot, scored):
    session, cid, _template, _inputs, (first, second) = scored
    dialog = open_history(qtbot, session, cid)
    assert dialog.list_model.rowCount() == 2
    assert dialog.list_model.row_dict(0)["id"] == second  # newest first
    assert dialog.list_model.text(0, 2) == "tech 2026.1"
    assert "2 saved scores" in dialog.title.text()
    # the two are selected and compared, the older as A
    a, b = dialog.snapshots
    assert (a["id"], b["id"]) == (first, second)
    row = dialog.compare_model.row_for("tech_level")
    assert row.changed
    assert row.points_a == "2.00" and row.points_b == "10.00"  # 20% and 100% of 10
    assert row.value_a != row.value_b
    assert row.delta == "+8.00"
    assert "100%" in row.explanation  # the reason of the new points
    index = dialog.compare_model.index(dialog.compare_model.rows().index(row), 0)
    assert index.data(CHANGED_ROLE) is True
    assert index.data(Qt.ItemDataRole.BackgroundRole)
    unchanged = dialog.compare_model.row_for("invention_patents")
    assert not unchanged.changed and unchanged.explanation == "unchanged"
    summary = dialog.summary.text()
    assert f"{Decimal(a['total'])}" in summary and f"{Decimal(b['total'])}" in summary
    assert "1 factors changed" in summary
    assert not dialog.template_note.isVisible()


def test_selecting_one_asks_for_a_second(gui, qtbot, scored):
    session, cid, *_ = scored
    dialog = open_history(qtbot, session, cid)
    dialog.select_rows([1])
    assert dialog.snapshots is None
    assert dialog.compare_model.rowCount() == 0
    assert "second" in dialog.compare_heading.text()
    dialog.select_rows([0, 1])
    assert dialog.compare_model.rowCount() == 18


def test_template_version_change_is_noted(gui, qtbot, scored, tmp_path):
    session, cid, template, inputs, _ids = scored
    text = template.path.read_text(encoding="utf-8").replace(
        'version = "2026.1"', 'version = "2026.2"'
    )
    path = tmp_path / "tech.toml"
    path.write_text(text, encoding="utf-8")
    newer = load_template(path)
    save_snapshot(session.db, session.user, score_values(newer, inputs, {"tech_level": "world"}))
    assert len(history(session.db, cid)) == 3
    dialog = open_history(qtbot, session, cid)
    assert dialog.snapshots[1]["template_version"] == "2026.2"
    assert dialog.template_note.isVisible()
    assert "tech 2026.1 → tech 2026.2" in dialog.template_note.text()


@pytest.fixture
def history_dialog(gui, qtbot, scored) -> ScoreHistoryDialog:
    session, cid, *_ = scored
    return open_history(qtbot, session, cid)


def test_history_models_pass_model_tester(history_dialog, qtmodeltester):
    dialog = history_dialog  # (requested first: the tester lets go of the models first)
    qtmodeltester.check(dialog.list_model, force_py=True)
    qtmodeltester.check(dialog.compare_model, force_py=True)


def test_empty_history_says_so(gui, qtbot, db, db_path):
    user = make_user(db, "rm.zhao")
    cid = add_client(db, firm_type="tech", owner_id=user.id)
    dialog = open_history(qtbot, Session(db=db, db_path=db_path, user=user, demo=False), cid)
    assert dialog.list_model.rowCount() == 0
    assert "No score" in dialog.compare_heading.text()


def test_foreign_snapshot_without_dimensions_compares_without_crashing(gui) -> None:
    assert _factor_nodes({"factors": [{"code": "x"}]}) == {}
    assert _factor_nodes({"factors": None}) == {}
    assert _factor_nodes({"factors": {"dimensions": [{"factors": [{"code": "a"}]}]}}) == {
        "a": {"code": "a"}
    }

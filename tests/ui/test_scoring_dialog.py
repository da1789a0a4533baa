"""The scoring page for one client: pre-filled values with their sources, live
rescoring on answers, knock-outs, what-if without writes, saving one snapshot,
the permission refusal, the radar, the factor model."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox

from desktop.core.scoring.templates import builtin_dir, load_templates
from desktop.core.session import Session
from desktop.ui.dialogs.scoring_dialog import ScoringDialog
from desktop.ui.models.scoring import FactorTableModel
from tests.core.scoring.conftest import add_client, add_statement, make_user

pytestmark = [
    pytest.mark.usefixtures("english_messages"),
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

TODAY = date(2026, 11, 28)
VALUE, SOURCE, POINTS = FactorTableModel.VALUE, FactorTableModel.SOURCE, FactorTableModel.POINTS


@pytest.fixture(scope="module")
def shipped():
    return load_templates([builtin_dir()])


@pytest.fixture
def people(db):
    return make_user(db, "rm.wang"), make_user(db, "rm.li")


@pytest.fixture
def client_id(db, people):
    owner = people[0]
    cid = add_client(
        db, firm_type="tech", owner_id=owner.id, employees=40, rd_staff=22, invention_patents=12,
        utility_patents=8, tech_route="soec", qualifications=["high_tech"],
    )  # fmt: skip
    for year in (2024, 2025):
        add_statement(
            db, cid, year, revenue_yuan=0, net_profit_yuan=-12_000_000,
            total_assets_yuan=60_000_000, total_liabilities_yuan=15_000_000,
            current_assets_yuan=40_000_000, current_liabilities_yuan=10_000_000,
            cash_yuan=20_000_000, rd_expense_yuan=15_000_000, operating_cash_flow_yuan=-8_000_000,
        )  # fmt: skip
    return cid


@pytest.fixture
def env(db, db_path, people, client_id, shipped) -> SimpleNamespace:
    return SimpleNamespace(
        db=db, db_path=db_path, people=people, client_id=client_id, shipped=shipped
    )


def open_dialog(qtbot, env, user, client_id=None) -> ScoringDialog:
    session = Session(db=env.db, db_path=env.db_path, user=user, demo=False)
    dialog = ScoringDialog(session, client_id or env.client_id, templates=env.shipped, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def dialog(gui, qtbot, env) -> ScoringDialog:
    return open_dialog(qtbot, env, env.people[0])


def cell(dialog: ScoringDialog, code: str, column: int) -> str:
    return dialog.model.text(dialog.model.factor_row(code), column)


def answer_combo(dialog: ScoringDialog, code: str) -> QComboBox:
    widget = dialog.view.indexWidget(dialog.model.index(dialog.model.factor_row(code), VALUE))
    assert isinstance(widget, QComboBox), code
    return widget


def count(db, sql: str) -> int:
    return db.conn.execute(sql).fetchone()[0]


def test_values_are_prefilled_with_their_sources(dialog):
    assert dialog.template.code == "tech"  # by firm type
    assert cell(dialog, "invention_patents", VALUE) == "12"
    assert cell(dialog, "invention_patents", SOURCE) == "Profile"
    assert cell(dialog, "debt_ratio", VALUE) == "25.00%"
    assert cell(dialog, "debt_ratio", SOURCE) == "Financials 2025"
    assert cell(dialog, "tech_level", SOURCE) == "RM judgement"
    assert cell(dialog, "invention_patents", POINTS) == "8.00 / 10.00"
    # no revenue: R&D intensity is missing data, shown as such with its defined score
    row = dialog.model.factor_row("rd_intensity")
    index = dialog.model.index(row, VALUE)
    assert index.data() == "Missing data"
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert cell(dialog, "rd_intensity", POINTS) == "3.75 / 7.50"
    assert "Missing data" in cell(dialog, "rd_intensity", FactorTableModel.REASON)
    assert "2026.1" in dialog.template_info.text()
    dialog.rationale_button.setChecked(True)
    assert dialog.rationale.isVisible() and "CITIC" in dialog.rationale.text()


def test_judgement_answer_rescores_live_without_database(dialog, db):
    before = dialog.result.total
    queries: list[str] = []
    db.conn.set_trace_callback(queries.append)
    try:
        combo = answer_combo(dialog, "tech_level")
        assert combo.itemData(1) == "world"
        combo.setCurrentIndex(combo.findData("world"))
    finally:
        db.conn.set_trace_callback(None)
    assert queries == []  # every change is scored in memory
    assert dialog.result.factor("tech_level").points == Decimal("10.00")
    assert dialog.result.total == before + Decimal("10.00")
    assert dialog.total_label.text() == str(dialog.result.total)
    assert cell(dialog, "tech_level", POINTS) == "10.00 / 10.00"
    assert "100%" in cell(dialog, "tech_level", FactorTableModel.REASON)
    # the guidance of the selected row is shown
    dialog.view.setCurrentIndex(dialog.model.index(dialog.model.factor_row("tech_level"), 0))
    assert "third-party test reports" in dialog.guidance.toPlainText()
    # back to unanswered: the missing-data score again
    combo.setCurrentIndex(0)
    assert dialog.result.total == before


def test_radar_has_one_point_per_dimension(dialog):
    assert dialog.radar.marker_count() == len(dialog.template.dimensions) == 7
    names = [name for name, _ in dialog.radar.points]
    assert names == [d.name() for d in dialog.template.dimensions]


def test_knock_out_answer_shows_reason_and_no_grade(dialog):
    assert dialog.grade_label.text() == dialog.result.grade
    combo = dialog.knockout_combos["dishonest_debtor"]
    combo.setCurrentIndex(combo.findData(True))
    assert dialog.result.knocked_out
    assert dialog.result.grade is None
    assert dialog.grade_label.text() == "None"
    assert "Dishonest judgement debtor" in dialog.knockout_label.text()
    assert dialog.knockout_label.isVisible()
    assert dialog.limit_label.text() == "No limit"
    assert dialog.knockout_status["dishonest_debtor"].text().endswith("knock-out")
    combo.setCurrentIndex(combo.findData(False))
    assert not dialog.result.knocked_out and dialog.result.grade


def test_what_if_changes_the_total_writes_nothing_and_cannot_be_saved(dialog, db, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: told.append(a[2])))
    snapshots, audits = (
        count(db, "SELECT count(*) FROM scorecard_results"),
        count(db, "SELECT count(*) FROM audit_log"),
    )
    real_total = dialog.result.total
    assert dialog.save_button.isEnabled()
    dialog.what_if_button.setChecked(True)
    assert not dialog.save_button.isEnabled()
    row = dialog.model.factor_row("debt_ratio")
    index = dialog.model.index(row, VALUE)
    assert dialog.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert dialog.model.setData(index, "75")  # percent: 75% debt ratio
    assert dialog.result.what_if
    assert dialog.result.factor("debt_ratio").source == "what_if"
    assert cell(dialog, "debt_ratio", SOURCE) == "What-if"
    assert dialog.result.total < real_total
    assert dialog.real.total == real_total
    assert dialog.delta_label.isVisible() and "→" in dialog.delta_label.text()
    assert "(-" in cell(dialog, "debt_ratio", POINTS)  # the change is shown on the row
    assert dialog.save() is None  # refused even when called directly
    assert told and "never saved" in told[0]
    # a bad value is named, nothing changes
    assert (
        not dialog.model.setData(index, "abc")
        or dialog.result.factor("debt_ratio").value_text == "75.00%"
    )
    assert "Debt ratio" in dialog.message.text()
    dialog.what_if_button.setChecked(False)
    assert dialog.result.total == real_total and not dialog.result.what_if
    assert dialog.save_button.isEnabled()
    assert count(db, "SELECT count(*) FROM scorecard_results") == snapshots
    assert count(db, "SELECT count(*) FROM audit_log") == audits


def test_save_writes_one_snapshot_and_one_audit_entry(dialog, db, monkeypatch):
    for code, level in (("tech_level", "world"), ("deployment", "pilot")):
        combo = answer_combo(dialog, code)
        combo.setCurrentIndex(combo.findData(level))
    asked: list[str] = []
    replies = iter([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])

    def question(*args, **_kwargs):
        asked.append(args[2])
        return next(replies)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    audits = count(db, "SELECT count(*) FROM audit_log WHERE action = 'score.create'")
    snapshot_id = dialog.save()
    assert snapshot_id is not None
    assert "not answered" in asked[0]  # open questions confirmed first
    assert "history" in asked[1]  # then the offer to open the history
    rows = db.conn.execute("SELECT id, total, grade FROM scorecard_results").fetchall()
    assert rows == [(snapshot_id, str(dialog.result.total), dialog.result.grade)]
    assert count(db, "SELECT count(*) FROM audit_log WHERE action = 'score.create'") == audits + 1
    assert dialog.saved_ids == [snapshot_id]


def test_rm_is_refused_on_another_rms_client(gui, qtbot, env, monkeypatch):
    db = env.db
    other = env.people[1]
    dialog = open_dialog(qtbot, env, other)
    assert dialog.banner.isVisible()
    assert "Score clients" in dialog.banner.text()  # names the permission
    assert not dialog.save_button.isEnabled()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: warnings.append(a[2])))
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    assert dialog.save() is None
    assert warnings and "Score clients" in warnings[0] and "someone else" in warnings[0]
    assert count(db, "SELECT count(*) FROM scorecard_results") == 0


def test_changing_the_template_keeps_answers_per_template(dialog):
    combo = answer_combo(dialog, "tech_level")
    combo.setCurrentIndex(combo.findData("national"))
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("manufacturer"))
    assert dialog.template.code == "manufacturer"
    assert dialog.result.template.code == "manufacturer"
    assert dialog.model.factor_row("tech_level") == -1 or dialog.template.factor("tech_level")
    for row in dialog.model.judgement_rows():  # answer combos reopened after the reset
        assert dialog.view.indexWidget(dialog.model.index(row, VALUE)) is not None
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("tech"))
    assert dialog.result.answers["tech_level"] == "national"
    assert answer_combo(dialog, "tech_level").currentData() == "national"


def test_factor_model_passes_model_tester(dialog, qtmodeltester):
    qtmodeltester.check(dialog.model, force_py=True)
    dialog.what_if_button.setChecked(True)
    qtmodeltester.check(dialog.model, force_py=True)
    empty = FactorTableModel()
    qtmodeltester.check(empty, force_py=True)


def test_unknown_client_is_a_message_not_a_crash(gui, qtbot, env):
    dialog = open_dialog(qtbot, env, env.people[0], "no-such-id")
    assert "no longer exists" in dialog.message.text()
    assert not dialog.save_button.isEnabled()


def test_project_numeric_answer_and_limit_input(gui, qtbot, env):
    project = add_client(env.db, firm_type="project", owner_id=env.people[0].id)
    dialog = open_dialog(qtbot, env, env.people[0], project)
    assert dialog.template.code == "project"
    edit = dialog.view.indexWidget(dialog.model.index(dialog.model.factor_row("dscr"), VALUE))
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    edit.setText("1.35")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dialog.result.answers["dscr"] == Decimal("1.35")
    assert dialog.result.factor("dscr").points > 0
    investment = dialog.rm_input_edits["project_investment_yuan"]
    investment.setText("abc")
    investment.editingFinished.emit()
    assert "project_investment_yuan" not in dialog.result.answers
    assert "is not an amount" in dialog.message.text()
    investment.setText("20000")  # 万元 = 2亿元
    investment.editingFinished.emit()
    assert dialog.result.answers["project_investment_yuan"] == 200_000_000

"""The scorecards page: counts by grade, latest scores, never-scored clients, and the
entry points (score, history, batch) on the selected or a picked client."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.core.scoring import gather_inputs, load_templates, save_snapshot, score_values
from desktop.core.scoring.templates import builtin_dir
from desktop.core.session import Session
from desktop.ui.dialogs.batch_scoring_dialog import BatchScoringDialog
from desktop.ui.dialogs.score_history_dialog import ScoreHistoryDialog
from desktop.ui.dialogs.scoring_dialog import ScoringDialog
from desktop.ui.models.scoring import latest_scores
from desktop.ui.pages.scorecards import ClientPicker, ScorecardsPage
from tests.core.scoring.conftest import add_client, make_user

pytestmark = [
    pytest.mark.usefixtures("english_messages"),
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def book(db, db_path):
    user = make_user(db, "rm.page")
    scored = add_client(db, firm_type="tech", owner_id=user.id, name="甲氢能科技有限公司")
    unscored = add_client(db, firm_type="manufacturer", owner_id=user.id, name="乙装备有限公司")
    template = load_templates([builtin_dir()]).get("tech")
    inputs = gather_inputs(db, scored, date(2026, 11, 28))
    for level in ("common", "world"):
        save_snapshot(db, user, score_values(template, inputs, {"tech_level": level}))
    session = Session(db=db, db_path=db_path, user=user, demo=False)
    return session, scored, unscored


@pytest.fixture
def page(gui, qtbot, book) -> ScorecardsPage:
    page = ScorecardsPage(book[0])
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    return page


def test_page_keeps_counts_and_lists_latest_and_unscored(page, book):
    session, scored, unscored = book
    assert page.snapshots_tile.value() == "2"
    assert page.scored_tile.value() == "1"
    assert page.unscored_tile.value() == "1"
    assert page.grade_model.rowCount() >= 1
    assert page.latest_model.rowCount() == 1  # one row per client: its newest score
    assert page.latest_model.record(0)["client_id"] == scored
    assert page.unscored_model.rowCount() == 1
    assert page.unscored_model.record(0)["id"] == unscored
    rows = latest_scores(session.db)
    newest = session.db.conn.execute(
        "SELECT id FROM scorecard_results ORDER BY rowid DESC LIMIT 1"
    ).fetchone()[0]
    assert rows[0]["id"] == newest


def test_score_button_scores_the_selected_client(page, book, monkeypatch):
    _session, scored, unscored = book
    calls: list[str] = []
    monkeypatch.setattr(
        ScoringDialog,
        "score_client",
        classmethod(lambda cls, s, cid, parent=None: (calls.append(cid), ([], False))[1]),
    )
    page.tabs.setCurrentIndex(1)
    page.unscored_view.selectRow(0)
    page.score_button.click()
    page.tabs.setCurrentIndex(0)
    page.latest_view.selectRow(0)
    page.score_button.click()
    assert calls == [unscored, scored]


def test_without_selection_a_client_is_picked(page, book, monkeypatch):
    _session, scored, _unscored = book
    monkeypatch.setattr(
        ClientPicker, "pick", classmethod(lambda cls, s, parent=None: (scored, True))
    )
    shown: list[str] = []
    monkeypatch.setattr(
        ScoreHistoryDialog,
        "show_history",
        classmethod(lambda cls, s, cid, parent=None: shown.append(cid)),
    )
    page.latest_view.clearSelection()
    assert page.selected_client_id() is None
    page.history_button.click()
    assert shown == [scored]


def test_saving_in_the_dialog_refreshes_the_page(page, book, monkeypatch):
    _session, _scored, unscored = book

    def reply(*args, **_kwargs):  # save with open questions: yes; open the history: no
        yes = "not answered" in args[2]
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(reply))

    def fake_exec(dialog):  # the RM saves, then closes
        assert dialog.save() is not None
        return 0

    monkeypatch.setattr(ScoringDialog, "exec", fake_exec)
    page.tabs.setCurrentIndex(1)
    page.unscored_view.selectRow(0)
    page.score_selected()
    assert page.unscored_tile.value() == "0"
    assert page.snapshots_tile.value() == "3"
    assert page.latest_model.rowCount() == 2
    assert {page.latest_model.record(r)["client_id"] for r in range(2)} >= {unscored}


def test_batch_button_opens_the_batch_dialog(page, monkeypatch):
    opened: list = []
    monkeypatch.setattr(
        BatchScoringDialog,
        "run_dialog",
        classmethod(lambda cls, s, parent=None, list_ids=None: opened.append(list_ids)),
    )
    page.batch_button.click()
    assert opened == [None]  # not in a main window: no client list to offer


def test_client_picker_searches_and_returns_the_choice(gui, qtbot, book):
    session, scored, _unscored = book
    picker = ClientPicker(session)
    qtbot.addWidget(picker)
    assert picker.model.rowCount() == 2
    picker.search.setText("甲氢能")
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1, timeout=3000)
    picker.view.selectRow(0)
    assert picker.chosen() == scored


def test_latest_model_passes_model_tester(page, qtmodeltester):
    qtmodeltester.check(page.latest_model, force_py=True)


def test_profile_and_client_list_open_the_scoring_page(gui, qtbot, book, monkeypatch):
    from desktop.ui.dialogs.client_profile import ClientProfileDialog  # noqa: PLC0415
    from desktop.ui.pages.clients import ClientsPage  # noqa: PLC0415

    session, scored, _unscored = book
    calls: list[str] = []
    monkeypatch.setattr(
        ScoringDialog,
        "score_client",
        classmethod(lambda cls, s, cid, parent=None: (calls.append(cid), ([], False))[1]),
    )
    profile = ClientProfileDialog(session, scored)
    qtbot.addWidget(profile)
    assert profile.score_button.isEnabled()
    profile.score_button.click()
    clients = ClientsPage(session)
    qtbot.addWidget(clients)
    row = clients.model.find_row(scored)
    clients.view.setCurrentIndex(clients.model.index(row, 0))
    assert clients.score_action in clients.view.actions()  # the row's context menu
    clients.score_action.trigger()
    assert calls == [scored, scored]

"""Windows fit the screen they open on (a branch laptop is often 1366x768)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.dialogs.batch_scoring_dialog import BatchScoringDialog
from desktop.ui.dialogs.client_profile import ClientProfileDialog
from desktop.ui.dialogs.follow_ups_dialog import FollowUpsDialog
from desktop.ui.dialogs.score_history_dialog import ScoreHistoryDialog
from desktop.ui.dialogs.scoring_dialog import ScoringDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.screen_fit import FRAME_MARGIN, fit_to_screen
from tests.core.scoring.conftest import add_statement

LAPTOP_WIDTH = 1366  # the test screen is 800x800: the height is the laptop's problem


def assert_fits(widget: QWidget) -> None:
    area = QGuiApplication.primaryScreen().availableGeometry()
    width = max(area.width(), LAPTOP_WIDTH)
    assert widget.width() <= width - FRAME_MARGIN[0], (widget.width(), area)
    assert widget.height() <= area.height() - FRAME_MARGIN[1], (widget.height(), area)


def test_fit_to_screen_shrinks_but_never_grows(gui, qtbot) -> None:
    area = QGuiApplication.primaryScreen().availableGeometry()
    big = QLabel("x")
    qtbot.addWidget(big)
    fit_to_screen(big, area.width() * 2, area.height() * 2)
    assert_fits(big)
    assert big.height() == area.height() - FRAME_MARGIN[1]
    small = QLabel("x")
    qtbot.addWidget(small)
    fit_to_screen(small, 300, 200)
    assert (small.width(), small.height()) == (300, 200)


def test_main_window_first_start_fits_the_screen(gui, qtbot, session) -> None:
    win = MainWindow(session)
    qtbot.addWidget(win)
    assert_fits(win)


@pytest.mark.parametrize("which", ["profile", "scoring", "history", "batch", "follow_ups"])
def test_large_dialogs_fit_the_screen(gui, qtbot, session, portfolio_db, which) -> None:
    db, _data = portfolio_db
    # a client without saved scores (the history then shows no comparison)
    client_id = db.conn.execute(
        "SELECT id FROM clients WHERE deleted_at IS NULL"
        " AND id NOT IN (SELECT client_id FROM scorecard_results) ORDER BY name"
    ).fetchone()[0]
    if which == "profile":  # with statements: the year tables are as high as their rows
        for year in (2023, 2024, 2025):
            add_statement(db, client_id, year, revenue_yuan=10_000_000, net_profit_yuan=500_000)
        dialog = ClientProfileDialog(session, client_id)
        dialog.tabs.setCurrentIndex(2)
    elif which == "scoring":
        dialog = ScoringDialog(session, client_id)
    elif which == "history":
        dialog = ScoreHistoryDialog(session, client_id)
    elif which == "batch":
        dialog = BatchScoringDialog(session)
    else:
        dialog = FollowUpsDialog(session)
    qtbot.addWidget(dialog)
    assert_fits(dialog)


def test_financial_tables_scroll_instead_of_growing_the_profile(gui, qtbot, session, portfolio_db):
    db, data = portfolio_db
    client_id = next(iter(data.client_ids.values()))
    for year in (2023, 2024, 2025):
        add_statement(db, client_id, year, revenue_yuan=10_000_000, net_profit_yuan=500_000)
    dialog = ClientProfileDialog(session, client_id)
    qtbot.addWidget(dialog)
    assert dialog.statements_model.rowCount() >= 10  # one row per line item
    # the tab alone must not need more than a 768-pixel screen leaves for it
    assert dialog.tabs.widget(2).minimumSizeHint().height() < 450

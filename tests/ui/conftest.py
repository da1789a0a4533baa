"""Fixtures for GUI tests: a configured application, a session on a small portfolio."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlite_utils
from PySide6.QtWidgets import QMessageBox

from desktop.core import i18n as core_i18n
from desktop.core.session import CurrentUser, Session
from desktop.ui import app as ui_app
from desktop.ui import i18n
from desktop.ui.main_window import MainWindow
from tests.ui.portfolio_data import Portfolio, build_portfolio


@pytest.fixture(autouse=True)
def no_unexpected_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box nobody patched would wait for a click forever (offscreen CI
    hangs); fail the test instead. Tests that expect one patch it after this."""

    def unexpected(kind: str):
        def box(parent, title, text, *args, **kwargs):
            raise AssertionError(f"unexpected {kind} message box: {title}: {text}")

        return box

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(unexpected(kind)))


@pytest.fixture
def gui(qapp):
    """The application configured as the real one (font, translators), in English;
    left in English afterwards whatever the test switched to."""
    core_language = core_i18n.language()
    application = ui_app.create_application(["pytest"], language="en")
    yield application
    i18n.install_language("en")  # removes our translators
    core_i18n.set_language(core_language)  # other tests expect what they found


@pytest.fixture
def portfolio_db(db: sqlite_utils.Database) -> tuple[sqlite_utils.Database, Portfolio]:
    return db, build_portfolio(db)


def make_session(db, db_path, user_id: str, *, demo: bool = False) -> Session:
    user = CurrentUser(id=user_id, username="wang", display_name="王经理", role="rm")
    return Session(db=db, db_path=db_path, user=user, demo=demo)


@pytest.fixture
def session(portfolio_db, db_path) -> Session:
    db, data = portfolio_db
    return make_session(db, db_path, data.rm_id)


@pytest.fixture
def window(gui, session, qtbot) -> Iterator:
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    yield win

"""The main window: navigation, shortcuts, status bar, language switch, window state."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.core import preferences
from desktop.core.demo import generate_demo
from desktop.ui import i18n
from desktop.ui.main_window import PAGE_KEYS, MainWindow
from tests.ui.conftest import make_session
from tests.ui.portfolio_data import add_client

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    # the offscreen platform's own notice, not a problem of ours
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

NAV_EN = ["Clients", "Scorecards", "Pipeline", "Memos", "Settings"]
NAV_ZH = ["客户", "评分卡", "贷款管道", "授信报告", "设置"]


def nav_texts(window: MainWindow) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_window_builds_with_every_page_and_real_figures(window: MainWindow) -> None:
    assert window.windowTitle() == "H2 Credit Desk"
    assert nav_texts(window) == NAV_EN
    assert [p.objectName() for p in window.pages] == [f"page_{k}" for k in PAGE_KEYS]
    assert window.stack.currentWidget() is window.clients_page
    clients = window.clients_page
    assert clients.total_tile.value() == "5"
    assert clients.status_tiles["prospect"].value() == "2"
    assert clients.follow_up_tile.value() == "2"
    assert clients.model.rowCount() == 5
    assert window.pipeline_page.open_deals_tile.value() == "5"
    # 12,345,600 + 5,000,000 + 3,000,001 + 20,000,000 + 2,000,000 yuan, exactly
    assert window.pipeline_page.open_amount_tile.value() == "4,234.56"
    assert window.memos_page.memos_tile.value() == "1"
    assert window.memos_page.missing_tile.value() == "3"
    assert window.scorecards_page.unscored_tile.value() == "2"


@pytest.mark.parametrize("number", range(5))
def test_each_page_via_navigation_click(window: MainWindow, qtbot, number: int) -> None:
    rect = window.nav.visualItemRect(window.nav.item(number))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentIndex() == number
    assert window.current_page() is window.pages[number]
    assert window.pages[number].isVisible()


@pytest.mark.parametrize("number", [2, 3, 4, 5, 1])
def test_each_page_via_ctrl_number(window: MainWindow, qtbot, number: int) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    if number == 1:
        window.show_page(3)
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == number - 1
    assert window.nav.currentRow() == number - 1


def test_f5_refreshes_from_the_database(window: MainWindow, qtbot, session) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    add_client(session.db, "己新客户有限公司", serial=99, owner_id=None, status="prospect")
    assert window.clients_page.total_tile.value() == "5"
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.clients_page.total_tile.value() == "6"
    assert window.clients_page.status_tiles["prospect"].value() == "3"
    assert window.clients_page.model.rowCount() == 6
    assert window.scorecards_page.unscored_tile.value() == "3"


def test_ctrl_q_closes_the_window(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_status_bar_shows_database_and_user(window: MainWindow, db_path) -> None:
    assert str(db_path) in window.db_label.text()
    assert window.user_label.text() == "User: 王经理 (Relationship manager)"
    assert not window.demo_label.isVisible()


def test_demo_marker_and_title(gui, qtbot, portfolio_db, db_path) -> None:
    db, data = portfolio_db
    win = MainWindow(make_session(db, db_path, data.rm_id, demo=True))
    qtbot.addWidget(win)
    win.show()
    assert win.demo_label.isVisible()
    assert win.demo_label.text() == "DEMO DATA"
    assert win.windowTitle() == "H2 Credit Desk — demo"


def test_language_switch_retranslates_everything_visible(window: MainWindow, qtbot) -> None:
    settings = window.settings_page
    window.show_page(4)
    settings.set_language("zh_CN")
    # Qt posts LanguageChange to the windows; it arrives with the next event loop pass.
    qtbot.waitUntil(lambda: nav_texts(window) == NAV_ZH)
    assert window.windowTitle() == "氢能信贷工作台"
    assert window.user_label.text() == "当前用户：王经理（客户经理）"
    assert window.clients_page.title.text() == "客户"
    assert window.clients_page.status_tiles["active"].caption() == "存量客户"
    model = window.clients_page.model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "统一社会信用代码"
    status_col = 6
    assert {model.index(r, status_col).data() for r in range(model.rowCount())} >= {"潜在客户"}
    stage_model = window.pipeline_page.model
    assert stage_model.index(0, 0).data() == "需求确认"
    assert window.pipeline_page.chart_categories()[-1] == "需求确认"
    assert window.memos_page.title.text() == "授信报告"
    assert preferences.load().language == "zh_CN"  # remembered

    settings.set_language("en")
    qtbot.waitUntil(lambda: nav_texts(window) == NAV_EN)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Unified social credit code"
    assert window.pipeline_page.chart_categories()[-1] == "Need confirmed"
    assert preferences.load().language == "en"


def test_settings_page_shows_paths_and_saves_backup_preferences(gui, qtbot, session, db_path):
    # backup preferences need "settings.manage": an administrator's window
    admin = dataclasses.replace(session.user, role="admin")
    window = MainWindow(dataclasses.replace(session, user=admin))
    qtbot.addWidget(window)
    page = window.settings_page
    assert page.db_path.text() == str(db_path)
    assert page.log_file.text().endswith("h2desk.log")
    page.keep_days.setValue(45)
    page.backup_folder.setText("/srv/backups")
    page.backup_folder.editingFinished.emit()
    prefs = preferences.load()
    assert (prefs.backup_keep_days, prefs.backup_folder) == (45, "/srv/backups")


def test_window_geometry_is_remembered(gui, qtbot, session) -> None:
    first = MainWindow(session)
    qtbot.addWidget(first)
    first.show()
    # the offscreen screen is 800x600 and restoreGeometry keeps windows on screen
    first.resize(780, 470)
    first.move(QPoint(40, 30))
    qtbot.wait(10)
    first.close()
    second = MainWindow(session)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (780, 470)


def test_default_size_without_saved_geometry(gui, qtbot, session) -> None:
    win = MainWindow(session)
    qtbot.addWidget(win)
    area = QGuiApplication.primaryScreen().availableGeometry()
    expected = (min(1280, area.width() - 16), min(800, area.height() - 48))
    assert (win.width(), win.height()) == expected


def test_quit_leaves_no_top_level_window_from_us(window: MainWindow) -> None:
    window.close()
    assert window not in [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_language_box_follows_a_switch_made_elsewhere(window: MainWindow, qtbot) -> None:
    box = window.settings_page.language_box
    assert box.currentData() == "en"
    i18n.install_language("zh_CN")
    qtbot.waitUntil(lambda: box.currentData() == "zh_CN")
    assert not preferences.preferences_path().exists()  # following a switch saves nothing


def test_main_window_on_the_demo_portfolio(gui, qtbot, db, db_path) -> None:
    generate_demo(db, clients=50)
    user_id = db.conn.execute("SELECT id FROM users ORDER BY username LIMIT 1").fetchone()[0]
    win = MainWindow(make_session(db, db_path, user_id, demo=True))
    qtbot.addWidget(win)
    win.show()
    assert win.clients_page.model.rowCount() == 50
    assert win.clients_page.total_tile.value() == "50"
    stages = {r.stage: r.deals for r in win.pipeline_page._stages}
    assert sum(stages.values()) > 0
    assert win.memos_page.model.rowCount() == int(win.memos_page.deals_tile.value())
    assert win.memos_page.model.rowCount() == sum(
        stages[s] for s in ("review", "approved", "contract")
    )
    for number in range(5):
        win.show_page(number)
        assert win.current_page().isVisible()


def test_a_page_shown_again_reflects_changes_made_meanwhile(window, session) -> None:
    clients = window.clients_page
    before = int(clients.total_tile.value().replace(",", ""))
    window.show_page(PAGE_KEYS.index("pipeline"))
    add_client(session.db, "新增氢能科技有限公司", serial=9001, owner_id=session.user.id)
    window.show_page(PAGE_KEYS.index("clients"))
    assert int(clients.total_tile.value().replace(",", "")) == before + 1
    assert clients.model.rowCount() == before + 1


def test_a_page_is_not_reread_when_nothing_changed(window, monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(window.pipeline_page, "refresh", lambda: calls.append(1))
    window.show_page(PAGE_KEYS.index("pipeline"))
    window.show_page(PAGE_KEYS.index("clients"))
    window.show_page(PAGE_KEYS.index("pipeline"))
    assert calls == []

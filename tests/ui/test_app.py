"""Starting the GUI: application set-up, font, translators, startup errors, run_gui."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication, QMessageBox

from db.errors import (
    CorruptDatabaseError,
    DatabaseError,
    NetworkPathError,
    NewerSchemaError,
    NotADatabaseError,
)
from desktop.core import i18n as core_i18n
from desktop.core import preferences
from desktop.ui import app as ui_app
from desktop.ui import crash, fonts, i18n
from desktop.ui.main_window import MainWindow

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def critical(parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    return shown


@pytest.fixture
def restore_hooks():
    yield
    crash.uninstall()


def test_create_application_is_idempotent(gui) -> None:
    again = ui_app.create_application(["other"])
    assert again is gui is QApplication.instance()
    assert gui.property("h2desk_configured") is True


def test_bundled_font_is_registered_and_a_fallback(gui) -> None:
    families = fonts.register_bundled_font()
    assert families and "WenQuanYi" in families[0]
    assert families[0] in QFontDatabase.families()
    assert families[0] in gui.font().families()
    raw = QRawFont.fromFont(QFont(families[0], 12))
    assert raw.familyName() == families[0]
    glyphs = raw.glyphIndexesForString("氢能信贷工作台客户经理")
    assert len(glyphs) == 11
    assert 0 not in glyphs  # every character has a glyph (0 = missing, drawn as tofu)
    assert QFontDatabase.WritingSystem.SimplifiedChinese in raw.supportedWritingSystems()


def test_language_switch_installs_and_removes_translators(gui) -> None:
    assert i18n.install_language("zh_CN") is True
    assert QCoreApplication.translate("MainWindow", "Clients") == "客户"
    assert core_i18n.language() == "zh_CN"
    # Qt's own strings (standard buttons) come from qtbase_zh_CN.qm
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    i18n.install_language("en")
    assert QCoreApplication.translate("MainWindow", "Clients") == "Clients"
    assert core_i18n.language() == "en"
    with pytest.raises(ValueError, match="unsupported"):
        i18n.install_language("fr")


def test_create_application_uses_the_saved_language(gui) -> None:
    preferences.update(language="zh_CN")
    ui_app.create_application([], language="en")
    assert i18n.current_language() == "en"  # explicit choice wins
    gui.setProperty("h2desk_configured", False)
    ui_app.create_application([])
    assert i18n.current_language() == "zh_CN"


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (NotADatabaseError("x"), "not an SQLite file"),
        (CorruptDatabaseError("x", detail="page 7 bad"), "damaged"),
        (NewerSchemaError("x", detail="9 > 2"), "newer version"),
        (NetworkPathError("x"), "network drive"),
        (DatabaseError("x"), "could not be opened"),
    ],
)
def test_startup_error_text_names_file_and_reason(gui, error, words) -> None:
    text = ui_app.startup_error_text(error, Path("/data/h2desk.sqlite3"))
    assert "/data/h2desk.sqlite3" in text
    assert words in text
    assert "Traceback" not in text
    if error.detail:
        assert error.detail in text


def test_startup_error_text_in_chinese(gui) -> None:
    i18n.install_language("zh_CN")
    text = ui_app.startup_error_text(NewerSchemaError("x"), Path("C:/h2.sqlite3"))
    assert "无法打开数据库文件" in text
    assert "更新版本" in text


def test_run_gui_on_a_file_that_is_not_a_database(
    gui, message_boxes, restore_hooks, tmp_path
) -> None:
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("these are my meeting notes, not a database", encoding="utf-8")
    assert ui_app.run_gui(bogus, demo=False, language="en") == 2
    assert len(message_boxes) == 1
    title, text = message_boxes[0]
    assert "cannot open the database" in title
    assert str(bogus) in text
    assert "not an SQLite file" in text
    assert bogus.read_text(encoding="utf-8").startswith("these are my meeting notes")


def test_run_gui_reports_any_database_error_code(
    gui, message_boxes, restore_hooks, monkeypatch, tmp_path
) -> None:
    def refuse(path, *args, **kwargs):
        raise NetworkPathError("on a share", detail=str(path))

    monkeypatch.setattr("desktop.ui.app.open_database", refuse)
    assert ui_app.run_gui(tmp_path / "x.sqlite3", demo=False) == 2
    assert "network drive" in message_boxes[0][1]


def test_run_gui_opens_the_main_window_and_exits_cleanly(
    gui, message_boxes, restore_hooks, tmp_path, monkeypatch
) -> None:
    seen: list[str] = []

    def close_main_window():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen.extend(w.windowTitle() for w in windows if w.isVisible())
        for w in windows:
            w.close()

    def first_run(db, parent=None, *, database=""):
        # the first-run wizard, answered: an administrator is created
        from desktop.core import security  # noqa: PLC0415

        return security.create_first_admin(db, "admin", "管理员", "Admin-Pass-1"), True

    monkeypatch.setattr("desktop.ui.app.FirstRunDialog.run", first_run)
    QTimer.singleShot(0, close_main_window)
    db_file = tmp_path / "fresh.sqlite3"
    assert ui_app.run_gui(db_file, demo=False, language="en") == 0
    assert message_boxes == []
    assert len(seen) == 1
    assert seen[0] == "H2 Credit Desk"
    assert db_file.exists()

"""Backups in the app: back up now, settings rights, the restore dialog, scheduled and
on-exit backups, restore from the app (close, restore, reopen)."""

from __future__ import annotations

import os
from datetime import datetime
from types import SimpleNamespace

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from db import audit, users
from db.backup import backup_database, backup_file_name
from db.connection import open_database, write
from desktop.core import backups, preferences, security
from desktop.core.session import Session
from desktop.ui import app as ui_app
from desktop.ui import crash
from desktop.ui.dialogs.restore_dialog import BackupRow, RestoreDialog, backup_columns
from desktop.ui.dialogs.sign_in import SignInDialog
from desktop.ui.main_window import HOUR_MS, MainWindow
from desktop.ui.models.record_table import RecordTableModel
from desktop.ui.pages.settings import SettingsPage

pytestmark = [
    pytest.mark.usefixtures("english_messages"),
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture
def env(gui, db, db_path, monkeypatch, tmp_path) -> SimpleNamespace:
    monkeypatch.setattr(security, "_DEFAULT_HASHER", FAST)
    preferences.update(backup_folder=str(tmp_path / "backups"))
    admin = security.create_first_admin(db, "admin", "系统管理员", "Admin-Pass-1")
    rm = security._current_user(
        security.create_user(db, admin, "wang", "王经理", "rm", "Good-Pass-123")
    )
    return SimpleNamespace(db=db, db_path=db_path, admin=admin, rm=rm, folder=tmp_path / "backups")


@pytest.fixture(autouse=True)
def crash_hooks_removed():
    """run_gui installs the crash handler; later tests expect Python's own hooks."""
    yield
    crash.uninstall()


@pytest.fixture
def boxes(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def record(kind):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return QMessageBox.StandardButton.Yes

        return staticmethod(show)

    for kind in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return shown


def _settings(qtbot, env, user) -> SettingsPage:
    page = SettingsPage(Session(db=env.db, db_path=env.db_path, user=user))
    qtbot.addWidget(page)
    return page


def test_back_up_now_as_administrator(env, qtbot, boxes):
    page = _settings(qtbot, env, env.admin)
    assert page.backup_now_button.isEnabled() and page.restore_button.isEnabled()
    written = page.backup_now()
    assert written is not None and written.parent == env.folder and written.exists()
    assert boxes[-1][0] == "information"
    assert written.name in page.last_backup.text()
    entry = audit.list_entries(env.db, audit.AuditFilter(action="backup.create"))[0]
    assert (entry["user_id"], entry["reason"]) == (env.admin.id, "on request")


def test_settings_are_read_only_for_a_relationship_manager(env, qtbot, boxes):
    page = _settings(qtbot, env, env.rm)
    for widget in (page.idle_minutes, page.keep_days, page.backup_folder, page.backup_now_button):
        assert not widget.isEnabled()
    assert not page.restore_button.isEnabled()
    assert page.admin_note.isVisibleTo(page)
    assert "Change settings" in page.admin_note.text()
    assert page.language_box.isEnabled()  # everyone chooses their own language
    # the refusal also holds when the widgets are driven directly
    page.idle_minutes.setValue(2)
    assert preferences.load().idle_lock_minutes == 15
    assert "Change settings" in boxes[-1][1]
    assert page.backup_now() is None
    assert "Back up the database" in boxes[-1][1]
    assert page.choose_restore() is None
    assert "Restore a backup" in boxes[-1][1]
    assert not env.folder.exists() or not list(env.folder.iterdir())


def _backup(folder, when: datetime, db) -> os.PathLike:
    folder.mkdir(parents=True, exist_ok=True)
    return backup_database(db, folder / backup_file_name(when))


def test_backup_list_model(env, qtmodeltester):
    _backup(env.folder, datetime(2025, 10, 1, 8), env.db)
    rows = [BackupRow(i) for i in backups.list_backups([env.folder])]
    rows.append(BackupRow(rows[0].info, problems=["bad page"]))
    model = RecordTableModel(backup_columns(), rows)
    qtmodeltester.check(model, force_py=True)
    assert model.index(1, 2).data() == "damaged (see the tooltip)"
    assert model.index(1, 2).data(Qt.ItemDataRole.ToolTipRole) == "bad page"
    assert model.index(0, 3).data() == rows[0].info.path.name


def test_restore_dialog_lists_and_verifies(env, qtbot):
    good_old = _backup(env.folder, datetime(2025, 10, 1, 8), env.db)
    good_new = _backup(env.folder, datetime(2025, 10, 2, 8), env.db)
    damaged = env.folder / backup_file_name(datetime(2025, 10, 3, 8))
    damaged.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    dialog = RestoreDialog([env.folder])
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 3
    assert dialog.model.index(0, 0).data() == "2025-10-03 08:00:00"
    assert dialog.model.index(0, 2).data().startswith("damaged")
    # the newest good backup is preselected; older ones are verified on selection only
    assert dialog.selected().info.path == good_new
    assert dialog.model.index(1, 2).data() == "verified: good"
    assert dialog.model.index(2, 2).data() == "not checked yet"
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.view.setCurrentIndex(dialog.model.index(0, 0))
    assert not ok.isEnabled()
    assert "cannot be restored" in dialog.message.text()
    dialog.view.setCurrentIndex(dialog.model.index(2, 0))
    assert ok.isEnabled() and dialog.selected().info.path == good_old
    dialog.submit()
    assert dialog.chosen == good_old and dialog.result() == QDialog.DialogCode.Accepted


def test_restore_dialog_in_damaged_mode_and_classmethod(env, qtbot, monkeypatch, tmp_path):
    good = _backup(env.folder, datetime(2025, 10, 2, 8), env.db)
    elsewhere = _backup(tmp_path / "usb", datetime(2025, 9, 1, 8), env.db)

    def answer(self):
        assert "damaged" in self.title.text()
        assert str(env.db_path) in self.intro.text()
        self.add_file(elsewhere)
        assert self.selected().info.path == elsewhere and self.selected().good
        self.submit()
        return self.result()

    monkeypatch.setattr(RestoreDialog, "exec", answer)
    assert RestoreDialog.choose([env.folder], damaged_db=env.db_path) == (elsewhere, True)
    monkeypatch.setattr(RestoreDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert RestoreDialog.choose([env.folder]) == (None, False)
    assert good.exists()


def test_scheduled_and_on_exit_backups(env, qtbot, boxes):
    window = MainWindow(Session(db=env.db, db_path=env.db_path, user=env.rm))
    qtbot.addWidget(window)
    assert not window.backup_timer.isActive()  # only the real application enables it
    window.enable_auto_backup()
    assert window.backup_timer.interval() == 4 * HOUR_MS
    window.backup_timer.timeout.emit()  # as if 4 hours had passed
    window.close()
    entries = audit.list_entries(env.db, audit.AuditFilter(action="backup.create"))
    assert [e["reason"] for e in entries] == ["on exit", "scheduled"]
    assert all(e["user_id"] == env.rm.id for e in entries)  # every role is backed up
    assert len(list(env.folder.glob("h2desk-backup-*.sqlite3"))) >= 1
    assert boxes == []


def test_failed_on_exit_backup_does_not_block_closing(env, qtbot, boxes, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    preferences.update(backup_folder=str(blocker / "sub"))
    window = MainWindow(Session(db=env.db, db_path=env.db_path, user=env.admin))
    qtbot.addWidget(window)
    window.show()
    window.enable_auto_backup()
    window.close()
    assert not window.isVisible()
    assert boxes and boxes[0][0] == "warning" and "could not be written" in boxes[0][1]


def test_demo_sessions_are_not_backed_up(env, qtbot):
    window = MainWindow(Session(db=env.db, db_path=env.db_path, user=env.rm, demo=True))
    qtbot.addWidget(window)
    window.enable_auto_backup()
    assert not window.auto_backup and not window.backup_timer.isActive()


def test_restore_from_the_app_closes_restores_and_reopens(env, boxes, monkeypatch):
    backup = backups.run_scheduled_backup(env.db, env.admin).path
    with write(env.db):
        env.db.conn.execute("UPDATE users SET display_name = 'after the backup'")
    env.db.close()  # the app opens its own connection
    answers = [(env.admin, True), (None, False)]
    seen: list[set[str]] = []

    def sign_in(db, parent=None, *, database=""):
        seen.append({r["display_name"] for r in users.list_users(db)})
        return answers.pop(0)

    def choose_restore():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                monkeypatch.setattr(RestoreDialog, "choose", lambda *a, **k: (backup, True))
                assert w.settings_page.choose_restore() == backup

    monkeypatch.setattr(SignInDialog, "run", sign_in)
    QTimer.singleShot(0, choose_restore)
    assert ui_app.run_gui(env.db_path, demo=False, language="en") == 0
    assert "after the backup" in seen[0]
    assert "after the backup" not in seen[1]  # reopened on the restored database
    info = [text for kind, text in boxes if kind == "information"]
    assert any("restored from" in text and "Sign in again" in text for text in info)
    kept = sorted(env.db_path.parent.glob("*.before-restore-*.sqlite3"))
    assert len(kept) == 1
    db = open_database(env.db_path)
    try:
        entry = audit.list_entries(db, audit.AuditFilter(action="backup.restore"))[0]
        assert entry["user_id"] == env.admin.id
        assert audit.verify_chain(db).ok
    finally:
        db.close()


def test_restore_refused_for_others_leaves_the_database(env, boxes):
    backup = backups.run_scheduled_backup(env.db, env.admin).path
    env.db.close()
    before = env.db_path.read_bytes()
    ui_app.restore_and_report(env.db_path, backup, env.rm)
    assert boxes[-1][0] == "warning" and "Restore a backup" in boxes[-1][1]
    assert env.db_path.read_bytes() == before

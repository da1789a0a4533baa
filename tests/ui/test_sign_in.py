"""Start-up: first-run wizard, sign-in, demo sign-in, idle lock, damaged database recovery."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from db import audit, users
from db.connection import open_database, write
from desktop.core import backups, preferences, security, startup
from desktop.core.session import Session
from desktop.ui import app as ui_app
from desktop.ui import crash
from desktop.ui.dialogs.first_run import FirstRunDialog
from desktop.ui.dialogs.lock_screen import SIGNED_OUT, UNLOCKED, LockScreen
from desktop.ui.dialogs.restore_dialog import RestoreDialog
from desktop.ui.dialogs.sign_in import SignInDialog
from desktop.ui.main_window import MainWindow

pytestmark = [
    pytest.mark.usefixtures("english_messages", "fast_hashing"),
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
ADMIN_PASSWORD = "Admin-Pass-1"


@pytest.fixture
def fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(security, "_DEFAULT_HASHER", FAST)


@pytest.fixture
def admin(db):
    return security.create_first_admin(db, "admin", "系统管理员", ADMIN_PASSWORD)


@pytest.fixture(autouse=True)
def crash_hooks_removed():
    """run_gui installs the crash handler; later tests expect Python's own hooks."""
    yield
    crash.uninstall()


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def record(kind):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return shown


# --- first run ---------------------------------------------------------------------------


def test_first_run_wizard_rejects_a_weak_password_then_creates_the_admin(gui, qtbot, db):
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.username.setText("admin")
    dialog.display_name.setText("系统管理员")
    dialog.passwords.set_passwords("short1")
    # the rules are shown while typing
    assert "at least 10 characters" in dialog.passwords.rules.text()
    dialog.submit()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.text() == "Correct the new password as shown in red above."
    assert "at least 10 characters" in dialog.passwords.rules.text()
    assert security.first_run_needed(db)
    dialog.passwords.set_passwords(ADMIN_PASSWORD, "Admin-Pass-2")
    assert "not the same" in dialog.passwords.rules.text()
    dialog.submit()
    assert security.first_run_needed(db)
    dialog.passwords.set_passwords("admin")  # the user name as password, too short
    assert "must not be the user name" in dialog.passwords.rules.text()
    dialog.passwords.set_passwords(ADMIN_PASSWORD)
    assert "meets the rules" in dialog.passwords.rules.text()
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user is not None and dialog.user.role == "admin"
    assert not security.first_run_needed(db)
    assert security.sign_in(db, "admin", ADMIN_PASSWORD).id == dialog.user.id


def test_first_run_classmethod_returns_the_user(gui, db, monkeypatch):
    def answer(self):
        self.username.setText("chief")
        self.display_name.setText("行长")
        self.passwords.set_passwords("Chief-Pass-99")
        self.submit()
        return self.result()

    monkeypatch.setattr(FirstRunDialog, "exec", answer)
    user, ok = FirstRunDialog.run(db)
    assert ok and user is not None and user.username == "chief"
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert FirstRunDialog.run(db) == (None, False)


# --- sign-in -----------------------------------------------------------------------------


def _sign_in_dialog(qtbot, db, username, password) -> SignInDialog:
    dialog = SignInDialog(db)
    qtbot.addWidget(dialog)
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.submit()
    return dialog


def test_sign_in_ok(gui, qtbot, db, admin):
    dialog = _sign_in_dialog(qtbot, db, "admin", ADMIN_PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user == admin
    assert audit.list_entries(db, limit=1)[0]["action"] == "auth.sign_in"


def test_sign_in_wrong_password(gui, qtbot, db, admin):
    dialog = _sign_in_dialog(qtbot, db, "admin", "Wrong-Pass-1")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.user is None
    assert dialog.message.text() == "The user name or the password is wrong."
    assert dialog.password.text() == ""
    # an unknown user gets the same message
    dialog.username.setText("nobody")
    dialog.password.setText(ADMIN_PASSWORD)
    dialog.submit()
    assert dialog.message.text() == "The user name or the password is wrong."


def test_sign_in_locked_after_too_many_failures(gui, qtbot, db, admin):
    dialog = SignInDialog(db)
    qtbot.addWidget(dialog)
    dialog.username.setText("admin")
    for _ in range(security.MAX_FAILED_SIGN_INS):
        dialog.password.setText("Wrong-Pass-1")
        dialog.submit()
    text = dialog.message.text()
    assert "locked" in text
    until = security.locked_until(db, admin.id)
    assert until is not None
    assert until.astimezone().strftime("%H:%M") in text
    # even the right password is refused while locked
    dialog.password.setText(ADMIN_PASSWORD)
    dialog.submit()
    assert dialog.user is None and "locked" in dialog.message.text()


def test_sign_in_asks_for_a_new_password_when_required(gui, qtbot, db, admin):
    security.create_user(db, admin, "wang", "王经理", "rm", "Temp-Pass-123")
    dialog = _sign_in_dialog(qtbot, db, "wang", "Temp-Pass-123")
    assert dialog.pages.currentIndex() == 1
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.new_password.set_passwords("Temp-Pass-123")
    dialog.submit()
    assert "must differ" in dialog.message.text()
    dialog.new_password.set_passwords("weak")
    dialog.submit()
    assert "shown in red" in dialog.message.text()
    assert "at least 10 characters" in dialog.new_password.rules.text()
    dialog.new_password.set_passwords("Mine-Pass-456")
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not security.password_change_required(db, dialog.user.id)
    assert security.sign_in(db, "wang", "Mine-Pass-456").username == "wang"


# --- run_gui flow ------------------------------------------------------------------------


def _close_windows_later(titles: list[str], status: list[str]) -> None:
    def close():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                titles.append(w.windowTitle())
                status.append(w.mode_label.text() if w.mode_label.isVisible() else "")
                w.close()

    QTimer.singleShot(0, close)


def test_demo_signs_in_without_password_and_says_so(gui, boxes, tmp_path):
    titles: list[str] = []
    status: list[str] = []
    _close_windows_later(titles, status)
    path = tmp_path / "demo.sqlite3"
    assert ui_app.run_gui(path, demo=True, language="en") == 0
    assert titles == ["H2 Credit Desk — demo"]
    assert status == ["Demo mode: signed in automatically as the demo relationship manager"]
    db = open_database(path)
    try:
        entry = audit.list_entries(db, audit.AuditFilter(action="auth.sign_in"))[0]
        assert entry["reason"] == "demo mode, no password"
        assert users.get_user(db, entry["user_id"])["username"] == startup.DEMO_USERNAME
    finally:
        db.close()


def test_sign_out_returns_to_the_sign_in(gui, boxes, tmp_path, monkeypatch):
    path = tmp_path / "h2.sqlite3"
    db = open_database(path)
    admin = security.create_first_admin(db, "admin", "管理员", ADMIN_PASSWORD)
    db.close()
    answers = [(admin, True), (None, False)]
    calls: list[str] = []

    def sign_in(db, parent=None, *, database=""):
        calls.append(database)
        return answers.pop(0)

    def sign_out_soon():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                w.sign_out(reason="test")

    monkeypatch.setattr(SignInDialog, "run", sign_in)
    QTimer.singleShot(0, sign_out_soon)
    assert ui_app.run_gui(path, demo=False, language="en") == 0
    assert calls == [str(path), str(path)]
    db = open_database(path)
    try:
        actions = [e["action"] for e in audit.list_entries(db, limit=2)]
        # signing out closes the window, which also writes the on-exit backup
        assert actions == ["backup.create", "auth.sign_out"]
    finally:
        db.close()


def _damage(path: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk would."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    middle = len(data) // page // 2
    data[(middle - 3) * page : (middle + 3) * page] = b"\xa5" * (6 * page)
    path.write_bytes(bytes(data))


def test_damaged_database_is_offered_the_newest_good_backup(gui, boxes, tmp_path, monkeypatch):
    path = tmp_path / "h2.sqlite3"
    db = open_database(path)
    admin = security.create_first_admin(db, "admin", "管理员", ADMIN_PASSWORD)
    with write(db):
        db.conn.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, payload TEXT)")
        db.conn.executemany("INSERT INTO filler (payload) VALUES (?)", [("x" * 200,)] * 2000)
    older = backups.run_scheduled_backup(db, admin, now=datetime(2025, 11, 1, 9)).path
    newest = backups.run_scheduled_backup(db, admin, now=datetime(2025, 11, 2, 9)).path
    db.close()
    _damage(path)
    offered: list[tuple] = []

    def choose(folders, parent=None, *, damaged_db=None):
        offered.append((damaged_db, backups.newest_good_backup(folders)))
        return backups.newest_good_backup(folders), True

    seen_users: list[int] = []

    def sign_in(db, parent=None, *, database=""):
        seen_users.append(len(users.list_users(db)))
        return None, False

    monkeypatch.setattr(RestoreDialog, "choose", choose)
    monkeypatch.setattr(SignInDialog, "run", sign_in)
    assert ui_app.run_gui(path, demo=False, language="en") == 0
    assert offered == [(path, newest)]
    assert seen_users == [1]  # the restored database opened and reached the sign-in
    assert boxes and boxes[0][0] == "information" and "damaged file is kept" in boxes[0][1]
    kept = sorted(path.parent.glob("h2.before-restore-*.sqlite3"))
    assert len(kept) == 1
    assert older.exists()
    db = open_database(path)
    try:
        entry = audit.list_entries(db, audit.AuditFilter(action="backup.restore"))[0]
        assert entry["user_id"].startswith("os:")
        assert entry["after"]["source"] == str(newest)
    finally:
        db.close()


def test_damaged_database_and_the_user_quits(gui, boxes, tmp_path, monkeypatch):
    path = tmp_path / "h2.sqlite3"
    db = open_database(path)
    admin = security.create_first_admin(db, "admin", "管理员", ADMIN_PASSWORD)
    with write(db):
        db.conn.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, payload TEXT)")
        db.conn.executemany("INSERT INTO filler (payload) VALUES (?)", [("x" * 200,)] * 2000)
    backups.run_scheduled_backup(db, admin)
    db.close()
    _damage(path)
    before = path.read_bytes()
    monkeypatch.setattr(RestoreDialog, "choose", lambda *a, **k: (None, False))
    assert ui_app.run_gui(path, demo=False, language="en") == 2
    assert path.read_bytes() == before  # left alone


def test_damaged_database_without_backups_explains(gui, boxes, tmp_path):
    path = tmp_path / "h2.sqlite3"
    db = open_database(path)
    with write(db):
        db.conn.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, payload TEXT)")
        db.conn.executemany("INSERT INTO filler (payload) VALUES (?)", [("x" * 200,)] * 2000)
    db.close()
    _damage(path)
    assert ui_app.run_gui(path, demo=False, language="en") == 2
    assert boxes[0][0] == "critical" and "damaged" in boxes[0][1]


# --- idle lock ---------------------------------------------------------------------------


@pytest.fixture
def admin_window(gui, qtbot, db, db_path, admin):
    window = MainWindow(Session(db=db, db_path=db_path, user=admin))
    qtbot.addWidget(window)
    window.show()
    return window


def test_idle_lock_triggers_after_the_configured_time(admin_window, qtbot, monkeypatch):
    seen: list[bool] = []

    def run(session, parent=None):
        seen.append(admin_window.root.currentWidget() is admin_window.locked_panel)
        return UNLOCKED, True

    monkeypatch.setattr(LockScreen, "run", run)
    admin_window.idle_watcher.set_timeout(100)
    admin_window.idle_watcher.start()
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert seen == [True]  # the data was hidden while the lock screen ran
    assert admin_window.root.currentIndex() == 0
    assert admin_window.idle_watcher.is_running()  # counting again after unlocking


def test_activity_postpones_the_lock(admin_window, qtbot, monkeypatch):
    locked: list[bool] = []

    def run(*args, **kwargs):
        locked.append(True)
        return UNLOCKED, True

    monkeypatch.setattr(LockScreen, "run", run)
    admin_window.idle_watcher.set_timeout(300)
    admin_window.idle_watcher.start()
    for _ in range(5):
        qtbot.wait(100)
        qtbot.keyClick(admin_window.nav, "a")
    assert locked == []
    qtbot.waitUntil(lambda: bool(locked), timeout=3000)


def test_idle_minutes_preference_is_used(gui, qtbot, db, db_path, admin):
    preferences.update(idle_lock_minutes=7)
    window = MainWindow(Session(db=db, db_path=db_path, user=admin))
    qtbot.addWidget(window)
    assert window.idle_watcher.timeout() == 7 * 60_000
    window.settings_page.idle_minutes.setValue(3)  # an administrator may change it
    assert window.idle_watcher.timeout() == 3 * 60_000
    assert preferences.load().idle_lock_minutes == 3


def test_lock_screen_unlocks_with_the_right_password_only(gui, qtbot, db, db_path, admin):
    screen = LockScreen(Session(db=db, db_path=db_path, user=admin))
    qtbot.addWidget(screen)
    screen.password.setText("Wrong-Pass-1")
    screen.try_unlock()
    assert screen.result_value == ""
    assert screen.message.text() == "The password is wrong."
    screen.reject()  # Escape does not unlock
    assert screen.result_value == ""
    screen.password.setText(ADMIN_PASSWORD)
    screen.try_unlock()
    assert screen.result_value == UNLOCKED
    assert screen.result() == QDialog.DialogCode.Accepted
    failed = audit.list_entries(db, audit.AuditFilter(action="auth.unlock_failed"))
    assert len(failed) == 1


def test_lock_screen_signs_out_after_too_many_failures(gui, qtbot, db, db_path, admin):
    screen = LockScreen(Session(db=db, db_path=db_path, user=admin))
    qtbot.addWidget(screen)
    for _ in range(security.MAX_FAILED_SIGN_INS):
        screen.password.setText("Wrong-Pass-1")
        screen.try_unlock()
    assert screen.result_value == SIGNED_OUT
    assert "signed out" in screen.message.text()


def test_window_signs_out_when_the_lock_screen_does(admin_window, qtbot, monkeypatch, db):
    monkeypatch.setattr(LockScreen, "run", lambda *a, **k: (SIGNED_OUT, False))
    admin_window.lock()
    assert admin_window.exit_reason == "sign_out"
    assert not admin_window.isVisible()
    assert audit.list_entries(db, limit=1)[0]["action"] == "auth.sign_out"


def test_demo_lock_screen_needs_no_password(gui, qtbot, db, db_path):
    user = startup.demo_user(db)
    screen = LockScreen(Session(db=db, db_path=db_path, user=user, demo=True))
    qtbot.addWidget(screen)
    assert not screen.password.isVisibleTo(screen)
    assert screen.unlock_button.text() == "Continue"
    screen.try_unlock()
    assert screen.result_value == UNLOCKED

"""User management page: list, create, edit, reset password, deactivate, reactivate, unlock."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from argon2 import PasswordHasher
from PySide6.QtWidgets import QDialog, QMessageBox

from db import audit, users
from desktop.core import security
from desktop.core.session import Session
from desktop.ui.dialogs.user_dialog import UserDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.users import UsersPage

pytestmark = [
    pytest.mark.usefixtures("english_messages", "fast_hashing"),
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
GOOD = "Good-Pass-123"


@pytest.fixture
def fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(security, "_DEFAULT_HASHER", FAST)


@pytest.fixture
def admin(db):
    return security.create_first_admin(db, "admin", "系统管理员", "Admin-Pass-1")


@pytest.fixture
def rm(db, admin):
    row = security.create_user(db, admin, "wang", "王经理", "rm", GOOD, must_change_password=False)
    return security._current_user(row)


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []

    def warning(parent, title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    return shown


@pytest.fixture
def env(gui, db, db_path, admin, rm) -> SimpleNamespace:
    return SimpleNamespace(db=db, db_path=db_path, admin=admin, rm=rm)


def _page(qtbot, db, db_path, user) -> UsersPage:
    page = UsersPage(Session(db=db, db_path=db_path, user=user))
    qtbot.addWidget(page)
    return page


def _names(page: UsersPage) -> list[str]:
    return [page.model.record(r)["username"] for r in range(page.model.rowCount())]


def _cell(page: UsersPage, username: str, column: int) -> str:
    row = _names(page).index(username)
    return page.model.index(row, column).data()


def test_list_and_model(env, qtbot, qtmodeltester):
    db, db_path, admin = env.db, env.db_path, env.admin
    page = _page(qtbot, db, db_path, admin)
    assert _names(page) == ["admin", "wang"]
    assert _cell(page, "wang", 2) == "Relationship manager"
    assert _cell(page, "wang", 3) == "yes"
    assert _cell(page, "wang", 4) == ""
    assert _cell(page, "wang", 5)  # last change shown
    qtmodeltester.check(page.model, force_py=True)


def test_create_user_through_the_dialog(env, qtbot, monkeypatch):
    db, db_path, admin = env.db, env.db_path, env.admin
    page = _page(qtbot, db, db_path, admin)
    attempts: list[str] = []

    def fill(self):
        self.username.setText("li.na")
        self.display_name.setText("李娜")
        self.role.setCurrentIndex(self.role.findData("reviewer"))
        self.passwords.set_passwords("weakpass")
        self.submit()
        attempts.append(self.passwords.rules.text())
        self.passwords.set_passwords(GOOD)
        self.submit()
        return self.result()

    monkeypatch.setattr(UserDialog, "exec", fill)
    page.create_user()
    assert "at least 10 characters" in attempts[0]
    row = users.find_user(db, "li.na")
    assert row is not None and row["role"] == "reviewer" and row["must_change_password"]
    assert page.selected()["username"] == "li.na"
    entry = audit.list_entries(db, audit.AuditFilter(action="user.create"))[0]
    assert entry["user_id"] == admin.id


def test_duplicate_user_name_is_refused_in_the_dialog(env, qtbot):
    db, admin = env.db, env.admin
    dialog = UserDialog(db, admin, "create")
    qtbot.addWidget(dialog)
    dialog.username.setText("WANG")
    dialog.display_name.setText("另一个王")
    dialog.passwords.set_passwords(GOOD)
    dialog.submit()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "already taken" in dialog.message.text()


def test_edit_role_and_reset_password(env, qtbot, monkeypatch):
    db, db_path, admin, rm = env.db, env.db_path, env.admin, env.rm
    page = _page(qtbot, db, db_path, admin)
    page.select_user(rm.id)

    def edit(self):
        self.display_name.setText("王芳")
        self.role.setCurrentIndex(self.role.findData("branch_head"))
        self.submit()
        return self.result()

    monkeypatch.setattr(UserDialog, "exec", edit)
    page.edit_selected()
    row = users.get_user(db, rm.id)
    assert (row["display_name"], row["role"]) == ("王芳", "branch_head")
    assert _cell(page, "wang", 2) == "Branch head"

    def reset(self):
        assert self.username.isReadOnly() and not self.role.isEnabled()
        self.passwords.set_passwords("Fresh-Pass-777")
        self.submit()
        return self.result()

    monkeypatch.setattr(UserDialog, "exec", reset)
    page.reset_password_selected()
    assert security.password_change_required(db, rm.id)
    assert security.sign_in(db, "wang", "Fresh-Pass-777").id == rm.id


def test_deactivate_reactivate_and_unlock(env, qtbot, warnings):
    db, db_path, admin, rm = env.db, env.db_path, env.admin, env.rm
    page = _page(qtbot, db, db_path, admin)
    page.select_user(rm.id)
    assert page.deactivate_selected()
    assert _cell(page, "wang", 3) == "no"
    with pytest.raises(security.SignInError):
        security.sign_in(db, "wang", GOOD)
    page.select_user(rm.id)
    assert page.reactivate_button.isEnabled()
    assert page.reactivate_selected()
    assert users.get_user(db, rm.id)["active"] == 1
    for _ in range(security.MAX_FAILED_SIGN_INS):
        with pytest.raises(security.SignInError):
            security.sign_in(db, "wang", "Wrong-Pass-1")
    page.refresh()
    page.select_user(rm.id)
    assert _cell(page, "wang", 4) != ""
    assert page.unlock_button.isEnabled()
    assert page.unlock_selected()
    assert security.locked_until(db, rm.id) is None
    assert security.sign_in(db, "wang", GOOD).id == rm.id
    assert warnings == []


def test_core_rules_are_shown(env, qtbot, warnings):
    db, db_path, admin = env.db, env.db_path, env.admin
    page = _page(qtbot, db, db_path, admin)
    page.select_user(admin.id)
    assert not page.deactivate_selected()
    assert warnings == ["You cannot deactivate yourself."]
    assert users.get_user(db, admin.id)["active"] == 1


def test_refused_for_a_relationship_manager(env, qtbot, warnings):
    db, db_path, admin, rm = env.db, env.db_path, env.admin, env.rm
    page = _page(qtbot, db, db_path, rm)
    assert page.model.rowCount() == 0
    assert "Manage users" in page.notice.text()
    assert not page.new_button.isEnabled()
    # the page is not even offered in the navigation
    window = MainWindow(Session(db=db, db_path=db_path, user=rm))
    qtbot.addWidget(window)
    assert "users" not in window.page_keys and window.users_page is None
    admin_window = MainWindow(Session(db=db, db_path=db_path, user=admin))
    qtbot.addWidget(admin_window)
    assert admin_window.page_keys.index("users") < admin_window.page_keys.index("settings")


def test_a_demoted_administrator_is_refused_by_the_core(env, qtbot, warnings):
    db, db_path, admin, rm = env.db, env.db_path, env.admin, env.rm
    second = security.create_user(
        db, admin, "admin2", "副管理员", "admin", GOOD, must_change_password=False
    )
    second_user = security._current_user(second)
    page = _page(qtbot, db, db_path, second_user)  # opened while still an administrator
    security.update_user(db, admin, second["id"], second["version"], role="rm")
    page.select_user(rm.id)
    assert not page.deactivate_selected()
    assert len(warnings) == 1
    assert "Manage users" in warnings[0]
    assert users.get_user(db, rm.id)["active"] == 1

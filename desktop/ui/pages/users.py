"""User management (administrators): list, create, edit, passwords, deactivate, unlock."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db import users
from db.errors import ConflictError, DatabaseError
from desktop.core import security
from desktop.core.auditing import database_error_message
from desktop.core.session import Session
from desktop.core.validation import ValidationError
from desktop.ui import i18n
from desktop.ui.dialogs.user_dialog import UserDialog
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.pages.common import Page, heading, set_column_widths, table_view
from desktop.ui.timefmt import local_time


def _locked_text(row: dict) -> str:
    until = row.get("locked_until")
    if not until:
        return ""
    moment = datetime.fromisoformat(until.replace("Z", "+00:00"))
    return local_time(until) if moment > datetime.now(UTC) else ""


class UsersPage(Page):
    """Every action calls :mod:`desktop.core.security`, which checks
    ``user.manage`` (with the actor's role as stored now) and audits; a
    refusal or broken rule is shown as a message. The main window shows this
    page only to administrators."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.title = heading(self)
        self.notice = QLabel(self)
        self.notice.setObjectName("usersNotice")
        self.notice.setWordWrap(True)
        self.model = RecordTableModel(self._columns(), [], self)
        self.view = table_view(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        set_column_widths(self.view, [16, 16, 14, 8, 18, 18])
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.view.doubleClicked.connect(lambda *_: self.edit_selected())

        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.create_user)
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.password_button = QPushButton(self)
        self.password_button.clicked.connect(self.reset_password_selected)
        self.deactivate_button = QPushButton(self)
        self.deactivate_button.clicked.connect(self.deactivate_selected)
        self.reactivate_button = QPushButton(self)
        self.reactivate_button.clicked.connect(self.reactivate_selected)
        self.unlock_button = QPushButton(self)
        self.unlock_button.clicked.connect(self.unlock_selected)
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.password_button,
            self.deactivate_button,
            self.reactivate_button,
            self.unlock_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.retranslate()
        self.refresh()

    def _columns(self) -> list[Column]:
        return [
            Column(lambda: self.tr("User name"), lambda r: r["username"]),
            Column(lambda: self.tr("Name"), lambda r: r["display_name"]),
            Column(lambda: self.tr("Role"), lambda r: i18n.role_label(r["role"])),
            Column(
                lambda: self.tr("Active"),
                lambda r: self.tr("yes") if r["active"] else self.tr("no"),
            ),
            Column(lambda: self.tr("Locked until"), _locked_text),
            Column(lambda: self.tr("Last change"), lambda r: local_time(r["updated_at"])),
        ]

    # --- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected()
        try:
            security.require(self.session.user, "user.manage")
        except security.PermissionDenied as exc:
            self.notice.setText(exc.message)
            self.model.set_rows([])
            self._update_buttons()
            return
        self.notice.setText(
            self.tr(
                "Passwords are never shown. A new user chooses their own password at the "
                "first sign-in; deactivated users keep their history in the audit trail."
            )
        )
        self.model.set_rows(users.list_users(self.session.db))
        if selected is not None:
            self.select_user(selected["id"])
        self._update_buttons()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Users"))
        self.new_button.setText(self.tr("New user…"))
        self.edit_button.setText(self.tr("Change name or role…"))
        self.password_button.setText(self.tr("Set new password…"))
        self.deactivate_button.setText(self.tr("Deactivate"))
        self.reactivate_button.setText(self.tr("Reactivate"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.model.retranslate()

    def selected(self) -> dict | None:
        index = self.view.selectionModel().currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def select_user(self, user_id: str) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.record(row)["id"] == user_id:
                self.view.selectRow(row)
                self.view.setCurrentIndex(self.model.index(row, 0))
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.selected()
        allowed = security.allowed(self.session.user, "user.manage")
        self.new_button.setEnabled(allowed)
        for button in (self.edit_button, self.password_button):
            button.setEnabled(allowed and row is not None)
        self.deactivate_button.setEnabled(allowed and row is not None and bool(row["active"]))
        self.reactivate_button.setEnabled(allowed and row is not None and not row["active"])
        self.unlock_button.setEnabled(allowed and row is not None and bool(_locked_text(row)))

    # --- actions ------------------------------------------------------------------------

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError):
            text = self.tr("Someone else changed this user meanwhile. The list was reloaded.")
        elif isinstance(exc, DatabaseError):
            text = database_error_message(exc)
        else:
            text = getattr(exc, "message", "") or str(exc)
        QMessageBox.warning(self, self.tr("Users"), text)

    def _act(self, action) -> bool:
        try:
            action()
        except (security.SecurityError, ValidationError, DatabaseError) as exc:
            self.show_error(exc)
            self.refresh()
            return False
        self.refresh()
        return True

    def create_user(self) -> None:
        row, ok = UserDialog.create(self.session.db, self.session.user, self)
        if ok and row is not None:
            self.refresh()
            self.select_user(row["id"])

    def edit_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        _saved, ok = UserDialog.edit(self.session.db, self.session.user, row, self)
        if ok:
            self.refresh()

    def reset_password_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        _saved, ok = UserDialog.reset_password(self.session.db, self.session.user, row, self)
        if ok:
            self.refresh()

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Users"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def deactivate_selected(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        if not self._confirm(
            self.tr("Deactivate {name}? They can no longer sign in.").format(
                name=row["display_name"]
            )
        ):
            return False
        return self._act(
            lambda: security.deactivate_user(self.session.db, self.session.user, row["id"])
        )

    def reactivate_selected(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        return self._act(
            lambda: security.reactivate_user(self.session.db, self.session.user, row["id"])
        )

    def unlock_selected(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        return self._act(
            lambda: security.unlock_user(self.session.db, self.session.user, row["id"])
        )

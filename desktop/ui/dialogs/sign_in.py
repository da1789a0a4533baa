"""Sign-in: user name and password; a new password when one is required."""

from __future__ import annotations

import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.errors import DatabaseError
from desktop.core import security
from desktop.core.auditing import database_error_message
from desktop.core.session import CurrentUser
from desktop.ui.dialogs.password_fields import PasswordPair
from desktop.ui.pages.common import heading

ERROR_STYLE = "color: #b00020;"


class SignInDialog(QDialog):
    """``SignInDialog.run(db)`` -> ``(CurrentUser | None, ok)``.

    Every attempt goes through :func:`security.sign_in` (which audits it and
    applies the lock-out); its message is shown as it is. A user whose
    password was set by an administrator chooses a new one before going on.
    """

    def __init__(
        self, db: sqlite_utils.Database, parent: QWidget | None = None, *, database: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SignInDialog")
        self.db = db
        self.user: CurrentUser | None = None
        self._password_used = ""

        self.title = heading(self)
        self.database_label = QLabel(database, self)
        self.database_label.setStyleSheet("color: palette(dark);")
        self.database_label.setWordWrap(True)

        # page 0: user name and password
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.username_label = QLabel(self)
        self.password_label = QLabel(self)
        sign_in_page = QWidget(self)
        form = QFormLayout(sign_in_page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)

        # page 1: the password must be changed
        self.change_note = QLabel(self)
        self.change_note.setWordWrap(True)
        self.new_password = PasswordPair(lambda: self.user.username if self.user else "", self)
        change_page = QWidget(self)
        change_layout = QVBoxLayout(change_page)
        change_layout.setContentsMargins(0, 0, 0, 0)
        change_layout.addWidget(self.change_note)
        change_layout.addWidget(self.new_password)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(sign_in_page)
        self.pages.addWidget(change_page)

        self.message = QLabel(self)
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.database_label)
        layout.addSpacing(6)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()
        self.username.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("H2 Credit Desk — sign in"))
        self.username_label.setText(self.tr("User name:"))
        self.password_label.setText(self.tr("Password:"))
        if self.pages.currentIndex() == 0:
            self.title.setText(self.tr("Sign in"))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        else:
            self.title.setText(self.tr("Choose a new password"))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
                self.tr("Save and continue")
            )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.change_note.setText(
            self.tr(
                "Your password was set by an administrator. Choose your own password "
                "before you continue."
            )
        )

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def submit(self) -> None:
        if self.pages.currentIndex() == 0:
            self._sign_in()
        else:
            self._change_password()

    def _sign_in(self) -> None:
        try:
            user = security.sign_in(self.db, self.username.text(), self.password.text())
            change = security.password_change_required(self.db, user.id)
        except security.SignInError as exc:
            self.password.clear()
            self.password.setFocus()
            self.show_message(exc.message)
            return
        except DatabaseError as exc:
            self.show_message(database_error_message(exc))
            return
        self.user = user
        self._password_used = self.password.text()
        self.password.clear()
        self.show_message("")
        if change:
            self.pages.setCurrentIndex(1)
            self.retranslate()
            self.new_password.password.setFocus()
            return
        self.accept()

    def _change_password(self) -> None:
        assert self.user is not None
        if self.new_password.problems():
            self.show_message(self.new_password.summary())
            return
        try:
            security.change_password(
                self.db, self.user, self._password_used, self.new_password.text()
            )
        except security.PasswordPolicyError as exc:
            self.show_message("\n".join(exc.problems))
            return
        except security.SignInError as exc:
            self.show_message(exc.message)
            return
        except DatabaseError as exc:
            self.show_message(database_error_message(exc))
            return
        self._password_used = ""
        self.accept()

    @classmethod
    def run(
        cls, db: sqlite_utils.Database, parent: QWidget | None = None, *, database: str = ""
    ) -> tuple[CurrentUser | None, bool]:
        dialog = cls(db, parent, database=database)
        ok = dialog.exec() == QDialog.DialogCode.Accepted and dialog.user is not None
        return (dialog.user if ok else None), ok

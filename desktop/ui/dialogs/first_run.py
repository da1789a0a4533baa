"""First start on a database without an administrator: create the administrator."""

from __future__ import annotations

import sqlite_utils
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.errors import DatabaseError
from desktop.core import security
from desktop.core.auditing import database_error_message
from desktop.core.session import CurrentUser
from desktop.core.validation import ValidationError
from desktop.ui.dialogs.password_fields import PasswordPair
from desktop.ui.dialogs.sign_in import ERROR_STYLE
from desktop.ui.pages.common import heading


class FirstRunDialog(QDialog):
    """``FirstRunDialog.run(db)`` -> ``(CurrentUser | None, ok)``: the new
    administrator, signed in (:func:`security.create_first_admin`)."""

    def __init__(
        self, db: sqlite_utils.Database, parent: QWidget | None = None, *, database: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("FirstRunDialog")
        self.db = db
        self.user: CurrentUser | None = None
        self.title = heading(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.database_label = QLabel(database, self)
        self.database_label.setStyleSheet("color: palette(dark);")
        self.database_label.setWordWrap(True)

        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.username.setMaxLength(security.MAX_USERNAME_LENGTH)
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("displayName")
        self.display_name.setMaxLength(security.MAX_DISPLAY_NAME_LENGTH)
        self.username_label = QLabel(self)
        self.display_name_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.username_label, self.username)
        form.addRow(self.display_name_label, self.display_name)
        self.passwords = PasswordPair(self.username.text, self, form=form)
        self.username.textChanged.connect(self.passwords.update_rules)

        self.message = QLabel(self)
        self.message.setObjectName("firstRunMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.database_label)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate()
        self.username.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("H2 Credit Desk — first start"))
        self.title.setText(self.tr("Create the administrator"))
        self.intro.setText(
            self.tr(
                "This database has no administrator yet. The administrator manages users, "
                "settings and backups; create the other users after signing in."
            )
        )
        self.username_label.setText(self.tr("User name:"))
        self.display_name_label.setText(self.tr("Name:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Create administrator")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))

    def submit(self) -> None:
        if self.passwords.problems():
            self.message.setText(self.passwords.summary())
            return
        try:
            self.user = security.create_first_admin(
                self.db,
                self.username.text(),
                self.display_name.text(),
                self.passwords.text(),
            )
        except security.PasswordPolicyError as exc:
            self.message.setText("\n".join(exc.problems))
            return
        except (ValidationError, security.SecurityError) as exc:
            self.message.setText(exc.message)
            return
        except DatabaseError as exc:
            self.message.setText(database_error_message(exc))
            return
        self.accept()

    @classmethod
    def run(
        cls, db: sqlite_utils.Database, parent: QWidget | None = None, *, database: str = ""
    ) -> tuple[CurrentUser | None, bool]:
        dialog = cls(db, parent, database=database)
        ok = dialog.exec() == QDialog.DialogCode.Accepted and dialog.user is not None
        return (dialog.user if ok else None), ok

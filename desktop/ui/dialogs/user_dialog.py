"""Create a user, change a user's name or role, or set a new password (administrators)."""

from __future__ import annotations

import sqlite_utils
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.errors import ConflictError, DatabaseError
from desktop.core import security
from desktop.core.auditing import database_error_message
from desktop.core.session import CurrentUser
from desktop.core.validation import ValidationError
from desktop.ui import i18n
from desktop.ui.dialogs.password_fields import PasswordPair
from desktop.ui.dialogs.sign_in import ERROR_STYLE
from desktop.ui.pages.common import heading

CREATE = "create"
EDIT = "edit"
RESET_PASSWORD = "reset_password"


class UserDialog(QDialog):
    """One dialog, three uses; each classmethod returns ``(user row | None, ok)``.

    Every change goes through :mod:`desktop.core.security` (which checks
    ``user.manage`` against the actor's stored role and audits it); refusals
    and rule violations are shown in the dialog, which then stays open.
    """

    def __init__(
        self,
        db: sqlite_utils.Database,
        actor: CurrentUser,
        mode: str,
        row: dict | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("UserDialog")
        self.db = db
        self.actor = actor
        self.mode = mode
        self.row = row
        self.result_row: dict | None = None

        self.title = heading(self)
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.username.setMaxLength(security.MAX_USERNAME_LENGTH)
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("displayName")
        self.display_name.setMaxLength(security.MAX_DISPLAY_NAME_LENGTH)
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for code in security.ROLES:
            self.role.addItem(i18n.role_label(code), code)
        self.must_change = QCheckBox(self)
        self.must_change.setChecked(True)
        self.labels = {k: QLabel(self) for k in ("username", "display_name", "role")}

        form = QFormLayout()
        form.addRow(self.labels["username"], self.username)
        form.addRow(self.labels["display_name"], self.display_name)
        form.addRow(self.labels["role"], self.role)
        self.passwords = PasswordPair(self.username.text, self, form=form)
        self.username.textChanged.connect(self.passwords.update_rules)
        if row is not None:
            self.username.setText(row["username"])
            self.display_name.setText(row["display_name"])
            self.role.setCurrentIndex(max(0, self.role.findData(row["role"])))
        self.username.setReadOnly(mode != CREATE)
        self.display_name.setReadOnly(mode == RESET_PASSWORD)
        self.role.setEnabled(mode != RESET_PASSWORD)

        self.message = QLabel(self)
        self.message.setObjectName("userMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.must_change)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.passwords.set_rows_visible(mode in (CREATE, RESET_PASSWORD))
        self.must_change.setVisible(mode in (CREATE, RESET_PASSWORD))
        self.setMinimumWidth(520)
        self.retranslate()

    def retranslate(self) -> None:
        titles = {
            CREATE: self.tr("New user"),
            EDIT: self.tr("Change user"),
            RESET_PASSWORD: self.tr("Set a new password"),
        }
        self.setWindowTitle(titles[self.mode])
        self.title.setText(titles[self.mode])
        self.labels["username"].setText(self.tr("User name:"))
        self.labels["display_name"].setText(self.tr("Name:"))
        self.labels["role"].setText(self.tr("Role:"))
        self.must_change.setText(self.tr("The user must choose a new password at next sign-in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def submit(self) -> None:
        if self.mode in (CREATE, RESET_PASSWORD) and self.passwords.problems():
            self.message.setText(self.passwords.summary())
            return
        try:
            self.result_row = self._save()
        except security.PasswordPolicyError as exc:
            self.message.setText("\n".join(exc.problems))
            return
        except (ValidationError, security.SecurityError) as exc:
            self.message.setText(exc.message)
            return
        except ConflictError:
            self.message.setText(
                self.tr(
                    "Someone else changed this user after you opened it. Close this window, "
                    "reload the list and try again."
                )
            )
            return
        except DatabaseError as exc:
            self.message.setText(database_error_message(exc))
            return
        self.accept()

    def _save(self) -> dict | None:
        role = self.role.currentData()
        if self.mode == CREATE:
            return security.create_user(
                self.db,
                self.actor,
                self.username.text(),
                self.display_name.text(),
                role,
                self.passwords.text(),
                must_change_password=self.must_change.isChecked(),
            )
        assert self.row is not None
        if self.mode == EDIT:
            name = self.display_name.text()
            return security.update_user(
                self.db,
                self.actor,
                self.row["id"],
                self.row["version"],
                display_name=name if name != self.row["display_name"] else None,
                role=role if role != self.row["role"] else None,
            )
        security.reset_password(
            self.db,
            self.actor,
            self.row["id"],
            self.passwords.text(),
            must_change=self.must_change.isChecked(),
        )
        return self.row

    @classmethod
    def _run(cls, *args) -> tuple[dict | None, bool]:
        dialog = cls(*args)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.result_row if ok else None), ok

    @classmethod
    def create(
        cls, db: sqlite_utils.Database, actor: CurrentUser, parent: QWidget | None = None
    ) -> tuple[dict | None, bool]:
        return cls._run(db, actor, CREATE, None, parent)

    @classmethod
    def edit(
        cls,
        db: sqlite_utils.Database,
        actor: CurrentUser,
        row: dict,
        parent: QWidget | None = None,
    ) -> tuple[dict | None, bool]:
        return cls._run(db, actor, EDIT, row, parent)

    @classmethod
    def reset_password(
        cls,
        db: sqlite_utils.Database,
        actor: CurrentUser,
        row: dict,
        parent: QWidget | None = None,
    ) -> tuple[dict | None, bool]:
        return cls._run(db, actor, RESET_PASSWORD, row, parent)

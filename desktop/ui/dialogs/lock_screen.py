"""The idle lock: the data is hidden until the signed-in user types the password again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import DatabaseError
from desktop.core import security
from desktop.core.auditing import database_error_message
from desktop.core.session import Session
from desktop.ui import i18n
from desktop.ui.dialogs.sign_in import ERROR_STYLE
from desktop.ui.pages.common import heading

UNLOCKED = "unlocked"
SIGNED_OUT = "signed_out"


class LockScreen(QDialog):
    """``LockScreen.run(session, parent)`` -> ``("unlocked" | "signed_out", unlocked)``.

    The password is checked by :func:`security.verify_password_for_unlock`
    (failures audited, counted toward the lock-out). Once the account is
    locked out the user is signed out. A demo session has no password: one
    click resumes it. Escape and the close button do not unlock.
    """

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LockScreen")
        self.setModal(True)
        self.session = session
        self.result_value = ""
        self.title = heading(self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = QLabel(self)
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.try_unlock)
        self.password.setVisible(not session.demo)
        self.message = QLabel(self)
        self.message.setObjectName("lockMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton(self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.sign_out_button = QPushButton(self)
        self.sign_out_button.setObjectName("signOutButton")
        self.sign_out_button.clicked.connect(self.sign_out)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sign_out_button)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.who)
        layout.addSpacing(8)
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        self.retranslate()
        self.password.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("H2 Credit Desk — locked"))
        self.title.setText(self.tr("The screen is locked"))
        user = self.session.user
        if self.session.demo:
            self.who.setText(
                self.tr("Demo mode: {name} ({role}). No password is needed to continue.").format(
                    name=user.display_name, role=i18n.role_label(user.role)
                )
            )
            self.unlock_button.setText(self.tr("Continue"))
        else:
            self.who.setText(
                self.tr("Signed in: {name} ({role}). Enter your password to continue.").format(
                    name=user.display_name, role=i18n.role_label(user.role)
                )
            )
            self.unlock_button.setText(self.tr("Unlock"))
        self.password.setPlaceholderText(self.tr("Password"))
        self.sign_out_button.setText(self.tr("Sign out"))

    def try_unlock(self) -> None:
        if self.session.demo:
            self._finish(UNLOCKED)
            return
        try:
            ok = security.verify_password_for_unlock(
                self.session.db, self.session.user, self.password.text()
            )
            locked = None if ok else security.locked_until(self.session.db, self.session.user.id)
        except DatabaseError as exc:
            self.message.setText(database_error_message(exc))
            return
        self.password.clear()
        if ok:
            self._finish(UNLOCKED)
        elif locked is not None:
            self.message.setText(self.tr("Too many wrong passwords: you are signed out."))
            self._finish(SIGNED_OUT)
        else:
            self.message.setText(self.tr("The password is wrong."))
            self.password.setFocus()

    def sign_out(self) -> None:
        self._finish(SIGNED_OUT)

    def _finish(self, value: str) -> None:
        self.result_value = value
        if value == UNLOCKED:
            self.accept()
        else:
            super().reject()

    def reject(self) -> None:  # Escape: stay locked
        pass

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.result_value:
            event.ignore()
            return
        super().closeEvent(event)

    @classmethod
    def run(cls, session: Session, parent: QWidget | None = None) -> tuple[str, bool]:
        dialog = cls(session, parent)
        dialog.exec()
        value = dialog.result_value or SIGNED_OUT
        return value, value == UNLOCKED

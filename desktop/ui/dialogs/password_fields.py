"""A new password typed twice, with the password rules checked as the user types."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from desktop.core import security


class PasswordPair(QWidget):
    """Password + confirmation; :meth:`problems` lists what is still wrong.

    ``username`` is a callable so the rule "not the user name" follows the
    user name field of the dialog. With ``form`` the three rows go into the
    dialog's own form (labels aligned with its other fields) and this widget
    stays empty; otherwise they are laid out in this widget.
    """

    changed = Signal()

    def __init__(
        self,
        username: Callable[[], str],
        parent: QWidget | None = None,
        *,
        form: QFormLayout | None = None,
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._username = username
        self.password = QLineEdit(self)
        self.password.setObjectName("newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("confirmPassword")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.rules = QLabel(self)
        self.rules.setObjectName("passwordRules")
        self.rules.setWordWrap(True)
        self.password_label = QLabel(self)
        self.confirm_label = QLabel(self)
        if form is None:
            form = QFormLayout(self)
            form.setContentsMargins(0, 0, 0, 0)
        else:
            self.hide()
        form.addRow(self.password_label, self.password)
        form.addRow(self.confirm_label, self.confirm)
        form.addRow("", self.rules)
        self.password.textChanged.connect(self.update_rules)
        self.confirm.textChanged.connect(self.update_rules)
        self.retranslate()

    def retranslate(self) -> None:
        self.password_label.setText(self.tr("New password:"))
        self.confirm_label.setText(self.tr("Repeat the password:"))
        self.update_rules()

    def set_rows_visible(self, visible: bool) -> None:
        if self._form is None:
            self.setVisible(visible)
            return
        for field in (self.password, self.confirm, self.rules):
            self._form.setRowVisible(field, visible)

    def summary(self) -> str:
        """What to say under the dialog when the password is not acceptable yet."""
        return self.tr("Correct the new password as shown in red above.")

    def text(self) -> str:
        return self.password.text()

    def set_passwords(self, first: str, second: str | None = None) -> None:
        self.password.setText(first)
        self.confirm.setText(first if second is None else second)

    def problems(self) -> list[str]:
        """Broken rules, then a mismatch of the two fields; empty when fine."""
        found = security.password_problems(self.password.text(), self._username())
        if self.confirm.text() != self.password.text():
            found.append(self.tr("The two passwords are not the same."))
        return found

    def update_rules(self) -> None:
        if not self.password.text():
            self.rules.setStyleSheet("color: palette(dark);")
            self.rules.setText(
                self.tr(
                    "At least {n} characters, with at least 3 of: lower-case letters, "
                    "upper-case letters, digits, other characters; not the user name."
                ).format(n=security.MIN_PASSWORD_LENGTH)
            )
        else:
            found = self.problems()
            if found:
                self.rules.setStyleSheet("color: #b00020;")
                self.rules.setText("\n".join(f"✗ {p}" for p in found))
            else:
                self.rules.setStyleSheet("color: #1b7f3b;")
                self.rules.setText("✓ " + self.tr("The password meets the rules."))
        self.changed.emit()

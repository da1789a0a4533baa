"""Asks why the user needs to see a masked personal field (PIPL); the reason is audited."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)


class UnmaskDialog(QDialog):
    """An editable list of usual reasons; OK only with a reason."""

    def __init__(self, subject: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unmaskDialog")
        self.setWindowTitle(self.tr("Show full personal information"))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setText(
            self.tr(
                "You are about to see the full personal information of {subject}. "
                "Personal information is protected by law (PIPL): state why you need it. "
                "Your name, the time and the reason are recorded in the audit log."
            ).format(subject=subject)
        )
        self.reason = QComboBox(self)
        self.reason.setObjectName("unmaskReason")
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.addItems(
            [
                "",
                self.tr("Verify identity for a credit application"),
                self.tr("Contact the client about an ongoing loan"),
                self.tr("Prepare contract or disbursement documents"),
                self.tr("Post-loan follow-up"),
            ]
        )
        self.reason.lineEdit().setPlaceholderText(self.tr("Reason (required)"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Show"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.editTextChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self._update_ok()
        self.resize(520, self.sizeHint().height())

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason_text()))

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    @classmethod
    def ask_reason(cls, subject: str, parent: QWidget | None = None) -> tuple[str, bool]:
        """Run the dialog; ``(reason, True)`` if the user gave one and confirmed."""
        dialog = cls(subject, parent)
        ok = dialog.exec() == QDialog.DialogCode.Accepted and bool(dialog.reason_text())
        reason = dialog.reason_text() if ok else ""
        dialog.deleteLater()
        return reason, ok

"""Add or edit one contact person of a client (name, role, mobile, ID, e-mail, consent)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.errors import ConflictError, DatabaseError
from desktop.core import clients
from desktop.core.security import PermissionDenied
from desktop.core.session import Session
from desktop.ui.dialogs.common import show_conflict, show_error
from desktop.ui.widgets.field_errors import ERROR_STYLE, FieldErrors

# Personal fields that a list shows masked: sent to the service only when edited.
_MASKED = ("mobile", "id_number")


class ContactDialog(QDialog):
    """``contact`` is the masked row from ``list_contacts`` (None for a new one)."""

    def __init__(
        self,
        session: Session,
        client_id: str,
        contact: dict | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactDialog")
        self.setStyleSheet(ERROR_STYLE)
        self.session = session
        self.client_id = client_id
        self.contact = contact
        self.saved: dict | None = None
        self.conflict = False

        self.summary = QLabel(self)
        self.errors = FieldErrors(self.summary, self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name = QLineEdit(self)
        self.role = QLineEdit(self)
        self.mobile = QLineEdit(self)
        self.id_number = QLineEdit(self)
        self.email = QLineEdit(self)
        self.consent = QCheckBox(self)
        self.consent_on = QLineEdit(self)
        self.consent_on.setPlaceholderText("YYYY-MM-DD")
        self.consent.toggled.connect(self._consent_toggled)
        for field, widget in (
            ("name", self.name),
            ("role", self.role),
            ("mobile", self.mobile),
            ("id_number", self.id_number),
            ("email", self.email),
            ("consent", self.consent),
            ("consent_on", self.consent_on),
        ):
            widget.setObjectName(f"contact_{field}")
            self.errors.add_row(form, field, widget)
        labels = {
            "name": self.tr("Name"),
            "role": self.tr("Position"),
            "mobile": self.tr("Mobile"),
            "id_number": self.tr("Resident ID number"),
            "email": self.tr("E-mail"),
            "consent": self.tr("Consent to contact"),
            "consent_on": self.tr("Consent date"),
        }
        for field, text in labels.items():
            self.errors.set_label(field, text)
        self.consent.setText(self.tr("The person agreed to be contacted (PIPL)"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self._initial: dict[str, str] = {}
        if contact is not None:
            self.setWindowTitle(self.tr("Edit contact"))
            self.name.setText(contact.get("name") or "")
            self.role.setText(contact.get("role") or "")
            self.mobile.setText(contact.get("mobile") or "")
            self.id_number.setText(contact.get("id_number") or "")
            self.email.setText(contact.get("email") or "")
            self.consent.setChecked(bool(contact.get("consent")))
            self.consent_on.setText(contact.get("consent_on") or "")
            for field in _MASKED:
                self._initial[field] = getattr(self, field).text()
                getattr(self, field).setToolTip(
                    self.tr("Shown masked; type a new value to replace it.")
                )
        else:
            self.setWindowTitle(self.tr("New contact"))
        self.resize(480, self.sizeHint().height())

    def _consent_toggled(self, checked: bool) -> None:
        if checked and not self.consent_on.text().strip():
            self.consent_on.setText(date.today().isoformat())

    def values(self) -> dict:
        data = {
            "name": self.name.text(),
            "role": self.role.text(),
            "email": self.email.text(),
            "consent": self.consent.isChecked(),
            "consent_on": self.consent_on.text(),
        }
        for field in _MASKED:
            text = getattr(self, field).text()
            if self.contact is None or text != self._initial.get(field):
                data[field] = text  # a masked value left as it was is not sent
        return data

    def accept(self) -> None:
        user = self.session.user
        db = self.session.db
        try:
            if self.contact is None:
                self.saved = clients.add_contact(db, user, self.client_id, self.values())
            else:
                self.saved = clients.update_contact(
                    db, user, self.contact["id"], self.contact["version"], self.values()
                )
        except clients.ClientValidationError as exc:
            self.errors.show(exc.errors, heading=self.tr("Please correct the marked fields:"))
            return
        except ConflictError:
            self.conflict = show_conflict(self)
            if self.conflict:
                super().reject()
            return
        except (PermissionDenied, DatabaseError, clients.NotFoundError) as exc:
            show_error(self, exc)
            return
        super().accept()

    @classmethod
    def edit(
        cls,
        session: Session,
        client_id: str,
        contact: dict | None = None,
        parent: QWidget | None = None,
    ) -> tuple[dict | None, bool]:
        """Run the dialog; ``(saved row, True)`` once saved through the core service."""
        dialog = cls(session, client_id, contact, parent)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        saved = dialog.saved
        dialog.deleteLater()
        return saved, ok and saved is not None

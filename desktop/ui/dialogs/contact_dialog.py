"""Add or edit one contact person of a client (name, role, mobile, ID, e-mail, consent)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from desktop.core import clients
from desktop.core.session import Session
from desktop.ui.dialogs.common import ServiceFormDialog

# Personal fields that a list shows masked: sent to the service only when edited.
_MASKED = ("mobile", "id_number")


class ContactDialog(ServiceFormDialog):
    """``contact`` is the masked row from ``list_contacts`` (None for a new one)."""

    def __init__(
        self,
        session: Session,
        client_id: str,
        contact: dict | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, client_id, parent, object_name="contactDialog")
        self.contact = contact
        self.summary = self.error_summary
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
        self._add_buttons(form)

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
        self._save_then_accept(self._save, heading=self.tr("Please correct the marked fields:"))

    def _save(self) -> dict:
        user = self.session.user
        db = self.session.db
        if self.contact is None:
            return clients.add_contact(db, user, self.client_id, self.values())
        return clients.update_contact(
            db, user, self.contact["id"], self.contact["version"], self.values()
        )

    @classmethod
    def edit(
        cls,
        session: Session,
        client_id: str,
        contact: dict | None = None,
        parent: QWidget | None = None,
    ) -> tuple[dict | None, bool]:
        """Run the dialog; ``(saved row, True)`` once saved through the core service."""
        return cls._run_to_save(cls(session, client_id, contact, parent))

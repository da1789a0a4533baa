"""Helpers shared by the client dialogs: amounts as typed in 万元, dates, messages,
and the base of the small forms saved through a core service."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from db.errors import ConflictError, DatabaseError
from desktop.core import clients
from desktop.core.auditing import database_error_message
from desktop.core.security import PermissionDenied
from desktop.core.session import Session
from desktop.ui.widgets.field_errors import ERROR_STYLE, FieldErrors


def wan_text(yuan: int | None) -> str:
    """Integer yuan as exact 万元 text for an input field: ``12345600`` ->
    ``'1234.56'``, ``12345678`` -> ``'1234.5678'``; None -> ``''``.
    (No separators and no rounding, so saving an untouched field changes nothing.)"""
    if yuan is None:
        return ""
    value = Decimal(int(yuan)) / Decimal(10_000)
    text = f"{value:.4f}".rstrip("0")
    whole, _, fraction = text.partition(".")
    return f"{whole}.{fraction.ljust(2, '0')}"


def show_conflict(parent: QWidget | None) -> bool:
    """Someone saved this record first: tell the user; True if they want to reload."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ClientDialogs", "Changed by someone else"))
    box.setText(
        QCoreApplication.translate(
            "ClientDialogs",
            "This record was changed by someone else (or in another window) after you "
            "opened it. Your changes were not saved.",
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "ClientDialogs", "Reload to see the current values, then make your changes again."
        )
    )
    reload_button = box.addButton(
        QCoreApplication.translate("ClientDialogs", "Reload"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(reload_button)
    box.exec()
    return box.clickedButton() is reload_button


def show_error(parent: QWidget | None, exc: BaseException, *, title: str = "") -> None:
    """An environment or permission problem as a message (never a crash)."""
    if isinstance(exc, PermissionDenied):
        text = exc.message
    elif isinstance(exc, ConflictError):
        text = QCoreApplication.translate(
            "ClientDialogs",
            "This record was changed or deleted by someone else. Reload and try again.",
        )
    elif isinstance(exc, DatabaseError):
        text = database_error_message(exc)
    else:
        text = str(getattr(exc, "message", "") or exc)
    QMessageBox.warning(
        parent, title or QCoreApplication.translate("ClientDialogs", "Cannot save"), text
    )


class ServiceFormDialog(QDialog):
    """A form for one child record of a client (contact, statement, activity),
    saved through a :mod:`desktop.core.clients` service.

    Rule violations are marked at the fields (``self.errors``) and the dialog
    stays open; a conflict offers a reload (``self.conflict``, and the dialog
    closes if the user wants one); a refusal or a database problem is shown as
    a message. ``self.saved`` is the row the service returned.
    """

    def __init__(
        self,
        session: Session,
        client_id: str,
        parent: QWidget | None,
        *,
        object_name: str,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setStyleSheet(ERROR_STYLE)
        self.session = session
        self.client_id = client_id
        self.saved: dict | None = None
        self.conflict = False
        self.error_summary = QLabel(self)  # the summary above the form
        self.errors = FieldErrors(self.error_summary, self)

    def _add_buttons(self, form: QFormLayout) -> None:
        """Save and Cancel below the form (call after the form's rows)."""
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_summary)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _save_then_accept(self, save: Callable[[], dict], *, heading: str) -> None:
        """Run ``save`` (the service call); close the dialog once it succeeded."""
        try:
            self.saved = save()
        except clients.ClientValidationError as exc:
            self.errors.show(exc.errors, heading=heading)
            return
        except ConflictError:
            self.conflict = show_conflict(self)
            if self.conflict:
                QDialog.reject(self)
            return
        except (PermissionDenied, DatabaseError, clients.NotFoundError) as exc:
            show_error(self, exc)
            return
        QDialog.accept(self)

    @staticmethod
    def _run_to_save(dialog: ServiceFormDialog) -> tuple[dict | None, bool]:
        """Run the dialog; ``(saved row, True)`` once saved through the core service."""
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        saved = dialog.saved
        dialog.deleteLater()
        return saved, ok and saved is not None

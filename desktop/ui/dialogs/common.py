"""Helpers shared by the client dialogs: amounts as typed in 万元, dates, messages."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from db.errors import ConflictError, DatabaseError
from desktop.core.auditing import database_error_message
from desktop.core.security import PermissionDenied


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

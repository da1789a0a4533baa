"""Validation messages at the field: a red border, the message under the field,
and a summary at the top of the form.

A form registers each input under the field name the core service uses
(``uscc``, ``founded_on``...). After a :class:`ClientValidationError` (or any
list of objects with ``field`` and ``message``) the form calls
:meth:`FieldErrors.show`; the first faulty field gets the focus. Editing a
field clears its own mark at once, so the user sees what is still wrong.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

ERROR_COLOUR = "#c62828"
ERROR_BACKGROUND = "#fdecea"
# Applied once to the form's top widget: every marked input gets the red border.
ERROR_STYLE = (
    f'*[fieldError="true"] {{ border: 2px solid {ERROR_COLOUR}; border-radius: 3px; }}'
    f" QLabel#fieldErrorMessage {{ color: {ERROR_COLOUR}; }}"
    f" QLabel#fieldErrorSummary {{ color: {ERROR_COLOUR}; background: {ERROR_BACKGROUND};"
    f" border: 1px solid {ERROR_COLOUR}; border-radius: 4px; padding: 6px 10px; }}"
)


@dataclass
class _Field:
    widget: QWidget  # gets the focus
    message: QLabel
    label: QLabel | None
    mark: QWidget  # gets the red border


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def _change_signal(widget: QWidget) -> Any:
    """The signal that says the user changed the value (None if none is known)."""
    changed = getattr(widget, "changed", None)
    if changed is not None and hasattr(changed, "connect"):
        return changed
    if isinstance(widget, QLineEdit):
        return widget.textEdited
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.textChanged
    if isinstance(widget, QAbstractSpinBox):
        return getattr(widget, "valueChanged", None)
    if isinstance(widget, QCheckBox):
        return widget.toggled
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        return widget.model().dataChanged
    return None


class FieldErrors(QObject):
    """Field registry and error display for one form (see module docstring)."""

    def __init__(self, summary: QLabel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._summary = summary
        summary.setObjectName("fieldErrorSummary")
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setVisible(False)
        self._fields: dict[str, _Field] = {}
        self._aliases: dict[str, str] = {}
        self._labels: dict[str, str] = {}
        self._errors: dict[str, str] = {}

    # --- building ----------------------------------------------------------------------

    def wrap(
        self,
        field: str,
        widget: QWidget,
        label: QLabel | None = None,
        *,
        mark: QWidget | None = None,
    ) -> QWidget:
        """Register ``widget`` as ``field``; returns a container with the widget and
        its (hidden) message label, to put into the layout instead of the widget.
        ``mark`` is the part that gets the red border (default: the widget)."""
        box = QWidget(widget.parentWidget())
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        message = QLabel(box)
        message.setObjectName("fieldErrorMessage")
        message.setWordWrap(True)
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setVisible(False)
        layout.addWidget(message)
        self._fields[field] = _Field(widget, message, label, mark or widget)
        signal = _change_signal(widget)
        if signal is not None:
            signal.connect(lambda *_args, f=field: self.clear_field(f))
        return box

    def add_row(
        self, form: QFormLayout, field: str, widget: QWidget, *, mark: QWidget | None = None
    ) -> QLabel:
        """Add ``label: widget`` to ``form`` (label text set later with :meth:`set_label`)."""
        label = QLabel(form.parentWidget())
        label.setBuddy(widget)
        form.addRow(label, self.wrap(field, widget, label, mark=mark))
        return label

    def alias(self, field: str, shown_as: str) -> None:
        """Errors about ``field`` are shown at the input registered as ``shown_as``."""
        self._aliases[field] = shown_as

    def set_label(self, field: str, text: str) -> None:
        """The field's name as the user reads it (label text and summary lines)."""
        self._labels[field] = text
        entry = self._fields.get(field)
        if entry is not None and entry.label is not None:
            entry.label.setText(text)

    def widget(self, field: str) -> QWidget | None:
        entry = self._fields.get(self._aliases.get(field, field))
        return None if entry is None else entry.widget

    # --- showing -----------------------------------------------------------------------

    @property
    def errors(self) -> dict[str, str]:
        """Field -> message currently shown (for tests and the summary)."""
        return dict(self._errors)

    def message(self, field: str) -> str:
        entry = self._fields.get(self._aliases.get(field, field))
        return "" if entry is None or entry.message.isHidden() else entry.message.text()

    def show(self, errors: Iterable[Any], *, heading: str = "") -> None:
        """Mark each ``error.field`` with ``error.message``; fill the summary."""
        self.clear()
        first: QWidget | None = None
        lines: list[str] = []
        for error in errors:
            field = getattr(error, "field", "") or ""
            text = str(getattr(error, "message", "") or error)
            target = self._aliases.get(field, field)
            entry = self._fields.get(target)
            name = self._labels.get(target) or self._labels.get(field) or ""
            lines.append(f"• {name.rstrip(':：')}：{text}" if name else f"• {text}")
            if entry is None:
                continue
            previous = self._errors.get(target)
            combined = f"{previous}\n{text}" if previous and text not in previous else text
            self._errors[target] = combined
            entry.message.setText(combined)
            entry.message.setVisible(True)
            entry.mark.setProperty("fieldError", True)
            _repolish(entry.mark)
            if first is None:
                first = entry.widget
        if lines:
            self._summary.setText("\n".join([heading, *lines] if heading else lines))
            self._summary.setVisible(True)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_field(self, field: str) -> None:
        entry = self._fields.get(field)
        if entry is None or field not in self._errors:
            return
        del self._errors[field]
        entry.message.clear()
        entry.message.setVisible(False)
        entry.mark.setProperty("fieldError", False)
        _repolish(entry.mark)
        if not self._errors:
            self._summary.setVisible(False)

    def clear(self) -> None:
        for field in list(self._errors):
            self.clear_field(field)
        self._errors.clear()
        self._summary.clear()
        self._summary.setVisible(False)

"""Add or edit one activity (visit, call, meeting, note) and its next follow-up."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.core import clients
from desktop.core.session import Session
from desktop.ui.dialogs.common import ServiceFormDialog


def activity_kind_label(code: str | None) -> str:
    labels = {
        "visit": QCoreApplication.translate("Activities", "Visit"),
        "call": QCoreApplication.translate("Activities", "Call"),
        "meeting": QCoreApplication.translate("Activities", "Meeting"),
        "note": QCoreApplication.translate("Activities", "Note"),
    }
    return labels.get(code or "", code or "")


class ActivityDialog(ServiceFormDialog):
    """``activity`` is a row of ``list_activities`` (None for a new one)."""

    def __init__(
        self,
        session: Session,
        client_id: str,
        activity: dict | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, client_id, parent, object_name="activityDialog")
        self.activity = activity
        self.summary_label = self.error_summary
        form = QFormLayout()
        self.kind = QComboBox(self)
        for code in clients.ACTIVITY_KINDS:
            self.kind.addItem(activity_kind_label(code), code)
        self.occurred_on = QLineEdit(self)
        self.occurred_on.setPlaceholderText("YYYY-MM-DD")
        self.people_met = QLineEdit(self)
        self.summary = QPlainTextEdit(self)
        self.summary.setTabChangesFocus(True)
        self.summary.setMinimumHeight(self.fontMetrics().height() * 6)
        self.next_follow_up = QLineEdit(self)
        self.next_follow_up.setPlaceholderText(self.tr("YYYY-MM-DD (empty: none)"))
        self.follow_up_done = QCheckBox(self.tr("Follow-up done"), self)
        for field, widget, label in (
            ("kind", self.kind, self.tr("Kind")),
            ("occurred_on", self.occurred_on, self.tr("Date")),
            ("people_met", self.people_met, self.tr("People met")),
            ("summary", self.summary, self.tr("Summary")),
            ("next_follow_up", self.next_follow_up, self.tr("Next follow-up")),
            ("follow_up_done", self.follow_up_done, self.tr("Status")),
        ):
            widget.setObjectName(f"activity_{field}")
            self.errors.add_row(form, field, widget)
            self.errors.set_label(field, label)
        self._add_buttons(form)

        if activity is not None:
            self.setWindowTitle(self.tr("Edit activity"))
            index = self.kind.findData(activity.get("kind"))
            self.kind.setCurrentIndex(max(index, 0))
            self.occurred_on.setText(activity.get("occurred_on") or "")
            self.people_met.setText(activity.get("people_met") or "")
            self.summary.setPlainText(activity.get("summary") or "")
            self.next_follow_up.setText(activity.get("next_follow_up") or "")
            self.follow_up_done.setChecked(bool(activity.get("follow_up_done")))
        else:
            self.setWindowTitle(self.tr("New activity"))
            self.occurred_on.setText(date.today().isoformat())
        self.resize(520, self.sizeHint().height())

    def values(self) -> dict:
        return {
            "kind": self.kind.currentData(),
            "occurred_on": self.occurred_on.text(),
            "people_met": self.people_met.text(),
            "summary": self.summary.toPlainText(),
            "next_follow_up": self.next_follow_up.text(),
            "follow_up_done": self.follow_up_done.isChecked(),
        }

    def accept(self) -> None:
        self._save_then_accept(self._save, heading=self.tr("Please correct the marked fields:"))

    def _save(self) -> dict:
        db, user = self.session.db, self.session.user
        if self.activity is None:
            return clients.add_activity(db, user, self.client_id, self.values())
        return clients.update_activity(
            db, user, self.activity["id"], self.activity["version"], self.values()
        )

    @classmethod
    def edit(
        cls,
        session: Session,
        client_id: str,
        activity: dict | None = None,
        parent: QWidget | None = None,
    ) -> tuple[dict | None, bool]:
        return cls._run_to_save(cls(session, client_id, activity, parent))

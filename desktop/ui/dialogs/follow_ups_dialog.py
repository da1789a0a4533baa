"""Follow-ups due across all clients (open, dated today or earlier); each row
opens its client."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clients, security
from desktop.core.session import Session
from desktop.ui.models.client_profile import FollowUpTableModel
from desktop.ui.pages.common import set_column_widths, table_view
from desktop.ui.screen_fit import fit_to_screen

MAX_ROWS = 2000


class FollowUpsDialog(QDialog):
    """``open_client`` asks the page to open a client's profile."""

    open_client = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpsDialog")
        self.session = session
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.mine_only = QCheckBox(self)
        self.mine_only.setObjectName("mineOnly")
        # Relationship managers usually want their own list; others see everyone's.
        self.mine_only.setChecked(session.user.role == "rm")
        self.mine_only.toggled.connect(self.refresh)
        self.model = FollowUpTableModel(parent=self)
        self.view = table_view(self)
        self.view.setObjectName("followUpsTable")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        set_column_widths(self.view, [11, 9, 36, 7, 11, 40])
        self.view.activated.connect(self._activated)
        self.view.doubleClicked.connect(self._activated)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = self.buttons.addButton(
            self.tr("Open client"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.clicked.connect(lambda: self._activated(self.view.currentIndex()))
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addWidget(self.mine_only)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Follow-ups due"))
        self.mine_only.setText(self.tr("Only my clients"))
        self.refresh()
        fit_to_screen(self, 1000, 560)

    def refresh(self) -> None:
        owner = self.session.user.id if self.mine_only.isChecked() else None
        rows = clients.follow_ups_due(self.session.db, owner_id=owner, limit=MAX_ROWS)
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if (r.get("days_overdue") or 0) > 0)
        text = self.tr(
            "{n} open follow-ups due today or earlier, {overdue} of them overdue (in red). "
            "Double-click a row to open the client."
        ).format(n=len(rows), overdue=overdue)
        if len(rows) >= MAX_ROWS:
            text += " " + self.tr("Only the {n} most overdue are listed.").format(n=MAX_ROWS)
        self.intro.setText(text)
        self.open_button.setEnabled(bool(rows))

    def _activated(self, index) -> None:
        if not index.isValid():
            return
        row = self.model.row_dict(index.row())
        if security.allowed(self.session.user, "client.read"):
            self.open_client.emit(row["client_id"])

    @classmethod
    def show_list(cls, session: Session, parent: QWidget | None = None, on_open=None):
        """Run the list; ``on_open(client_id)`` is called for each row the user opens.
        Returns ``(number of rows listed, True)``."""
        dialog = cls(session, parent)
        if on_open is not None:
            dialog.open_client.connect(on_open)
        dialog.exec()
        count = dialog.model.rowCount()
        dialog.deleteLater()
        return count, True

"""Clients: the book at a glance (clients by status, follow-ups due) and the client list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QVBoxLayout, QWidget

from db import portfolio
from desktop.core.session import Session
from desktop.ui import i18n
from desktop.ui.models.client_table import COLUMNS, ClientTableModel
from desktop.ui.pages.common import Page, StatTile, heading, set_column_widths, table_view, tile_row

# Column widths in average characters: name, USCC, segment, province, type, owner, status.
_WIDTHS = {"name": 44, "uscc": 24, "segment": 14, "province": 14, "firm_type": 14, "owner": 14}


class ClientsPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.title = heading(self)
        self.total_tile = StatTile(self)
        self.status_tiles = {status: StatTile(self) for status in portfolio.CLIENT_STATUSES}
        self.follow_up_tile = StatTile(self)

        self.model = ClientTableModel(session.db, self)
        self.view = table_view(self)
        self.view.setObjectName("clientTable")
        self.view.setModel(self.model)
        # indicator first: enabling sorting then matches the model's order (no re-query)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        set_column_widths(self.view, [_WIDTHS.get(key, 10) for key in COLUMNS])

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(
            tile_row([self.total_tile, *self.status_tiles.values(), self.follow_up_tile])
        )
        layout.addWidget(self.view, 1)
        self.retranslate()
        self.refresh(reload_list=False)

    def refresh(self, *, reload_list: bool = True) -> None:
        db = self.session.db
        by_status = portfolio.clients_by_status(db)
        self.total_tile.set_value(sum(by_status.values()))
        for status, tile in self.status_tiles.items():
            tile.set_value(by_status[status])
        self.follow_up_tile.set_value(portfolio.follow_ups_due(db))
        if reload_list:
            self.model.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Clients"))
        self.total_tile.set_caption(self.tr("All clients"))
        for status, tile in self.status_tiles.items():
            tile.set_caption(i18n.status_label(status))
        self.follow_up_tile.set_caption(self.tr("Follow-ups due"))
        self.follow_up_tile.setToolTip(self.tr("Open follow-ups whose date is today or earlier"))
        self.model.retranslate()

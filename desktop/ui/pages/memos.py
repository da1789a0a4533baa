"""Memos: credit memos written so far and the deals that will need one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from db import portfolio
from desktop.core.session import Session
from desktop.ui import i18n
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.pages.common import (
    Page,
    StatTile,
    heading,
    set_column_widths,
    subheading,
    table_view,
    tile_row,
    wan,
)


def _memo_state(count: int) -> str:
    if count:
        return QCoreApplication.translate("MemosPage", "{n} written").format(n=count)
    return QCoreApplication.translate("MemosPage", "Not yet written")


DEAL_COLUMNS = (
    Column(
        lambda: QCoreApplication.translate("MemosPage", "Client"),
        lambda r: r["client_name"],
        tooltip=lambda r: r["client_name"],
    ),
    Column(
        lambda: QCoreApplication.translate("MemosPage", "Deal"),
        lambda r: r["title"],
        tooltip=lambda r: r["title"],
    ),
    Column(
        lambda: QCoreApplication.translate("MemosPage", "Amount (10k CNY)"),
        lambda r: wan(r["amount_yuan"]),
        numeric=True,
    ),
    Column(
        lambda: QCoreApplication.translate("MemosPage", "Stage"),
        lambda r: i18n.stage_label(r["stage"]),
    ),
    Column(
        lambda: QCoreApplication.translate("MemosPage", "Credit memo"),
        lambda r: _memo_state(r["memos"]),
    ),
)


class MemosPage(Page):
    DEAL_LIMIT = 500

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.title = heading(self)
        self.memos_tile = StatTile(self)
        self.deals_tile = StatTile(self)
        self.missing_tile = StatTile(self)
        self.deals_label = subheading(self)
        self.model = RecordTableModel(DEAL_COLUMNS, parent=self)
        self.view = table_view(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        set_column_widths(self.view, [40, 40, 14, 14, 12])

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(tile_row([self.memos_tile, self.deals_tile, self.missing_tile]))
        layout.addWidget(self.deals_label)
        layout.addWidget(self.view, 1)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        db = self.session.db
        deals = portfolio.deals_needing_memo(db, limit=self.DEAL_LIMIT)
        self.model.set_rows(deals)
        self.memos_tile.set_value(portfolio.memo_count(db))
        self.deals_tile.set_value(len(deals))
        self.missing_tile.set_value(sum(1 for d in deals if not d["memos"]))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Credit memos"))
        self.memos_tile.set_caption(self.tr("Memos written"))
        self.deals_tile.set_caption(self.tr("Deals in review, approved or contract"))
        self.missing_tile.set_caption(self.tr("Of these, without a memo"))
        self.deals_label.setText(self.tr("Deals that need a credit memo"))
        self.model.retranslate()

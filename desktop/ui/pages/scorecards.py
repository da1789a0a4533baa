"""Scorecards: score snapshots by grade and the clients never scored."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QVBoxLayout, QWidget

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
)


def _grade(grade: str) -> str:
    return grade or QCoreApplication.translate("ScorecardsPage", "No grade (knocked out)")


GRADE_COLUMNS = (
    Column(lambda: QCoreApplication.translate("ScorecardsPage", "Grade"), lambda r: _grade(r[0])),
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "Score snapshots"),
        lambda r: f"{r[1]:,}",
        numeric=True,
    ),
)

UNSCORED_COLUMNS = (
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "Client"),
        lambda r: r["name"],
        tooltip=lambda r: r["name"],
    ),
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "Segment"),
        lambda r: i18n.segment_label(r["segment"]),
    ),
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "Type"),
        lambda r: i18n.firm_type_label(r["firm_type"]),
    ),
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "Status"),
        lambda r: i18n.status_label(r["status"]),
    ),
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "Relationship manager"),
        lambda r: r["owner_name"] or "",
    ),
)


class ScorecardsPage(Page):
    UNSCORED_LIMIT = 500

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.title = heading(self)
        self.snapshots_tile = StatTile(self)
        self.scored_tile = StatTile(self)
        self.unscored_tile = StatTile(self)

        self.grade_label = subheading(self)
        self.grade_model = RecordTableModel(GRADE_COLUMNS, parent=self)
        self.grade_view = table_view(self)
        self.grade_view.setModel(self.grade_model)
        self.grade_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.unscored_label = subheading(self)
        self.unscored_model = RecordTableModel(UNSCORED_COLUMNS, parent=self)
        self.unscored_view = table_view(self)
        self.unscored_view.setModel(self.unscored_model)
        self.unscored_view.horizontalHeader().setStretchLastSection(True)
        set_column_widths(self.unscored_view, [44, 14, 14, 12, 14])

        left = QVBoxLayout()
        left.addWidget(self.grade_label)
        left.addWidget(self.grade_view)
        right = QVBoxLayout()
        right.addWidget(self.unscored_label)
        right.addWidget(self.unscored_view)
        tables = QHBoxLayout()
        tables.addLayout(left, 1)
        tables.addLayout(right, 3)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(tile_row([self.snapshots_tile, self.scored_tile, self.unscored_tile]))
        layout.addLayout(tables, 1)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        db = self.session.db
        grades = portfolio.scorecard_results_by_grade(db)
        self.grade_model.set_rows(list(grades.items()))
        self.snapshots_tile.set_value(sum(grades.values()))
        unscored = portfolio.unscored_client_count(db)
        self.unscored_tile.set_value(unscored)
        self.scored_tile.set_value(portfolio.client_count(db) - unscored)
        self.unscored_model.set_rows(portfolio.unscored_clients(db, limit=self.UNSCORED_LIMIT))
        self._unscored_total = unscored
        self._set_unscored_label()

    def _set_unscored_label(self) -> None:
        shown = self.unscored_model.rowCount()
        total = getattr(self, "_unscored_total", shown)
        if shown < total:
            text = self.tr("Clients never scored (first {shown} of {total})").format(
                shown=f"{shown:,}", total=f"{total:,}"
            )
        else:
            text = self.tr("Clients never scored")
        self.unscored_label.setText(text)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Pre-credit scorecards"))
        self.snapshots_tile.set_caption(self.tr("Score snapshots"))
        self.scored_tile.set_caption(self.tr("Clients scored"))
        self.unscored_tile.set_caption(self.tr("Clients never scored"))
        self.grade_label.setText(self.tr("Snapshots by grade"))
        self._set_unscored_label()
        self.grade_model.retranslate()
        self.unscored_model.retranslate()

"""Pipeline: deals and amounts per stage, as a table and a bar chart."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QHeaderView, QSplitter, QVBoxLayout, QWidget

from db import portfolio
from desktop.core.money import yuan_to_wan
from desktop.core.session import Session
from desktop.ui import i18n
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.pages.common import Page, StatTile, heading, table_view, tile_row, wan
from desktop.ui.widgets.charts import clear_chart

# Open = still being worked on or on the books; 'lost' is out of the pipeline.
OPEN_STAGES = tuple(s for s in portfolio.DEAL_STAGES if s != "lost")

STAGE_COLUMNS = (
    Column(
        lambda: QCoreApplication.translate("PipelinePage", "Stage"),
        lambda r: i18n.stage_label(r.stage),
    ),
    Column(
        lambda: QCoreApplication.translate("PipelinePage", "Deals"),
        lambda r: f"{r.deals:,}",
        numeric=True,
    ),
    Column(
        lambda: QCoreApplication.translate("PipelinePage", "Amount (10k CNY)"),
        lambda r: wan(r.amount_yuan),
        numeric=True,
    ),
)


class PipelinePage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.title = heading(self)
        self.open_deals_tile = StatTile(self)
        self.open_amount_tile = StatTile(self)
        self.lost_tile = StatTile(self)

        self.model = RecordTableModel(STAGE_COLUMNS, parent=self)
        self.view = table_view(self)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.chart = QChart()
        self.chart.legend().setVisible(False)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.setBackgroundRoundness(0)
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumWidth(360)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.chart_view)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([440, 800])

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(tile_row([self.open_deals_tile, self.open_amount_tile, self.lost_tile]))
        layout.addWidget(splitter, 1)
        self._stages: list[portfolio.StageSummary] = []
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self._stages = portfolio.deals_by_stage(self.session.db)
        self.model.set_rows(self._stages)
        open_rows = [s for s in self._stages if s.stage in OPEN_STAGES]
        self.open_deals_tile.set_value(sum(s.deals for s in open_rows))
        self.open_amount_tile.set_value(wan(sum(s.amount_yuan for s in open_rows)))
        self.lost_tile.set_value(sum(s.deals for s in self._stages if s.stage == "lost"))
        self._build_chart()

    def _build_chart(self) -> None:
        """Horizontal bars, one per open stage, top to bottom in pipeline order."""
        clear_chart(self.chart)
        rows = [s for s in self._stages if s.stage in OPEN_STAGES][::-1]
        bars = QBarSet(self.tr("Amount (10k CNY)"))
        bars.setColor(QColor("#2f7d6d"))
        bars.setLabelColor(QColor("#1f2d2a"))  # labels sit outside the bar, on white
        top = Decimal(0)
        for row in rows:
            amount = yuan_to_wan(row.amount_yuan, 0)
            top = max(top, amount)
            bars.append(float(amount))  # display only; the table shows exact figures
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([i18n.stage_label(r.stage) for r in rows])
        values = QValueAxis()
        values.setRange(0, float(top) * 1.15 if top else 10.0)
        values.applyNiceNumbers()
        values.setLabelFormat("%.0f")
        values.setTitleText(self.tr("10k CNY"))
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)
        self.chart.setTitle(self.tr("Pipeline amount by stage (10k CNY)"))

    def chart_categories(self) -> list[str]:
        axes = self.chart.axes(Qt.Orientation.Vertical)
        return list(axes[0].categories()) if axes else []

    def retranslate(self) -> None:
        self.title.setText(self.tr("Loan pipeline"))
        self.open_deals_tile.set_caption(self.tr("Open deals"))
        self.open_amount_tile.set_caption(self.tr("Open amount (10k CNY)"))
        self.lost_tile.set_caption(self.tr("Lost deals"))
        self.model.retranslate()
        if self._stages:
            self._build_chart()

"""A small bar chart of revenue and net profit by fiscal year (万元)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from desktop.core.money import yuan_to_wan
from desktop.ui.widgets.charts import clear_chart

REVENUE_COLOUR = "#1f6fb2"
PROFIT_COLOUR = "#2e9d5b"


def _nice_step(span: float) -> float:
    """A round tick step (1, 2 or 5 × 10^n) giving about five ticks over ``span``."""
    if span <= 0:
        return 1.0
    raw = span / 5
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return float(factor * magnitude)
    return float(10 * magnitude)


class FinancialChart(QChartView):
    """Call :meth:`set_statements` with statement dicts (``fiscal_year``,
    ``revenue_yuan``, ``net_profit_yuan``); the chart shows them in 万元."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("financialChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        self.setChart(chart)
        self.years: list[str] = []
        self.values: dict[str, list[Decimal]] = {"revenue": [], "net_profit": []}
        self.setMinimumHeight(220)

    def set_statements(self, statements: Sequence[dict]) -> None:
        rows = sorted(statements, key=lambda s: s["fiscal_year"])
        self.years = [str(s["fiscal_year"]) for s in rows]
        self.values = {
            "revenue": [yuan_to_wan(int(s.get("revenue_yuan") or 0)) for s in rows],
            "net_profit": [yuan_to_wan(int(s.get("net_profit_yuan") or 0)) for s in rows],
        }
        self._rebuild()

    def retranslate(self) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        chart = self.chart()
        clear_chart(chart)
        chart.setTitle(self.tr("Revenue and net profit (10k CNY)"))
        series = QBarSeries()
        for key, label, colour in (
            ("revenue", self.tr("Revenue"), REVENUE_COLOUR),
            ("net_profit", self.tr("Net profit"), PROFIT_COLOUR),
        ):
            bar_set = QBarSet(label)
            bar_set.setColor(QColor(colour))
            bar_set.setBorderColor(QColor(colour))
            for value in self.values[key]:
                bar_set.append(float(value))
            series.append(bar_set)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(self.years or [""])
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        numbers = [float(v) for values in self.values.values() for v in values]
        low, high = min([0.0, *numbers]), max([0.0, *numbers])
        step = _nice_step(high - low)
        low = step * (low // step) if low < 0 else 0.0
        high = step * -(-high // step) if high > 0 else step
        axis = QValueAxis()
        axis.setRange(low, high)
        axis.setTickCount(max(2, min(11, round((high - low) / step) + 1)))
        axis.setLabelFormat("%.0f")
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)

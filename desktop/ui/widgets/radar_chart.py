"""A radar chart of a score's dimensions, each as a percent of its maximum (QtCharts).

One spoke per dimension, at ``i x 360 / n`` degrees clockwise from the top; the
score is a closed line with a marker on every spoke. A second, dashed series
(e.g. the real score behind a what-if) can be shown for comparison.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCharts import (
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QPolarChart,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

SCORE_COLOUR = "#1f6fb2"
COMPARE_COLOUR = "#9e9e9e"


class RadarChart(QChartView):
    """Call :meth:`set_points` with ``[(dimension name, percent)]``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("radarChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_ = QPolarChart()
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_.legend().setVisible(False)
        # Room at the sides for long dimension names such as 政策与绿色契合度.
        self.chart_.setMargins(QMargins(18, 4, 18, 4))
        self.chart_.setBackgroundRoundness(0)
        self.setChart(self.chart_)
        self.points: list[tuple[str, float]] = []
        self.compare_points: list[tuple[str, float]] = []
        self.angular = QCategoryAxis()
        self.angular.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.angular.setRange(0, 360)
        self.angular.setStartValue(0)
        self.radial = QValueAxis()
        self.radial.setRange(0, 100)
        self.radial.setTickCount(6)
        self.radial.setLabelFormat("%d")
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() * 0.8, 7))
        self.radial.setLabelsFont(small)
        self.chart_.addAxis(self.angular, QPolarChart.PolarOrientation.PolarOrientationAngular)
        self.chart_.addAxis(self.radial, QPolarChart.PolarOrientation.PolarOrientationRadial)
        self.line = self._line(SCORE_COLOUR, Qt.PenStyle.SolidLine, 2.5)
        self.compare_line = self._line(COMPARE_COLOUR, Qt.PenStyle.DashLine, 1.5)
        self.markers = QScatterSeries()
        self.markers.setMarkerSize(8)
        self.markers.setColor(QColor(SCORE_COLOUR))
        self.markers.setBorderColor(QColor(SCORE_COLOUR))
        self.chart_.addSeries(self.markers)
        self.markers.attachAxis(self.angular)
        self.markers.attachAxis(self.radial)
        self.setMinimumSize(260, 240)

    def _line(self, colour: str, style: Qt.PenStyle, width: float) -> QLineSeries:
        series = QLineSeries()
        pen = QPen(QColor(colour))
        pen.setStyle(style)
        pen.setWidthF(width)
        series.setPen(pen)
        self.chart_.addSeries(series)
        series.attachAxis(self.angular)
        series.attachAxis(self.radial)
        return series

    @staticmethod
    def _angles(n: int) -> list[float]:
        return [i * 360.0 / n for i in range(n)]

    @staticmethod
    def _closed(values: Sequence[float], angles: Sequence[float]) -> list[QPointF]:
        points = [QPointF(a, v) for a, v in zip(angles, values, strict=True)]
        return [*points, QPointF(360.0, values[0])] if points else []

    def set_points(
        self,
        points: Sequence[tuple[str, Decimal | float | int]],
        compare: Sequence[tuple[str, Decimal | float | int]] | None = None,
    ) -> None:
        """The score's dimensions (name, percent 0-100); ``compare``: a second
        score of the same dimensions drawn dashed underneath."""
        self.points = [(name, float(value)) for name, value in points]
        self.compare_points = [(name, float(value)) for name, value in (compare or [])]
        n = len(self.points)
        for label in list(self.angular.categoriesLabels()):
            self.angular.remove(label)
        angles = self._angles(n) if n else []
        # Category labels sit on the spokes; the first spoke (0°) is labelled at 360°.
        for i, (name, _value) in enumerate(self.points[1:], 1):
            self.angular.append(name, angles[i])
        if n:
            self.angular.append(self.points[0][0], 360)
        values = [v for _name, v in self.points]
        self.line.replace(self._closed(values, angles) if n else [])
        self.markers.replace([QPointF(a, v) for a, v in zip(angles, values, strict=True)])
        if self.compare_points and len(self.compare_points) == n:
            others = [v for _name, v in self.compare_points]
            self.compare_line.replace(self._closed(others, angles))
            self.compare_line.setVisible(True)
        else:
            self.compare_line.replace([])
            self.compare_line.setVisible(False)

    def marker_count(self) -> int:
        """Points on the chart: one per dimension."""
        return self.markers.count()

"""Helpers shared by the QtCharts widgets."""

from __future__ import annotations

from PySide6.QtCharts import QChart


def clear_chart(chart: QChart) -> None:
    """Remove every series and axis before a chart is rebuilt.

    ``removeAxis`` hands the axis back without deleting it, and its graphics
    stay painted as a stale "ghost" axis next to the new one; delete it.
    """
    chart.removeAllSeries()
    for axis in list(chart.axes()):
        chart.removeAxis(axis)
        axis.deleteLater()

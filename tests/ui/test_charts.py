"""Charts rebuilt on refresh keep exactly their own axes (no stale "ghost" axes)."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent

from desktop.ui.widgets.financial_chart import FinancialChart

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_pipeline_refresh_replaces_its_axes(window, qtbot) -> None:
    page = window.pipeline_page
    old_axes = list(page.chart.axes())
    assert len(old_axes) == 2
    page.refresh()
    _flush_deletes()
    assert len(page.chart.axes()) == 2
    assert not any(shiboken6.isValid(axis) for axis in old_axes)


def test_financial_chart_rebuild_deletes_the_old_axes(gui, qtbot) -> None:
    chart = FinancialChart()
    qtbot.addWidget(chart)
    statements = [
        {"fiscal_year": 2024, "revenue_yuan": 5_000_000, "net_profit_yuan": -200_000},
        {"fiscal_year": 2025, "revenue_yuan": 8_000_000, "net_profit_yuan": 300_000},
    ]
    chart.set_statements(statements)
    old_axes = list(chart.chart().axes())
    chart.set_statements(statements[:1])
    _flush_deletes()
    assert len(chart.chart().axes()) == 2
    assert not any(shiboken6.isValid(axis) for axis in old_axes)

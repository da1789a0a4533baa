"""Key patents table inside the client profile form."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QVBoxLayout

from desktop.ui.widgets.patent_table import PatentTable

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_enter_in_the_form_never_adds_a_patent(gui, qtbot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    table = PatentTable(dialog)
    QVBoxLayout(dialog).addWidget(table)
    dialog.show()
    qtbot.waitExposed(dialog)
    rows = table.table.rowCount()
    table.add_button.setFocus()  # a focused auto-default button would take Enter
    assert not table.add_button.autoDefault()
    assert not table.add_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert table.table.rowCount() == rows

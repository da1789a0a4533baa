"""The client's key patents as a small editable table (number, title)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

KEYS = ("number", "title")
ORIGINAL_ROLE = Qt.ItemDataRole.UserRole + 1  # the stored dict (keeps keys not shown)


class PatentTable(QWidget):
    """``patents()`` -> ``[{'number': ..., 'title': ...}]`` (blank rows dropped)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(KEYS), self)
        self.table.setObjectName("keyPatents")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, self.fontMetrics().averageCharWidth() * 22)
        self.table.setMinimumHeight(self.fontMetrics().height() * 6)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        # Enter in the surrounding dialog saves it; it never adds or removes a patent.
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Patent number"), self.tr("Title")])
        self.add_button.setText(self.tr("Add patent"))
        self.remove_button.setText(self.tr("Remove"))

    def set_patents(self, patents: list) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for patent in patents or []:
            if isinstance(patent, dict):
                values = [str(patent.get(k) or "") for k in KEYS]
            else:
                values = ["", str(patent)]
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
            if isinstance(patent, dict):
                self.table.item(row, 0).setData(ORIGINAL_ROLE, dict(patent))
        self.table.blockSignals(False)

    def patents(self) -> list[dict]:
        out = []
        for row in range(self.table.rowCount()):
            values = {}
            for column, key in enumerate(KEYS):
                item = self.table.item(row, column)
                values[key] = item.text().strip() if item is not None else ""
            if any(values.values()):
                first = self.table.item(row, 0)
                original = first.data(ORIGINAL_ROLE) if first is not None else None
                out.append({**(original or {}), **values})
        return out

    def add_row(self) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in range(len(KEYS)):
            self.table.setItem(row, column, QTableWidgetItem(""))
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))
        self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        triggers = (
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setEditTriggers(triggers)
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)

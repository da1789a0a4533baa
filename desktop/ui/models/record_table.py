"""A read-only table over a short list of records (summaries, small lists).

Columns are declared with a header function (called at paint time, so a
language switch only needs :meth:`RecordTableModel.retranslate`) and a value
function from a record to the displayed value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
# TextAlignmentRole value of numeric cells and their headers.
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def read_only_flags(index: Index) -> Qt.ItemFlag:
    """Item flags of a read-only table: selectable, never editable, no children."""
    if not index.isValid():
        return Qt.ItemFlag.NoItemFlags
    return (
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
    )


@dataclass(frozen=True)
class Column:
    header: Callable[[], str]
    value: Callable[[Any], Any]
    numeric: bool = False  # right-aligned
    tooltip: Callable[[Any], str | None] | None = None


class RecordTableModel(QAbstractTableModel):
    """Subclasses add roles by overriding :meth:`_cell` (one record, one column)."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Any] = (), parent=None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows = list(rows)

    # --- content ---------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row (a reset: the whole list is new)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._rows[row]

    def retranslate(self) -> None:
        """Headers and labels are translated when painted; ask the views to repaint."""
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows and self._columns:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1)
            )

    # --- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self._columns)):
            return None
        return self._cell(self._columns[index.column()], self._rows[index.row()], role)

    def _cell(self, column: Column, record: Any, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(record)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return ALIGN_RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self._columns)):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header()
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return ALIGN_RIGHT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

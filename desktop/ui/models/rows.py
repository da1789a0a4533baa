"""A read-only table over a short list of dict rows, with per-row colours.

Used by the client profile tabs, the follow-up list and the import preview:
lists of tens or hundreds of rows read in one query. Columns are declared once
(header function called at paint time, so a language switch only needs
:meth:`RowsModel.retranslate`). :meth:`RowsModel.set_rows` replaces the whole
list (a reset); :meth:`RowsModel.update_row` changes one row in place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.ui.models.record_table import ALIGN_RIGHT, Column, RecordTableModel, read_only_flags

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row dict
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's id

WARNING_BACKGROUND = "#fdecea"
WARNING_FOREGROUND = "#b71c1c"
MUTED_FOREGROUND = "#757575"

# The same column declaration as the record table's (header, value, numeric, tooltip).
Col = Column


def _key(record: Any, key: str) -> Any:
    return record.get(key) if isinstance(record, dict) else getattr(record, key, None)


class RowsModel(RecordTableModel):
    """Rows are dicts (or objects with attributes); ``key`` names the id field.
    ``highlight(row)`` returns ``'warning'``, ``'muted'`` or None to colour whole rows."""

    def __init__(
        self,
        columns: Sequence[Col],
        rows: Sequence[dict] = (),
        parent=None,
        *,
        key: str = "id",
        highlight: Callable[[dict], str | None] | None = None,
    ) -> None:
        super().__init__(columns, rows, parent)
        self._key = key
        self._highlight = highlight

    # --- content -----------------------------------------------------------------------

    def rows(self) -> list[dict]:
        return list(self._rows)

    def row_dict(self, row: int) -> dict:
        return self._rows[row]

    def find(self, key_value: Any) -> int:
        for i, row in enumerate(self._rows):
            if _key(row, self._key) == key_value:
                return i
        return -1

    def update_row(self, row: int, values: dict) -> None:
        self._rows[row] = {**self._rows[row], **values}
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))

    def text(self, row: int, column: int) -> str:
        return self._cell(self._columns[column], self._rows[row], Qt.ItemDataRole.DisplayRole)

    # --- Qt model interface -------------------------------------------------------------

    def _cell(self, column: Col, record: Any, role: int) -> Any:
        if role == KEY_ROLE:
            return _key(record, self._key)
        if role == ROW_ROLE:
            return record
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip is not None:
                return column.tooltip(record)
            text = self._cell(column, record, Qt.ItemDataRole.DisplayRole)
            return text if len(text) > 30 else None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            kind = self._highlight(record) if self._highlight is not None else None
            if kind == "warning":
                colour = (
                    WARNING_BACKGROUND
                    if role == Qt.ItemDataRole.BackgroundRole
                    else WARNING_FOREGROUND
                )
                return QBrush(QColor(colour))
            if kind == "muted" and role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(MUTED_FOREGROUND))
            return None
        return super()._cell(column, record, role)


class YearTableModel(QAbstractTableModel):
    """Line items down, fiscal years across (how bank memos lay out financials).

    ``items`` are ``(key, header function)``; ``years`` the column years in
    order; ``value(year, key)`` the display text of one cell.
    """

    def __init__(
        self,
        items: Sequence[tuple[str, Callable[[], str]]],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._items = list(items)
        self._years: list[int] = []
        self._cells: dict[tuple[int, str], str] = {}
        self._flagged: set[tuple[int, str]] = set()

    def set_values(
        self,
        years: Sequence[int],
        cells: dict[tuple[int, str], str],
        flagged: set[tuple[int, str]] | None = None,
    ) -> None:
        self.beginResetModel()
        self._years = list(years)
        self._cells = dict(cells)
        self._flagged = set(flagged or ())
        self.endResetModel()

    @property
    def years(self) -> list[int]:
        return list(self._years)

    def item_keys(self) -> list[str]:
        return [key for key, _ in self._items]

    def cell(self, key: str, year: int) -> str:
        return self._cells.get((year, key), "")

    def retranslate(self) -> None:
        if self._items:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._items) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._years)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._items)):
            return None
        if not (0 <= index.column() < len(self._years)):
            return None
        key = self._items[index.row()][0]
        year = self._years[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells.get((year, key), "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_RIGHT
        if role == KEY_ROLE:
            return year
        if role == Qt.ItemDataRole.ForegroundRole and (year, key) in self._flagged:
            return QBrush(QColor(WARNING_FOREGROUND))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._years)
        ):
            return ALIGN_RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._years):
            return str(self._years[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._items):
            return self._items[section][1]()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

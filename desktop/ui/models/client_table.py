"""The client list: a lazy table that holds only ids and fetches rows on demand.

The model keeps the ordered list of client ids (one cheap SQL query) and a row
cache filled a block at a time as the view asks for rows, so 100,000 clients
open as fast as 100. Sorting, searching and filtering re-run the id query in
SQL (:func:`db.search.search_client_ids`); the model is never rebuilt: a new
result set swaps the id list inside one reset, and rows already fetched stay in
the cache (keyed by id) for the next search that shows them.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from db import portfolio, search
from desktop.ui import i18n
from desktop.ui.models.record_table import read_only_flags

Index = QModelIndex | QPersistentModelIndex

# (key in the row dict / sort key, header function)
COLUMNS: tuple[str, ...] = (
    "name",
    "uscc",
    "segment",
    "province",
    "firm_type",
    "owner",
    "status",
    "updated_at",
)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Rows kept between searches; beyond this the cache starts afresh on the next swap.
MAX_CACHED_ROWS = 50_000


def header_text(key: str) -> str:
    """The translated header of column ``key``."""
    headers = {
        "name": QCoreApplication.translate("ClientTableModel", "Client"),
        "uscc": QCoreApplication.translate("ClientTableModel", "Unified social credit code"),
        "segment": QCoreApplication.translate("ClientTableModel", "Segment"),
        "province": QCoreApplication.translate("ClientTableModel", "Province"),
        "firm_type": QCoreApplication.translate("ClientTableModel", "Type"),
        "owner": QCoreApplication.translate("ClientTableModel", "Relationship manager"),
        "status": QCoreApplication.translate("ClientTableModel", "Status"),
        "updated_at": QCoreApplication.translate("ClientTableModel", "Last updated"),
    }
    return headers[key]


def _display(row: dict, key: str) -> str:
    if key == "segment":
        return i18n.segment_label(row["segment"])
    if key == "firm_type":
        return i18n.firm_type_label(row["firm_type"])
    if key == "status":
        return i18n.status_label(row["status"])
    if key == "owner":
        return row["owner_name"] or ""
    if key == "province":
        province, city = row["province"] or "", row["city"] or ""
        return f"{province} {city}".strip() if city and city != province else province
    if key == "updated_at":
        return (row["updated_at"] or "")[:10]
    value = row[key]
    return "" if value is None else str(value)


class ClientTableModel(QAbstractTableModel):
    BLOCK_SIZE = 200

    def __init__(self, db: sqlite_utils.Database, parent=None, *, block_size: int = 200) -> None:
        super().__init__(parent)
        self._db = db
        self._block = max(1, block_size)
        self._ids: list[str] = []
        self._cache: dict[str, dict] = {}
        self._sort_key = "name"
        self._descending = False
        self._filters: dict[str, Any] = {}
        self._search = ""
        self._ids = self._query_ids()

    # --- data access ----------------------------------------------------------------------

    def _query_ids(self) -> list[str]:
        return search.search_client_ids(
            self._db,
            self._search,
            filters=self._filters,
            order_by=self._sort_key,
            descending=self._descending,
        )

    def _replace_ids(self, new_ids: list[str]) -> bool:
        """Show ``new_ids``; a reset only when the result set really changed.
        Cached rows are kept (keyed by id) unless the cache grew too large."""
        if new_ids == self._ids:
            return False
        self.beginResetModel()
        if len(self._cache) > MAX_CACHED_ROWS:
            self._cache.clear()
        self._ids = new_ids
        self.endResetModel()
        return True

    def _row(self, row: int) -> dict | None:
        client_id = self._ids[row]
        cached = self._cache.get(client_id)
        if cached is None:
            start = (row // self._block) * self._block
            block = [i for i in self._ids[start : start + self._block] if i not in self._cache]
            self._cache.update(portfolio.fetch_client_rows(self._db, block))
            cached = self._cache.get(client_id)
        return cached  # None when the client vanished since the ids were read

    @property
    def cached_rows(self) -> int:
        return len(self._cache)

    def client_id(self, row: int) -> str:
        return self._ids[row]

    def refresh(self) -> None:
        """Re-read ids and forget cached rows (after edits elsewhere)."""
        self.beginResetModel()
        self._cache.clear()
        self._ids = self._query_ids()
        self.endResetModel()

    def set_filters(self, filters: dict[str, Any]) -> bool:
        """Filter in SQL; returns whether the shown rows changed."""
        return self.set_query(self._search, filters)

    def set_search(self, text: str) -> bool:
        """Search as you type (name, USCC, contact names, notes); returns whether
        the shown rows changed."""
        return self.set_query(text, self._filters)

    def set_query(self, text: str, filters: dict[str, Any]) -> bool:
        text = text if isinstance(text, str) else ""
        filters = {k: v for k, v in dict(filters).items() if v not in ("", None)}
        if text == self._search and filters == self._filters:
            return False
        self._search, self._filters = text, filters
        return self._replace_ids(self._query_ids())

    @property
    def search_text(self) -> str:
        return self._search

    @property
    def filters(self) -> dict[str, Any]:
        return dict(self._filters)

    def ids(self) -> list[str]:
        """The client ids in display order (a copy)."""
        return list(self._ids)

    def row_values(self, row: int) -> list[str]:
        """The displayed texts of ``row`` (what Copy puts on the clipboard)."""
        record = self._row(row)
        if record is None:
            return ["" for _ in COLUMNS]
        return [_display(record, key) for key in COLUMNS]

    def find_row(self, client_id: str) -> int:
        try:
            return self._ids.index(client_id)
        except ValueError:
            return -1

    def forget(self, client_id: str) -> None:
        """Drop one cached row (after an edit) and repaint it."""
        self._cache.pop(client_id, None)
        row = self.find_row(client_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._ids) - 1, len(COLUMNS) - 1),
                [Qt.ItemDataRole.DisplayRole],
            )

    # --- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if not (0 <= index.column() < len(COLUMNS)):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return ""
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row["name"] if key == "name" else None
        return _display(row, key)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return header_text(COLUMNS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._ids):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(COLUMNS)):
            return
        key = COLUMNS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending):
            return
        self._sort_key, self._descending = key, descending
        new_ids = self._query_ids()
        if len(new_ids) != len(self._ids) or set(new_ids) != set(self._ids):
            # Clients were added or removed meanwhile: not a reorder, start afresh.
            self.beginResetModel()
            self._cache.clear()
            self._ids = new_ids
            self.endResetModel()
            return
        if new_ids == self._ids:
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_rows = [(self._ids[i.row()], i.column()) for i in old_persistent]
        self._ids = new_ids
        position = {client_id: row for row, client_id in enumerate(new_ids)}
        new_persistent = [self.index(position[cid], col) for cid, col in old_rows]
        self.changePersistentIndexList(old_persistent, new_persistent)
        self.layoutChanged.emit()

    @property
    def sort_state(self) -> tuple[str, bool]:
        return self._sort_key, self._descending

"""A list of checkable reference items (qualifications, policy programmes)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class CheckList(QListWidget):
    """Items ``(code, label, tooltip)``; :meth:`checked` returns the ticked codes in
    list order. Codes set with :meth:`set_checked` that the reference list does
    not know (an entry retired since) are kept, shown as themselves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setAlternatingRowColors(True)
        self._read_only = False

    def set_items(self, items: Iterable[Sequence[str]]) -> None:
        checked = set(self.checked())
        self.clear()
        for code, label, *rest in items:
            self._add(code, label, rest[0] if rest else "")
        self.set_checked(checked)

    def _add(self, code: str, label: str, tooltip: str = "") -> QListWidgetItem:
        item = QListWidgetItem(label, self)
        item.setData(CODE_ROLE, code)
        if tooltip:
            item.setToolTip(tooltip)
        item.setFlags(self._flags())
        item.setCheckState(Qt.CheckState.Unchecked)
        return item

    def _flags(self) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        if not self._read_only:
            flags |= Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
        return flags

    def codes(self) -> list[str]:
        return [self.item(i).data(CODE_ROLE) for i in range(self.count())]

    def set_checked(self, codes: Iterable[str]) -> None:
        wanted = [c for c in codes if isinstance(c, str) and c]
        known = set(self.codes())
        for code in wanted:
            if code not in known:
                self._add(code, code)
                known.add(code)
        chosen = set(wanted)
        for i in range(self.count()):
            item = self.item(i)
            state = (
                Qt.CheckState.Checked if item.data(CODE_ROLE) in chosen else Qt.CheckState.Unchecked
            )
            item.setCheckState(state)

    def checked(self) -> list[str]:
        return [
            self.item(i).data(CODE_ROLE)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for i in range(self.count()):
            self.item(i).setFlags(self._flags())

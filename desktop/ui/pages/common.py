"""Building blocks shared by the pages: the page base class, figure tiles, tables."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.money import yuan_to_wan_str
from desktop.core.session import Session


class Page(QWidget):
    """A main-window page: loads its data in :meth:`refresh`, relabels in :meth:`retranslate`.

    Subclasses call ``self.retranslate()`` and ``self.refresh()`` at the end of
    their ``__init__``; Qt's ``LanguageChange`` event re-runs ``retranslate``.
    """

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def refresh(self) -> None:  # pragma: no cover - every page overrides
        raise NotImplementedError

    def retranslate(self) -> None:  # pragma: no cover - every page overrides
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def heading(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label


def subheading(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


class StatTile(QFrame):
    """A figure with its caption underneath, e.g. ``128`` / ``Active``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#StatTile { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(2)
        self.value_label = QLabel("0", self)
        font = QFont(self.value_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value_label.setFont(font)
        self.caption_label = QLabel(self)
        self.caption_label.setStyleSheet("color: palette(dark);")
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)

    def set_value(self, value: int | str) -> None:
        self.value_label.setText(f"{value:,}" if isinstance(value, int) else value)

    def set_caption(self, text: str) -> None:
        self.caption_label.setText(text)

    def value(self) -> str:
        return self.value_label.text()

    def caption(self) -> str:
        return self.caption_label.text()


def tile_row(tiles: list[StatTile]) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(10)
    for tile in tiles:
        row.addWidget(tile)
    row.addStretch(1)
    return row


def table_view(parent: QWidget | None = None) -> QTableView:
    """A read-only, row-selecting table with alternating colours."""
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    return view


def set_column_widths(view: QTableView, chars: list[float]) -> None:
    """Column widths in average character widths (CJK counts about two)."""
    unit = max(view.fontMetrics().averageCharWidth(), 6)
    for column, n in enumerate(chars):
        view.setColumnWidth(column, int(n * unit) + 16)


def wan(yuan: int | None) -> str:
    """Integer yuan as 万元 text with two decimals (exact, half-up)."""
    return yuan_to_wan_str(int(yuan or 0))

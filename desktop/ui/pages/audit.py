"""The audit trail viewer: filters, a paged table, the entry's details, export, chain check."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import sqlite_utils
from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.audit import AuditFilter
from db.errors import DatabaseError
from desktop.core import auditing, security
from desktop.core.auditing import database_error_message
from desktop.core.session import CurrentUser, Session
from desktop.ui.i18n import audit_action_label
from desktop.ui.models.record_table import ALIGN_RIGHT, read_only_flags
from desktop.ui.pages.common import Page, heading, set_column_widths, table_view
from desktop.ui.timefmt import local_time

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
ANY_DATE = QDate(2000, 1, 1)
# Action groups offered in the filter (prefix ending with "."), besides exact actions.
ACTION_GROUPS = (
    "auth.",
    "user.",
    "client.",
    "contact.",
    "deal.",
    "memo.",
    "score.",
    "personal.",
    "backup.",
    "setting.",
    "audit.",
)


class AuditTableModel(QAbstractTableModel):
    """Audit entries matching a filter, newest first, fetched ``PAGE_SIZE`` at a time
    (``canFetchMore``/``fetchMore``), so a long trail opens at once."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        user: CurrentUser,
        user_names: dict[str, str] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._user = user
        self._filter = AuditFilter()
        self._rows: list[dict] = []
        self._total = 0
        self.user_names = user_names or {}

    def headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("Time"),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Record"),
            self.tr("Reason"),
        ]

    def set_filter(self, flt: AuditFilter) -> None:
        self.beginResetModel()
        self._filter = flt
        self._total = auditing.count(self._db, self._user, flt)
        self._rows = auditing.read_entries(self._db, self._user, flt, limit=PAGE_SIZE, offset=0)
        self.endResetModel()

    def current_filter(self) -> AuditFilter:
        return self._filter

    def total(self) -> int:
        return self._total

    def entry(self, row: int) -> dict:
        return self._rows[row]

    def row_of_seq(self, seq: int) -> int | None:
        for row, entry in enumerate(self._rows):
            if entry["seq"] == seq:
                return row
        return None

    def user_name(self, user_id: str) -> str:
        if user_id in self.user_names:
            return self.user_names[user_id]
        if user_id == "system":
            return self.tr("System")
        if user_id == security.ANONYMOUS:
            return self.tr("Unknown user name")
        if user_id.startswith("os:"):
            return self.tr("Command line ({account})").format(account=user_id[3:])
        return user_id

    # --- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = auditing.read_entries(
            self._db, self._user, self._filter, limit=PAGE_SIZE, offset=len(self._rows)
        )
        if not more:
            self._total = len(self._rows)  # entries vanished? stop asking
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < 6):
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return str(entry["seq"])
            if column == 1:
                return local_time(entry["at"], seconds=True)
            if column == 2:
                return self.user_name(entry["user_id"])
            if column == 3:
                return audit_action_label(entry["action"])
            if column == 4:
                return record_text(entry)
            return entry["reason"] or ""
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return ALIGN_RIGHT
        if role == Qt.ItemDataRole.UserRole:
            return entry["seq"]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < 6):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 5))


def record_text(entry: dict) -> str:
    entity = entry.get("entity") or ""
    entity_id = entry.get("entity_id") or ""
    if entity and entity_id:
        return f"{entity} {entity_id[:8]}"
    return entity or entity_id


def pretty(value: Any) -> str:
    if value is None:
        return "—"
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


class AuditPage(Page):
    """Needs ``audit.read`` (reviewer, branch head, administrator); others see
    the refusal naming the permission."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.title = heading(self)
        self.notice = QLabel(self)
        self.notice.setObjectName("auditNotice")
        self.notice.setWordWrap(True)

        self.user_box = QComboBox(self)
        self.user_box.setObjectName("userFilter")
        self.action_box = QComboBox(self)
        self.action_box.setObjectName("actionFilter")
        self.action_box.setEditable(True)
        self.action_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.entity_box = QComboBox(self)
        self.entity_box.setObjectName("entityFilter")
        self.entity_box.setEditable(True)
        self.entity_id = QLineEdit(self)
        self.entity_id.setObjectName("entityIdFilter")
        self.entity_id.setClearButtonEnabled(True)
        self.since = self._date_edit()
        self.until = self._date_edit()
        self.apply_button = QPushButton(self)
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_filter)
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(self.clear_filter)
        self.entity_id.returnPressed.connect(self.apply_filter)
        self.filter_labels = [QLabel(self) for _ in range(6)]
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        widgets = [
            self.user_box,
            self.action_box,
            self.entity_box,
            self.entity_id,
            self.since,
            self.until,
        ]
        for n, (label, widget) in enumerate(zip(self.filter_labels, widgets, strict=True)):
            grid.addWidget(label, n // 3, (n % 3) * 2)
            grid.addWidget(widget, n // 3, (n % 3) * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnStretch(5, 1)
        grid.addWidget(self.apply_button, 0, 6)
        grid.addWidget(self.clear_button, 1, 6)

        self.model = AuditTableModel(session.db, session.user, parent=self)
        self.view = table_view(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        set_column_widths(self.view, [6, 17, 12, 20, 18])
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        self.detail = QPlainTextEdit(self)
        self.detail.setObjectName("auditDetail")
        self.detail.setReadOnly(True)
        mono = QFont(self.detail.font())
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.detail.setFont(mono)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self.count_label = QLabel(self)
        self.chain_label = QLabel(self)
        self.chain_label.setObjectName("chainResult")
        self.chain_label.setWordWrap(True)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export)
        self.verify_button = QPushButton(self)
        self.verify_button.clicked.connect(self.verify_chain)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.chain_label, 1)
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addLayout(grid)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)
        self._allowed = security.allowed(session.user, "audit.read")
        self.retranslate()
        self.refresh()

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(ANY_DATE)
        edit.setDate(ANY_DATE)
        return edit

    # --- filters ------------------------------------------------------------------------

    def _fill_choices(self) -> None:
        db = self.session.db
        names = {
            r["id"]: f"{r['display_name']} ({r['username']})"
            for r in db.query("SELECT id, username, display_name FROM users")
        }
        self.model.user_names = names
        current_user = self.user_box.currentData()
        self.user_box.blockSignals(True)
        self.user_box.clear()
        self.user_box.addItem(self.tr("Anyone"), None)
        used = [r[0] for r in db.conn.execute("SELECT DISTINCT user_id FROM audit_log")]
        for user_id in sorted(set(used) | set(names), key=self.model.user_name):
            self.user_box.addItem(self.model.user_name(user_id), user_id)
        self.user_box.setCurrentIndex(max(0, self.user_box.findData(current_user)))
        self.user_box.blockSignals(False)

        actions = sorted(r[0] for r in db.conn.execute("SELECT DISTINCT action FROM audit_log"))
        text = self.action_box.currentText()
        self.action_box.clear()
        self.action_box.addItem("")
        for group in ACTION_GROUPS:
            if any(a.startswith(group) for a in actions):
                self.action_box.addItem(group + "*")
        self.action_box.addItems(actions)
        self.action_box.setCurrentText(text)

        entities = sorted(
            r[0] for r in db.conn.execute("SELECT DISTINCT entity FROM audit_log") if r[0]
        )
        text = self.entity_box.currentText()
        self.entity_box.clear()
        self.entity_box.addItem("")
        self.entity_box.addItems(entities)
        self.entity_box.setCurrentText(text)

    def current_filter(self) -> AuditFilter:
        action = self.action_box.currentText().strip()
        if action.endswith(".*"):
            action = action[:-1]
        since = self.since.date()
        until = self.until.date()
        return AuditFilter(
            user_id=self.user_box.currentData() or None,
            action=action or None,
            entity=self.entity_box.currentText().strip() or None,
            entity_id=self.entity_id.text().strip() or None,
            since=None if since == ANY_DATE else date(since.year(), since.month(), since.day()),
            until=None if until == ANY_DATE else date(until.year(), until.month(), until.day()),
        )

    def apply_filter(self) -> None:
        if not self._allowed:
            return
        try:
            self.model.set_filter(self.current_filter())
        except DatabaseError as exc:
            QMessageBox.warning(self, self.tr("Audit trail"), database_error_message(exc))
            return
        self._update_count()
        if self.model.rowCount():
            self.view.selectRow(0)
            self.view.setCurrentIndex(self.model.index(0, 0))
        else:
            self.detail.clear()

    def clear_filter(self) -> None:
        self.user_box.setCurrentIndex(0)
        self.action_box.setCurrentText("")
        self.entity_box.setCurrentText("")
        self.entity_id.clear()
        self.since.setDate(ANY_DATE)
        self.until.setDate(ANY_DATE)
        self.apply_filter()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{n} entries").format(n=f"{self.model.total():,}"))

    # --- page ---------------------------------------------------------------------------

    def refresh(self) -> None:
        for widget in (
            self.user_box,
            self.action_box,
            self.entity_box,
            self.entity_id,
            self.since,
            self.until,
            self.apply_button,
            self.clear_button,
            self.export_button,
            self.verify_button,
        ):
            widget.setEnabled(self._allowed)
        if not self._allowed:
            try:
                security.require(self.session.user, "audit.read")
            except security.PermissionDenied as exc:
                self.notice.setText(exc.message)
            self.notice.setVisible(True)
            return
        self.notice.setVisible(False)
        self._fill_choices()
        self.apply_filter()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Audit trail"))
        texts = [
            self.tr("User:"),
            self.tr("Action:"),
            self.tr("Record type:"),
            self.tr("Record id:"),
            self.tr("From:"),
            self.tr("To:"),
        ]
        for label, text in zip(self.filter_labels, texts, strict=True):
            label.setText(text)
        for edit in (self.since, self.until):
            edit.setSpecialValueText(self.tr("any date"))
        if self.user_box.count():
            self.user_box.setItemText(0, self.tr("Anyone"))
        self.entity_id.setPlaceholderText(self.tr("full id of the record"))
        self.apply_button.setText(self.tr("Filter"))
        self.clear_button.setText(self.tr("Show all"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.verify_button.setText(self.tr("Verify chain"))
        self.model.retranslate()
        self._update_count()

    # --- detail -------------------------------------------------------------------------

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        self.detail.setPlainText(self.detail_text(self.model.entry(current.row())))

    def detail_text(self, entry: dict) -> str:
        lines = [
            self.tr("Entry {seq}").format(seq=entry["seq"]),
            self.tr("Time: {time}").format(time=local_time(entry["at"], seconds=True)),
            self.tr("User: {user}").format(user=self.model.user_name(entry["user_id"])),
            self.tr("Action: {action}").format(
                action=f"{audit_action_label(entry['action'])} ({entry['action']})"
            ),
            self.tr("Record: {entity} {id}").format(
                entity=entry["entity"] or "—", id=entry["entity_id"] or ""
            ),
            self.tr("Reason: {reason}").format(reason=entry["reason"] or "—"),
            "",
            self.tr("Before:"),
            pretty(entry["before"]),
            "",
            self.tr("After:"),
            pretty(entry["after"]),
            "",
            self.tr("Hash: {hash}").format(hash=entry.get("hash") or ""),
        ]
        return "\n".join(lines)

    def selected_entry(self) -> dict | None:
        index = self.view.selectionModel().currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    # --- export and verification --------------------------------------------------------

    def export(self, path: str | Path | None = None) -> int | None:
        """Write the filtered entries to a CSV file (asks where when ``path`` is None)."""
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the audit trail"),
                str(Path.home() / f"h2desk-audit-{date.today():%Y%m%d}.csv"),
                self.tr("CSV files (*.csv)"),
            )
            if not name:
                return None
            path = name
        try:
            rows = auditing.export_csv(
                self.session.db, self.session.user, path, self.model.current_filter()
            )
        except security.PermissionDenied as exc:
            QMessageBox.warning(self, self.tr("Audit trail"), exc.message)
            return None
        except DatabaseError as exc:
            QMessageBox.warning(self, self.tr("Audit trail"), database_error_message(exc))
            return None
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Audit trail"),
                self.tr("Cannot write {path}: {problem}").format(
                    path=path, problem=exc.strerror or exc
                ),
            )
            return None
        QMessageBox.information(
            self,
            self.tr("Audit trail"),
            self.tr("{n} entries exported to {path}.").format(n=rows, path=path),
        )
        self.refresh()  # the export itself is audited
        return rows

    def verify_chain(self) -> bool:
        report = auditing.verify(self.session.db)
        text = auditing.chain_report_text(report)
        self.chain_label.setText(text)
        self.chain_label.setStyleSheet("color: #1b7f3b;" if report.ok else "color: #b00020;")
        if report.ok:
            QMessageBox.information(self, self.tr("Audit trail"), text)
        else:
            QMessageBox.critical(self, self.tr("Audit trail"), text)
            if report.first_broken_seq is not None:
                self.show_entry(report.first_broken_seq)
        return report.ok

    def show_entry(self, seq: int) -> bool:
        """Select the entry ``seq`` in the current list (fetching pages as needed)."""
        row = self.model.row_of_seq(seq)
        while row is None and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of_seq(seq)
        if row is None:
            return False
        self.view.setCurrentIndex(self.model.index(row, 0))
        self.view.scrollTo(self.model.index(row, 0))
        return True

"""Clients: the book at a glance (tiles), and the client list with search as you
type, filters, SQL sorting, copy as TSV, import, export and follow-ups due.

The list model is built once; typing (debounced) and filters only swap its id
list (see :class:`ClientTableModel`). Enter or a double-click opens the profile.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db import portfolio
from db import users as user_repo
from db.errors import DatabaseError
from desktop.core import exporting, security, taxonomy
from desktop.core import i18n as core_i18n
from desktop.core.auditing import database_error_message
from desktop.core.session import Session
from desktop.ui import i18n
from desktop.ui.dialogs.client_profile import ClientProfileDialog
from desktop.ui.dialogs.follow_ups_dialog import FollowUpsDialog
from desktop.ui.dialogs.import_dialog import ImportDialog, _with_connection
from desktop.ui.dialogs.unmask_dialog import UnmaskDialog
from desktop.ui.models.client_table import COLUMNS, ID_ROLE, ClientTableModel, header_text
from desktop.ui.pages.common import Page, StatTile, heading, set_column_widths, table_view, tile_row
from desktop.ui.widgets.busy import run_busy

# Column widths in average characters (CJK counts about two).
_WIDTHS = {
    "name": 38,
    "uscc": 24,
    "segment": 12,
    "province": 20,
    "firm_type": 13,
    "owner": 12,
    "status": 8,
    "updated_at": 12,
}
SEARCH_DELAY_MS = 150
# Filter combos: key in the model's filters -> object name.
FILTER_KEYS = ("segment", "province", "firm_type", "owner_id", "status", "grade")


def _provinces(db) -> list[str]:
    return [
        row[0]
        for row in db.conn.execute(
            "SELECT DISTINCT province FROM clients WHERE deleted_at IS NULL"
            " AND province IS NOT NULL AND province <> '' ORDER BY province"
        )
    ]


class ClientsPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.title = heading(self)
        self.total_tile = StatTile(self)
        self.status_tiles = {status: StatTile(self) for status in portfolio.CLIENT_STATUSES}
        self.follow_up_tile = StatTile(self)

        # --- search and actions
        self.search = QLineEdit(self)
        self.search.setObjectName("clientSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 16)
        self.search.setMaximumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.search.returnPressed.connect(self._search_enter)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("resultCount")
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newClient")
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importClients")
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportClients")
        self.follow_ups_button = QPushButton(self)
        self.follow_ups_button.setObjectName("followUpsDue")
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyRows")
        self.new_button.clicked.connect(self.new_client)
        self.import_button.clicked.connect(self.import_clients)
        self.export_button.clicked.connect(self.export_clients)
        self.follow_ups_button.clicked.connect(self.show_follow_ups)
        self.copy_button.clicked.connect(self.copy_selection)

        # --- filters
        # No labels: the first entry of each combo names it ("All segments").
        self.filter_combos: dict[str, QComboBox] = {}
        for key in FILTER_KEYS:
            combo = QComboBox(self)
            combo.setObjectName(f"filter_{key}")
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(3)
            combo.currentIndexChanged.connect(self.apply_filters)
            self.filter_combos[key] = combo
        self.due_only = QCheckBox(self)
        self.due_only.setObjectName("filter_follow_up_due")
        self.due_only.toggled.connect(self.apply_filters)
        self.reset_button = QPushButton(self)
        self.reset_button.setObjectName("resetFilters")
        self.reset_button.clicked.connect(self.reset_filters)

        # --- the list
        self.model = ClientTableModel(session.db, self)
        self.view = table_view(self)
        self.view.setObjectName("clientTable")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # indicator first: enabling sorting then matches the model's order (no re-query)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        set_column_widths(self.view, [_WIDTHS.get(key, 10) for key in COLUMNS])
        self.view.activated.connect(self._activated)
        # right-click on a client: its scorecard (an action, so the title row stays narrow)
        self.score_action = QAction(self.view)
        self.score_action.setObjectName("scoreClient")
        self.score_action.triggered.connect(self.score_current)
        self.view.addAction(self.score_action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.copy_shortcut = QShortcut(QKeySequence.StandardKey.Copy, self.view)
        self.copy_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_shortcut.activated.connect(self.copy_selection)
        self.find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        self.find_shortcut.activated.connect(self._focus_search)
        self.model.modelReset.connect(self._update_count)
        self._total = 0
        self._filter_data: dict[str, list] = {"province": [], "owner_id": [], "grade": []}

        # --- layout
        title_row = QHBoxLayout()
        title_row.addWidget(self.title)
        title_row.addSpacing(12)
        title_row.addWidget(self.count_label)
        title_row.addStretch(1)
        for button in (
            self.new_button,
            self.import_button,
            self.export_button,
            self.follow_ups_button,
            self.copy_button,
        ):
            title_row.addWidget(button)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addSpacing(6)
        search_row.addWidget(self.due_only)
        search_row.addWidget(self.reset_button)
        search_row.addStretch(1)
        filters = QHBoxLayout()
        filters.setSpacing(6)
        for key in FILTER_KEYS:
            filters.addWidget(self.filter_combos[key], 1)
        filters.addStretch(2)
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addLayout(
            tile_row([self.total_tile, *self.status_tiles.values(), self.follow_up_tile])
        )
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        self.retranslate()
        self.refresh(reload_list=False)

    # ===================================================================== data

    def refresh(self, *, reload_list: bool = True) -> None:
        db = self.session.db
        by_status = portfolio.clients_by_status(db)
        self.total_tile.set_value(sum(by_status.values()))
        for status, tile in self.status_tiles.items():
            tile.set_value(by_status[status])
        self.follow_up_tile.set_value(portfolio.follow_ups_due(db))
        self._total = sum(by_status.values())
        self._filter_data = {
            "province": _provinces(db),
            "owner_id": [
                (u["display_name"], u["id"])
                for u in user_repo.list_users(db)
                if u["role"] in ("rm", "branch_head")
            ],
            "grade": [g for g in portfolio.scorecard_results_by_grade(db) if g],
        }
        self._fill_filters()
        if reload_list:
            self.model.refresh()
        self._update_count()
        self._apply_permissions()

    def _apply_permissions(self) -> None:
        user = self.session.user
        self.new_button.setEnabled(security.allowed(user, "client.create"))
        self.import_button.setEnabled(security.allowed(user, "client.create"))

    def _fill_filters(self) -> None:
        """(Re)fill the filter choices from the data read in :meth:`refresh` (no
        database access: this also runs on a language switch), keeping the selection."""
        lang = core_i18n.language()
        tax = taxonomy.load_taxonomy()
        data = self._filter_data
        choices: dict[str, list[tuple[str, str]]] = {
            "segment": [(s.name(lang), s.code) for s in tax.segments],
            "province": [(p, p) for p in data["province"]],
            "firm_type": [(i18n.firm_type_label(c), c) for c in taxonomy.FIRM_TYPES],
            "owner_id": list(data["owner_id"]),
            "status": [(i18n.status_label(c), c) for c in portfolio.CLIENT_STATUSES],
            "grade": [(g, g) for g in data["grade"]],
        }
        for key, items in choices.items():
            combo = self.filter_combos[key]
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self._all_label(key), None)
            for label, value in items:
                combo.addItem(label, value)
            index = combo.findData(keep) if keep is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _all_label(self, key: str) -> str:
        return {
            "segment": self.tr("All segments"),
            "province": self.tr("All provinces"),
            "firm_type": self.tr("All types"),
            "owner_id": self.tr("All RMs"),
            "status": self.tr("All statuses"),
            "grade": self.tr("All grades"),
        }[key]

    def current_filters(self) -> dict:
        filters = {
            key: combo.currentData()
            for key, combo in self.filter_combos.items()
            if combo.currentData() is not None
        }
        if self.due_only.isChecked():
            filters["follow_up_due"] = True
        return filters

    def apply_search(self) -> None:
        self.search_timer.stop()
        self.model.set_search(self.search.text())
        self._update_count()

    def apply_filters(self, *_args) -> None:
        self.model.set_filters(self.current_filters())
        self._update_count()

    def reset_filters(self) -> None:
        for combo in self.filter_combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.due_only.blockSignals(True)
        self.due_only.setChecked(False)
        self.due_only.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.search_timer.stop()
        self.model.set_query("", {})
        self._update_count()

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        if self.model.search_text.strip() or self.model.filters:
            total = self._total
            self.count_label.setText(
                self.tr("{shown} of {total} clients").format(shown=f"{shown:,}", total=f"{total:,}")
            )
        else:
            self.count_label.setText(self.tr("{shown} clients").format(shown=f"{shown:,}"))

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_enter(self) -> None:
        """Enter in the search box: search now; a single hit opens at once."""
        self.apply_search()
        if self.model.rowCount() == 1:
            self.open_client(self.model.client_id(0))
        elif self.model.rowCount():
            self.view.setFocus()
            self.view.selectRow(0)

    # ===================================================================== actions

    def _activated(self, index) -> None:
        if index.isValid():
            self.open_client(index.data(ID_ROLE))

    def open_client(self, client_id: str) -> None:
        _client_id, changed = ClientProfileDialog.open_profile(self.session, client_id, self)
        if changed:
            self.after_change()

    def score_current(self) -> None:
        """Open the scoring page of the current client in the list."""
        index = self.view.currentIndex()
        if not index.isValid():
            QMessageBox.information(
                self, self.tr("Score"), self.tr("Select a client in the list first.")
            )
            return
        from desktop.ui.dialogs.scoring_dialog import ScoringDialog  # noqa: PLC0415

        _ids, saved = ScoringDialog.score_client(self.session, index.data(ID_ROLE), self)
        if saved:
            self.refresh(reload_list=False)

    def new_client(self) -> None:
        client_id, changed = ClientProfileDialog.new_client(self.session, self)
        if changed:
            self.after_change()
            if client_id:
                row = self.model.find_row(client_id)
                if row >= 0:
                    self.view.selectRow(row)
                    self.view.scrollTo(self.model.index(row, 0))

    def after_change(self) -> None:
        """Something was written: re-read figures, filters and the list."""
        self.refresh()

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.view.selectionModel().selectedRows()})

    def selection_tsv(self) -> str:
        rows = self.selected_rows()
        if not rows:
            return ""
        return exporting.rows_as_tsv(
            (self.model.row_values(r) for r in rows), [header_text(k) for k in COLUMNS]
        )

    def copy_selection(self) -> None:
        """Selected rows as tab-separated text (with headers) for Excel or WPS."""
        text = self.selection_tsv()
        if text:
            QGuiApplication.clipboard().setText(text)

    def show_follow_ups(self) -> None:
        def open_from_list(client_id: str) -> None:
            self.open_client(client_id)

        FollowUpsDialog.show_list(self.session, self, on_open=open_from_list)
        self.refresh(reload_list=False)

    def import_clients(self) -> None:
        path = ImportDialog.choose_file(self)
        if not path:
            return
        _result, ok = ImportDialog.run_import(self.session, path, self)
        if ok:
            self.after_change()

    def export_clients(self) -> None:
        ids = self.model.ids()
        if not ids:
            QMessageBox.information(self, self.tr("Export"), self.tr("The list is empty."))
            return
        suggested = str(Path.home() / self.tr("clients.xlsx"))
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export {n} clients").format(n=f"{len(ids):,}"),
            suggested,
            self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"),
        )
        if not path:
            return
        reveal, reason = False, ""
        if security.allowed(self.session.user, "personal.export"):
            answer = QMessageBox.question(
                self,
                self.tr("Export"),
                self.tr(
                    "Mobile and ID numbers are exported masked. Export them in full instead? "
                    "(You will be asked for a reason; it is audited.)"
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                reason, reveal = UnmaskDialog.ask_reason(self.tr("the exported contacts"), self)
                if not reveal:
                    return
        session = self.session
        filtered = bool(self.model.search_text.strip() or self.model.filters)
        outcome = run_busy(
            self,
            self.tr("Export"),
            self.tr("Writing {n} clients…").format(n=f"{len(ids):,}"),
            lambda _progress: _with_connection(
                session,
                lambda db: exporting.export_clients(
                    db,
                    session.user,
                    path,
                    client_ids=ids if filtered else None,
                    reveal_personal=reveal,
                    reason=reason,
                ),
            ),
            cancellable=False,
        )
        if outcome.error is not None:
            exc = outcome.error
            if isinstance(exc, DatabaseError):
                text = database_error_message(exc)
            else:
                text = str(getattr(exc, "message", "") or exc)
            QMessageBox.warning(self, self.tr("Export"), text)
            return
        QMessageBox.information(
            self,
            self.tr("Export"),
            self.tr("{n} clients were exported to {path}.").format(
                n=f"{outcome.result:,}", path=path
            ),
        )

    # ===================================================================== text

    def retranslate(self) -> None:
        self.title.setText(self.tr("Clients"))
        self.total_tile.set_caption(self.tr("All clients"))
        for status, tile in self.status_tiles.items():
            tile.set_caption(i18n.status_label(status))
        self.follow_up_tile.set_caption(self.tr("Follow-ups due"))
        self.follow_up_tile.setToolTip(self.tr("Open follow-ups whose date is today or earlier"))
        self.search.setPlaceholderText(
            self.tr("Search name, credit code, contact or notes (Ctrl+F)")
        )
        self.new_button.setText(self.tr("New client"))
        self.import_button.setText(self.tr("Import…"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(
            self.tr("Export the clients in the list (personal data masked)")
        )
        self.follow_ups_button.setText(self.tr("Follow-ups due"))
        self.copy_button.setText(self.tr("Copy"))
        self.score_action.setText(self.tr("Score…"))
        self.score_action.setToolTip(self.tr("Pre-credit scorecard of the selected client"))
        self.copy_button.setToolTip(self.tr("Copy the selected rows for Excel or WPS (Ctrl+C)"))
        tips = {
            "segment": self.tr("Value-chain segment"),
            "province": self.tr("Province"),
            "firm_type": self.tr("Enterprise type"),
            "owner_id": self.tr("Relationship manager"),
            "status": self.tr("Status"),
            "grade": self.tr("Latest scorecard grade"),
        }
        for key, text in tips.items():
            self.filter_combos[key].setToolTip(text)
        self.due_only.setText(self.tr("Follow-up due"))
        self.due_only.setToolTip(
            self.tr("Only clients with an open follow-up due today or earlier")
        )
        self.reset_button.setText(self.tr("Clear filters"))
        self.model.retranslate()
        self._fill_filters()
        self._update_count()

"""Scorecards: snapshots by grade, the latest scores, the clients never scored,
and the entry points: score a client, see a client's history, batch scoring."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db import portfolio
from desktop.core.session import Session
from desktop.ui import i18n
from desktop.ui.dialogs.batch_scoring_dialog import BatchScoringDialog
from desktop.ui.dialogs.score_history_dialog import ScoreHistoryDialog
from desktop.ui.dialogs.scoring_dialog import ScoringDialog
from desktop.ui.models.client_table import COLUMNS as CLIENT_COLUMNS
from desktop.ui.models.client_table import ID_ROLE, ClientTableModel
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.models.scoring import latest_scores, snapshot_when, wan
from desktop.ui.pages.common import (
    Page,
    StatTile,
    heading,
    set_column_widths,
    subheading,
    table_view,
    tile_row,
)
from desktop.ui.screen_fit import fit_to_screen


def _grade(grade: str) -> str:
    return grade or QCoreApplication.translate("ScorecardsPage", "No grade (knocked out)")


GRADE_COLUMNS = (
    Column(lambda: QCoreApplication.translate("ScorecardsPage", "Grade"), lambda r: _grade(r[0])),
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "Score snapshots"),
        lambda r: f"{r[1]:,}",
        numeric=True,
    ),
)

UNSCORED_COLUMNS = (
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "Client"),
        lambda r: r["name"],
        tooltip=lambda r: r["name"],
    ),
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "Segment"),
        lambda r: i18n.segment_label(r["segment"]),
    ),
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "Type"),
        lambda r: i18n.firm_type_label(r["firm_type"]),
    ),
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "Status"),
        lambda r: i18n.status_label(r["status"]),
    ),
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "Relationship manager"),
        lambda r: r["owner_name"] or "",
    ),
)


LATEST_COLUMNS = (
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "Client"),
        lambda r: r["name"],
        tooltip=lambda r: r["name"],
    ),
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "Type"),
        lambda r: i18n.firm_type_label(r["firm_type"]),
    ),
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "Total"),
        lambda r: "—" if r["knocked_out"] else r["total"],
        numeric=True,
    ),
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "Grade"), lambda r: _grade(r["grade"])
    ),
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "Limit (10k CNY)"),
        lambda r: wan(r["suggested_limit_yuan"]),
        numeric=True,
    ),
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "Saved"),
        lambda r: snapshot_when(r["created_at"]),
    ),
    Column(
        lambda: QCoreApplication.translate("ScorecardsPage", "By"),
        lambda r: r["created_by_name"] or "",
    ),
)


class ClientPicker(QDialog):
    """Pick one client by name or credit code (search as you type)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientPicker")
        self.setWindowTitle(self.tr("Choose a client"))
        self.search = QLineEdit(self)
        self.search.setObjectName("pickerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name or credit code"))
        self.model = ClientTableModel(session.db, self)
        self.view = table_view(self)
        self.view.setObjectName("pickerList")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        set_column_widths(self.view, [38 if k == "name" else 12 for k in CLIENT_COLUMNS])
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(lambda: self.model.set_search(self.search.text()))
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.view.activated.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 1000, 600)

    def chosen(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    @classmethod
    def pick(cls, session: Session, parent: QWidget | None = None) -> tuple[str | None, bool]:
        dialog = cls(session, parent)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.chosen() if ok else None
        dialog.deleteLater()
        return chosen, chosen is not None


class ScorecardsPage(Page):
    UNSCORED_LIMIT = 500
    LATEST_LIMIT = 500

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.title = heading(self)
        self.snapshots_tile = StatTile(self)
        self.scored_tile = StatTile(self)
        self.unscored_tile = StatTile(self)

        self.grade_label = subheading(self)
        self.grade_model = RecordTableModel(GRADE_COLUMNS, parent=self)
        self.grade_view = table_view(self)
        self.grade_view.setModel(self.grade_model)
        self.grade_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.score_button = QPushButton(self)
        self.score_button.setObjectName("scoreClient")
        self.score_button.clicked.connect(self.score_selected)
        self.history_button = QPushButton(self)
        self.history_button.setObjectName("scoreHistory")
        self.history_button.clicked.connect(self.history_selected)
        self.batch_button = QPushButton(self)
        self.batch_button.setObjectName("batchScoring")
        self.batch_button.clicked.connect(self.batch_scoring)

        self.latest_model = RecordTableModel(LATEST_COLUMNS, parent=self)
        self.latest_view = table_view(self)
        self.latest_view.setObjectName("latestScores")
        self.latest_view.setModel(self.latest_model)
        self.latest_view.horizontalHeader().setStretchLastSection(True)
        set_column_widths(self.latest_view, [40, 12, 8, 10, 14, 17, 12])
        self.latest_view.activated.connect(lambda _i: self.history_selected())

        self.unscored_label = QLabel(self)
        self.unscored_model = RecordTableModel(UNSCORED_COLUMNS, parent=self)
        self.unscored_view = table_view(self)
        self.unscored_view.setObjectName("unscoredClients")
        self.unscored_view.setModel(self.unscored_model)
        self.unscored_view.horizontalHeader().setStretchLastSection(True)
        set_column_widths(self.unscored_view, [44, 14, 14, 12, 14])
        self.unscored_view.activated.connect(lambda _i: self.score_selected())

        left = QVBoxLayout()
        left.addWidget(self.grade_label)
        left.addWidget(self.grade_view)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("scoreLists")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.latest_view, "")
        unscored = QWidget(self)
        unscored_layout = QVBoxLayout(unscored)
        unscored_layout.setContentsMargins(0, 4, 0, 0)
        unscored_layout.addWidget(self.unscored_label)
        unscored_layout.addWidget(self.unscored_view)
        self.tabs.addTab(unscored, "")
        tables = QHBoxLayout()
        tables.addLayout(left, 1)
        tables.addWidget(self.tabs, 4)

        title_row = QHBoxLayout()
        title_row.addWidget(self.title)
        title_row.addStretch(1)
        for button in (self.score_button, self.history_button, self.batch_button):
            title_row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addLayout(tile_row([self.snapshots_tile, self.scored_tile, self.unscored_tile]))
        layout.addLayout(tables, 1)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        db = self.session.db
        grades = portfolio.scorecard_results_by_grade(db)
        self.grade_model.set_rows(list(grades.items()))
        self.snapshots_tile.set_value(sum(grades.values()))
        unscored = portfolio.unscored_client_count(db)
        self.unscored_tile.set_value(unscored)
        self.scored_tile.set_value(portfolio.client_count(db) - unscored)
        self.unscored_model.set_rows(portfolio.unscored_clients(db, limit=self.UNSCORED_LIMIT))
        self.latest_model.set_rows(latest_scores(db, limit=self.LATEST_LIMIT))
        if not self.latest_model.rowCount() and self.unscored_model.rowCount():
            self.tabs.setCurrentIndex(1)
        self._unscored_total = unscored
        self._set_unscored_label()

    def _set_unscored_label(self) -> None:
        shown = self.unscored_model.rowCount()
        total = getattr(self, "_unscored_total", shown)
        if shown < total:
            text = self.tr("Clients never scored (first {shown} of {total})").format(
                shown=f"{shown:,}", total=f"{total:,}"
            )
        else:
            text = self.tr("Clients never scored")
        self.unscored_label.setText(text)

    # ===================================================================== actions

    def _current_view(self) -> QTableView:
        return self.latest_view if self.tabs.currentIndex() == 0 else self.unscored_view

    def selected_client_id(self) -> str | None:
        """The client selected in the list shown (latest scores or never scored)."""
        view = self._current_view()
        rows = view.selectionModel().selectedRows()
        if not rows:
            return None
        record = view.model().record(rows[0].row())
        return record.get("client_id") or record.get("id")

    def _client_or_pick(self) -> str | None:
        client_id = self.selected_client_id()
        if client_id is None:
            client_id, _ok = ClientPicker.pick(self.session, self)
        return client_id

    def score_selected(self) -> None:
        """Score the selected client (or one picked from the whole list)."""
        client_id = self._client_or_pick()
        if client_id is None:
            return
        _ids, saved = ScoringDialog.score_client(self.session, client_id, self)
        if saved:
            self.refresh()

    def history_selected(self) -> None:
        client_id = self._client_or_pick()
        if client_id is not None:
            ScoreHistoryDialog.show_history(self.session, client_id, self)

    def _client_list_ids(self) -> list[str] | None:
        """The Clients page's list, when it is filtered (offered as a batch scope)."""
        page = getattr(self.window(), "clients_page", None)
        model = getattr(page, "model", None)
        if model is None or not (model.search_text.strip() or model.filters):
            return None
        return model.ids()

    def batch_scoring(self) -> None:
        BatchScoringDialog.run_dialog(self.session, self, list_ids=self._client_list_ids())

    def retranslate(self) -> None:
        self.title.setText(self.tr("Pre-credit scorecards"))
        self.score_button.setText(self.tr("Score a client…"))
        self.score_button.setToolTip(
            self.tr("Score the client selected in the list, or choose one")
        )
        self.history_button.setText(self.tr("Score history…"))
        self.history_button.setToolTip(
            self.tr("Saved scores of the selected client, and a comparison of two")
        )
        self.batch_button.setText(self.tr("Batch scoring…"))
        self.batch_button.setToolTip(
            self.tr("Score the portfolio or part of it at once (nothing is saved)")
        )
        self.tabs.setTabText(0, self.tr("Latest score of each client"))
        self.tabs.setTabText(1, self.tr("Clients never scored"))
        self.latest_model.retranslate()
        self.snapshots_tile.set_caption(self.tr("Score snapshots"))
        self.scored_tile.set_caption(self.tr("Clients scored"))
        self.unscored_tile.set_caption(self.tr("Clients never scored"))
        self.grade_label.setText(self.tr("Snapshots by grade"))
        self._set_unscored_label()
        self.grade_model.retranslate()
        self.unscored_model.retranslate()

"""Batch scoring of the portfolio (or part of it), off the GUI thread.

:func:`score_portfolio` runs as a :class:`~desktop.ui.workers.Task` on its own
database connection, with a progress bar and Cancel (cancel stops it at the
next chunk; nothing is kept). The result table sits on a lazy model over the
DataFrame (sortable, fine for 100,000 rows) with the grade distribution, and
can be exported to .xlsx or .csv. Batch results are not snapshots: nothing is
saved in the database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db import portfolio
from db.connection import open_database
from db.errors import DatabaseError
from desktop.core import taxonomy
from desktop.core.auditing import database_error_message
from desktop.core.scoring import TemplateSet, load_templates
from desktop.core.session import Session
from desktop.ui import i18n
from desktop.ui.models.scoring import BatchResultModel, grade_distribution
from desktop.ui.pages.common import set_column_widths, subheading, table_view
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.widgets.busy import run_busy
from desktop.ui.workers import Cancelled, Task

ALL, FIRM_TYPE, LIST = "all", "firm_type", "list"


def with_connection(session: Session, work: Callable[[sqlite_utils.Database], Any]) -> Any:
    """Run ``work`` on a connection of its own (file database) or the session's."""
    if session.db_path is None:
        return work(session.db)
    db = open_database(session.db_path, migrate=False, create=False)
    try:
        return work(db)
    finally:
        db.close()


class BatchScoringDialog(QDialog):
    """Open with :meth:`run_dialog`. ``list_ids``: the client list's current
    filter result, offered as a scope when given."""

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        list_ids: Sequence[str] | None = None,
        templates: TemplateSet | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("batchScoring")
        self.session = session
        self.list_ids = list(list_ids) if list_ids is not None else None
        self.templates = templates or load_templates()
        self.task: Task | None = None
        self.frame = None
        self.error_text = ""

        self.heading = subheading(self)
        self.note = QLabel(self)
        self.note.setObjectName("batchNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(
            "#batchNote { background: #eef3f8; border: 1px solid #b9cde0; border-radius: 4px;"
            " padding: 4px 8px; }"
        )
        self.scope_label = QLabel(self)
        self.scope = QComboBox(self)
        self.scope.setObjectName("batchScope")
        self.template_label = QLabel(self)
        self.template = QComboBox(self)
        self.template.setObjectName("batchTemplate")
        self.run_button = QPushButton(self)
        self.run_button.setObjectName("runBatch")
        self.run_button.clicked.connect(self.run_batch)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelBatch")
        self.cancel_button.clicked.connect(self.cancel_batch)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("batchProgress")
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("batchStatus")
        self.status.setWordWrap(True)
        self.distribution = QLabel(self)
        self.distribution.setObjectName("gradeDistribution")
        self.distribution.setWordWrap(True)
        self.distribution.setTextFormat(Qt.TextFormat.RichText)

        self.model = BatchResultModel(self)
        self.view = table_view(self)
        self.view.setObjectName("batchResults")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        set_column_widths(self.view, [30, 19, 9, 20, 7, 5, 15, 5, 9])
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportBatch")
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        for button in (self.run_button, self.cancel_button, self.export_button, self.close_button):
            button.setAutoDefault(False)

        options = QHBoxLayout()
        options.addWidget(self.scope_label)
        options.addWidget(self.scope, 2)
        options.addSpacing(12)
        options.addWidget(self.template_label)
        options.addWidget(self.template, 3)
        options.addSpacing(12)
        options.addWidget(self.run_button)
        options.addWidget(self.cancel_button)
        run_row = QHBoxLayout()
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.status, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addLayout(options)
        layout.addLayout(run_row)
        layout.addWidget(self.distribution)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.retranslate()
        self._fill_choices()
        self._set_busy(False)
        fit_to_screen(self, 1200, 760)

    # ===================================================================== setup

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Batch scoring"))
        self.heading.setText(self.tr("Score many clients at once"))
        self.note.setText(
            self.tr(
                "Batch results are not snapshots: nothing is saved in the database. Judgement "
                "questions are unanswered here and get their missing-data score, so totals are "
                "lower than a full score by the RM. Export the table to keep it."
            )
        )
        self.scope_label.setText(self.tr("Clients:"))
        self.template_label.setText(self.tr("Template:"))
        self.run_button.setText(self.tr("Score"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.export_button.setText(self.tr("Export…"))
        self.close_button.setText(self.tr("Close"))

    def _fill_choices(self) -> None:
        self.scope.clear()
        self.scope.addItem(self.tr("The whole portfolio"), (ALL, None))
        for code in taxonomy.FIRM_TYPES:
            self.scope.addItem(
                self.tr("All clients of type: {type}").format(type=i18n.firm_type_label(code)),
                (FIRM_TYPE, code),
            )
        if self.list_ids is not None:
            self.scope.addItem(
                self.tr("The client list as filtered now ({n} clients)").format(
                    n=f"{len(self.list_ids):,}"
                ),
                (LIST, None),
            )
            self.scope.setCurrentIndex(self.scope.count() - 1)
        self.template.clear()
        self.template.addItem(self.tr("By each client's enterprise type"), None)
        for t in self.templates.templates:
            self.template.addItem(
                self.tr("{name} ({code} {version}) for everyone").format(
                    name=t.name(), code=t.code, version=t.version
                ),
                t.code,
            )

    def set_scope(self, kind: str, value: str | None = None) -> None:
        for i in range(self.scope.count()):
            if self.scope.itemData(i) == (kind, value):
                self.scope.setCurrentIndex(i)
                return
        raise ValueError(f"no scope {kind} {value}")

    def set_template(self, code: str | None) -> None:
        self.template.setCurrentIndex(max(self.template.findData(code), 0))

    def _client_ids(self, db: sqlite_utils.Database) -> list[str] | None:
        kind, value = self.scope.currentData()
        if kind == LIST:
            return list(self.list_ids or [])
        if kind == FIRM_TYPE:
            return portfolio.client_ids(db, filters={"firm_type": value})
        return None

    # ===================================================================== running

    def prepare_task(self) -> Task:
        """The batch as a task, not started yet (see :meth:`launch`)."""
        from desktop.core.scoring import batch  # noqa: PLC0415 - pandas only when used

        session = self.session
        template_code = self.template.currentData()
        client_ids = self._client_ids(session.db)
        templates = self.templates
        box: list[Task] = []

        def work(progress) -> Any:
            def run(db: sqlite_utils.Database) -> Any:
                try:
                    return batch.score_portfolio(
                        db,
                        client_ids=client_ids,
                        template_code=template_code,
                        progress=progress,
                        cancel=lambda: bool(box) and box[0].cancel_requested,
                        templates=templates,
                    )
                except batch.BatchCancelled:
                    raise Cancelled from None

            return with_connection(session, run)

        task = Task(work)
        box.append(task)
        task.signals.progress.connect(self._progress)
        task.signals.succeeded.connect(self._done)
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(self._cancelled)
        return task

    def launch(self, task: Task) -> Task:
        self.task = task
        self.frame = None
        self.model.set_frame(None)
        self.distribution.setText("")
        self.error_text = ""
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Scoring…"))
        self._set_busy(True)
        task.start()
        return task

    def run_batch(self) -> Task | None:
        if self.task is not None:
            return None
        return self.launch(self.prepare_task())

    def cancel_batch(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.run_button.setEnabled(not busy)
        self.scope.setEnabled(not busy)
        self.template.setEnabled(not busy)
        self.export_button.setEnabled(not busy and self.frame is not None and len(self.frame) > 0)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self.status.setText(
                self.tr("Scored {done} of {total} clients…").format(
                    done=f"{done:,}", total=f"{total:,}"
                )
            )

    def _done(self, frame) -> None:
        self.task = None
        self.frame = frame
        self.model.set_frame(frame, {t.code: t.name() for t in self.templates.templates})
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._set_busy(False)
        self.status.setText(self.tr("{n} clients scored.").format(n=f"{len(frame):,}"))
        self.distribution.setText(self._distribution_html(frame))

    def _distribution_html(self, frame) -> str:
        counts = grade_distribution(frame)
        if not counts:
            return ""
        parts = [f"<b>{name}</b> {n:,}" for name, n in counts]
        scored = frame[~frame["knocked_out"].fillna(False).astype(bool)]["total"].dropna()
        text = self.tr("Grades: {counts}").format(counts="&nbsp;&nbsp;".join(parts))
        if len(scored):
            mean = sum(scored) / len(scored)
            text += "&nbsp;&nbsp;·&nbsp;&nbsp;" + self.tr("mean total {mean}").format(
                mean=f"{mean:.2f}"
            )
        return text

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        if isinstance(exc, DatabaseError):
            text = database_error_message(exc)
        else:
            text = str(getattr(exc, "message", "") or exc)
        self.error_text = self.tr("Batch scoring failed: {problem}").format(problem=text)
        self.status.setText(self.error_text)

    def _cancelled(self) -> None:
        self.task = None
        self._set_busy(False)
        self.status.setText(self.tr("Cancelled; no results were kept."))

    # ===================================================================== export

    def export(self) -> Path | None:
        if self.frame is None or not len(self.frame):
            return None
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export batch scores"),
            str(Path.home() / self.tr("batch-scores.xlsx")),
            self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"),
        )
        if not path:
            return None
        if Path(path).suffix.lower() not in (".xlsx", ".csv"):
            path = str(Path(path).with_suffix(".xlsx"))
        from desktop.core.scoring import export_scores  # noqa: PLC0415

        frame = self.frame
        outcome = run_busy(
            self,
            self.tr("Export"),
            self.tr("Writing {n} rows…").format(n=f"{len(frame):,}"),
            lambda _progress: export_scores(frame, path),
            cancellable=False,
        )
        if outcome.error is not None:
            exc = outcome.error
            problem = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            QMessageBox.warning(
                self,
                self.tr("Export"),
                self.tr("The file could not be written: {problem}").format(problem=problem),
            )
            return None
        QMessageBox.information(
            self,
            self.tr("Export"),
            self.tr("{n} rows were exported to {path}.").format(n=f"{len(frame):,}", path=path),
        )
        return Path(path)

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task.wait(30)
        super().reject()

    @classmethod
    def run_dialog(cls, session: Session, parent: QWidget | None = None, *, list_ids=None) -> None:
        dialog = cls(session, parent, list_ids=list_ids)
        dialog.exec()
        dialog.deleteLater()

"""Import clients from .xlsx/.csv: read and check off the GUI thread, show every
row and every problem, then write the valid rows in one transaction (or nothing).

Reading/checking and writing run as :class:`desktop.ui.workers.Task` on their
own database connection (when the database is a file). Cancel while reading
just drops the preview. Cancel while writing rolls the whole write back: the
core's ``apply_import`` runs inside an outer transaction of this dialog that is
committed only if the user did not cancel meanwhile.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlite_utils
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.connection import open_database, write
from db.errors import DatabaseError
from desktop.core import importing
from desktop.core.auditing import database_error_message
from desktop.core.security import PermissionDenied
from desktop.core.session import Session
from desktop.ui.models.import_preview import ImportRowsModel, ProblemsModel
from desktop.ui.pages.common import set_column_widths, subheading, table_view
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.workers import Cancelled, Task


def _with_connection(session: Session, work: Callable[[sqlite_utils.Database], Any]) -> Any:
    """Run ``work`` on a connection of its own (file database) or the session's."""
    if session.db_path is None:
        return work(session.db)
    db = open_database(session.db_path, migrate=False, create=False)
    try:
        return work(db)
    finally:
        db.close()


def _text_width(text: str) -> int:
    """Width in average characters (CJK and full-width count two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _column_widths(preview: importing.ImportPreview, sample: int = 200) -> list[int]:
    """Each file column as wide as its header or its longest value in the first
    ``sample`` rows, between 8 and 44 characters."""
    widths = []
    for header in preview.headers:
        longest = max(
            [_text_width(header)]
            + [_text_width(row.values.get(header, "")) for row in preview.rows[:sample]]
        )
        widths.append(min(max(longest + 2, 8), 44))
    return widths


class ImportDialog(QDialog):
    def __init__(self, session: Session, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.session = session
        self.path = Path(path)
        self.preview: importing.ImportPreview | None = None
        self.result: importing.ImportResult | None = None
        self.task: Task | None = None
        self.error_text = ""

        self.heading = subheading(self)
        self.counts = QLabel(self)
        self.counts.setObjectName("importCounts")
        self.counts.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("importMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.message.setStyleSheet(
            "#importMessage { color: #b71c1c; background: #fdecea; border: 1px solid #c62828;"
            " border-radius: 4px; padding: 6px 10px; }"
        )
        self.progress_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)

        self.rows_model = ImportRowsModel(self)
        self.rows_view = table_view(self)
        self.rows_view.setObjectName("importRows")
        self.rows_view.setModel(self.rows_model)
        self.rows_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.problems_model = ProblemsModel(self)
        self.problems_view = table_view(self)
        self.problems_view.setObjectName("importProblems")
        self.problems_view.setModel(self.problems_model)
        self.problems_view.horizontalHeader().setStretchLastSection(True)
        set_column_widths(self.problems_view, [6, 18, 24, 60])
        self.problems_view.clicked.connect(self._show_problem_row)
        self.rows_heading = subheading(self)
        self.problems_heading = subheading(self)

        self.update_existing = QCheckBox(self)
        self.update_existing.setObjectName("updateExisting")
        self.update_existing.toggled.connect(self._update_toggled)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importValid")
        self.report_button = QPushButton(self)
        self.report_button.setObjectName("saveReport")
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelImport")
        self.import_button.clicked.connect(self.import_valid_rows)
        self.report_button.clicked.connect(self.save_error_report)
        self.cancel_button.clicked.connect(self.cancel)
        for button in (self.import_button, self.report_button, self.cancel_button):
            button.setAutoDefault(False)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.rows_heading)
        top_layout.addWidget(self.rows_view)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.problems_heading)
        bottom_layout.addWidget(self.problems_view)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        buttons = QHBoxLayout()
        buttons.addWidget(self.update_existing)
        buttons.addStretch(1)
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.counts)
        layout.addWidget(self.message)
        layout.addLayout(progress_row)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

        self.retranslate()
        self._set_busy(False)
        self.import_button.setEnabled(False)
        self.report_button.setEnabled(False)
        fit_to_screen(self, 1200, 760)

    # --- text ---------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import clients"))
        self.heading.setText(self.tr("File: {name}").format(name=self.path.name))
        self.rows_heading.setText(self.tr("Rows of the file (rows with problems in red)"))
        self.problems_heading.setText(self.tr("Problems (these rows will not be imported)"))
        self.update_existing.setText(
            self.tr("Update existing clients (matched by unified social credit code)")
        )
        self.import_button.setText(self.tr("Import valid rows"))
        self.report_button.setText(self.tr("Save error report…"))
        self.cancel_button.setText(self.tr("Cancel"))

    def _show_counts(self) -> None:
        preview = self.preview
        if preview is None:
            return
        valid = len(preview.valid_rows)
        rejected = len(preview.rejected_rows)
        text = self.tr(
            "{total} rows: {valid} valid ({new} new clients, {updates} existing clients, "
            "{merged} more rows of a client above), {invalid} with problems."
        ).format(
            total=len(preview.rows),
            valid=valid,
            new=preview.count("create"),
            updates=preview.count("update"),
            merged=preview.count("merge"),
            invalid=rejected,
        )
        extra = []
        if preview.encoding:
            extra.append(self.tr("Encoding: {encoding}").format(encoding=preview.encoding))
        if preview.sheet:
            extra.append(self.tr("Sheet: {sheet}").format(sheet=preview.sheet))
        if preview.unknown_columns:
            extra.append(
                self.tr("Columns not imported: {columns}").format(
                    columns="、".join(preview.unknown_columns)
                )
            )
        extra.extend(preview.warnings)
        if extra:
            text += "\n" + "\n".join(extra)
        self.counts.setText(text)
        self.rows_heading.setText(
            self.tr("Rows of the file ({n}; rows with problems in red)").format(n=len(preview.rows))
        )
        self.problems_heading.setText(
            self.tr("Problems: {n} (these rows will not be imported)").format(
                n=len(preview.problems)
            )
        )

    # --- reading ------------------------------------------------------------------

    def start_preview(self) -> Task:
        """Read and check the file off the GUI thread."""
        session, path = self.session, self.path

        def work(_progress) -> importing.ImportPreview:
            return _with_connection(
                session,
                lambda db: importing.preview_import(db, path, user=session.user),
            )

        self.progress_label.setText(self.tr("Reading and checking {name}…").format(name=path.name))
        self.task = Task(work)
        self.task.signals.succeeded.connect(self._preview_ready)
        self.task.signals.failed.connect(self._preview_failed)
        self.task.signals.cancelled.connect(self._preview_cancelled)
        self._set_busy(True)
        self.task.start()
        return self.task

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        self.update_existing.setEnabled(
            not busy and self.preview is not None and self.preview.count("update") > 0
        )
        ready = not busy and self.preview is not None
        self.import_button.setEnabled(ready and bool(self.preview.valid_rows))
        self.report_button.setEnabled(ready and bool(self.preview.problems))

    def _preview_ready(self, preview: importing.ImportPreview) -> None:
        self.task = None
        self.preview = preview
        self.rows_model.set_preview(preview)
        self.rows_model.set_update_existing(self.update_existing.isChecked())
        self.problems_model.set_problems(preview.problems)
        set_column_widths(self.rows_view, [6, 16, *_column_widths(preview)])
        self._show_counts()
        self._set_busy(False)
        if not preview.valid_rows:
            self._show_message(self.tr("No row can be imported; see the problems below."))

    def _preview_failed(self, exc: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        if isinstance(exc, importing.ImportFileError):
            text = exc.message
        elif isinstance(exc, DatabaseError):
            text = database_error_message(exc)
        else:
            text = self.tr("The file could not be read: {problem}").format(problem=exc)
        self._show_message(text)
        self.cancel_button.setText(self.tr("Close"))

    def _preview_cancelled(self) -> None:
        self.task = None
        super().reject()

    def _show_message(self, text: str) -> None:
        self.error_text = text
        self.message.setText(text)
        self.message.setVisible(True)

    def _update_toggled(self, checked: bool) -> None:
        self.rows_model.set_update_existing(checked)

    def _show_problem_row(self, index) -> None:
        problem = self.problems_model.row_dict(index.row())
        row = self.rows_model.find(problem.row_number)
        if row >= 0:
            self.rows_view.selectRow(row)
            self.rows_view.scrollTo(self.rows_model.index(row, 0))

    # --- writing ------------------------------------------------------------------

    def import_valid_rows(self) -> Task | None:
        preview = self.preview
        if preview is None or not preview.valid_rows or self.task is not None:
            return None
        session = self.session
        update = self.update_existing.isChecked()
        task_box: list[Task] = []

        def work(_progress) -> importing.ImportResult:
            def apply(db: sqlite_utils.Database) -> importing.ImportResult:
                with write(db):  # outer transaction: committed only if not cancelled
                    result = importing.apply_import(
                        db, session.user, preview, update_existing=update
                    )
                    if task_box and task_box[0].cancel_requested:
                        raise Cancelled
                return result

            return _with_connection(session, apply)

        self.progress_label.setText(
            self.tr("Writing {n} rows in one transaction…").format(n=len(preview.valid_rows))
        )
        task = Task(work)
        task_box.append(task)
        self.task = task
        task.signals.succeeded.connect(self._import_done)
        task.signals.failed.connect(self._import_failed)
        task.signals.cancelled.connect(self._import_cancelled)
        self._set_busy(True)
        self.import_button.setEnabled(False)
        self.report_button.setEnabled(False)
        task.start()
        return task

    def _import_done(self, result: importing.ImportResult) -> None:
        self.task = None
        self.result = result
        self._set_busy(False)
        QMessageBox.information(
            self,
            self.tr("Import finished"),
            self.tr(
                "{created} clients created, {updated} updated, {skipped} rows of existing "
                "clients skipped, {contacts} contacts and {statements} statements saved; "
                "{rejected} rows rejected."
            ).format(
                created=result.created,
                updated=result.updated,
                skipped=result.skipped,
                contacts=result.contacts_added,
                statements=result.statements_saved,
                rejected=result.rejected,
            ),
        )
        super().accept()

    def _import_failed(self, exc: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        if isinstance(exc, importing.ImportApplyError):
            text = exc.message
            if exc.row_number is not None:
                text = self.tr("Row {row}: {message}").format(row=exc.row_number, message=text)
        elif isinstance(exc, PermissionDenied):
            text = exc.message
        elif isinstance(exc, DatabaseError):
            text = database_error_message(exc)
        else:
            text = str(exc)
        self._show_message(
            self.tr("Nothing was imported (the write was rolled back): {problem}").format(
                problem=text
            )
        )

    def _import_cancelled(self) -> None:
        self.task = None
        self._set_busy(False)
        self._show_message(self.tr("Import cancelled; nothing was written."))

    # --- report and cancel --------------------------------------------------------

    def save_error_report(self) -> Path | None:
        if self.preview is None or not self.preview.problems:
            return None
        suggested = self.path.with_name(f"{self.path.stem}-错误报告.xlsx")
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save error report"),
            str(suggested),
            self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"),
        )
        if not path:
            return None
        try:
            written = importing.write_error_report(self.preview, path)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Save error report"),
                self.tr("The report could not be written: {problem}").format(
                    problem=exc.strerror or exc
                ),
            )
            return None
        QMessageBox.information(
            self,
            self.tr("Save error report"),
            self.tr("The error report was saved to {path}.").format(path=written),
        )
        return Path(written)

    def cancel(self) -> None:
        if self.task is not None and not self.task.done:
            self.task.cancel()
            self.progress_label.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)
            return
        self.reject()

    def reject(self) -> None:
        if self.task is not None and not self.task.done:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.task is not None and not self.task.done:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    # --- running ------------------------------------------------------------------

    @classmethod
    def run_import(
        cls, session: Session, path: str | Path, parent: QWidget | None = None
    ) -> tuple[importing.ImportResult | None, bool]:
        """Preview ``path`` and let the user import; ``(result, True)`` once written."""
        dialog = cls(session, path, parent)
        dialog.start_preview()
        dialog.exec()
        result = dialog.result
        dialog.deleteLater()
        return result, result is not None

    @classmethod
    def choose_file(cls, parent: QWidget | None = None) -> str:
        """Ask for the file to import ('' if the user cancelled)."""
        path, _filter = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("ImportDialog", "Import clients"),
            str(Path.home()),
            QCoreApplication.translate(
                "ImportDialog", "Client lists (*.xlsx *.xlsm *.xls *.csv *.tsv *.txt)"
            ),
        )
        return path

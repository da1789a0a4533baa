"""Choose a backup to restore: date, size and whether it passed verification."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.backup import verify_backup
from desktop.core import backups
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.pages.common import heading, set_column_widths, table_view
from desktop.ui.screen_fit import fit_to_screen


@dataclass
class BackupRow:
    info: backups.BackupInfo
    problems: list[str] | None = field(default=None)  # None = not checked yet

    @property
    def good(self) -> bool:
        return self.problems is not None and not self.problems


def _status(row: BackupRow) -> str:
    if row.problems is None:
        return QCoreApplication.translate("RestoreDialog", "not checked yet")
    if not row.problems:
        return QCoreApplication.translate("RestoreDialog", "verified: good")
    return QCoreApplication.translate("RestoreDialog", "damaged (see the tooltip)")


def _size(row: BackupRow) -> str:
    return QLocale().formattedDataSize(row.info.size)


def backup_columns() -> list[Column]:
    return [
        Column(
            lambda: QCoreApplication.translate("RestoreDialog", "Taken"),
            lambda r: r.info.taken_at.strftime("%Y-%m-%d %H:%M:%S"),
        ),
        Column(lambda: QCoreApplication.translate("RestoreDialog", "Size"), _size, numeric=True),
        Column(
            lambda: QCoreApplication.translate("RestoreDialog", "Status"),
            _status,
            tooltip=lambda r: "\n".join(r.problems or []),
        ),
        Column(
            lambda: QCoreApplication.translate("RestoreDialog", "File"),
            lambda r: r.info.path.name,
            tooltip=lambda r: str(r.info.path),
        ),
    ]


class RestoreDialog(QDialog):
    """``RestoreDialog.choose(folders)`` -> ``(backup path | None, ok)``.

    Backups are verified (:func:`db.backup.verify_backup`) when selected; only
    a verified one can be chosen. With ``damaged_db`` the dialog explains that
    the database is damaged, preselects the newest good backup and offers to
    quit instead.
    """

    def __init__(
        self,
        folders: list[Path],
        parent: QWidget | None = None,
        *,
        damaged_db: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RestoreDialog")
        self.folders = [Path(f) for f in folders]
        self.damaged_db = damaged_db
        self.chosen: Path | None = None
        self.title = heading(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.model = RecordTableModel(
            backup_columns(), [BackupRow(i) for i in backups.list_backups(self.folders)], self
        )
        self.view = table_view(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        set_column_widths(self.view, [20, 10, 24])
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.other_button = QPushButton(self)
        self.other_button.clicked.connect(self._choose_other_file)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 900, 480)
        self.retranslate()
        self._select_first_good()

    def retranslate(self) -> None:
        self.model.retranslate()
        self.other_button.setText(self.tr("Other file…"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if self.damaged_db is not None:
            self.setWindowTitle(self.tr("H2 Credit Desk — damaged database"))
            self.title.setText(self.tr("The database file is damaged"))
            self.intro.setText(
                self.tr(
                    "{path} failed its integrity check and cannot be opened safely. Restore "
                    "the newest good backup: the damaged file is kept beside it, nothing is "
                    "deleted. Changes made after the backup are not in it."
                ).format(path=self.damaged_db)
            )
            ok.setText(self.tr("Restore this backup"))
            cancel.setText(self.tr("Quit"))
        else:
            self.setWindowTitle(self.tr("Restore from backup"))
            self.title.setText(self.tr("Restore from backup"))
            self.intro.setText(
                self.tr(
                    "The chosen backup replaces the database. The current database is kept "
                    "beside it (…before-restore-<time>.sqlite3); the program then reopens "
                    "the database and you sign in again."
                )
            )
            ok.setText(self.tr("Restore"))
            cancel.setText(self.tr("Cancel"))
        self.empty.setText(
            self.tr("No backups found in: {folders}").format(
                folders="; ".join(str(f) for f in self.folders)
            )
        )
        self.empty.setVisible(self.model.rowCount() == 0)
        self._update_buttons()

    # --- selection and verification -----------------------------------------------------

    def _verify_row(self, row: int) -> BackupRow:
        record: BackupRow = self.model.record(row)
        if record.problems is None:
            record.problems = verify_backup(record.info.path)
            self.model.dataChanged.emit(self.model.index(row, 0), self.model.index(row, 3))
        return record

    def _select_row(self, row: int) -> None:
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _select_first_good(self) -> None:
        for row in range(self.model.rowCount()):
            if self._verify_row(row).good:
                self._select_row(row)
                return
        self._update_buttons()

    def _row_changed(self, current, _previous=None) -> None:
        if current.isValid():
            self._verify_row(current.row())
        self._update_buttons()

    def selected(self) -> BackupRow | None:
        index = self.view.selectionModel().currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        record = self.selected()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(record is not None and record.good)
        if record is None:
            self.message.setText(self.tr("Choose a backup."))
        elif record.good:
            self.message.setText(
                self.tr("Backup of {time} verified: it can be restored.").format(
                    time=record.info.taken_at.strftime("%Y-%m-%d %H:%M")
                )
            )
        else:
            self.message.setText(
                self.tr("This backup cannot be restored: {problems}").format(
                    problems="; ".join((record.problems or [])[:3])
                )
            )

    def add_file(self, path: Path) -> None:
        """Add a backup file from elsewhere (e.g. a share or USB drive) and select it."""
        info = backups.backup_info(path)
        rows = [BackupRow(info), *(self.model.record(r) for r in range(self.model.rowCount()))]
        self.model.set_rows(rows)
        self.empty.setVisible(False)
        self._select_row(0)

    def _choose_other_file(self) -> None:
        start = str(self.folders[0]) if self.folders else ""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Backup file"),
            start,
            self.tr("SQLite backups (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if name:
            self.add_file(Path(name))

    def submit(self) -> None:
        record = self.selected()
        if record is None or not record.good:
            return
        self.chosen = record.info.path
        self.accept()

    @classmethod
    def choose(
        cls,
        folders: list[Path],
        parent: QWidget | None = None,
        *,
        damaged_db: Path | None = None,
    ) -> tuple[Path | None, bool]:
        dialog = cls(folders, parent, damaged_db=damaged_db)
        ok = dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None
        return (dialog.chosen if ok else None), ok

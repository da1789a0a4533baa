"""Settings: language, where the data lives, idle lock, backups, and the version.

The language is everyone's own choice; the idle lock and the backup policy need
``settings.manage`` (administrators; others see them read-only). "Back up now"
needs ``backup.run`` and "Restore from backup…" ``backup.restore``: the core
services check both again.
"""

from __future__ import annotations

import logging
from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.errors import DatabaseError
from desktop import __version__
from desktop.core import backups, paths, preferences, security
from desktop.core.auditing import database_error_message
from desktop.core.session import Session
from desktop.ui import crash, i18n
from desktop.ui.dialogs.restore_dialog import RestoreDialog
from desktop.ui.pages.common import Page, heading

log = logging.getLogger(__name__)

# Language names are shown in their own language, never translated.
LANGUAGES = (("zh_CN", "中文"), ("en", "English"))
# The backup interval preference may not exist yet in older preference declarations.
HAS_INTERVAL_PREFERENCE = any(
    f.name == "backup_interval_hours" for f in fields(preferences.Preferences)
)


def _path_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SettingsPage(Page):
    language_changed = Signal(str)
    idle_minutes_changed = Signal(int)
    backup_interval_changed = Signal(int)
    backup_written = Signal(object)  # Path
    restore_requested = Signal(object)  # Path of the chosen, verified backup

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        prefs = preferences.load()
        self.title = heading(self)

        self.language_box = QComboBox(self)
        for code, name in LANGUAGES:
            self.language_box.addItem(name, code)
        self.language_box.currentIndexChanged.connect(self._language_chosen)

        self.db_path = _path_label(self)
        self.data_dir = _path_label(self)
        self.log_file = _path_label(self)

        self.backup_folder = QLineEdit(prefs.backup_folder, self)
        self.backup_folder.editingFinished.connect(self._save_backup_folder)
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self._browse_backup_folder)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup_folder, 1)
        backup_row.addWidget(self.browse_button)

        self.keep_days = QSpinBox(self)
        self.keep_days.setRange(1, 3650)
        self.keep_days.setValue(prefs.backup_keep_days)
        self.keep_days.valueChanged.connect(lambda v: self._save_managed(backup_keep_days=v))

        self.idle_minutes = QSpinBox(self)
        self.idle_minutes.setObjectName("idleMinutes")
        self.idle_minutes.setRange(1, 240)
        self.idle_minutes.setValue(prefs.idle_lock_minutes)
        self.idle_minutes.valueChanged.connect(self._idle_minutes_chosen)

        self.interval_hours = QSpinBox(self)
        self.interval_hours.setObjectName("backupIntervalHours")
        self.interval_hours.setRange(1, 168)
        self.interval_hours.setValue(backups.policy(prefs).interval_hours)
        self.interval_hours.setEnabled(HAS_INTERVAL_PREFERENCE)
        self.interval_hours.valueChanged.connect(self._interval_chosen)

        self.backup_now_button = QPushButton(self)
        self.backup_now_button.setObjectName("backupNow")
        self.backup_now_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.clicked.connect(self.choose_restore)
        self.last_backup = QLabel(self)
        self.last_backup.setWordWrap(True)
        actions_row = QHBoxLayout()
        actions_row.addWidget(self.backup_now_button)
        actions_row.addWidget(self.restore_button)
        actions_row.addWidget(self.last_backup, 1)

        self.version = QLabel(__version__, self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(dark);")

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._labels = [QLabel(self) for _ in range(10)]
        rows = [
            self.language_box,
            self.db_path,
            self.data_dir,
            self.log_file,
            self.idle_minutes,
            backup_row,
            self.keep_days,
            self.interval_hours,
            actions_row,
            self.version,
        ]
        for label, field in zip(self._labels, rows, strict=True):
            self.form.addRow(label, field)
        self.admin_note = QLabel(self)
        self.admin_note.setObjectName("settingsAdminNote")
        self.admin_note.setWordWrap(True)

        form_box = QWidget(self)
        form_box.setLayout(self.form)
        form_box.setMaximumWidth(900)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(form_box)
        layout.addWidget(self.admin_note)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        path = self.session.db_path
        self.db_path.setText(str(path) if path is not None else ":memory:")
        self.data_dir.setText(str(paths.data_dir()))
        self.log_file.setText(str(crash.log_file()))
        self.backup_folder.setPlaceholderText(str(paths.backup_dir()))
        user = self.session.user
        manage = security.allowed(user, "settings.manage")
        for widget in (self.idle_minutes, self.backup_folder, self.browse_button, self.keep_days):
            widget.setEnabled(manage)
        self.interval_hours.setEnabled(manage and HAS_INTERVAL_PREFERENCE)
        self.backup_now_button.setEnabled(
            security.allowed(user, "backup.run") and self.session.db_path is not None
        )
        self.restore_button.setEnabled(
            security.allowed(user, "backup.restore") and self.session.db_path is not None
        )
        self.admin_note.setVisible(not manage)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        # the language may have been switched elsewhere (command line, tests)
        blocked = self.language_box.blockSignals(True)
        self.language_box.setCurrentIndex(
            max(0, self.language_box.findData(i18n.current_language()))
        )
        self.language_box.blockSignals(blocked)
        texts = [
            self.tr("Language:"),
            self.tr("Database file:"),
            self.tr("Data folder:"),
            self.tr("Log file:"),
            self.tr("Lock the screen after:"),
            self.tr("Backup folder:"),
            self.tr("Keep backups for (days):"),
            self.tr("Back up every:"),
            self.tr("Backups:"),
            self.tr("Version:"),
        ]
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.browse_button.setText(self.tr("Browse…"))
        self.keep_days.setSuffix(self.tr(" days"))
        self.idle_minutes.setSuffix(self.tr(" minutes without use"))
        self.interval_hours.setSuffix(self.tr(" hours (and when the program closes)"))
        self.backup_now_button.setText(self.tr("Back up now"))
        self.restore_button.setText(self.tr("Restore from backup…"))
        self.admin_note.setText(
            self.tr(
                "Only an administrator can change the screen lock and backup settings "
                "(permission “{permission}”)."
            ).format(permission=security.permission_label("settings.manage"))
        )
        self.note.setText(
            self.tr(
                "Changes are saved at once. An empty backup folder means the default "
                "folder shown in grey."
            )
        )

    # --- saving -------------------------------------------------------------------------

    def _save(self, **changes) -> None:
        try:
            preferences.update(**changes)
        except (OSError, ValueError) as exc:
            log.warning("could not save preferences %s: %s", changes, exc)

    def _language_chosen(self, index: int) -> None:
        code = self.language_box.itemData(index)
        if not code or code == i18n.current_language():
            return
        i18n.install_language(code)
        self._save(language=code)
        self.language_changed.emit(code)

    def set_language(self, code: str) -> None:
        """Choose ``code`` in the language box (as the user would)."""
        self.language_box.setCurrentIndex(self.language_box.findData(code))

    def _save_backup_folder(self) -> None:
        self._save_managed(backup_folder=self.backup_folder.text().strip())

    def _browse_backup_folder(self) -> None:
        start = self.backup_folder.text().strip() or str(paths.backup_dir())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), start)
        if folder:
            self.backup_folder.setText(folder)
            self._save_backup_folder()

    # --- idle lock and backups ------------------------------------------------------------

    def _save_managed(self, **changes) -> bool:
        """Save preferences that need ``settings.manage``; refused ones are reported."""
        try:
            security.require(self.session.user, "settings.manage")
        except security.PermissionDenied as exc:
            QMessageBox.warning(self, self.tr("Settings"), exc.message)
            return False
        self._save(**changes)
        return True

    def _idle_minutes_chosen(self, minutes: int) -> None:
        if self._save_managed(idle_lock_minutes=minutes):
            self.idle_minutes_changed.emit(minutes)

    def _interval_chosen(self, hours: int) -> None:
        if HAS_INTERVAL_PREFERENCE and self._save_managed(backup_interval_hours=hours):
            self.backup_interval_changed.emit(hours)

    def show_last_backup(self, path: Path | None, problem: str = "") -> None:
        if problem:
            self.last_backup.setStyleSheet("color: #b00020;")
            self.last_backup.setText(
                self.tr("Last backup failed: {problem}").format(problem=problem)
            )
        elif path is not None:
            self.last_backup.setStyleSheet("")
            self.last_backup.setText(self.tr("Last backup: {file}").format(file=Path(path).name))

    def backup_now(self) -> Path | None:
        try:
            result = backups.backup_now(self.session.db, self.session.user)
        except security.PermissionDenied as exc:
            QMessageBox.warning(self, self.tr("Back up now"), exc.message)
            return None
        except DatabaseError as exc:
            log.warning("backup failed: %s", exc)
            self.show_last_backup(None, str(exc))
            QMessageBox.warning(
                self,
                self.tr("Back up now"),
                self.tr("The backup could not be written: {problem}").format(
                    problem=database_error_message(exc)
                ),
            )
            return None
        self.show_last_backup(result.path)
        self.backup_written.emit(result.path)
        QMessageBox.information(
            self,
            self.tr("Back up now"),
            self.tr("Backup written: {path}").format(path=result.path),
        )
        return result.path

    def choose_restore(self) -> Path | None:
        """Choose a verified backup and ask the main window to restore it."""
        try:
            security.require(self.session.user, "backup.restore")
        except security.PermissionDenied as exc:
            QMessageBox.warning(self, self.tr("Restore from backup"), exc.message)
            return None
        chosen, ok = RestoreDialog.choose(backups.backup_folders(), self)
        if not ok or chosen is None:
            return None
        answer = QMessageBox.question(
            self,
            self.tr("Restore from backup"),
            self.tr(
                "Replace the database with the backup {file}? The current database is kept "
                "beside it. The program reopens the database and you sign in again."
            ).format(file=Path(chosen).name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        self.restore_requested.emit(Path(chosen))
        return Path(chosen)

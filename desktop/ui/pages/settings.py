"""Settings: language, where the data lives, backups, and the version."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.core import paths, preferences
from desktop.core.session import Session
from desktop.ui import crash, i18n
from desktop.ui.pages.common import Page, heading

log = logging.getLogger(__name__)

# Language names are shown in their own language, never translated.
LANGUAGES = (("zh_CN", "中文"), ("en", "English"))


def _path_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SettingsPage(Page):
    language_changed = Signal(str)

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
        self.keep_days.valueChanged.connect(lambda v: self._save(backup_keep_days=v))

        self.version = QLabel(__version__, self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(dark);")

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._labels = [QLabel(self) for _ in range(7)]
        fields = [
            self.language_box,
            self.db_path,
            self.data_dir,
            self.log_file,
            backup_row,
            self.keep_days,
            self.version,
        ]
        for label, field in zip(self._labels, fields, strict=True):
            self.form.addRow(label, field)

        form_box = QWidget(self)
        form_box.setLayout(self.form)
        form_box.setMaximumWidth(900)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(form_box)
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
            self.tr("Backup folder:"),
            self.tr("Keep backups for (days):"),
            self.tr("Version:"),
        ]
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.browse_button.setText(self.tr("Browse…"))
        self.keep_days.setSuffix(self.tr(" days"))
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
        self._save(backup_folder=self.backup_folder.text().strip())

    def _browse_backup_folder(self) -> None:
        start = self.backup_folder.text().strip() or str(paths.backup_dir())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), start)
        if folder:
            self.backup_folder.setText(folder)
            self._save_backup_folder()

"""The main window: navigation on the left, one page at a time, a status bar."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop.core import paths
from desktop.core.session import Session
from desktop.ui import i18n
from desktop.ui.pages.clients import ClientsPage
from desktop.ui.pages.common import Page
from desktop.ui.pages.memos import MemosPage
from desktop.ui.pages.pipeline import PipelinePage
from desktop.ui.pages.scorecards import ScorecardsPage
from desktop.ui.pages.settings import SettingsPage

WINDOW_STATE_FILE = "window.ini"
PAGE_KEYS = ("clients", "scorecards", "pipeline", "memos", "settings")


def window_settings() -> QSettings:
    """Window geometry and state (UI state, not user preferences), beside the data."""
    return QSettings(str(paths.data_dir() / WINDOW_STATE_FILE), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("MainWindow")

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setSpacing(2)
        font = QFont(self.nav.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        self.nav.setStyleSheet(
            "#navigation { background: palette(window); border: none;"
            " border-right: 1px solid palette(mid); outline: 0; }"
            " #navigation::item { padding: 8px 14px; }"
            " #navigation::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )

        self.clients_page = ClientsPage(session)
        self.scorecards_page = ScorecardsPage(session)
        self.pipeline_page = PipelinePage(session)
        self.memos_page = MemosPage(session)
        self.settings_page = SettingsPage(session)
        self.pages: list[Page] = [
            self.clients_page,
            self.scorecards_page,
            self.pipeline_page,
            self.memos_page,
            self.settings_page,
        ]
        self.stack = QStackedWidget(self)
        for key, page in zip(PAGE_KEYS, self.pages, strict=True):
            page.setObjectName(f"page_{key}")
            self.stack.addWidget(page)
            item = QListWidgetItem(self.nav)
            item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel(self)
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.user_label = QLabel(self)
        self.demo_label = QLabel(self)
        self.demo_label.setObjectName("demoMarker")
        self.demo_label.setStyleSheet(
            "#demoMarker { background: #d9822b; color: white; font-weight: bold;"
            " padding: 1px 8px; border-radius: 3px; }"
        )
        self.demo_label.setVisible(session.demo)
        status = self.statusBar()
        status.addWidget(self.db_label, 1)
        status.addPermanentWidget(self.demo_label)
        status.addPermanentWidget(self.user_label)

        self._page_actions: list[QAction] = []
        for number in range(len(self.pages)):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _=False, n=number: self.show_page(n))
            self.addAction(action)
            self._page_actions.append(action)
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.addAction(self.quit_action)

        self.retranslate()
        self.nav.setCurrentRow(0)
        self._restore_window_state()

    # --- navigation and data ------------------------------------------------------------

    def show_page(self, number: int) -> None:
        if 0 <= number < len(self.pages):
            self.nav.setCurrentRow(number)

    def current_page(self) -> Page:
        return self.pages[self.stack.currentIndex()]

    def refresh(self) -> None:
        """Re-read every page from the database (F5)."""
        for page in self.pages:
            page.refresh()

    # --- language -----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self.session.demo:
            self.setWindowTitle(self.tr("H2 Credit Desk — demo"))
        else:
            self.setWindowTitle(self.tr("H2 Credit Desk"))
        labels = [
            self.tr("Clients"),
            self.tr("Scorecards"),
            self.tr("Pipeline"),
            self.tr("Memos"),
            self.tr("Settings"),
        ]
        for row, text in enumerate(labels):
            item = self.nav.item(row)
            item.setText(text)
            item.setToolTip(f"{text} (Ctrl+{row + 1})")
        metrics = self.nav.fontMetrics()
        width = max(metrics.horizontalAdvance(t) for t in labels) + 56
        self.nav.setFixedWidth(max(width, 140))
        path = self.session.db_path
        self.db_label.setText(
            self.tr("Database: {path}").format(path=path if path is not None else ":memory:")
        )
        user = self.session.user
        self.user_label.setText(
            self.tr("User: {name} ({role})").format(
                name=user.display_name, role=i18n.role_label(user.role)
            )
        )
        self.demo_label.setText(self.tr("DEMO DATA"))
        self.demo_label.setToolTip(self.tr("A fictional demo portfolio, kept apart from real data"))
        self.refresh_action.setText(self.tr("Refresh"))
        self.quit_action.setText(self.tr("Quit"))

    # --- window state -------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(1280, 800)

    def _restore_window_state(self) -> None:
        settings = window_settings()
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray | bytes) and self.restoreGeometry(geometry):
            return
        self.resize(self.sizeHint())

    def save_window_state(self) -> None:
        settings = window_settings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window_state()
        super().closeEvent(event)

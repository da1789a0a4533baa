"""The main window: navigation on the left, one page at a time, a status bar.

Pages depend on the role: the audit trail for ``audit.read``, users for
``user.manage`` (the core services refuse anyway). After
``preferences.idle_lock_minutes`` without input the data is hidden behind the
lock screen. With :meth:`MainWindow.enable_auto_backup` (the real application)
the database is backed up every ``backup_interval_hours`` and when the window
closes; a failed backup is logged and reported, never blocks closing.
``exit_reason`` tells the launcher why the window closed: ``quit``,
``sign_out`` (show the sign-in again) or ``restore`` (restore
``restore_source``, then reopen).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from db.stamp import change_stamp
from desktop.core import backups, paths, preferences, security
from desktop.core.session import Session
from desktop.ui import i18n
from desktop.ui.dialogs.lock_screen import LockScreen
from desktop.ui.idle import IdleWatcher
from desktop.ui.pages.audit import AuditPage
from desktop.ui.pages.clients import ClientsPage
from desktop.ui.pages.common import Page
from desktop.ui.pages.memos import MemosPage
from desktop.ui.pages.pipeline import PipelinePage
from desktop.ui.pages.scorecards import ScorecardsPage
from desktop.ui.pages.settings import SettingsPage
from desktop.ui.pages.users import UsersPage
from desktop.ui.screen_fit import fit_to_screen

log = logging.getLogger(__name__)

WINDOW_STATE_FILE = "window.ini"
PAGE_KEYS = ("clients", "scorecards", "pipeline", "memos", "settings")
# Pages shown only to roles with the permission, inserted before "settings".
ROLE_PAGES = (("audit", "audit.read"), ("users", "user.manage"))
HOUR_MS = 3_600_000


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
        self.audit_page: AuditPage | None = None
        self.users_page: UsersPage | None = None
        self.pages: list[Page] = [
            self.clients_page,
            self.scorecards_page,
            self.pipeline_page,
            self.memos_page,
            self.settings_page,
        ]
        self.page_keys = list(PAGE_KEYS)
        for key, permission in ROLE_PAGES:
            if security.allowed(session.user, permission):
                page = AuditPage(session) if key == "audit" else UsersPage(session)
                setattr(self, f"{key}_page", page)
                self.pages.insert(self.page_keys.index("settings"), page)
                self.page_keys.insert(self.page_keys.index("settings"), key)
        self.stack = QStackedWidget(self)
        for key, page in zip(self.page_keys, self.pages, strict=True):
            page.setObjectName(f"page_{key}")
            self.stack.addWidget(page)
            item = QListWidgetItem(self.nav)
            item.setData(Qt.ItemDataRole.UserRole, key)
        # Database state each page was last read at (see _show_row).
        self._page_stamps: dict[int, tuple[int, int]] = {}
        self.nav.currentRowChanged.connect(self._show_row)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        # The lock hides the data: the content is swapped for an empty panel.
        self.root = QStackedWidget(self)
        self.root.addWidget(central)
        self.locked_panel = QLabel(self)
        self.locked_panel.setObjectName("lockedPanel")
        self.locked_panel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.root.addWidget(self.locked_panel)
        self.setCentralWidget(self.root)
        self.exit_reason = "quit"
        self.restore_source: Path | None = None
        self._locked = False

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
        self.mode_label = QLabel(self)
        self.mode_label.setObjectName("demoSignInNote")
        self.mode_label.setVisible(session.demo)
        self.lock_button = QToolButton(self)
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setAutoRaise(True)
        self.lock_button.clicked.connect(self.lock)
        self.sign_out_button = QToolButton(self)
        self.sign_out_button.setObjectName("signOutButton")
        self.sign_out_button.setAutoRaise(True)
        self.sign_out_button.clicked.connect(lambda _checked=False: self.sign_out())
        status = self.statusBar()
        status.addWidget(self.db_label, 1)
        status.addPermanentWidget(self.mode_label)
        status.addPermanentWidget(self.demo_label)
        status.addPermanentWidget(self.user_label)
        status.addPermanentWidget(self.lock_button)
        status.addPermanentWidget(self.sign_out_button)

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
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)

        prefs = preferences.load()
        self.idle_watcher = IdleWatcher(IdleWatcher.minutes(prefs.idle_lock_minutes), self)
        self.idle_watcher.idle.connect(self.lock)
        self.idle_watcher.start()
        self.settings_page.idle_minutes_changed.connect(self.set_idle_minutes)
        self.settings_page.restore_requested.connect(self.request_restore)
        self.settings_page.backup_interval_changed.connect(self._set_backup_interval)
        self.auto_backup = False
        self.backup_timer = QTimer(self)
        self.backup_timer.timeout.connect(lambda: self.run_backup("scheduled"))

        self.retranslate()
        self.nav.setCurrentRow(0)
        self._restore_window_state()

    # --- navigation and data ------------------------------------------------------------

    def show_page(self, number: int) -> None:
        if 0 <= number < len(self.pages):
            self.nav.setCurrentRow(number)

    def _show_row(self, row: int) -> None:
        """Show a page, re-reading it first if the database changed since it was
        last read (a save on another page or by another instance)."""
        if 0 <= row < len(self.pages):
            stamp = change_stamp(self.session.db)
            if self._page_stamps.get(row, stamp) != stamp:
                self.pages[row].refresh()
            self._page_stamps[row] = stamp
        self.stack.setCurrentIndex(row)

    def current_page(self) -> Page:
        return self.pages[self.stack.currentIndex()]

    def refresh(self) -> None:
        """Re-read every page from the database (F5)."""
        for page in self.pages:
            page.refresh()
        self._stamp_pages()

    def _stamp_pages(self) -> None:
        stamp = change_stamp(self.session.db)
        self._page_stamps = dict.fromkeys(range(len(self.pages)), stamp)

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
        names = {
            "clients": self.tr("Clients"),
            "scorecards": self.tr("Scorecards"),
            "pipeline": self.tr("Pipeline"),
            "memos": self.tr("Memos"),
            "audit": self.tr("Audit trail"),
            "users": self.tr("Users"),
            "settings": self.tr("Settings"),
        }
        labels = [names.get(key, key) for key in self.page_keys]
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
        self.mode_label.setText(
            self.tr("Demo mode: signed in automatically as the demo relationship manager")
        )
        self.lock_button.setText(self.tr("Lock"))
        self.lock_button.setToolTip(self.tr("Hide the data until you enter your password (Ctrl+L)"))
        self.sign_out_button.setText(self.tr("Sign out"))
        self.locked_panel.setText(self.tr("Locked"))
        self.lock_action.setText(self.tr("Lock"))
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
        hint = self.sizeHint()
        fit_to_screen(self, hint.width(), hint.height())

    def save_window_state(self) -> None:
        settings = window_settings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window_state()
        self.idle_watcher.stop()
        self.backup_timer.stop()
        if self.auto_backup and self.exit_reason != "restore":
            self.run_backup("on exit")
            self.auto_backup = False
        super().closeEvent(event)

    # --- idle lock and sign-out ---------------------------------------------------------

    def is_locked(self) -> bool:
        return self._locked

    def set_idle_minutes(self, minutes: int) -> None:
        self.idle_watcher.set_timeout(IdleWatcher.minutes(minutes))

    def lock(self) -> None:
        """Hide the data behind the lock screen until the password is typed."""
        if self._locked:
            return
        self._locked = True
        self.idle_watcher.stop()
        self.root.setCurrentWidget(self.locked_panel)
        self.statusBar().setVisible(False)
        try:
            _value, unlocked = LockScreen.run(self.session, self)
        finally:
            self._locked = False
        if unlocked:
            self.root.setCurrentIndex(0)
            self.statusBar().setVisible(True)
            self.idle_watcher.start()
        else:
            self.sign_out(reason="signed out at the lock screen")

    def sign_out(self, *, reason: str = "") -> None:
        """Audit the sign-out and close; the launcher shows the sign-in again."""
        try:
            security.sign_out(self.session.db, self.session.user, reason=reason)
        except Exception as exc:  # an audit failure must not keep the data open
            log.warning("sign-out not audited: %s", exc)
        self.exit_reason = "sign_out"
        self.close()

    # --- backups and restore ------------------------------------------------------------

    def enable_auto_backup(self) -> None:
        """Back up on the policy's schedule and when the window closes (not for demo
        data, which is not kept in the backup folder)."""
        if self.session.demo or self.session.db_path is None:
            return
        self.auto_backup = True
        self.backup_timer.start(backups.policy().interval_hours * HOUR_MS)

    def _set_backup_interval(self, hours: int) -> None:
        if self.backup_timer.isActive():
            self.backup_timer.start(hours * HOUR_MS)

    def run_backup(self, reason: str) -> Path | None:
        """A scheduled or on-exit backup; a failure is logged and reported, never raised."""
        try:
            result = backups.run_scheduled_backup(self.session.db, self.session.user, reason=reason)
        except Exception as exc:
            log.warning("%s backup failed: %s", reason, exc)
            self.settings_page.show_last_backup(None, str(exc))
            QMessageBox.warning(
                self,
                self.tr("Backup failed"),
                self.tr(
                    "The automatic backup could not be written: {problem}\n"
                    "Your data is unchanged. Check the backup folder in Settings."
                ).format(problem=exc),
            )
            return None
        log.info("%s backup written: %s", reason, result.path)
        self.settings_page.show_last_backup(result.path)
        return result.path

    def request_restore(self, source: Path) -> None:
        """Close so the launcher can close the database, restore ``source`` and reopen."""
        self.restore_source = Path(source)
        self.exit_reason = "restore"
        self.close()

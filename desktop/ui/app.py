"""Starting the GUI: the QApplication, font, translations, crash handler, the
database (with recovery from a backup), sign-in, main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import sqlite_utils
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from db.connection import open_database
from db.errors import CorruptDatabaseError, DatabaseError
from desktop import __version__
from desktop.core import backups, paths, preferences, security, startup
from desktop.core.session import CurrentUser, Session
from desktop.ui import crash, fonts, i18n
from desktop.ui.dialogs.first_run import FirstRunDialog
from desktop.ui.dialogs.restore_dialog import RestoreDialog
from desktop.ui.dialogs.sign_in import SignInDialog
from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

_CONFIGURED = "h2desk_configured"


def create_application(argv: list[str], language: str | None = None) -> QApplication:
    """The application object, configured once (font, translations).

    Reuses an existing instance (tests, self-test). ``language`` overrides the
    saved preference for this run without saving it.
    """
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        QCoreApplication.setOrganizationName(paths.APP_AUTHOR)
        QCoreApplication.setApplicationName(paths.APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(list(argv))
    if not isinstance(app, QApplication):  # pragma: no cover - a QCoreApplication exists
        raise RuntimeError("a non-GUI QCoreApplication already exists")
    first_time = not app.property(_CONFIGURED)
    if first_time:
        fonts.register_bundled_font()
        fonts.apply_default_font(app)
        QGuiApplication.setApplicationDisplayName(
            QCoreApplication.translate("Application", "H2 Credit Desk")
        )
        app.setProperty(_CONFIGURED, True)
    if language is not None or first_time:
        i18n.install_language(language or preferences.load().language)
    return app


def startup_error_text(exc: DatabaseError, db_path: Path) -> str:
    """A translated explanation of why the database cannot be opened."""
    reasons = {
        "not_a_database": QCoreApplication.translate(
            "Startup", "The file is not an H2 Credit Desk database (it is not an SQLite file)."
        ),
        "corrupt": QCoreApplication.translate(
            "Startup",
            "The database file is damaged. Restore it from a backup "
            "(h2desk restore --db FILE --from BACKUP).",
        ),
        "newer_schema": QCoreApplication.translate(
            "Startup",
            "The database was written by a newer version of H2 Credit Desk. "
            "Install that version to open it.",
        ),
        "network_path": QCoreApplication.translate(
            "Startup",
            "The database is on a network drive. SQLite databases can be corrupted there; "
            "copy the file to a local disk and open it from there.",
        ),
        "backup": QCoreApplication.translate(
            "Startup", "The safety backup of the database could not be written."
        ),
    }
    reason = reasons.get(
        exc.code, QCoreApplication.translate("Startup", "The database could not be opened.")
    )
    text = QCoreApplication.translate("Startup", "Cannot open the database file:\n{path}").format(
        path=str(db_path)
    )
    text += "\n\n" + reason
    if exc.detail and exc.detail != str(db_path):
        text += "\n\n" + QCoreApplication.translate("Startup", "Details: {detail}").format(
            detail=exc.detail
        )
    return text


def show_startup_error(exc: DatabaseError, db_path: Path) -> None:
    QMessageBox.critical(
        None,
        QCoreApplication.translate("Startup", "H2 Credit Desk — cannot open the database"),
        startup_error_text(exc, db_path),
    )


def open_or_recover(db_path: Path) -> sqlite_utils.Database | None:
    """Open the database; a damaged one is offered the newest good backup.

    Returns None when it cannot be opened (the user was told why) or the user
    chose to quit instead of restoring. Never raises for a database problem.
    """
    try:
        return open_database(db_path)
    except CorruptDatabaseError as exc:
        log.warning("damaged database %s: %s", db_path, exc)
        if backups.newest_good_backup(backups.backup_folders()) is None:
            show_startup_error(exc, db_path)
            return None
        chosen, ok = RestoreDialog.choose(backups.backup_folders(), damaged_db=db_path)
        if not ok or chosen is None:
            return None
        try:
            kept = backups.restore_backup(
                db_path, chosen, user=None, reason="start-up: the database was damaged"
            )
        except DatabaseError as restore_exc:
            log.warning("restore of %s failed: %s", chosen, restore_exc)
            show_startup_error(restore_exc, db_path)
            return None
        QMessageBox.information(
            None,
            QCoreApplication.translate("Startup", "H2 Credit Desk — restored"),
            QCoreApplication.translate(
                "Startup",
                "The database was restored from the backup {backup}.\n"
                "The damaged file is kept at: {kept}",
            ).format(backup=chosen, kept=kept or "-"),
        )
    except DatabaseError as exc:
        log.warning("cannot open %s: %s", db_path, exc)
        show_startup_error(exc, db_path)
        return None
    try:
        return open_database(db_path)
    except DatabaseError as exc:
        show_startup_error(exc, db_path)
        return None


def choose_user(db: sqlite_utils.Database, db_path: Path, *, demo: bool) -> CurrentUser | None:
    """Who works in this session: the demo RM (no password, audited as such), the
    administrator created by the first-run wizard, or whoever signs in. None = quit."""
    if demo:
        user = startup.demo_user(db)
        security.record_demo_sign_in(db, user)
        return user
    if security.first_run_needed(db):
        user, ok = FirstRunDialog.run(db, database=str(db_path))
    else:
        user, ok = SignInDialog.run(db, database=str(db_path))
    return user if ok else None


def restore_and_report(db_path: Path, source: Path, user: CurrentUser) -> None:
    """Restore ``source`` over the (closed) database and tell the user how it went."""
    title = QCoreApplication.translate("Startup", "Restore from backup")
    try:
        kept = backups.restore_backup(db_path, source, user=user, reason="restored in the app")
    except (DatabaseError, security.PermissionDenied) as exc:
        log.warning("restore of %s failed: %s", source, exc)
        QMessageBox.warning(
            None,
            title,
            QCoreApplication.translate(
                "Startup", "The backup was not restored; the database is unchanged.\n{problem}"
            ).format(problem=getattr(exc, "message", "") or str(exc)),
        )
        return
    QMessageBox.information(
        None,
        title,
        QCoreApplication.translate(
            "Startup",
            "The database was restored from {backup}.\nThe database it replaced is kept at: "
            "{kept}\nSign in again.",
        ).format(backup=source, kept=kept or "-"),
    )


def run_gui(db_path: Path, *, demo: bool, language: str | None = None) -> int:
    """Run the desktop application on ``db_path``; returns the exit code.

    Open (or recover) the database, sign in (first run: create the
    administrator; ``demo``: the demo RM without password), show the main
    window. Signing out returns to the sign-in; a restore chosen in the app
    closes the database, restores and reopens. 2 when the database cannot be
    opened (the user was told why), 0 otherwise.
    """
    app = create_application(sys.argv[:1], language)
    crash.install()
    db_path = Path(db_path)
    while True:
        db = open_or_recover(db_path)
        if db is None:
            return 2
        restore: tuple[Path, CurrentUser] | None = None
        try:
            user = choose_user(db, db_path, demo=demo)
            if user is None:
                return 0
            window = MainWindow(Session(db=db, db_path=db_path, user=user, demo=demo))
            window.enable_auto_backup()
            window.show()
            code = app.exec()
            reason = window.exit_reason
            if reason == "restore" and window.restore_source is not None:
                restore = (window.restore_source, user)
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        finally:
            db.close()
        if restore is not None:
            restore_and_report(db_path, *restore)
            continue
        if reason != "sign_out" or demo:
            return code

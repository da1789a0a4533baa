"""Starting the GUI: the QApplication, font, translations, crash handler, main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from db.errors import DatabaseError
from desktop import __version__
from desktop.core import paths, preferences, startup
from desktop.ui import crash, fonts, i18n
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


def run_gui(db_path: Path, *, demo: bool, language: str | None = None) -> int:
    """Run the desktop application on ``db_path``; returns the exit code.

    2 when the database cannot be opened (the user was told why).
    """
    app = create_application(sys.argv[:1], language)
    crash.install()
    try:
        session = startup.open_session(Path(db_path), demo=demo)
    except DatabaseError as exc:
        log.warning("cannot open %s: %s", db_path, exc)
        show_startup_error(exc, Path(db_path))
        return 2
    try:
        window = MainWindow(session)
        window.show()
        return app.exec()
    finally:
        session.db.close()

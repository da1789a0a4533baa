"""The crash handler: unexpected exceptions go to a log file and a short dialog.

An exception that escapes a slot or a worker thread is a bug, not something the
user caused. It is written with its full traceback, the time and the version to
``<data dir>/logs/h2desk.log`` (rotating), and the user sees one short message
naming that file; the application keeps running. Tests patch
:data:`show_dialog` (or call :func:`report` directly).
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__
from desktop.core import paths

LOG_FILE = "h2desk.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

_logger = logging.getLogger("h2desk.crash")
_handler: logging.Handler | None = None
_handler_path: Path | None = None
_in_handler = threading.local()
_bridge: _Bridge | None = None
_previous_hooks: tuple | None = None


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE


def _ensure_handler() -> Path:
    """A rotating file handler on the current log file (follows a changed data dir)."""
    global _handler, _handler_path
    path = log_file()
    if _handler is None or _handler_path != path:
        if _handler is not None:
            _logger.removeHandler(_handler)
            _handler.close()
        _handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
        )
        _handler.setFormatter(logging.Formatter("%(message)s"))
        _logger.addHandler(_handler)
        _logger.setLevel(logging.INFO)
        _logger.propagate = False
        _handler_path = path
    return path


def format_report(exc_type, exc, tb, *, thread_name: str | None = None) -> str:
    """The log entry: time, version, platform, thread, full traceback."""
    lines = [
        "=" * 78,
        f"Unexpected error at {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"H2 Credit Desk {__version__}; Python {platform.python_version()}; {platform.platform()}",
    ]
    if thread_name:
        lines.append(f"Thread: {thread_name}")
    lines.append("".join(traceback.format_exception(exc_type, exc, tb)).rstrip())
    return "\n".join(lines)


def log_exception(exc_type, exc, tb, *, thread_name: str | None = None) -> Path:
    """Write the report to the log file; returns the file's path."""
    path = _ensure_handler()
    _logger.error(format_report(exc_type, exc, tb, thread_name=thread_name))
    assert _handler is not None
    _handler.flush()
    return path


def _can_show_dialog() -> bool:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    return QGuiApplication.platformName() not in ("offscreen", "minimal")


def _default_dialog(summary: str, log_path: Path) -> None:
    if not _can_show_dialog():
        return
    box = QMessageBox(QMessageBox.Icon.Critical, _title(), _message(summary, log_path))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def _title() -> str:
    return QCoreApplication.translate("CrashHandler", "H2 Credit Desk — unexpected error")


def _message(summary: str, log_path: Path) -> str:
    return QCoreApplication.translate(
        "CrashHandler",
        "An unexpected error occurred: {error}\n\n"
        "You can keep working; if something looks wrong, save your work and restart. "
        "The details were written to:\n{log}",
    ).format(error=summary, log=str(log_path))


# Replaceable in tests: called with a one-line summary and the log file path.
show_dialog: Callable[[str, Path], None] = _default_dialog


def _summary(exc_type, exc) -> str:
    text = str(exc).strip().splitlines()
    first = text[0] if text else ""
    return f"{exc_type.__name__}: {first[:200]}" if first else exc_type.__name__


def report(exc_type, exc, tb, *, thread_name: str | None = None) -> Path | None:
    """Log the exception and tell the user. Reentrant calls (an error inside the
    dialog) are only logged, never shown again. Returns the log path."""
    if getattr(_in_handler, "active", False):
        try:
            return log_exception(exc_type, exc, tb, thread_name=thread_name)
        except Exception:
            traceback.print_exception(exc_type, exc, tb)
            return None
    _in_handler.active = True
    try:
        try:
            path = log_exception(exc_type, exc, tb, thread_name=thread_name)
        except Exception:
            traceback.print_exception(exc_type, exc, tb)
            path = None
        traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
        show_dialog(_summary(exc_type, exc), path or log_file())
        return path
    finally:
        _in_handler.active = False


class _Bridge(QObject):
    """Carries reports from worker threads to the GUI thread, where dialogs live."""

    crashed = Signal(object, object, object, str)

    def __init__(self) -> None:
        super().__init__()
        self.crashed.connect(self._on_crashed, Qt.ConnectionType.QueuedConnection)

    def _on_crashed(self, exc_type, exc, tb, thread_name: str) -> None:
        report(exc_type, exc, tb, thread_name=thread_name)


def _excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report(exc_type, exc, tb)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else "?"
    if _bridge is not None:
        _bridge.crashed.emit(args.exc_type, args.exc_value, args.exc_traceback, name)
    else:
        report(args.exc_type, args.exc_value, args.exc_traceback, thread_name=name)


def install() -> None:
    """Install the hooks (needs the QApplication for thread reports). Idempotent."""
    global _bridge, _previous_hooks
    if _previous_hooks is None:
        _previous_hooks = (sys.excepthook, threading.excepthook)
    if _bridge is None and QCoreApplication.instance() is not None:
        _bridge = _Bridge()
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook


def uninstall() -> None:
    global _bridge, _previous_hooks
    if _previous_hooks is not None:
        sys.excepthook, threading.excepthook = _previous_hooks
        _previous_hooks = None
    if _bridge is not None:
        _bridge.deleteLater()
        _bridge = None

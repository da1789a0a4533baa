# Each step imports what it tests (PLC0415), so a broken module or a missing Qt
# plugin is reported as that step failing rather than as an import crash.
# ruff: noqa: PLC0415
"""``h2desk --self-test``: prove that an installed or bundled app really works.

Runs on a temporary database and a temporary data folder, never on the user's
data: migrations, the Qt application with its translations and bundled font,
the main window (offscreen when there is no display), and a PDF with the
embedded Chinese font. Prints one line per step and ``self-test ok``; returns
0, or 1 naming the step that failed. CI runs it inside the PyInstaller bundle.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from desktop.core import paths

SELF_TEST_USERNAME = "self-test"
SELF_TEST_DISPLAY_NAME = "自检"
CJK_FAMILY = "WenQuanYi Micro Hei"


class SelfTestError(Exception):
    """A check inside a step did not hold."""


def _needs_offscreen() -> bool:
    if sys.platform in ("win32", "darwin"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _print(text: str) -> None:
    print(text, flush=True)


def run_self_test() -> int:
    """Run every step; 0 when all pass, 1 (after naming the step) otherwise."""
    if _needs_offscreen():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    previous_data_dir = paths._data_dir_override  # restored afterwards (tests share the process)
    state: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="h2desk-selftest-") as tmp:
        folder = Path(tmp)
        paths.set_data_dir(folder / "userdata")
        try:
            return _run_steps(folder, state)
        finally:
            _cleanup(state)
            paths.set_data_dir(previous_data_dir)


def _run_steps(folder: Path, state: dict[str, object]) -> int:
    steps: list[tuple[str, Callable[[], str]]] = [
        ("resources", _step_resources),
        ("database", lambda: _step_database(folder, state)),
        ("application", lambda: _step_application(state)),
        ("main window", lambda: _step_main_window(state)),
        ("pdf", lambda: _step_pdf(folder)),
    ]
    for name, step in steps:
        started = time.perf_counter()
        try:
            detail = step()
        except Exception as exc:
            _print(f"[FAILED] {name}: {type(exc).__name__}: {exc}")
            traceback.print_exc(file=sys.stderr)
            _print(f"self-test FAILED at step: {name}")
            return 1
        _print(f"[ok] {name} ({time.perf_counter() - started:.2f} s) {detail}".rstrip())
    _print("self-test ok")
    return 0


def _step_resources() -> str:
    root = paths.resources_dir()
    font = paths.font_path()
    if not font.is_file():
        raise SelfTestError(f"bundled font missing: {font}")
    return f"{root}"


def _step_database(folder: Path, state: dict[str, object]) -> str:
    from db import migrations, users
    from db.connection import open_database
    from desktop.core.session import CurrentUser, Session

    db_path = folder / "self-test.sqlite3"
    db = open_database(db_path)
    state["db"] = db
    version = migrations.current_version(db)
    if version != migrations.LATEST_VERSION:
        raise SelfTestError(f"schema version {version}, expected {migrations.LATEST_VERSION}")
    mode = db.conn.execute("PRAGMA journal_mode").fetchone()[0]
    if str(mode).lower() != "wal":
        raise SelfTestError(f"journal mode {mode}, expected wal")
    row = users.ensure_user(
        db, username=SELF_TEST_USERNAME, display_name=SELF_TEST_DISPLAY_NAME, role="admin"
    )
    user = CurrentUser(
        id=row["id"], username=row["username"], display_name=row["display_name"], role=row["role"]
    )
    state["session"] = Session(db=db, db_path=db_path, user=user, demo=False)
    return f"schema version {version}"


def _step_application(state: dict[str, object]) -> str:
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    from desktop.ui.app import create_application

    app = QApplication.instance() or create_application([sys.argv[0] if sys.argv else "h2desk"])
    state["app"] = app
    families = QFontDatabase.families()
    if CJK_FAMILY not in families:
        raise SelfTestError(f"Chinese font {CJK_FAMILY!r} is not available to Qt")
    return f"Qt platform {QApplication.platformName()}"


def _step_main_window(state: dict[str, object]) -> str:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow

    window = MainWindow(state["session"])
    state["window"] = window
    window.show()
    QApplication.processEvents()
    if not window.isVisible():
        raise SelfTestError("the main window did not show")
    title = window.windowTitle()
    window.close()
    QApplication.processEvents()
    return f"'{title}'"


def _step_pdf(folder: Path) -> str:
    from desktop.core.pdf import CJK_FONT_NAME, write_self_test_pdf

    path = write_self_test_pdf(folder / "self-test.pdf")
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise SelfTestError(f"{path} is not a PDF")
    if b"/FontFile2" not in data or CJK_FONT_NAME.encode() not in data:
        raise SelfTestError("the Chinese font is not embedded in the PDF")
    return f"{len(data):,} bytes"


def _cleanup(state: dict[str, object]) -> None:
    """Close what the steps opened so the temporary folder can be removed (Windows)."""
    window = state.get("window")
    if window is not None:
        try:
            window.close()
            window.deleteLater()
            from PySide6.QtWidgets import QApplication

            QApplication.processEvents()
        except Exception:  # cleanup must not hide the step's own result
            traceback.print_exc(file=sys.stderr)
    db = state.get("db")
    if db is not None:
        try:
            db.close()
        except Exception:
            traceback.print_exc(file=sys.stderr)

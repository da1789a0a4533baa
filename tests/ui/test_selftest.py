"""``h2desk --self-test`` in-process: every step passes, a failure names its step."""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

import pytest

from desktop.core import paths
from desktop.ui import selftest


@pytest.fixture(autouse=True)
def ui_modules(monkeypatch: pytest.MonkeyPatch, qapp) -> None:
    """The real application and main window; minimal stand-ins only while they
    are not written yet (so the orchestration is tested either way)."""
    from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: PLC0415

    if importlib.util.find_spec("desktop.ui.app") is None:
        app = types.ModuleType("desktop.ui.app")
        app.create_application = lambda argv, language=None: QApplication.instance()
        monkeypatch.setitem(sys.modules, "desktop.ui.app", app)
    if importlib.util.find_spec("desktop.ui.main_window") is None:

        class MainWindow(QMainWindow):
            def __init__(self, session) -> None:
                super().__init__()
                self.setWindowTitle(f"H2 Credit Desk - {session.user.display_name}")

        window = types.ModuleType("desktop.ui.main_window")
        window.MainWindow = MainWindow
        monkeypatch.setitem(sys.modules, "desktop.ui.main_window", window)


def test_self_test_passes_and_reports_each_step(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    assert selftest.run_self_test() == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[-1] == "self-test ok"
    for step in ("resources", "database", "application", "main window", "pdf"):
        assert any(line.startswith(f"[ok] {step} (") for line in lines), out
    assert "[FAILED]" not in out
    # It ran on a temporary folder and handed the user's data folder back.
    assert paths.data_dir() == data_dir
    assert not (data_dir / "h2desk.sqlite3").exists()


def test_a_failing_step_is_named(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    def broken(path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desktop.core.pdf.write_self_test_pdf", broken)
    assert selftest.run_self_test() == 1
    captured = capsys.readouterr()
    assert "[FAILED] pdf: OSError" in captured.out
    assert captured.out.splitlines()[-1] == "self-test FAILED at step: pdf"
    assert "self-test ok" not in captured.out
    assert paths.data_dir() == data_dir


def test_missing_font_fails_the_resources_step(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(paths, "font_path", lambda: tmp_path / "gone.ttc")
    assert selftest.run_self_test() == 1
    out = capsys.readouterr().out
    assert "[FAILED] resources" in out and "gone.ttc" in out
    assert "[ok] database" not in out  # stops at the first failure

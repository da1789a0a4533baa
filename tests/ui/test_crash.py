"""The crash handler: log file with traceback and version, dialog hook, reentrancy, threads."""

from __future__ import annotations

import sys
import threading

import pytest

from desktop import __version__
from desktop.ui import crash, i18n


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    shown: list[tuple[str, object]] = []
    monkeypatch.setattr(crash, "show_dialog", lambda summary, path: shown.append((summary, path)))
    return shown


def _raise(message: str):
    try:
        raise ValueError(message)
    except ValueError:
        return sys.exc_info()


def test_report_writes_traceback_and_calls_dialog(gui, dialogs, data_dir) -> None:
    path = crash.report(*_raise("bad amount 12.5"))
    assert path == data_dir / "logs" / "h2desk.log"
    text = path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "ValueError: bad amount 12.5" in text
    assert f"H2 Credit Desk {__version__}" in text
    assert "Unexpected error at 20" in text  # a timestamp
    assert dialogs == [("ValueError: bad amount 12.5", path)]


def test_reports_append_to_the_log(gui, dialogs) -> None:
    crash.report(*_raise("first"))
    path = crash.report(*_raise("second"))
    text = path.read_text(encoding="utf-8")
    assert text.index("first") < text.index("second")


def test_excepthook_installs_and_uninstalls(gui, dialogs) -> None:
    before = sys.excepthook, threading.excepthook
    crash.install()
    try:
        assert sys.excepthook is crash._excepthook
        assert threading.excepthook is crash._thread_excepthook
        sys.excepthook(*_raise("via hook"))
    finally:
        crash.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
    assert dialogs[0][0] == "ValueError: via hook"


def test_error_inside_the_dialog_is_logged_not_shown_again(gui, monkeypatch) -> None:
    calls: list[str] = []

    def failing_dialog(summary, path):
        calls.append(summary)
        crash.report(*_raise("inside the dialog"))

    monkeypatch.setattr(crash, "show_dialog", failing_dialog)
    path = crash.report(*_raise("outer"))
    assert calls == ["ValueError: outer"]
    assert "inside the dialog" in path.read_text(encoding="utf-8")


def test_worker_thread_exception_reaches_the_gui_thread(gui, qtbot, dialogs) -> None:
    crash.install()
    try:
        seen_in: list[str] = []

        def record(summary, path):
            seen_in.append(threading.current_thread().name)
            dialogs.append((summary, path))

        crash.show_dialog = record  # restored by the monkeypatch of the fixture
        worker = threading.Thread(target=lambda: 1 / 0, name="import-worker")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(dialogs) == 1, timeout=2000)
    finally:
        crash.uninstall()
    assert dialogs[0][0].startswith("ZeroDivisionError")
    assert seen_in == [threading.main_thread().name]
    assert "Thread: import-worker" in crash.log_file().read_text(encoding="utf-8")


def test_keyboard_interrupt_is_not_reported(gui, dialogs, capsys) -> None:
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        crash._excepthook(*sys.exc_info())
    assert dialogs == []


def test_default_dialog_is_silent_offscreen(gui, data_dir) -> None:
    # Offscreen (tests, CI, self-test) there is nobody to click OK: must not block.
    crash._default_dialog("ValueError: x", data_dir / "h2desk.log")


def test_message_is_translated_and_names_the_log(gui) -> None:
    i18n.install_language("zh_CN")
    text = crash._message("ValueError: x", crash.log_file())
    assert "发生了意外错误" in text
    assert str(crash.log_file()) in text

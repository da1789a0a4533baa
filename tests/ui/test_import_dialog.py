"""The import preview: problems listed before anything is written, valid rows
imported in one transaction, cancel writes nothing, error report, bad files.
Reading and writing run on worker threads; the tests wait for their signals."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop.core import clients, importing
from desktop.ui.dialogs.import_dialog import ImportDialog
from desktop.ui.workers import Cancelled, Task
from tests.ui.portfolio_data import uscc

pytestmark = [
    pytest.mark.usefixtures("english_messages"),
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

HEADERS = ["企业名称", "统一社会信用代码", "企业类型", "注册资本(万元)", "联系人", "联系电话"]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([HEADERS, *rows])
    return path


@pytest.fixture
def mixed_file(tmp_path) -> Path:
    return write_csv(
        tmp_path / "客户.csv",
        [
            ["新能氢科技有限公司", uscc(101), "科创企业", "500", "周一", "13800001111"],
            ["坏代码有限公司", "91350100M000100Y44", "科创企业", "100", "", ""],
            ["负资本有限公司", uscc(102), "科创企业", "-1", "", ""],
            ["另一家氢能有限公司", uscc(103), "产业化企业", "", "", ""],
            ["甲氢能科技有限公司", uscc(1), "科创企业", "900", "", ""],  # exists
        ],
    )


def client_names(db) -> set[str]:
    return {r[0] for r in db.conn.execute("SELECT name FROM clients WHERE deleted_at IS NULL")}


def open_preview(qtbot, session, path) -> ImportDialog:
    dialog = ImportDialog(session, path)
    qtbot.addWidget(dialog)
    task = dialog.start_preview()
    assert task.wait(20)
    qtbot.waitUntil(lambda: dialog.preview is not None or bool(dialog.error_text), timeout=5000)
    return dialog


def quiet(monkeypatch) -> list[str]:
    said: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *a, **k: said.append(a[2])))
    return said


def test_preview_lists_every_problem_and_writes_nothing(gui, qtbot, session, mixed_file):
    before = client_names(session.db)
    dialog = open_preview(qtbot, session, mixed_file)
    assert client_names(session.db) == before
    assert dialog.rows_model.rowCount() == 5
    assert dialog.rows_model.index(1, 1).data() == "Rejected"
    assert dialog.rows_model.index(0, 1).data() == "New client"
    assert dialog.rows_model.index(4, 1).data() == "Exists (skipped)"
    problems = {
        (dialog.problems_model.index(r, 0).data(), dialog.problems_model.index(r, 1).data())
        for r in range(dialog.problems_model.rowCount())
    }
    assert ("3", "统一社会信用代码") in problems
    assert ("4", "注册资本(万元)") in problems
    assert "5 rows: 3 valid (2 new clients, 1 existing clients" in dialog.counts.text()
    assert dialog.import_button.isEnabled()
    assert dialog.report_button.isEnabled()
    assert dialog.update_existing.isEnabled()
    dialog.update_existing.setChecked(True)
    assert dialog.rows_model.index(4, 1).data() == "Update existing"


def test_import_valid_rows_writes_them_in_one_go(gui, qtbot, session, mixed_file, monkeypatch):
    said = quiet(monkeypatch)
    dialog = open_preview(qtbot, session, mixed_file)
    with qtbot.waitSignal(dialog.finished, timeout=20000):
        task = dialog.import_valid_rows()
        assert task is not None
    assert dialog.result is not None
    assert dialog.result.created == 2
    assert dialog.result.rejected == 2
    names = client_names(session.db)
    assert {"新能氢科技有限公司", "另一家氢能有限公司"} <= names
    assert "坏代码有限公司" not in names and "负资本有限公司" not in names
    new_id = next(
        r[0]
        for r in session.db.conn.execute("SELECT id FROM clients WHERE name = '新能氢科技有限公司'")
    )
    assert clients.list_contacts(session.db, new_id)[0]["mobile"] == "138****1111"
    # the existing client was not touched without the checkbox
    assert (
        clients.get_client(
            session.db,
            session.db.conn.execute(
                "SELECT id FROM clients WHERE name = '甲氢能科技有限公司'"
            ).fetchone()[0],
        )["registered_capital_yuan"]
        is None
    )
    assert said and "2 clients created" in said[0]
    assert (
        session.db.conn.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'client.import'"
        ).fetchone()[0]
        == 1
    )


def test_update_existing_when_ticked(gui, qtbot, session, mixed_file, monkeypatch) -> None:
    quiet(monkeypatch)
    dialog = open_preview(qtbot, session, mixed_file)
    dialog.update_existing.setChecked(True)
    with qtbot.waitSignal(dialog.finished, timeout=20000):
        dialog.import_valid_rows()
    assert dialog.result.updated == 1
    capital = session.db.conn.execute(
        "SELECT registered_capital_yuan FROM clients WHERE name = '甲氢能科技有限公司'"
    ).fetchone()[0]
    assert capital == 9_000_000


def test_cancel_before_import_writes_nothing(gui, qtbot, session, mixed_file) -> None:
    before = client_names(session.db)
    audit_before = session.db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    dialog = open_preview(qtbot, session, mixed_file)
    dialog.cancel_button.click()
    assert dialog.result is None
    assert client_names(session.db) == before
    assert session.db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit_before


def test_cancel_during_the_write_rolls_it_back(gui, qtbot, session, mixed_file, monkeypatch):
    said = quiet(monkeypatch)
    before = client_names(session.db)
    dialog = open_preview(qtbot, session, mixed_file)
    # Hold the worker inside the write until the user has pressed Cancel.
    entered, release = threading.Event(), threading.Event()
    real_apply = importing.apply_import

    def slow_apply(*args, **kwargs):
        result = real_apply(*args, **kwargs)
        entered.set()
        release.wait(10)
        return result

    monkeypatch.setattr(importing, "apply_import", slow_apply)
    task = dialog.import_valid_rows()
    assert entered.wait(10)
    dialog.cancel_button.click()  # while the write is open
    assert task.cancel_requested
    release.set()
    assert task.wait(10)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=5000)
    assert task.was_cancelled
    assert dialog.result is None
    assert client_names(session.db) == before  # rolled back
    assert "nothing was written" in dialog.error_text
    assert not said


def test_save_error_report(gui, qtbot, session, mixed_file, tmp_path, monkeypatch) -> None:  # noqa: PLR0917
    quiet(monkeypatch)
    target = tmp_path / "errors.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    dialog = open_preview(qtbot, session, mixed_file)
    assert dialog.save_error_report() == target
    text = target.read_text(encoding="utf-8-sig")
    assert "91350100M000100Y44" in text
    assert "注册资本(万元)" in text


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "empty"),
        (b"foo,bar\n1,2\n", "header"),
        (b"PK\x03\x04 not really a workbook", ""),
    ],
    ids=["empty", "no-header", "corrupt-xlsx"],
)
def test_unusable_files_show_a_message(gui, qtbot, session, tmp_path, content, fragment):  # noqa: PLR0917
    suffix = ".xlsx" if content.startswith(b"PK") else ".csv"
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    before = client_names(session.db)
    dialog = open_preview(qtbot, session, path)
    assert dialog.preview is None
    assert dialog.error_text
    assert fragment.lower() in dialog.error_text.lower()
    assert dialog.message.isVisibleTo(dialog)
    assert not dialog.import_button.isEnabled()
    assert dialog.cancel_button.text() == "Close"
    assert client_names(session.db) == before


def test_run_import_classmethod(gui, session, mixed_file, monkeypatch) -> None:
    quiet(monkeypatch)

    def fake_exec(self):
        assert self.task is not None
        self.task.wait(20)
        while self.preview is None:
            QApplication.processEvents()
        task = self.import_valid_rows()
        task.wait(20)
        while self.result is None:
            QApplication.processEvents()
        return 1

    monkeypatch.setattr(ImportDialog, "exec", fake_exec)
    result, ok = ImportDialog.run_import(session, mixed_file)
    assert ok and result.created == 2


# --------------------------------------------------------------------------- the worker


def test_task_reports_progress_and_result(gui, qtbot) -> None:
    seen = []

    def work(progress):
        for i in range(3):
            progress(i + 1, 3)
        return "done"

    task = Task(work)
    task.signals.progress.connect(lambda d, t: seen.append((d, t)))
    with qtbot.waitSignal(task.signals.succeeded, timeout=5000) as blocker:
        task.start()
    assert blocker.args == ["done"]
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=2000)
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_task_cancel_and_failure(gui, qtbot) -> None:
    gate = threading.Event()

    def slow(progress):
        gate.wait(5)
        progress(1, 2)  # raises Cancelled once cancel was asked
        return "never"

    task = Task(slow)
    with qtbot.waitSignal(task.signals.cancelled, timeout=5000):
        task.start()
        task.cancel()
        gate.set()
    assert task.was_cancelled and task.result is None

    failing = Task(lambda progress: 1 / 0)
    with qtbot.waitSignal(failing.signals.failed, timeout=5000) as blocker:
        failing.start()
    assert isinstance(blocker.args[0], ZeroDivisionError)
    with pytest.raises(RuntimeError):
        failing.start()
    assert Cancelled.__name__ == "Cancelled"

"""Batch scoring: runs off the GUI thread into a lazy, sortable table with the grade
distribution; cancel really stops it; scopes; export; the result model."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core.demo import generate_demo
from desktop.core.scoring import batch
from desktop.core.session import Session
from desktop.ui.dialogs.batch_scoring_dialog import FIRM_TYPE, LIST, BatchScoringDialog
from desktop.ui.models.scoring import BatchResultModel
from tests.core.scoring.conftest import make_user

pytestmark = [
    pytest.mark.usefixtures("english_messages"),
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

CLIENTS = 24


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    from db.connection import open_database  # noqa: PLC0415

    path = tmp_path_factory.mktemp("batch") / "demo.sqlite3"
    db = open_database(path)
    generate_demo(db, clients=CLIENTS)
    db.close()
    return path


@pytest.fixture
def session(demo_file, tmp_path) -> Session:
    import shutil  # noqa: PLC0415

    from db.connection import open_database  # noqa: PLC0415

    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, path)
    db = open_database(path)
    user = make_user(db, "rm.batch")
    yield Session(db=db, db_path=path, user=user, demo=False)
    db.close()


@pytest.fixture
def dialog(gui, qtbot, session) -> BatchScoringDialog:
    dialog = BatchScoringDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def run(qtbot, dialog: BatchScoringDialog) -> None:
    task = dialog.run_batch()
    assert task is not None and task.wait(30)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=5000)


def live_clients(session) -> int:
    return session.db.conn.execute(
        "SELECT count(*) FROM clients WHERE deleted_at IS NULL"
    ).fetchone()[0]


def test_batch_runs_off_the_gui_thread_into_the_table(qtbot, dialog, session):
    snapshots = session.db.conn.execute("SELECT count(*) FROM scorecard_results").fetchone()[0]
    run(qtbot, dialog)
    n = live_clients(session)
    assert dialog.model.rowCount() == n == len(dialog.frame)
    assert f"{n} clients scored" in dialog.status.text()
    assert "Grades:" in dialog.distribution.text()
    assert dialog.export_button.isEnabled()
    assert "not snapshots" in dialog.note.text()
    # nothing was saved
    after = session.db.conn.execute("SELECT count(*) FROM scorecard_results").fetchone()[0]
    assert after == snapshots
    # sorting by total (descending) puts the best first, knocked-out/no-total last
    column = BatchResultModel.COLUMNS.index("total")
    dialog.view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    totals = [dialog.model.display(r, "total") for r in range(dialog.model.rowCount())]
    numbers = [float(t) for t in totals if t]
    assert numbers == sorted(numbers, reverse=True)
    assert all(totals[: len(numbers)])


def test_cancel_really_stops_the_batch(qtbot, dialog, monkeypatch):
    groups: list[int] = []
    real_group = batch._score_group

    def counting(*args, **kwargs):
        groups.append(1)
        return real_group(*args, **kwargs)

    monkeypatch.setattr(batch, "_score_group", counting)
    task = dialog.prepare_task()
    # cancel in the worker thread as soon as the first progress is reported
    task.signals.progress.connect(
        lambda _done, _total: task.cancel(), Qt.ConnectionType.DirectConnection
    )
    dialog.launch(task)
    assert task.wait(30)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=5000)
    assert task.was_cancelled
    assert groups == []  # stopped before any client was scored
    assert dialog.frame is None and dialog.model.rowCount() == 0
    assert "Cancelled" in dialog.status.text()
    assert dialog.run_button.isEnabled() and not dialog.export_button.isEnabled()


def test_scope_by_firm_type_and_fixed_template(qtbot, dialog):
    dialog.set_scope(FIRM_TYPE, "tech")
    dialog.set_template("manufacturer")
    run(qtbot, dialog)
    frame = dialog.frame
    assert len(frame) > 0
    assert set(frame["firm_type"]) == {"tech"}
    assert set(frame["template_code"]) == {"manufacturer"}


def test_scope_of_the_filtered_client_list(gui, qtbot, session):
    ids = [r[0] for r in session.db.conn.execute("SELECT id FROM clients LIMIT 5")]
    dialog = BatchScoringDialog(session, list_ids=ids)
    qtbot.addWidget(dialog)
    assert dialog.scope.currentData() == (LIST, None)  # offered and chosen
    assert "5 clients" in dialog.scope.currentText()
    run(qtbot, dialog)
    assert list(dialog.frame["client_id"]) == ids


def test_export_writes_the_table(qtbot, dialog, tmp_path, monkeypatch):
    run(qtbot, dialog)
    target = tmp_path / "scores.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: told.append(a[2])))
    assert dialog.export() == target
    with target.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(dialog.frame)
    assert {"name", "total", "grade", "suggested_limit_yuan"} <= set(rows[0])
    assert told and "exported" in told[0]


def test_result_model_passes_model_tester(qtbot, dialog, qtmodeltester):
    run(qtbot, dialog)
    dialog.model.sort(BatchResultModel.COLUMNS.index("grade"), Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(dialog.model, force_py=True)
    empty = BatchResultModel()  # (one tester, connected once per model)
    qtmodeltester.check(empty, force_py=True)
    empty.set_frame(dialog.frame)
    assert empty.rowCount() == len(dialog.frame)

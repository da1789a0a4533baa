"""Run a background task behind a modal progress dialog and wait for it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.ui.workers import Progress, Task


@dataclass
class Outcome:
    result: Any = None
    error: BaseException | None = None
    cancelled: bool = False


def run_busy(
    parent: QWidget | None,
    title: str,
    label: str,
    fn: Callable[[Progress], Any],
    *,
    cancellable: bool = True,
) -> Outcome:
    """Run ``fn(progress)`` off the GUI thread; the GUI stays responsive behind a
    modal progress dialog (busy bar until the first progress report)."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if cancellable:
        dialog.setCancelButtonText(QCoreApplication.translate("BusyDialog", "Cancel"))
    else:
        dialog.setCancelButton(None)
    task = Task(fn)
    loop = QEventLoop()
    outcome = Outcome()

    def progress(done: int, total: int) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    task.signals.progress.connect(progress)
    # Queued from the worker: delivered only once the loop below runs, so it cannot
    # be missed even if the task finishes before exec().
    task.signals.finished.connect(loop.quit)
    dialog.canceled.connect(task.cancel)
    task.start()
    loop.exec()
    outcome.result, outcome.error, outcome.cancelled = task.result, task.error, task.was_cancelled
    dialog.close()
    dialog.deleteLater()
    return outcome

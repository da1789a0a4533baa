"""Slow work off the GUI thread: a task with progress, cancel and result signals.

A :class:`Task` wraps a plain function ``fn(progress)`` where ``progress(done,
total)`` reports how far it got; when the user cancels, the next ``progress``
call raises :class:`Cancelled`, so a core function that reports progress is
also cancellable (the core's write transaction then rolls back). The function
runs on a ``QThreadPool`` thread and never touches widgets: results arrive
through queued signals on the GUI thread (Anki's ``CollectionOp``).

    task = Task(lambda progress: preview_import(db, path, progress=progress))
    task.signals.progress.connect(bar.set_progress)
    task.signals.succeeded.connect(show_preview)
    task.signals.failed.connect(show_error)
    task.start()
    ...
    task.cancel()
"""

from __future__ import annotations

import inspect
import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class Cancelled(Exception):  # noqa: N818 - reads as a sentence
    """Raised inside the worker by ``progress`` once the user asked to cancel."""


class TaskSignals(QObject):
    """Signals of one task; emitted from the worker thread, delivered queued."""

    progress = Signal(int, int)  # done, total (total 0: unknown)
    succeeded = Signal(object)  # the function's return value
    failed = Signal(object)  # the exception (with ``__traceback_text__``)
    cancelled = Signal()
    finished = Signal()  # after any of the three above


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task = task

    def run(self) -> None:
        self._task._run()


class Task:
    """One run of ``fn(progress)`` on a pool thread; see the module docstring."""

    def __init__(self, fn: Callable[[Progress], Any], *, pool: QThreadPool | None = None) -> None:
        self._fn = fn
        self._pool = pool or QThreadPool.globalInstance()
        self._cancel = threading.Event()
        self._done = threading.Event()
        self.signals = TaskSignals()
        self.result: Any = None
        self.error: BaseException | None = None
        self.was_cancelled = False
        self.started = False

    # --- called on the GUI thread ---------------------------------------------------

    def start(self) -> None:
        if self.started:
            raise RuntimeError("a task runs once")
        self.started = True
        self._pool.start(_Runnable(self))

    def cancel(self) -> None:
        """Ask the function to stop at its next progress report."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the function returned (for shutdown and tests)."""
        return self._done.wait(timeout)

    # --- the worker thread ----------------------------------------------------------

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.signals.progress.emit(int(done), int(total))

    def _run(self) -> None:
        try:
            if self._cancel.is_set():
                raise Cancelled
            # A function that returns normally succeeded, even if cancel came too
            # late to stop it: its write (if any) is committed and must be reported.
            result = self._fn(self._progress)
        except Cancelled:
            self.was_cancelled = True
            self._done.set()
            self.signals.cancelled.emit()
        except Exception as exc:  # handed to the GUI thread
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            log.warning("background task failed: %s", exc)
            self.error = exc
            self._done.set()
            self.signals.failed.emit(exc)
        else:
            self.result = result
            self._done.set()
            self.signals.succeeded.emit(result)
        self.signals.finished.emit()


def accepts_keyword(fn: Callable[..., Any], name: str) -> bool:
    """Whether ``fn`` takes keyword ``name`` (to pass ``progress`` only where supported)."""
    try:
        parameters = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return name in parameters or any(
        p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()
    )

"""Shared fixtures: offscreen Qt, a private data folder, a fresh database per test."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils
from PySide6.QtCore import QObject, Signal, SignalInstance

from db.connection import open_database
from desktop.core import i18n, paths


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every test gets its own user data folder; nothing touches the real profile."""
    folder = tmp_path_factory.mktemp("userdata")
    paths.set_data_dir(folder)
    yield folder
    paths.set_data_dir(None)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[sqlite_utils.Database]:
    """A freshly migrated file database (WAL needs a file), closed afterwards."""
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def english_messages() -> Iterator[None]:
    """Core messages in the English source language, for tests that match their text."""
    previous = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(previous)


def _balance_signal_disconnect() -> None:
    """Work around a reference-count bug in PySide6's ``SignalInstance.disconnect``.

    On this PySide6 it returns ``True``/``False`` without a new reference; on
    Python 3.11, where the bools are not immortal, every call drops one reference
    and after a few thousand calls the interpreter aborts with "bool_dealloc".
    pytest-qt disconnects on every ``qtmodeltester.check`` and signal wait, so a
    long UI suite can cross that line. The app itself never disconnects by slot
    (tests/ui/test_signal_discipline.py keeps it so). Patched only when a probe
    shows the leak, so a fixed PySide6 is left alone.
    """

    class _Probe(QObject):
        fired = Signal()

    def _slot() -> None:
        pass

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(10):
        probe.fired.connect(_slot)
        probe.fired.disconnect(_slot)
    if sys.getrefcount(True) - before > -10:
        return
    original = SignalInstance.disconnect
    kept: list[bool] = []

    def disconnect(self, *args):
        result = original(self, *args)
        if isinstance(result, bool):
            kept.append(result)  # the reference PySide6 did not take
        return result

    SignalInstance.disconnect = disconnect


def pytest_configure(config: pytest.Config) -> None:
    del config
    _balance_signal_disconnect()

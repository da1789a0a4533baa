"""Shared fixtures: offscreen Qt, a private data folder, a fresh database per test."""

from __future__ import annotations

import ctypes
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

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


def _pin_bools() -> None:
    """Work around reference-count bugs in PySide6 on Python 3.11.

    Some PySide6 calls return ``True``/``False`` without a new reference (e.g.
    ``SignalInstance.disconnect(slot)``, which pytest-qt calls on every
    ``qtmodeltester.check`` and signal wait). On Python 3.11 the bools are not
    yet immortal (they are from 3.12, PEP 683), so a long UI suite drives their
    count down until the interpreter aborts with "bool_dealloc" at exit. Give
    both an unowned reference per possible leak, as 3.12 does for good; the app
    itself does not leak them (tests/ui/test_signal_discipline.py).
    """
    if sys.version_info >= (3, 12):
        return
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    for value in (True, False):
        for _ in range(1_000_000):
            incref(value)


def pytest_configure(config: pytest.Config) -> None:
    del config
    _pin_bools()

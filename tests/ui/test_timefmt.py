"""Stored UTC time stamps are shown in local time."""

from __future__ import annotations

import os
import time

import pytest

from desktop.ui.timefmt import local_time


@pytest.fixture
def shanghai_time(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="time.tzset is POSIX-only")
def test_utc_stamp_in_local_time(shanghai_time) -> None:
    assert os.environ["TZ"] == "Asia/Shanghai"
    assert local_time("2026-03-01T01:30:12.123Z") == "2026-03-01 09:30"
    assert local_time("2026-03-01T20:30:12.123Z", seconds=True) == "2026-03-02 04:30:12"


def test_empty_and_foreign_text() -> None:
    assert local_time(None) == ""
    assert local_time("") == ""
    assert local_time("not a time") == "not a time"

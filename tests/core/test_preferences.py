"""User preferences: declared defaults, atomic JSON file, bad values fall back."""

from __future__ import annotations

import json

import pytest

from desktop.core import preferences
from desktop.core.preferences import Preferences


@pytest.fixture
def chinese_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preferences, "system_language", lambda: "zh_CN")


def test_defaults_when_nothing_is_saved(chinese_system, data_dir) -> None:
    prefs = preferences.load()
    assert prefs == Preferences(
        language="zh_CN", idle_lock_minutes=15, backup_keep_days=30, backup_folder=""
    )
    assert preferences.preferences_path() == data_dir / "preferences.json"
    assert not preferences.preferences_path().exists()  # loading writes nothing


def test_english_default_on_a_non_chinese_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preferences, "system_language", lambda: "en")
    assert preferences.load().language == "en"


def test_chinese_default_when_the_system_says_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preferences, "system_language", lambda: None)
    assert preferences.load().language == "zh_CN"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("zh_CN.UTF-8", "zh_CN"),
        ("zh_TW.UTF-8", "zh_CN"),
        ("Chinese (Simplified)_China.936", "zh_CN"),
        ("en_US.UTF-8", "en"),
        ("de_DE@euro", "en"),
        ("C.UTF-8", None),
        ("POSIX", None),
    ],
)
def test_language_from_locale_name(value: str, expected: str | None) -> None:
    assert preferences._language_from_locale(value) == expected


def test_system_language_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preferences.sys, "platform", "linux")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert preferences.system_language() == "zh_CN"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert preferences.system_language() == "en"


def test_round_trip(chinese_system) -> None:
    saved = Preferences(
        language="en", idle_lock_minutes=5, backup_keep_days=90, backup_folder="D:\\备份"
    )
    path = preferences.save(saved)
    assert preferences.load() == saved
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["backup_folder"] == "D:\\备份"
    assert not list(path.parent.glob(".preferences-*"))  # no temp file left behind


def test_update_changes_only_the_named_preference(chinese_system) -> None:
    preferences.update(backup_keep_days=7)
    prefs = preferences.update(language="en")
    assert (prefs.language, prefs.backup_keep_days, prefs.idle_lock_minutes) == ("en", 7, 15)
    assert preferences.load() == prefs


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"language": "fr"}, "language"),
        ({"backup_keep_days": 0}, "at least 1"),
        ({"idle_lock_minutes": "15"}, "whole number"),
        ({"idle_lock_minutes": True}, "whole number"),
        ({"colour": "red"}, "unknown preference"),
    ],
)
def test_update_refuses_bad_values_and_keeps_the_file(chinese_system, changes, message) -> None:
    preferences.update(backup_keep_days=10)
    before = preferences.preferences_path().read_bytes()
    with pytest.raises(ValueError, match=message):
        preferences.update(**changes)
    assert preferences.preferences_path().read_bytes() == before


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"[1, 2, 3]",
        b"null",
        b"\xff\xfe\x00garbage",
        b"",
    ],
)
def test_broken_file_gives_defaults(chinese_system, content: bytes) -> None:
    preferences.preferences_path().write_bytes(content)
    assert preferences.load() == Preferences(language="zh_CN")


def test_bad_and_unknown_values_fall_back_one_by_one(chinese_system) -> None:
    preferences.preferences_path().write_text(
        json.dumps(
            {
                "language": "klingon",
                "idle_lock_minutes": 30,
                "backup_keep_days": -5,
                "backup_folder": 42,
                "from_a_future_version": True,
            }
        ),
        encoding="utf-8",
    )
    prefs = preferences.load()
    assert prefs == Preferences(
        language="zh_CN", idle_lock_minutes=30, backup_keep_days=30, backup_folder=""
    )


def test_save_validates(chinese_system) -> None:
    with pytest.raises(ValueError, match="at most"):
        preferences.save(Preferences(idle_lock_minutes=10_000))
    assert not preferences.preferences_path().exists()

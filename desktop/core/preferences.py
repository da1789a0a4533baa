"""User preferences, declared once with type and default, kept in ``preferences.json``.

Only choices the user makes live here (language, idle lock, backups). Window
geometry is UI state and stays with the UI (QSettings). A missing, unreadable
or hand-edited file never stops the application: every bad or unknown value
falls back to its default.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import locale
import logging
import os
import sys
import tempfile
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from desktop.core import paths
from desktop.core.i18n import SUPPORTED_LANGUAGES

log = logging.getLogger(__name__)

FILE_NAME = "preferences.json"


def system_language() -> str | None:
    """'zh_CN' or 'en' from the operating system's UI language; None if it says nothing."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        try:
            lang_id = ctypes.windll.kernel32.GetUserDefaultUILanguage()
        except (OSError, AttributeError):
            lang_id = 0
        if lang_id:
            return "zh_CN" if lang_id & 0x3FF == 0x04 else "en"  # LANG_CHINESE
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return _language_from_locale(value)
    with contextlib.suppress(ValueError):
        name = locale.getlocale()[0]
        if name:
            return _language_from_locale(name)
    return None


def _language_from_locale(name: str) -> str | None:
    base = name.split(".", maxsplit=1)[0].split("@", maxsplit=1)[0].strip().lower()
    if base in ("", "c", "posix"):
        return None  # no preference expressed (containers, services)
    return "zh_CN" if base.startswith(("zh", "chinese")) else "en"


def default_language() -> str:
    """Chinese unless the system clearly runs in another language."""
    return system_language() or "zh_CN"


@dataclass(frozen=True)
class Preferences:
    """Every preference with its type and default. Add new ones here only."""

    language: str = field(
        default_factory=default_language, metadata={"choices": SUPPORTED_LANGUAGES}
    )
    idle_lock_minutes: int = field(default=15, metadata={"min": 1, "max": 240})
    backup_keep_days: int = field(default=30, metadata={"min": 1, "max": 3650})
    backup_interval_hours: int = field(default=4, metadata={"min": 1, "max": 168})
    backup_folder: str = ""  # '' = paths.backup_dir()

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _field_types() -> dict[str, type]:
    # ``from __future__ import annotations`` makes f.type a string; map it back.
    return {
        f.name: {"str": str, "int": int, "bool": bool}[str(f.type)] for f in fields(Preferences)
    }


def validate(name: str, value: Any) -> Any:
    """``value`` checked for preference ``name``; raises ValueError naming the problem."""
    meta = {f.name: f.metadata for f in fields(Preferences)}
    if name not in meta:
        raise ValueError(f"unknown preference {name!r}")
    kind = _field_types()[name]
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValueError(f"preference {name!r} must be a whole number, not {value!r}")
    if kind is str and not isinstance(value, str):
        raise ValueError(f"preference {name!r} must be text, not {value!r}")
    rules = meta[name]
    if "choices" in rules and value not in rules["choices"]:
        raise ValueError(f"preference {name!r} must be one of {rules['choices']}, not {value!r}")
    if "min" in rules and value < rules["min"]:
        raise ValueError(f"preference {name!r} must be at least {rules['min']}, not {value}")
    if "max" in rules and value > rules["max"]:
        raise ValueError(f"preference {name!r} must be at most {rules['max']}, not {value}")
    return value


def preferences_path() -> Path:
    return paths.data_dir() / FILE_NAME


def from_json(data: Any) -> Preferences:
    """Preferences from parsed JSON; bad or unknown entries are dropped (logged)."""
    if not isinstance(data, dict):
        if data is not None:
            log.warning("preferences: expected a JSON object, got %s; using defaults", type(data))
        return Preferences()
    good: dict[str, Any] = {}
    for name, value in data.items():
        try:
            good[name] = validate(name, value)
        except ValueError as exc:
            log.warning("preferences: %s; using the default", exc)
    return Preferences(**good)


def load(path: Path | None = None) -> Preferences:
    """Saved preferences, defaults for anything missing or bad. Never raises for file content."""
    path = path or preferences_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Preferences()
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("preferences: cannot read %s (%s); using defaults", path, exc)
        return Preferences()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        log.warning("preferences: %s is not valid JSON (%s); using defaults", path, exc)
        return Preferences()
    return from_json(data)


def save(prefs: Preferences, path: Path | None = None) -> Path:
    """Write all preferences atomically (temp file + fsync + rename)."""
    for f in fields(Preferences):
        validate(f.name, getattr(prefs, f.name))
    path = path or preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(prefs.to_json(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=".preferences-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return path


def update(path: Path | None = None, **changes: Any) -> Preferences:
    """Load, change the named preferences (validated), save, and return the result."""
    for name, value in changes.items():
        validate(name, value)
    prefs = replace(load(path), **changes)
    save(prefs, path)
    return prefs

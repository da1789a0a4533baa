"""Where things live: bundled resources, the per-user data folder, logs.

Every path is injectable: tests and portable installs set ``H2DESK_DATA_DIR``
(or call :func:`set_data_dir`) so nothing touches the real user profile.
Resources resolve the same way from a source checkout, an installed wheel and
a PyInstaller bundle (never from the current directory).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "H2Desk"
APP_AUTHOR = "H2CreditDesk"
DB_FILE = "h2desk.sqlite3"
DEMO_DB_FILE = "h2desk-demo.sqlite3"

_data_dir_override: Path | None = None


def resources_dir() -> Path:
    """The ``resources/`` folder: bundle, installed package or source tree."""
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = []
    if bundle:
        candidates.append(Path(bundle) / "resources")
    here = Path(__file__).resolve()
    candidates.append(here.parents[1] / "_resources")  # installed wheel (force-include)
    candidates.append(here.parents[2] / "resources")  # source checkout / editable install
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "resources folder not found; looked in: " + ", ".join(map(str, candidates))
    )


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def set_data_dir(path: Path | None) -> None:
    """Point the per-user data folder elsewhere (tests, portable mode)."""
    global _data_dir_override
    _data_dir_override = None if path is None else Path(path)


def data_dir() -> Path:
    """Per-user data folder (``%LOCALAPPDATA%\\H2CreditDesk\\H2Desk`` on Windows)."""
    if _data_dir_override is not None:
        base = _data_dir_override
    elif os.environ.get("H2DESK_DATA_DIR"):
        base = Path(os.environ["H2DESK_DATA_DIR"])
    else:
        base = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def default_db_path() -> Path:
    return data_dir() / DB_FILE


def demo_db_path() -> Path:
    """The demo portfolio lives apart from real data."""
    return data_dir() / "demo" / DEMO_DB_FILE


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def font_path() -> Path:
    """The bundled Chinese TrueType font (WenQuanYi Micro Hei, Apache-2.0)."""
    return resource("fonts", "wqy-microhei.ttc")

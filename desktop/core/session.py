"""Who is working on which database: passed from the launcher to every screen."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlite_utils


@dataclass(frozen=True)
class CurrentUser:
    id: str
    username: str
    display_name: str
    role: str  # 'rm' | 'reviewer' | 'branch_head' | 'admin'


@dataclass
class Session:
    db: sqlite_utils.Database
    db_path: Path | None  # None for an in-memory database
    user: CurrentUser
    demo: bool = False

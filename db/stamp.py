"""Cheap change detection for caches and screens."""

from __future__ import annotations

import sqlite_utils


def change_stamp(db: sqlite_utils.Database) -> tuple[int, int]:
    """A value that changes whenever anyone commits to the database: another
    connection (``PRAGMA data_version``) or this one (``total_changes``)."""
    conn = db.conn
    return conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes

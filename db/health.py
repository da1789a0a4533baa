"""Read-only health check of a database file (``h2desk check``).

Nothing here writes to the database: the file is opened with ``mode=ro`` and
only ``PRAGMA integrity_check``, ``PRAGMA foreign_key_check`` and the schema
version are read. Every problem becomes a sentence in the report; nothing
raises for a missing, foreign or damaged file.
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from db import migrations
from db.connection import BUSY_TIMEOUT_MS, SQLITE_HEADER

# Tables without which a file is not one of our databases.
CORE_TABLES = ("users", "clients", "deals", "audit_log", "settings")

# Cap on the lines one check contributes, so a badly damaged file still gives
# a readable report.
MAX_LISTED = 100

UNKNOWN_VERSION = -1


@dataclass
class HealthReport:
    """Outcome of :func:`check_database`. ``schema_version`` is -1 when unreadable."""

    ok: bool
    problems: list[str] = field(default_factory=list)
    schema_version: int = UNKNOWN_VERSION
    latest_version: int = migrations.LATEST_VERSION


def readonly_uri(path: str | os.PathLike[str]) -> str:
    """``file:`` URI opening ``path`` read-only (works for POSIX and Windows paths)."""
    text = Path(path).resolve().as_posix()
    if not text.startswith("/"):
        text = "/" + text  # C:/x -> /C:/x
    return "file:" + urllib.parse.quote(text, safe="/:") + "?mode=ro"


def connect_readonly(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """A read-only connection; the database file itself is never written.

    For a WAL database SQLite may create the ``-shm`` index beside it.
    """
    conn = sqlite3.connect(
        readonly_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be an SQLite database at all, or None if it may be one."""
    if not path.exists():
        return f"{path}: file does not exist"
    if path.is_dir():
        return f"{path}: is a folder, not a database file"
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        return f"{path}: cannot be read ({exc.strerror or exc})"
    if not head:
        return f"{path}: empty file, not a database"
    if head != SQLITE_HEADER:
        return f"{path}: not an SQLite database (wrong file header)"
    return None


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
    if rows == ["ok"]:
        return []
    listed = [f"integrity check: {row}" for row in rows[:MAX_LISTED]]
    if len(rows) > MAX_LISTED:
        listed.append(f"integrity check: ... and {len(rows) - MAX_LISTED} more")
    return listed


def foreign_key_problems(conn: sqlite3.Connection) -> list[str]:
    """One line per row whose foreign key points at a missing parent."""
    rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    columns: dict[tuple[str, int], str] = {}
    listed = []
    for table, rowid, parent, fkid in rows[:MAX_LISTED]:
        key = (table, fkid)
        if key not in columns:
            fk_rows = conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()
            # columns: id, seq, table, from, to, on_update, on_delete, match
            names = [r[3] for r in fk_rows if r[0] == fkid]
            columns[key] = ", ".join(names) or "?"
        listed.append(
            f"foreign key: {table} row {rowid}: {columns[key]} refers to a missing {parent} row"
        )
    if len(rows) > MAX_LISTED:
        listed.append(f"foreign key: ... and {len(rows) - MAX_LISTED} more violations")
    return listed


def missing_core_tables(conn: sqlite3.Connection) -> list[str]:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [name for name in CORE_TABLES if name not in present]


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_database(path: str | os.PathLike[str]) -> HealthReport:
    """Integrity, foreign keys and schema version of the database at ``path``."""
    p = Path(path)
    latest = migrations.LATEST_VERSION
    report = HealthReport(ok=False, latest_version=latest)
    problem = file_problem(p)
    if problem:
        report.problems.append(problem)
        return report
    try:
        conn = connect_readonly(p)
    except sqlite3.Error as exc:
        report.problems.append(f"{p}: cannot be opened ({exc})")
        return report
    try:
        report.schema_version = schema_version(conn)
        report.problems.extend(integrity_problems(conn))
        report.problems.extend(foreign_key_problems(conn))
        version = report.schema_version
        if version > latest:
            report.problems.append(
                f"schema version {version} is newer than this release knows ({latest})"
            )
        elif version < latest:
            report.problems.append(
                f"schema version {version} is older than {latest}: needs migration"
            )
        if version >= 1:
            missing = missing_core_tables(conn)
            if missing:
                report.problems.append("missing tables: " + ", ".join(missing))
    except sqlite3.Error as exc:
        report.problems.append(f"{p}: damaged or unreadable ({exc})")
    finally:
        conn.close()
    report.ok = not report.problems
    return report

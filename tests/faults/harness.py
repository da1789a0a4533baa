"""Helpers shared by the fault harnesses: start the child writer, check a database."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from db.audit import verify_chain
from db.connection import open_database

WRITER = Path(__file__).with_name("writer.py")


def start_writer(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def committed_ids(stdout: str) -> list[str]:
    """Client ids the child printed after COMMIT (complete lines only)."""
    complete = stdout.split("\n")[:-1]  # the last piece may have been cut by the kill
    return [line for line in complete if len(line) == 36 and line.count("-") == 4]


@dataclass
class DatabaseState:
    clients: int
    problems: list[str]


def check_database(path: Path, must_contain: set[str]) -> DatabaseState:
    """Open like the app does and check everything the fault tests promise.

    Returns the problems found (empty = healthy): integrity, foreign keys,
    committed ids missing, half-written transactions, audit chain.
    """
    problems: list[str] = []
    db = open_database(path)  # raises if the file cannot be opened: a failure too
    try:
        conn = db.conn
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.append(f"integrity_check: {integrity[:5]}")
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"foreign_key_check: {fk[:5]}")
        present = {r[0] for r in conn.execute("SELECT id FROM clients")}
        missing = must_contain - present
        if missing:
            problems.append(f"{len(missing)} committed clients missing, e.g. {sorted(missing)[:3]}")
        no_contact = conn.execute(
            "SELECT count(*) FROM clients c WHERE NOT EXISTS"
            " (SELECT 1 FROM contacts k WHERE k.client_id = c.id)"
        ).fetchone()[0]
        no_audit = conn.execute(
            "SELECT count(*) FROM clients c WHERE NOT EXISTS"
            " (SELECT 1 FROM audit_log a WHERE a.entity = 'clients' AND a.entity_id = c.id)"
        ).fetchone()[0]
        orphan_audit = conn.execute(
            "SELECT count(*) FROM audit_log a WHERE a.action = 'client.create' AND NOT EXISTS"
            " (SELECT 1 FROM clients c WHERE c.id = a.entity_id)"
        ).fetchone()[0]
        if no_contact or no_audit or orphan_audit:
            problems.append(
                f"half-written transactions: {no_contact} clients without contact, "
                f"{no_audit} without audit entry, {orphan_audit} audit entries without client"
            )
        report = verify_chain(db)
        if not report.ok:
            problems.append(f"audit chain: {report.problem}")
        return DatabaseState(clients=len(present), problems=problems)
    finally:
        db.close()

"""Two copies of the app writing to the same database at the same time: nobody
sees "database is locked", both sets of changes are kept, and a conflicting
edit of the same record is detected by its version instead of overwriting."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from db.connection import open_database, write
from db.errors import ConflictError
from db.ids import new_id
from db.versioned import update_versioned
from tests.faults.harness import check_database, committed_ids, start_writer

SECONDS = 2.5
INCREMENTS = 150


def _result(stdout: str) -> dict:
    lines = [line for line in stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, stdout[-500:]
    return json.loads(lines[-1][len("RESULT ") :])


@pytest.mark.slow
def test_two_processes_write_at_once(db_path: Path, tmp_path: Path) -> None:
    open_database(db_path).close()  # both start from a migrated file
    start_at = time.time() + 1.0  # both children are up by then
    children = {
        tag: start_writer("timed", str(db_path), tag, str(SECONDS), str(start_at))
        for tag in ("A", "B")
    }
    # Drain both pipes at once: a full pipe would stall a writer (not a real overlap).
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {
            tag: pool.submit(child.communicate, timeout=60) for tag, child in children.items()
        }
        outputs = {tag: future.result() for tag, future in futures.items()}
    ids: dict[str, list[str]] = {}
    for tag, (out, err) in outputs.items():
        assert children[tag].returncode == 0, err[-2000:]
        assert "locked" not in err.lower() and "busy" not in err.lower(), err[-2000:]
        ids[tag] = committed_ids(out)
        assert _result(out)["committed"] == len(ids[tag])
        assert len(ids[tag]) >= 50, f"writer {tag} wrote only {len(ids[tag])}"
    state = check_database(db_path, set(ids["A"]) | set(ids["B"]))
    assert state.problems == []
    assert state.clients == len(ids["A"]) + len(ids["B"])
    db = open_database(db_path)
    try:
        per_tag = dict(
            db.conn.execute(
                "SELECT substr(name, 1, 1), count(*) FROM clients GROUP BY substr(name, 1, 1)"
            ).fetchall()
        )
        spans = {
            tag: db.conn.execute(
                "SELECT min(seq), max(seq) FROM audit_log WHERE substr(after, 1, 200) LIKE ?",
                (f'%"name": "{tag}-%',),
            ).fetchone()
            for tag in ("A", "B")
        }
    finally:
        db.close()
    assert per_tag == {"A": len(ids["A"]), "B": len(ids["B"])}
    # The writers really overlapped: their audit entries interleave.
    assert spans["A"][0] < spans["B"][1] and spans["B"][0] < spans["A"][1], spans
    figures = {"A": len(ids["A"]), "B": len(ids["B"])}
    (tmp_path / "two_writers.json").write_text(json.dumps(figures), encoding="utf-8")
    print("two writers:", figures)


@pytest.mark.slow
def test_concurrent_read_modify_write_loses_no_update(db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    client_id = new_id()
    with write(db):
        db.conn.execute(
            "INSERT INTO clients (id, name, firm_type, employees)"
            " VALUES (?, '共享客户', 'tech', 0)",
            (client_id,),
        )
    db.close()
    start_at = time.time() + 1.0
    children = [
        start_writer("increment", str(db_path), client_id, str(INCREMENTS), str(start_at))
        for _ in range(2)
    ]
    results = []
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err[-2000:]
        assert "locked" not in err.lower(), err[-2000:]
        results.append(_result(out))
    db = open_database(db_path)
    try:
        employees, version = db.conn.execute(
            "SELECT employees, version FROM clients WHERE id = ?", (client_id,)
        ).fetchone()
        updates = db.conn.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'client.update'"
        ).fetchone()[0]
    finally:
        db.close()
    assert employees == 2 * INCREMENTS  # every increment kept: none overwritten
    assert version == 1 + 2 * INCREMENTS
    assert updates == 2 * INCREMENTS
    conflicts = sum(r["conflicts"] for r in results)
    (tmp_path / "conflicts.json").write_text(json.dumps({"conflicts": conflicts}), "utf-8")
    print("read-modify-write conflicts detected:", conflicts)


def test_second_writer_is_told_first_edit_survives(db_path: Path) -> None:
    """Two app instances open the same client (version 1) and both save."""
    first, second = open_database(db_path), open_database(db_path)
    try:
        client_id = new_id()
        with write(first):
            first.conn.execute(
                "INSERT INTO clients (id, name, firm_type) VALUES (?, '氢能客户', 'tech')",
                (client_id,),
            )
        seen_first = first.conn.execute("SELECT version FROM clients").fetchone()[0]
        seen_second = second.conn.execute("SELECT version FROM clients").fetchone()[0]
        update_versioned(first, "clients", client_id, seen_first, {"notes": "first"}, "u1")
        with pytest.raises(ConflictError) as info:
            update_versioned(second, "clients", client_id, seen_second, {"notes": "second"}, "u2")
        assert info.value.code == "conflict"
        assert second.conn.execute("SELECT notes, version FROM clients").fetchone() == (
            "first",
            2,
        )
        # After reloading, the second writer's edit goes through.
        update_versioned(second, "clients", client_id, 2, {"notes": "second"}, "u2")
        assert first.conn.execute("SELECT notes FROM clients").fetchone()[0] == "second"
    finally:
        first.close()
        second.close()

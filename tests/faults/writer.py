"""Child process for the fault harnesses: writes business transactions through
the application's own data layer (``open_database`` + ``write`` + ``audit``).

Usage (run as a script; the repository root is put on ``sys.path``)::

    python tests/faults/writer.py loop DB            # forever; prints each committed id
    python tests/faults/writer.py timed DB TAG SECONDS START_AT
    python tests/faults/writer.py increment DB CLIENT_ID SUCCESSES START_AT
    python tests/faults/writer.py fsize DB EXTRA_BYTES

Every committed transaction is printed (``<client id>``) only *after* COMMIT
returned, and flushed, so the parent knows exactly which ones must survive.
Summaries are one JSON line prefixed ``RESULT``. ``START_AT`` is a
``time.time()`` value both writers of a pair wait for, so they really overlap.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

if __name__ == "__main__":
    # sqlite-utils imports pandas/numpy when present (1.3 s); this child needs
    # neither, and the kill test starts it dozens of times.
    sys.modules.setdefault("pandas", None)  # type: ignore[arg-type]
    sys.modules.setdefault("numpy", None)  # type: ignore[arg-type]
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db import audit
from db.connection import open_database, write
from db.errors import ConflictError, classify_sqlite_error
from db.ids import new_id
from db.versioned import update_versioned

WRITER_USER = "fault-writer"


def one_transaction(db, tag: str, rng: random.Random, notes: str = "") -> str:
    """Insert a client, its contact and the audit entry in one transaction."""
    client_id, contact_id = new_id(), new_id()
    mobile = "1" + "".join(rng.choice("0123456789") for _ in range(10))
    with write(db):
        db.conn.execute(
            "INSERT INTO clients (id, name, firm_type, notes, updated_by)"
            " VALUES (?, ?, 'tech', ?, ?)",
            (client_id, f"{tag}-{client_id[:8]}", notes, WRITER_USER),
        )
        db.conn.execute(
            "INSERT INTO contacts (id, client_id, name, mobile, updated_by) VALUES (?, ?, ?, ?, ?)",
            (contact_id, client_id, f"联系人-{tag}", mobile, WRITER_USER),
        )
        audit.record(
            db,
            user_id=WRITER_USER,
            action="client.create",
            entity="clients",
            entity_id=client_id,
            after={"name": f"{tag}-{client_id[:8]}", "contact": contact_id, "mobile": mobile},
        )
    return client_id


def _wait(start_at: float) -> None:
    delay = start_at - time.time()
    if delay > 0:
        time.sleep(delay)


def _result(**values: object) -> None:
    print("RESULT " + json.dumps(values), flush=True)


def run_loop(path: str) -> None:
    db = open_database(path)
    print("ready", flush=True)
    rng = random.Random()
    while True:
        print(one_transaction(db, "kill", rng), flush=True)


def run_timed(path: str, tag: str, seconds: float, start_at: float) -> None:
    db = open_database(path)
    rng = random.Random()
    _wait(start_at)
    ids = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ids.append(one_transaction(db, tag, rng))
        print(ids[-1], flush=True)
    db.close()
    _result(tag=tag, committed=len(ids))


def run_increment(path: str, client_id: str, successes: int, start_at: float) -> None:
    """Read-modify-write the same record; count conflicts; never lose an increment."""
    db = open_database(path)
    _wait(start_at)
    done = conflicts = 0
    while done < successes:
        version, employees = db.conn.execute(
            "SELECT version, employees FROM clients WHERE id = ?", (client_id,)
        ).fetchone()
        try:
            update_versioned(
                db, "clients", client_id, version, {"employees": employees + 1}, WRITER_USER
            )
        except ConflictError:
            conflicts += 1
            continue
        done += 1
    db.close()
    _result(successes=done, conflicts=conflicts)


def run_fsize(path: str, extra_bytes: int) -> None:
    """Write until the operating system refuses to let any file grow past its
    current size + ``extra_bytes`` (RLIMIT_FSIZE: a full disk as the kernel
    reports it to SQLite, independent of user rights)."""
    import resource  # noqa: PLC0415 - POSIX only
    import signal  # noqa: PLC0415

    db = open_database(path)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
    sizes = [os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p)]
    limit = max(sizes) + extra_bytes
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    rng = random.Random(7)
    committed = 0
    notes = "氢" * 4000  # ~12 KB per client row
    try:
        for _ in range(10_000):
            print(one_transaction(db, "fsize", rng, notes), flush=True)
            committed += 1
    except Exception as exc:  # report whatever the failure is
        mapped = classify_sqlite_error(exc.__cause__ or exc) or classify_sqlite_error(exc)
        _result(
            committed=committed,
            error=type(exc).__name__,
            code=getattr(exc, "code", None) or (mapped.code if mapped else None),
            message=str(exc),
            in_transaction=db.conn.in_transaction,
        )
        return
    _result(committed=committed, error=None, code=None, message="", in_transaction=False)


def main(argv: list[str]) -> int:
    mode, path, *rest = argv
    if mode == "loop":
        run_loop(path)
    elif mode == "timed":
        run_timed(path, rest[0], float(rest[1]), float(rest[2]))
    elif mode == "increment":
        run_increment(path, rest[0], int(rest[1]), float(rest[2]))
    elif mode == "fsize":
        run_fsize(path, int(rest[0]))
    else:
        print(f"unknown mode {mode!r}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

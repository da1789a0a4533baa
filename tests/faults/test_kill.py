"""Kill test: a child writes business transactions in a loop and is killed with
SIGKILL at random moments; after every kill the database opens, is intact, and
holds every transaction the child reported as committed, none half-written.

POSIX (CI runs Linux). The figures go to ``kill_test.json`` in the test's tmp
folder and to stdout (``-s``); the seed is printed to replay a failure.
SIGKILL loses nothing the kernel already has; a power cut additionally relies
on ``synchronous=FULL`` fsyncs, which a test cannot pull the plug on."""

from __future__ import annotations

import json
import random
import select
import signal
import time
from pathlib import Path

import pytest

from tests.faults.harness import check_database, committed_ids, start_writer

KILLS = 55
EARLY_KILL_SHARE = 0.15  # some kills land during start-up, open and WAL recovery
DELAY_MS = (20, 150)
READY_TIMEOUT_S = 20.0


def _kill_once(db_path: Path, rng: random.Random) -> tuple[list[str], str]:
    """Start the writer, kill it at a random moment; return (ids reported, phase)."""
    child = start_writer("loop", str(db_path))
    assert child.stdout is not None
    phase = "start-up"
    early = rng.random() < EARLY_KILL_SHARE
    if early:
        time.sleep(rng.uniform(0.0, 0.25))
    else:
        ready, _, _ = select.select([child.stdout], [], [], READY_TIMEOUT_S)
        assert ready, "writer did not start"
        first = child.stdout.readline()
        assert first.strip() == "ready", first + (child.stderr.read() if child.stderr else "")
        time.sleep(rng.uniform(*DELAY_MS) / 1000)
        phase = "writing"
    child.kill()  # SIGKILL on POSIX: no handler, no flush, no cleanup
    out, err = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, f"writer ended on its own: {err[-2000:]}"
    return committed_ids(out), phase


@pytest.mark.slow
def test_kill_at_random_moments(db_path: Path, tmp_path: Path) -> None:
    seed = int(time.time())
    rng = random.Random(seed)
    reported: set[str] = set()
    kills = during_writes = 0
    problems: list[str] = []
    state = None
    started = time.monotonic()
    for round_no in range(KILLS):
        ids, phase = _kill_once(db_path, rng)
        kills += 1
        during_writes += phase == "writing" and bool(ids)
        reported.update(ids)
        if not db_path.exists():  # killed before the file was even created
            continue
        state = check_database(db_path, reported)
        if state.problems:
            problems.append(f"after kill {round_no + 1} ({phase}): {state.problems}")
            break
    summary = {
        "seed": seed,
        "kills": kills,
        "kills_while_writing": during_writes,
        "transactions_reported_committed": len(reported),
        "transactions_checked": state.clients if state else 0,
        "lost_or_half_written": problems,
        "seconds": round(time.monotonic() - started, 1),
    }
    (tmp_path / "kill_test.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print("kill test:", json.dumps(summary))
    assert not problems, summary
    assert kills >= 50
    assert during_writes >= 25, summary  # most kills interrupted a writing child
    assert len(reported) >= 100, summary
    assert state is not None and state.clients >= len(reported)

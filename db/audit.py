"""The audit trail: one append-only, hash-chained row per change of business data.

Callers write the entry inside the same transaction as the change itself
(``with write(db): ...; audit.record(db, ...)``), so a change without its audit
entry, or an entry without its change, cannot be committed.

Tamper evidence
---------------
Each entry stores ``prev_hash`` (the ``hash`` of the entry before it; the first
entry uses :data:`GENESIS_HASH`) and its own ``hash``::

    hash = SHA-256( UTF-8( JSON array [prev_hash, id, at, user_id, action,
                                       entity, entity_id, before, after, reason] ) )

where the JSON is ``json.dumps(..., ensure_ascii=False, separators=(",", ":"))``
and ``before``/``after`` are the stored JSON *texts* (or null). Triggers refuse
UPDATE and DELETE, and (migration 3) an INSERT whose ``prev_hash`` is not the
current last hash, so two writers can never fork the chain.
:func:`verify_chain` recomputes everything and names the first broken entry:
an edited row, a deleted row (in the middle: the next row's link breaks; at the
end: ``sqlite_sequence`` still remembers it), inserted or reordered rows.

Limit: someone who edits the file *and* recomputes every later hash with this
published algorithm is not detectable from the file alone. Keep an external
anchor (``chain_head()`` printed on a report or stored with a backup) and pass
it to ``verify_chain(..., anchor=...)`` to catch that as well.

Personal data
-------------
``before``/``after`` values are passed through :func:`mask_personal` unless the
caller says ``mask=False``: mobile numbers keep the first 3 and last 4 digits,
ID numbers the first 6 and last 4 characters, e-mail addresses the first
character and the domain.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from db.ids import new_id, now_iso

GENESIS_HASH = "0" * 64

_HASHED_COLUMNS = (
    "id",
    "at",
    "user_id",
    "action",
    "entity",
    "entity_id",
    "before",
    "after",
    "reason",
)


# --------------------------------------------------------------------------- masking


def _keep(value: str, head: int, tail: int) -> str:
    if len(value) <= head + tail:
        return "*" * len(value)
    return value[:head] + "*" * (len(value) - head - tail) + value[len(value) - tail :]


def mask_mobile(value: str) -> str:
    """``13812345678`` -> ``138****5678`` (first 3 and last 4 kept)."""
    return _keep(value, 3, 4)


def mask_id_number(value: str) -> str:
    """``110101199003074578`` -> ``110101********4578`` (first 6 and last 4 kept)."""
    return _keep(value, 6, 4)


def mask_email(value: str) -> str:
    """``zhang.san@example.cn`` -> ``z********@example.cn``."""
    local, at, domain = value.partition("@")
    if not at:
        return _keep(value, 1, 0)
    return _keep(local, 1, 0) + "@" + domain


# Keys whose values are personal information, and how each is masked.
PERSONAL_KEYS: dict[str, Callable[[str], str]] = {
    "mobile": mask_mobile,
    "phone": mask_mobile,
    "id_number": mask_id_number,
    "resident_id": mask_id_number,
    "email": mask_email,
}


def mask_personal(record: Any) -> Any:
    """A copy of ``record`` with personal values masked, at any nesting depth.

    Dicts are walked key by key (keys in :data:`PERSONAL_KEYS` with a text
    value are masked), lists and tuples element by element; anything else is
    returned unchanged. The input is never modified.
    """
    if isinstance(record, dict):
        out = {}
        for key, value in record.items():
            masker = PERSONAL_KEYS.get(key) if isinstance(key, str) else None
            if masker is not None and isinstance(value, str) and value:
                out[key] = masker(value)
            else:
                out[key] = mask_personal(value)
        return out
    if isinstance(record, list | tuple):
        return [mask_personal(v) for v in record]
    return record


# --------------------------------------------------------------------------- writing


def _dump(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def entry_hash(prev_hash: str | None, *fields: Any) -> str:
    """SHA-256 (hex) of one entry: ``prev_hash`` then the columns in
    :data:`_HASHED_COLUMNS` order, as stored (before/after as JSON text)."""
    if len(fields) != len(_HASHED_COLUMNS):
        raise TypeError(f"entry_hash needs {len(_HASHED_COLUMNS)} fields, got {len(fields)}")
    payload = json.dumps([prev_hash, *fields], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def last_hash(db: sqlite_utils.Database) -> str:
    """The hash the next entry must chain to (:data:`GENESIS_HASH` when empty)."""
    row = db.conn.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return GENESIS_HASH if row is None or row[0] is None else row[0]


def record(
    db: sqlite_utils.Database,
    *,
    user_id: str,
    action: str,
    entity: str = "",
    entity_id: str | None = None,
    before: Any = None,
    after: Any = None,
    reason: str = "",
    mask: bool = True,
) -> str:
    """Append one audit entry and return its id. Must run inside the write
    transaction of the change (``with write(db):``), which also serialises the
    read of the previous hash between concurrent writers."""
    if not db.conn.in_transaction:
        raise RuntimeError("audit.record must run inside the transaction of the change")
    if mask:
        before = mask_personal(before)
        after = mask_personal(after)
    entry_id = new_id()
    fields = (
        entry_id,
        now_iso(),
        user_id,
        action,
        entity,
        entity_id,
        _dump(before),
        _dump(after),
        reason,
    )
    prev = last_hash(db)
    db.conn.execute(
        "INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, before, after,"
        " reason, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*fields, prev, entry_hash(prev, *fields)),
    )
    return entry_id


# --------------------------------------------------------------------------- verifying


@dataclass(frozen=True)
class ChainReport:
    """Outcome of :func:`verify_chain`.

    ``kind`` is a stable code for the UI/CLI: ``""`` (ok), ``edited`` (an
    entry's content no longer matches its hash), ``linked`` (an entry does not
    chain to the one before it: entries deleted, inserted or reordered before
    it), ``gap`` (sequence numbers missing), ``truncated`` (entries at the end
    deleted), ``unhashed`` (an entry without a hash), ``anchor`` (differs from
    an external anchor), ``unreadable`` (the file or table cannot be read).
    ``problem`` is an English sentence for logs.
    """

    ok: bool
    entries_checked: int
    first_broken_seq: int | None = None
    problem: str = ""
    kind: str = ""
    last_seq: int | None = None
    head_hash: str | None = None


def _source_connection(source: Any) -> tuple[sqlite3.Connection, bool]:
    if isinstance(source, sqlite_utils.Database):
        return source.conn, False
    if isinstance(source, sqlite3.Connection):
        return source, False
    from db.health import connect_readonly  # noqa: PLC0415 - avoids an import cycle

    return connect_readonly(os.fspath(source)), True


def chain_head(db: sqlite_utils.Database) -> tuple[int, str] | None:
    """``(seq, hash)`` of the newest entry, to keep as an external anchor."""
    row = db.conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return None if row is None else (row[0], row[1])


def verify_chain(
    source: sqlite_utils.Database | sqlite3.Connection | str | os.PathLike[str],
    *,
    anchor: tuple[int, str] | None = None,
) -> ChainReport:
    """Recompute the whole chain and report the first broken entry.

    ``source`` is an open database, a connection, or a file path (opened
    read-only; nothing is written). Never raises for a damaged or foreign file:
    that is reported as ``kind='unreadable'``.
    """
    if not isinstance(source, sqlite_utils.Database | sqlite3.Connection):
        from db.health import file_problem  # noqa: PLC0415 - avoids an import cycle

        problem = file_problem(Path(source))
        if problem:
            return ChainReport(False, 0, problem=problem, kind="unreadable")
    try:
        conn, own = _source_connection(source)
    except sqlite3.Error as exc:
        return ChainReport(False, 0, problem=f"cannot open: {exc}", kind="unreadable")
    try:
        return _verify(conn, anchor)
    except sqlite3.Error as exc:
        return ChainReport(False, 0, problem=f"cannot read the audit log: {exc}", kind="unreadable")
    finally:
        if own:
            conn.close()


def _verify(conn: sqlite3.Connection, anchor: tuple[int, str] | None) -> ChainReport:
    # Read the sequence counter first: entries committed after it can only make
    # the table longer, never look like a truncation.
    seq_row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
    highest_issued = seq_row[0] if seq_row else 0
    cursor = conn.execute(
        "SELECT seq, prev_hash, hash, " + ", ".join(_HASHED_COLUMNS) + " FROM audit_log"
        " ORDER BY seq"
    )
    expected_prev = GENESIS_HASH
    previous_seq = 0
    checked = 0
    anchor_seen = False

    def broken(seq: int, kind: str, problem: str) -> ChainReport:
        return ChainReport(
            False,
            checked,
            first_broken_seq=seq,
            problem=problem,
            kind=kind,
            last_seq=previous_seq or None,
        )

    for seq, prev_hash, stored, *fields in cursor:
        checked += 1
        if stored is None:
            return broken(seq, "unhashed", f"audit entry {seq} has no hash")
        if entry_hash(prev_hash, *fields) != stored:
            return broken(seq, "edited", f"audit entry {seq} was changed after it was written")
        if prev_hash != expected_prev:
            return broken(
                seq,
                "linked",
                f"audit entry {seq} does not follow the entry before it "
                "(entries deleted, inserted or reordered)",
            )
        if seq != previous_seq + 1:
            return broken(
                seq,
                "gap",
                f"audit entries {previous_seq + 1}..{seq - 1} are missing",
            )
        if anchor is not None and seq == anchor[0]:
            anchor_seen = True
            if stored != anchor[1]:
                return broken(seq, "anchor", f"audit entry {seq} differs from the saved anchor")
        expected_prev = stored
        previous_seq = seq
    if highest_issued > previous_seq:
        return ChainReport(
            False,
            checked,
            first_broken_seq=previous_seq + 1,
            problem=f"audit entries {previous_seq + 1}..{highest_issued} were deleted from the end",
            kind="truncated",
            last_seq=previous_seq or None,
        )
    if anchor is not None and not anchor_seen:
        return ChainReport(
            False,
            checked,
            first_broken_seq=anchor[0],
            problem=f"audit entry {anchor[0]} of the saved anchor is missing",
            kind="anchor",
            last_seq=previous_seq or None,
        )
    return ChainReport(
        True,
        checked,
        last_seq=previous_seq or None,
        head_hash=expected_prev if checked else None,
    )


def rehash_all(conn: sqlite3.Connection) -> int:
    """(Migration helper.) Give every entry ``prev_hash``/``hash`` in ``seq``
    order. The caller must have dropped the no-update trigger and hold the
    write transaction. Returns the number of entries."""
    rows = conn.execute(
        "SELECT seq, " + ", ".join(_HASHED_COLUMNS) + " FROM audit_log ORDER BY seq"
    ).fetchall()
    prev = GENESIS_HASH
    for seq, *fields in rows:
        digest = entry_hash(prev, *fields)
        conn.execute(
            "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq)
        )
        prev = digest
    return len(rows)


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class AuditFilter:
    """Filters of the audit viewer; every field is optional (None = any).

    ``action`` matches exactly, or as a prefix when it ends with ``.``
    (``'client.'`` = every client action). ``since``/``until`` are inclusive;
    a :class:`date` means that whole local calendar day, a :class:`datetime`
    without a time zone is local time.
    """

    user_id: str | None = None
    action: str | None = None
    entity: str | None = None
    entity_id: str | None = None
    since: date | datetime | None = None
    until: date | datetime | None = None


def _utc_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.astimezone()  # naive = local time
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _where(flt: AuditFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if flt.user_id:
        clauses.append("user_id = ?")
        params.append(flt.user_id)
    if flt.action:
        if flt.action.endswith("."):
            clauses.append("substr(action, 1, ?) = ?")
            params += [len(flt.action), flt.action]
        else:
            clauses.append("action = ?")
            params.append(flt.action)
    if flt.entity:
        clauses.append("entity = ?")
        params.append(flt.entity)
    if flt.entity_id:
        clauses.append("entity_id = ?")
        params.append(flt.entity_id)
    if flt.since is not None:
        since = flt.since
        if not isinstance(since, datetime):
            since = datetime.combine(since, time.min)
        clauses.append("at >= ?")
        params.append(_utc_text(since))
    if flt.until is not None:
        until = flt.until
        if isinstance(until, datetime):
            clauses.append("at <= ?")
            params.append(_utc_text(until))
        else:
            clauses.append("at < ?")
            params.append(_utc_text(datetime.combine(until + timedelta(days=1), time.min)))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _parse(row: dict) -> dict:
    for key in ("before", "after"):
        if row.get(key) is not None:
            row[key] = json.loads(row[key])
    return row


def list_entries(
    db: sqlite_utils.Database,
    flt: AuditFilter | None = None,
    *,
    limit: int = 500,
    offset: int = 0,
    newest_first: bool = True,
) -> list[dict]:
    """Audit entries matching ``flt`` (before/after parsed from JSON)."""
    where, params = _where(flt or AuditFilter())
    order = "DESC" if newest_first else "ASC"
    sql = (
        "SELECT seq, id, at, user_id, action, entity, entity_id, before, after, reason, hash"
        f" FROM audit_log{where} ORDER BY seq {order} LIMIT ? OFFSET ?"
    )
    return [_parse(row) for row in db.query(sql, [*params, int(limit), int(offset)])]


def count_entries(db: sqlite_utils.Database, flt: AuditFilter | None = None) -> int:
    where, params = _where(flt or AuditFilter())
    return db.conn.execute(f"SELECT count(*) FROM audit_log{where}", params).fetchone()[0]


def iter_entries(
    db: sqlite_utils.Database, flt: AuditFilter | None = None, *, batch: int = 1000
) -> Iterable[dict]:
    """All matching entries, oldest first, read in batches (for export)."""
    where, params = _where(flt or AuditFilter())
    last = 0
    while True:
        extra = " AND seq > ?" if where else " WHERE seq > ?"
        rows = list(
            db.query(
                "SELECT seq, id, at, user_id, action, entity, entity_id, before, after, reason"
                f" FROM audit_log{where}{extra} ORDER BY seq LIMIT ?",
                [*params, last, batch],
            )
        )
        if not rows:
            return
        for row in rows:
            yield _parse(row)
        last = rows[-1]["seq"]

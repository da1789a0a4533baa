"""Audit trail services for the UI and CLI, and user-facing data-safety messages.

* :func:`verify` / :func:`chain_report_text` back ``h2desk audit verify --db PATH``
  (exit 0 and "ok" on an intact chain, non-zero naming the first broken entry).
* :func:`read_entries`, :func:`count`, :func:`export_csv` back the audit viewer
  (permission ``audit.read``; an export is itself audited ``audit.export``).
* :func:`database_error_message` turns a :class:`db.errors.DatabaseError`
  (conflict, disk full, read-only, missing file...) into a translated sentence.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import sqlite_utils

from db import audit
from db.audit import AuditFilter, ChainReport
from db.connection import write
from db.errors import DatabaseError
from desktop.core.i18n import translate
from desktop.core.security import require
from desktop.core.session import CurrentUser

EXPORT_COLUMNS = (
    "seq",
    "at",
    "user_id",
    "action",
    "entity",
    "entity_id",
    "before",
    "after",
    "reason",
)


def verify(
    source: sqlite_utils.Database | str | os.PathLike[str],
    *,
    anchor: tuple[int, str] | None = None,
) -> ChainReport:
    """Verify the audit chain of an open database or a database file (read-only)."""
    return audit.verify_chain(source, anchor=anchor)


def chain_report_text(report: ChainReport) -> str:
    """One translated sentence for a :class:`ChainReport` (CLI and UI)."""
    if report.ok:
        return translate("Security", "ok: the audit trail is intact ({n} entries checked).").format(
            n=report.entries_checked
        )
    seq = report.first_broken_seq
    texts = {
        "edited": translate("Security", "Audit entry {seq} was changed after it was written."),
        "linked": translate(
            "Security",
            "Audit entry {seq} does not follow the entry before it: entries were deleted, "
            "inserted or reordered.",
        ),
        "gap": translate("Security", "Audit entries before entry {seq} are missing."),
        "truncated": translate(
            "Security", "Audit entries from entry {seq} on were deleted from the end."
        ),
        "unhashed": translate("Security", "Audit entry {seq} has no hash."),
        "anchor": translate("Security", "Audit entry {seq} differs from the saved checkpoint."),
    }
    if report.kind in texts and seq is not None:
        head = translate("Security", "The audit trail has been tampered with.")
        return head + " " + texts[report.kind].format(seq=seq)
    return translate("Security", "The audit trail cannot be read: {problem}").format(
        problem=report.problem
    )


def read_entries(
    db: sqlite_utils.Database,
    user: CurrentUser,
    flt: AuditFilter | None = None,
    *,
    limit: int = 500,
    offset: int = 0,
) -> list[dict]:
    """Entries for the audit viewer, newest first (permission ``audit.read``)."""
    require(user, "audit.read")
    return audit.list_entries(db, flt, limit=limit, offset=offset)


def count(db: sqlite_utils.Database, user: CurrentUser, flt: AuditFilter | None = None) -> int:
    require(user, "audit.read")
    return audit.count_entries(db, flt)


def export_csv(
    db: sqlite_utils.Database,
    user: CurrentUser,
    path: str | os.PathLike[str],
    flt: AuditFilter | None = None,
) -> int:
    """Write the matching entries (oldest first) to a UTF-8 CSV Excel opens
    correctly; returns the number of rows. Personal data in the entries is
    already masked. Audited ``audit.export``. The file is written to a
    temporary name and renamed, so a failure never leaves half a file."""
    require(user, "audit.read")
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    rows = 0
    try:
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(EXPORT_COLUMNS)
            for entry in audit.iter_entries(db, flt):
                writer.writerow(
                    [
                        json.dumps(entry[c], ensure_ascii=False, sort_keys=True)
                        if c in ("before", "after") and entry[c] is not None
                        else ("" if entry[c] is None else entry[c])
                        for c in EXPORT_COLUMNS
                    ]
                )
                rows += 1
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    f = flt or AuditFilter()
    with write(db):
        audit.record(
            db,
            user_id=user.id,
            action="audit.export",
            entity="audit_log",
            after={
                "rows": rows,
                "file": target.name,
                "filter": {
                    "user_id": f.user_id,
                    "action": f.action,
                    "entity": f.entity,
                    "entity_id": f.entity_id,
                    "since": str(f.since) if f.since else None,
                    "until": str(f.until) if f.until else None,
                },
            },
        )
    return rows


def database_error_message(exc: DatabaseError) -> str:
    """A translated sentence for a data-layer error, by its ``code``."""
    texts = {
        "conflict": translate(
            "Security",
            "Someone else changed this record after you opened it. Reload it to see their "
            "changes, then make your edit again.",
        ),
        "disk_full": translate(
            "Security",
            "The disk is full. Nothing of this change was saved; earlier changes are safe. "
            "Free some space and try again.",
        ),
        "read_only": translate(
            "Security",
            "The database file or its folder is read-only. Nothing of this change was saved. "
            "Check the file's permissions or copy it to a folder you can write to.",
        ),
        "missing": translate(
            "Security",
            "The database file was moved or deleted while the program was open. Nothing "
            "more can be saved to it. Put the file back, or save a rescue copy, then restart.",
        ),
        "busy": translate(
            "Security",
            "Another copy of the program kept the database busy for too long. Nothing of "
            "this change was saved; try again.",
        ),
        "io": translate(
            "Security",
            "The disk reported an error while saving. Nothing of this change was saved; "
            "earlier changes are safe. Check the disk and try again.",
        ),
        "corrupt": translate(
            "Security", "The database file is damaged. Restore it from the newest good backup."
        ),
    }
    return texts.get(
        exc.code, translate("Security", "The database reported an error: {detail}")
    ).format(detail=exc.detail or str(exc))

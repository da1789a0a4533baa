"""Errors the data layer raises for conditions the user must be told about.

Each carries a message in plain English for logs plus a ``code`` that the
user interface maps to a translated sentence; ``detail`` holds the specifics
(path, versions) to show beside it.
"""

from __future__ import annotations


class DatabaseError(Exception):
    """Base class: an environment problem with the database, not a bug."""

    code = "database"

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail


class NotADatabaseError(DatabaseError):
    code = "not_a_database"


class CorruptDatabaseError(DatabaseError):
    code = "corrupt"


class NewerSchemaError(DatabaseError):
    code = "newer_schema"


class NetworkPathError(DatabaseError):
    code = "network_path"


class BackupError(DatabaseError):
    code = "backup"


class ConflictError(DatabaseError):
    """A record was changed by someone else since it was read (optimistic lock)."""

    code = "conflict"


class DiskFullError(DatabaseError):
    """The disk (or the database's size limit) is full; the transaction was rolled back."""

    code = "disk_full"


class ReadOnlyDatabaseError(DatabaseError):
    """The database file or its folder cannot be written."""

    code = "read_only"


class MissingDatabaseError(DatabaseError):
    """The database file was moved or deleted while the application had it open."""

    code = "missing"


class DatabaseBusyError(DatabaseError):
    """Another program held the write lock longer than the busy timeout."""

    code = "busy"


class DatabaseIOError(DatabaseError):
    """The operating system reported a read or write error on the database file."""

    code = "io"


# SQLite primary result codes (the low byte of the extended code).
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26
_SQLITE_READONLY_DBMOVED = 1032  # SQLITE_READONLY | (4 << 8): file unlinked or renamed

ENVIRONMENT_CODES = frozenset(
    {"disk_full", "read_only", "missing", "busy", "io", "corrupt", "not_a_database"}
)


def classify_sqlite_error(exc: BaseException, *, detail: str = "") -> DatabaseError | None:
    """Map an :class:`sqlite3.Error` caused by the environment to a :class:`DatabaseError`.

    Codes: ``disk_full`` (SQLITE_FULL), ``read_only`` (SQLITE_READONLY, e.g. a
    ``mode=ro`` connection, ``PRAGMA query_only``, a read-only file or folder),
    ``missing`` (SQLITE_READONLY_DBMOVED: the file was deleted or renamed under
    a live connection; SQLITE_CANTOPEN), ``busy`` (SQLITE_BUSY/LOCKED after the
    busy timeout), ``io`` (SQLITE_IOERR), ``corrupt`` / ``not_a_database``.
    Returns None for errors that are not about the environment (constraint
    violations, SQL mistakes): those are bugs or validation problems and keep
    their own type. The original exception is kept as ``__cause__``.
    """
    import sqlite3  # noqa: PLC0415 - keep this module import-light

    if isinstance(exc, DatabaseError):
        return exc
    if not isinstance(exc, sqlite3.Error):
        return None
    extended = getattr(exc, "sqlite_errorcode", None)
    message = str(exc)
    lowered = message.lower()
    if extended is None:  # very old sqlite3 module: fall back to the message text
        if "disk is full" in lowered or "database or disk is full" in lowered:
            extended = _SQLITE_FULL
        elif "readonly database" in lowered:
            extended = _SQLITE_READONLY
        elif "locked" in lowered:
            extended = _SQLITE_BUSY
        elif "disk i/o error" in lowered:
            extended = _SQLITE_IOERR
        elif "malformed" in lowered:
            extended = _SQLITE_CORRUPT
        elif "unable to open" in lowered:
            extended = _SQLITE_CANTOPEN
        else:
            return None
    primary = extended & 0xFF
    cls: type[DatabaseError] | None
    if extended == _SQLITE_READONLY_DBMOVED:
        cls = MissingDatabaseError
    else:
        cls = {
            _SQLITE_FULL: DiskFullError,
            _SQLITE_READONLY: ReadOnlyDatabaseError,
            _SQLITE_CANTOPEN: MissingDatabaseError,
            _SQLITE_BUSY: DatabaseBusyError,
            _SQLITE_LOCKED: DatabaseBusyError,
            _SQLITE_IOERR: DatabaseIOError,
            _SQLITE_CORRUPT: CorruptDatabaseError,
            _SQLITE_NOTADB: NotADatabaseError,
        }.get(primary)
    if cls is None:
        return None
    name = getattr(exc, "sqlite_errorname", "") or ""
    mapped = cls(f"{message} ({name})" if name else message, detail=detail or name)
    mapped.__cause__ = exc
    return mapped

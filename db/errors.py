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

"""Client attachments: files copied into the application's data folder with
their SHA-256 recorded (no Qt).

A file is stored as ``<data dir>/attachments/<client id>/<sha256[:16]>-<safe name>``;
the row keeps that path *relative to the data folder* (so the folder can
move), the original file name, the size and the full SHA-256.
:func:`verify_attachment` recomputes the hash to detect a changed or missing
file. Deleting is soft: the row is marked deleted, the file stays (an audit
may still need it).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import unicodedata
from pathlib import Path, PurePosixPath

import sqlite_utils

from db import clients as repo
from db.versioned import soft_delete
from desktop.core import paths, security
from desktop.core.clients import NotFoundError
from desktop.core.i18n import translate
from desktop.core.session import CurrentUser

ATTACHMENTS_FOLDER = "attachments"
MAX_ATTACHMENT_BYTES = 512 * 1024 * 1024
MAX_NAME_CHARS = 80
_CHUNK = 1024 * 1024
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)


class AttachmentError(ValueError):
    """The file cannot be attached or found; ``message`` is translated."""

    def __init__(self, message: str, *, reason: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason


def safe_name(name: str) -> str:
    """A file name safe on Windows, macOS and Linux: letters (any script),
    digits, ``. _ -`` kept, everything else ``_``; at most 80 characters,
    extension kept."""
    name = unicodedata.normalize("NFC", name).strip()
    cleaned = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in name)
    cleaned = cleaned.strip(". ") or "file"
    if _WINDOWS_RESERVED.match(cleaned):
        cleaned = "_" + cleaned
    if len(cleaned) > MAX_NAME_CHARS:
        stem, dot, ext = cleaned.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            cleaned = stem[: MAX_NAME_CHARS - len(ext) - 1] + "." + ext
        else:
            cleaned = cleaned[:MAX_NAME_CHARS]
    return cleaned


def _hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def add_attachment(
    db: sqlite_utils.Database,
    user: CurrentUser,
    client_id: str,
    source_path: str | os.PathLike[str],
    description: str = "",
) -> dict:
    """Copy ``source_path`` into the data folder and record it (audited
    ``attachment.create``). Raises :class:`AttachmentError` for a missing,
    unreadable, empty-named or too large file; nothing is recorded then."""
    exists, owner = repo.client_owner(db, client_id)
    if not exists:
        raise NotFoundError(translate("Clients", "This client no longer exists."))
    security.require(user, "client.edit_own", owner_id=owner)
    source = Path(source_path)
    if not source.is_file():
        raise AttachmentError(
            translate("Clients", "The file {path} does not exist or is not a file.").format(
                path=source
            ),
            reason="missing",
        )
    if len(description) > 1000:
        raise AttachmentError(
            translate("Clients", "The description is too long (at most 1000 characters)."),
            reason="description",
        )
    folder = paths.data_dir() / ATTACHMENTS_FOLDER / client_id
    temp = folder / f".incoming-{os.getpid()}-{id(source)}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        with source.open("rb") as src, temp.open("wb") as dst:
            while chunk := src.read(_CHUNK):
                size += len(chunk)
                if size > MAX_ATTACHMENT_BYTES:
                    raise AttachmentError(
                        translate("Clients", "The file is too large (at most {mb} MB).").format(
                            mb=MAX_ATTACHMENT_BYTES // (1024 * 1024)
                        ),
                        reason="too_large",
                    )
                digest.update(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
    except AttachmentError:
        temp.unlink(missing_ok=True)
        raise
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise AttachmentError(
            translate("Clients", "The file {path} cannot be read or copied: {problem}").format(
                path=source, problem=exc.strerror or exc
            ),
            reason="unreadable",
        ) from exc
    sha = digest.hexdigest()
    stored_name = f"{sha[:16]}-{safe_name(source.name)}"
    target = folder / stored_name
    created_file = not target.exists()
    os.replace(temp, target)
    relative = PurePosixPath(ATTACHMENTS_FOLDER, client_id, stored_name).as_posix()
    try:
        return repo.insert_row(
            db,
            "attachments",
            {
                "client_id": client_id,
                "file_name": source.name,
                "stored_path": relative,
                "sha256": sha,
                "size_bytes": size,
                "description": description.strip(),
            },
            user.id,
        )
    except BaseException:
        if created_file:
            with contextlib.suppress(OSError):
                target.unlink()
        raise


def list_attachments(db: sqlite_utils.Database, client_id: str) -> list[dict]:
    """Live attachments of the client, oldest first."""
    return repo.attachments_of(db, client_id)


def attachment_file(row: dict) -> Path:
    """Where the attachment's file is: ``stored_path`` resolved in the data folder.

    A stored path that leads outside ``<data dir>/attachments`` (absolute,
    ``..``, a link elsewhere: a database edited or brought from elsewhere) is
    never followed: only its last part is looked up in the client's
    attachments folder, so opening or verifying an attachment can never
    reach another file on the computer.
    """
    folder = (paths.data_dir() / ATTACHMENTS_FOLDER).resolve()
    text = str(row["stored_path"] or "").replace("\\", "/")
    candidate = (paths.data_dir() / text).resolve()
    if candidate.is_relative_to(folder) and candidate != folder:
        return candidate
    return folder / safe_name(str(row["client_id"])) / safe_name(PurePosixPath(text).name)


def verify_attachment(row: dict) -> bool:
    """Whether the file exists and still has the recorded size and SHA-256."""
    path = attachment_file(row)
    try:
        sha, size = _hash_file(path)
    except OSError:
        return False
    return sha == row["sha256"] and size == row["size_bytes"]


def delete_attachment(
    db: sqlite_utils.Database, user: CurrentUser, attachment_id: str, expected_version: int
) -> dict:
    """Soft-delete (audited ``attachment.delete``); the file is kept."""
    row = repo.get_row(db, "attachments", attachment_id)
    if row is None:
        raise NotFoundError(translate("Clients", "This record no longer exists."))
    _exists, owner = repo.client_owner(db, row["client_id"])
    security.require(user, "client.edit_own", owner_id=owner)
    return soft_delete(db, "attachments", attachment_id, expected_version, user.id)

"""Attachments: copied into the data folder with SHA-256, tamper detection, soft delete."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import sqlite_utils

from db import users
from desktop.core import attachments, clients, paths
from desktop.core.attachments import AttachmentError
from desktop.core.security import PermissionDenied
from desktop.core.session import CurrentUser

pytestmark = pytest.mark.usefixtures("english_messages")


def _user(db: sqlite_utils.Database, name: str, role: str = "rm") -> CurrentUser:
    row = users.ensure_user(db, username=name, display_name=name, role=role)
    return CurrentUser(row["id"], name, name, role)


@pytest.fixture
def setup(db: sqlite_utils.Database):
    rm = _user(db, "rm.one")
    client = clients.create_client(db, rm, {"name": "测试客户", "firm_type": "tech"})
    return rm, client


def test_round_trip(db: sqlite_utils.Database, setup, tmp_path: Path) -> None:
    rm, client = setup
    source = tmp_path / "营业执照 2024?.pdf"
    content = b"%PDF-1.4 licence" * 1000
    source.write_bytes(content)
    row = attachments.add_attachment(db, rm, client["id"], source, "营业执照副本")
    sha = hashlib.sha256(content).hexdigest()
    assert row["sha256"] == sha and row["size_bytes"] == len(content)
    assert row["file_name"] == source.name
    stored = attachments.attachment_file(row)
    assert stored.read_bytes() == content
    assert stored.parent == paths.data_dir() / "attachments" / client["id"]
    assert stored.name.startswith(sha[:16] + "-") and "?" not in stored.name
    assert not Path(row["stored_path"]).is_absolute()
    assert attachments.verify_attachment(row)
    assert [a["id"] for a in attachments.list_attachments(db, client["id"])] == [row["id"]]
    entry = db.conn.execute(
        "SELECT action, after FROM audit_log WHERE entity_id = ?", (row["id"],)
    ).fetchone()
    assert entry[0] == "attachment.create" and json.loads(entry[1])["sha256"] == sha
    # No temporary files are left behind.
    assert [p.name for p in stored.parent.iterdir()] == [stored.name]


def test_tamper_and_missing_file_detected(db: sqlite_utils.Database, setup, tmp_path) -> None:
    rm, client = setup
    source = tmp_path / "a.txt"
    source.write_text("原始内容", encoding="utf-8")
    row = attachments.add_attachment(db, rm, client["id"], source)
    stored = attachments.attachment_file(row)
    stored.write_text("篡改内容", encoding="utf-8")
    assert not attachments.verify_attachment(row)
    stored.unlink()
    assert not attachments.verify_attachment(row)


def test_missing_source_is_a_clear_error(db: sqlite_utils.Database, setup, tmp_path) -> None:
    rm, client = setup
    with pytest.raises(AttachmentError, match="does not exist") as exc:
        attachments.add_attachment(db, rm, client["id"], tmp_path / "nope.pdf")
    assert exc.value.reason == "missing"
    with pytest.raises(AttachmentError):
        attachments.add_attachment(db, rm, client["id"], tmp_path)  # a folder
    assert attachments.list_attachments(db, client["id"]) == []


def test_permission_and_soft_delete(db: sqlite_utils.Database, setup, tmp_path) -> None:
    rm, client = setup
    other = _user(db, "rm.two")
    source = tmp_path / "b.xlsx"
    source.write_bytes(b"xlsx")
    with pytest.raises(PermissionDenied):
        attachments.add_attachment(db, other, client["id"], source)
    row = attachments.add_attachment(db, rm, client["id"], source)
    with pytest.raises(PermissionDenied):
        attachments.delete_attachment(db, other, row["id"], 1)
    attachments.delete_attachment(db, rm, row["id"], 1)
    assert attachments.list_attachments(db, client["id"]) == []
    assert attachments.attachment_file(row).exists()  # kept for audit


@pytest.mark.parametrize(
    ("name", "expected"),
    [("报告 (终稿).pdf", "报告__终稿_.pdf"), ("../../etc/passwd", "_.._etc_passwd"),
     ("CON.txt", "_CON.txt"), ("...", "file")],
)  # fmt: skip
def test_safe_name(name: str, expected: str) -> None:
    assert attachments.safe_name(name) == expected


def test_safe_name_keeps_extension_when_shortened() -> None:
    name = attachments.safe_name("长" * 200 + ".pdf")
    assert len(name) == attachments.MAX_NAME_CHARS and name.endswith(".pdf")

"""``h2desk audit verify`` and the audit entry of ``h2desk restore``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import audit, users
from db.backup import backup_database
from db.connection import open_database, write
from desktop import cli
from desktop.core import i18n, startup


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch):
    previous = i18n.language()
    monkeypatch.setattr(cli, "_preferred_language", lambda: "en")
    yield
    i18n.set_language(previous)


@pytest.fixture
def audited_db(tmp_path: Path) -> Path:
    """A database with a handful of audit entries."""
    path = tmp_path / "audited.sqlite3"
    db = open_database(path)
    try:
        for n in range(4):
            users.ensure_user(db, username=f"user{n}", display_name=f"用户{n}", role="rm")
    finally:
        db.close()
    return path


def _tamper(path: Path, seq: int) -> None:
    """Edit one audit entry outside the app, as an attacker with plain sqlite3 would."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET reason = 'nothing happened' WHERE seq = ?", (seq,))
        conn.commit()
    finally:
        conn.close()


def test_verify_ok(audited_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["audit", "verify", "--db", str(audited_db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok")
    assert "4 entries checked" in out


def test_verify_names_the_first_broken_entry(
    audited_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tamper(audited_db, 3)
    assert cli.main(["audit", "verify", "--db", str(audited_db)]) == 1
    out = capsys.readouterr().out
    assert "tampered" in out
    assert "entry 3 " in out
    assert not out.startswith("ok")


def test_verify_detects_an_entry_deleted_from_the_end(
    audited_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(audited_db)
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("DELETE FROM audit_log WHERE seq = 4")
    conn.commit()
    conn.close()
    assert cli.main(["audit", "verify", "--db", str(audited_db)]) == 1
    assert "entry 4 on were deleted" in capsys.readouterr().out


def test_verify_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["audit", "verify", "--db", str(tmp_path / "none.sqlite3")]) == 2
    assert "not found" in capsys.readouterr().err


def test_verify_needs_an_action(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["audit"]) == 2
    assert "Invalid command line" in capsys.readouterr().err


def test_restore_is_audited_as_the_os_account(
    audited_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setattr(startup, "os_username", lambda: "li.si")
    backup = backup_database(audited_db, tmp_path / "b.sqlite3")
    assert cli.main(["restore", "--db", str(audited_db), "--from", str(backup)]) == 0
    db = open_database(audited_db)
    try:
        entry = audit.list_entries(db, audit.AuditFilter(action="backup.restore"))[0]
        assert entry["user_id"] == "os:li.si"
        assert entry["after"]["source"] == str(backup)
        assert "before-restore" in entry["after"]["kept"]
        # no account was created for the command line
        assert users.find_user(db, "li.si") is None
        assert audit.verify_chain(db).ok
    finally:
        db.close()
    assert cli.main(["audit", "verify", "--db", str(audited_db)]) == 0


def test_cli_user_is_not_an_account(db, monkeypatch) -> None:
    monkeypatch.setattr(startup, "os_username", lambda: "wang")
    user = startup.cli_user("branch_head")
    assert user.id == "os:wang" and user.role == "branch_head"
    assert users.get_user(db, user.id) is None
    with write(db):
        audit.record(db, user_id=user.id, action="client.import", entity="clients")
    assert audit.verify_chain(db).ok

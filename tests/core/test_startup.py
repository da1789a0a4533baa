"""From a database path to a session: which user, which demo database."""

from __future__ import annotations

import getpass
import importlib.util
import sys
import types
from pathlib import Path

import pytest

from db import users
from db.connection import open_database, write
from db.errors import NotADatabaseError
from db.ids import new_id
from desktop.core import paths, startup


def _standin_generate_demo(db, *, clients=60, seed=20251128, progress=None):
    """Used only while desktop.core.demo is not written yet: a few bare clients."""
    del seed, progress
    if db.conn.execute("SELECT count(*) FROM clients").fetchone()[0]:
        raise ValueError("the database already has clients")
    user = users.ensure_user(db, username="demo", display_name="演示客户经理", role="rm")
    with write(db):
        for i in range(clients):
            db.conn.execute(
                "INSERT INTO clients (id, name, firm_type, owner_id) VALUES (?, ?, 'tech', ?)",
                (new_id(), f"演示氢能科技{i}号", user["id"]),
            )
    return {"clients": clients}


@pytest.fixture
def demo_module(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """The real demo generator, or a stand-in if it does not exist yet."""
    if importlib.util.find_spec("desktop.core.demo") is not None:
        import desktop.core.demo as real  # noqa: PLC0415

        return real
    standin = types.ModuleType("desktop.core.demo")
    standin.generate_demo = _standin_generate_demo
    monkeypatch.setitem(sys.modules, "desktop.core.demo", standin)
    return standin


def _clients(path: Path) -> int:
    db = open_database(path, migrate=False, create=False)
    try:
        return db.conn.execute("SELECT count(*) FROM clients").fetchone()[0]
    finally:
        db.close()


def test_a_real_database_needs_a_signed_in_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No password-free OS administrator any more: nothing is created, sign-in is required."""
    monkeypatch.setattr(getpass, "getuser", lambda: "wang.fang")
    path = tmp_path / "new" / "h2.sqlite3"
    with pytest.raises(startup.SignInRequired):
        startup.open_session(path, demo=False)
    db = open_database(path)
    try:
        assert users.list_users(db) == []
        user = users.ensure_user(db, username="zhao", display_name="赵", role="reviewer")
    finally:
        db.close()
    signed_in = startup._current_user(user)
    session = startup.open_session(path, demo=False, user=signed_in)
    try:
        assert session.user == signed_in
        assert session.demo is False
        assert session.db_path == path
    finally:
        session.db.close()


@pytest.mark.parametrize(
    ("login", "expected"),
    [
        ("zhang san", "zhang_san"),
        ("DOMAIN\\li.si", "DOMAIN_li.si"),
        ("王芳", "王芳"),
        ("   ", "local"),
    ],
)
def test_os_username_is_cleaned(monkeypatch: pytest.MonkeyPatch, login: str, expected: str) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: login)
    assert startup.os_username() == expected


def test_os_username_without_a_login_name(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_login() -> str:
        raise OSError("No username set in the environment")

    monkeypatch.setattr(getpass, "getuser", no_login)
    assert startup.os_username() == "local"


def test_demo_session_uses_the_demo_relationship_manager(tmp_path: Path) -> None:
    session = startup.open_session(tmp_path / "demo.sqlite3", demo=True)
    try:
        assert session.demo is True
        assert session.user.username == "demo"
        assert session.user.role == "rm"
        assert session.user.display_name == "演示客户经理"
        entry = session.db.conn.execute(
            "SELECT user_id, action, reason FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        assert entry == (session.user.id, "auth.sign_in", "demo mode, no password")
    finally:
        session.db.close()


def test_open_session_refuses_a_foreign_file_and_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"quarterly notes, not a database" * 10)
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError):
        startup.open_session(path, demo=False)
    assert path.read_bytes() == before


def test_ensure_demo_database_fills_once_in_the_user_data_folder(
    demo_module: types.ModuleType, data_dir: Path
) -> None:
    path = startup.ensure_demo_database(clients=4)
    assert path == paths.demo_db_path()
    assert data_dir in path.parents
    assert _clients(path) == 4
    # Second start: left as it is, not refilled or refused.
    assert startup.ensure_demo_database(clients=9) == path
    assert _clients(path) == 4
    session = startup.open_session(path, demo=True)
    try:
        assert session.user.username == "demo"
        owner = session.db.conn.execute("SELECT DISTINCT owner_id FROM clients").fetchall()
        assert session.user.id in {row[0] for row in owner}
    finally:
        session.db.close()


def test_failed_demo_generation_leaves_no_half_database(
    demo_module: types.ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(db, **kwargs):
        db.conn.execute(
            "INSERT INTO users (id, username, display_name, role) VALUES (?, 'x', 'x', 'rm')",
            (new_id(),),
        )
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(demo_module, "generate_demo", broken)
    path = tmp_path / "demo.sqlite3"
    with pytest.raises(OSError, match="No space left"):
        startup.ensure_demo_database(path, clients=3)
    assert not path.exists()
    assert not Path(str(path) + "-wal").exists()


def test_failed_demo_generation_keeps_an_existing_file(
    demo_module: types.ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "demo.sqlite3"
    open_database(path).close()  # an empty, migrated database the user pointed at

    def broken(db, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(demo_module, "generate_demo", broken)
    with pytest.raises(ValueError, match="boom"):
        startup.ensure_demo_database(path)
    assert path.exists()

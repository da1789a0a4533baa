"""The ``h2desk`` command line, run in-process through ``main([...])``."""

from __future__ import annotations

import importlib.util
import sqlite3
import subprocess
import sys
import types
from pathlib import Path

import pytest

import desktop
from db import users
from db.connection import open_database, write
from db.ids import new_id
from desktop import cli
from desktop.core import i18n, paths

ROOT = Path(__file__).resolve().parents[1]


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


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch):
    """Assertions read English messages; the language is restored afterwards."""
    previous = i18n.language()
    monkeypatch.setattr(cli, "_preferred_language", lambda: "en")
    yield
    i18n.set_language(previous)


@pytest.fixture(autouse=True)
def demo_generator(monkeypatch: pytest.MonkeyPatch) -> None:
    if importlib.util.find_spec("desktop.core.demo") is None:
        standin = types.ModuleType("desktop.core.demo")
        standin.generate_demo = _standin_generate_demo
        monkeypatch.setitem(sys.modules, "desktop.core.demo", standin)


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, read without changing the file."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {t: sorted(map(tuple, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    finally:
        conn.close()


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "demo.sqlite3"
    assert cli.main(["demo", "--db", str(path), "--clients", "6", "--seed", "7"]) == 0
    capsys.readouterr()
    return path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out == f"h2desk {desktop.__version__}\n"


def test_python_m_desktop_version() -> None:
    # -X importtime lists every imported module on stderr: --version must not load Qt.
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "desktop", "--version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == f"h2desk {desktop.__version__}"
    assert "import time:" in result.stderr
    assert "PySide6" not in result.stderr
    assert "Traceback" not in result.stderr


def test_demo_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "new-folder" / "demo.sqlite3"
    assert cli.main(["demo", "--db", str(path), "--clients", "5", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "5 clients" in out
    assert "Done in" in out and str(path) in out
    assert cli.main(["check", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok")
    assert "schema version" in out


def test_demo_twice_is_refused_and_leaves_the_db_unchanged(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(demo_db)
    assert cli.main(["demo", "--db", str(demo_db), "--clients", "3"]) == 2
    captured = capsys.readouterr()
    assert "already holds 6 clients" in captured.err
    assert "empty database" in captured.err
    assert "Traceback" not in captured.err
    assert snapshot(demo_db) == before


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "must be between 1 and 1,000,000, got 0"),
        ("1000001", "must be between 1 and 1,000,000, got 1,000,001"),
        ("-5", "must be between 1 and 1,000,000"),
        ("many", "must be a whole number, got 'many'"),
        ("2.5", "must be a whole number"),
    ],
)
def test_invalid_clients_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str, message: str
) -> None:
    path = tmp_path / "x.sqlite3"
    assert cli.main(["demo", "--db", str(path), "--clients", value]) == 2
    err = capsys.readouterr().err
    assert "--clients" in err and message in err
    assert "Traceback" not in err
    assert not path.exists()


def test_check_garbage_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"\x00\x01 this is not a database " * 100)
    assert cli.main(["check", "--db", str(path)]) == 1
    captured = capsys.readouterr()
    assert "not an SQLite database" in captured.out
    assert "ok" not in captured.out.split()
    assert "Traceback" not in captured.out + captured.err


def test_check_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nowhere.sqlite3"
    assert cli.main(["check", "--db", str(path)]) == 2
    assert "Database file not found" in capsys.readouterr().err
    assert not path.exists()  # check never creates a database


def test_check_reports_a_foreign_key_violation(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(demo_db)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(
        "INSERT INTO contacts (id, client_id, name) VALUES (?, ?, '李四')",
        (new_id(), new_id()),
    )
    conn.commit()
    conn.close()
    assert cli.main(["check", "--db", str(demo_db)]) == 1
    out = capsys.readouterr().out
    assert "The database has problems" in out
    assert "contacts" in out and "missing clients" in out


def test_backup_then_restore_round_trip(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = snapshot(demo_db)
    backup = tmp_path / "backups" / "b.sqlite3"
    assert cli.main(["backup", "--db", str(demo_db), "--to", str(backup)]) == 0
    assert "Backup written" in capsys.readouterr().out
    assert backup.exists()
    # The live database records the backup (who: the OS account; where to).
    entries = snapshot(demo_db)["audit_log"]
    made = [row for row in entries if row not in original["audit_log"]]
    assert [row[4] for row in made] == ["backup.create"]
    assert str(made[0][3]).startswith("os:") and str(backup) in str(made[0][8])

    db = open_database(demo_db)
    with write(db):
        db.conn.execute("UPDATE clients SET notes = 'changed after the backup'")
    db.close()
    assert snapshot(demo_db) != original

    assert cli.main(["restore", "--db", str(demo_db), "--from", str(backup)]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out
    kept_line = next(line for line in out.splitlines() if "was kept at" in line)
    kept = Path(kept_line.split("was kept at:", 1)[1].strip())
    assert kept.exists() and kept != demo_db
    restored = snapshot(demo_db)
    # The restored database equals the backup plus one audit entry of the restore.
    extra = [row for row in restored.pop("audit_log") if row not in original["audit_log"]]
    assert [row[4] for row in extra] == ["backup.restore"]
    assert {k: v for k, v in original.items() if k != "audit_log"} == restored
    # The replaced database is kept with the change in it.
    assert "changed after the backup" in str(snapshot(kept)["clients"])


def test_restore_from_garbage_is_refused(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(demo_db)
    garbage = tmp_path / "backup.sqlite3"
    garbage.write_bytes(b"PK\x03\x04 a zip file, not a backup" * 50)
    assert cli.main(["restore", "--db", str(demo_db), "--from", str(garbage)]) == 2
    err = capsys.readouterr().err
    assert "Backup or restore refused" in err
    assert "Traceback" not in err
    assert snapshot(demo_db) == before
    assert sorted(p.name for p in demo_db.parent.glob("*before-restore*")) == []


def test_restore_from_missing_file(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["restore", "--db", str(demo_db), "--from", str(tmp_path / "no.db")]) == 2
    assert "Backup file not found" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--db", r"\\fileserver\credit\h2desk.sqlite3"],
        ["demo", "--db", r"\\fileserver\credit\h2desk.sqlite3"],
        ["backup", "--db", "//fileserver/credit/h2desk.sqlite3", "--to", "b.sqlite3"],
        ["--db", r"\\fileserver\credit\h2desk.sqlite3"],  # the GUI, refused before Qt loads
    ],
)
def test_network_path_refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert "network drive" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_subcommand_without_db(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check"]) == 2
    assert "--db PATH is required" in capsys.readouterr().err


def test_db_before_the_subcommand_is_kept(demo_db: Path, capsys) -> None:
    assert cli.main(["--db", str(demo_db), "check"]) == 0
    assert capsys.readouterr().out.startswith("ok")


def test_unknown_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["frobnicate"]) == 2
    assert "Invalid command line" in capsys.readouterr().err


def test_os_error_becomes_one_line(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device", str(tmp_path / "b.sqlite3"))

    monkeypatch.setattr("desktop.core.backups.backup_database", disk_full)
    assert cli.main(["backup", "--db", str(demo_db), "--to", str(tmp_path / "b.sqlite3")]) == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err and "b.sqlite3" in err
    assert len(err.strip().splitlines()) == 1


def test_chinese_messages_with_lang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Whatever the .ts says, --lang zh_CN switches the message language and
    # never crashes; an English fallback is acceptable for untranslated text.
    assert cli.main(["--lang", "zh_CN", "check", "--db", str(tmp_path / "none.db")]) == 2
    assert i18n.language() == "zh_CN"
    assert capsys.readouterr().err.startswith("h2desk: ")


class FakeGui:
    def __init__(self) -> None:
        self.calls: list[tuple[Path, bool, str | None]] = []

    def run_gui(self, db_path: Path, *, demo: bool, language: str | None = None) -> int:
        self.calls.append((Path(db_path), demo, language))
        return 0


@pytest.fixture
def fake_gui(monkeypatch: pytest.MonkeyPatch) -> FakeGui:
    """The GUI entry point replaced, so launcher wiring is tested without a window."""
    fake = FakeGui()
    module = types.ModuleType("desktop.ui.app")
    module.run_gui = fake.run_gui
    monkeypatch.setitem(sys.modules, "desktop.ui.app", module)
    return fake


def test_gui_opens_the_default_database(fake_gui: FakeGui) -> None:
    assert cli.main(["--lang", "en"]) == 0
    assert fake_gui.calls == [(paths.default_db_path(), False, "en")]


def test_gui_opens_the_given_database(fake_gui: FakeGui, tmp_path: Path) -> None:
    path = tmp_path / "branch.sqlite3"
    assert cli.main(["--db", str(path)]) == 0
    assert fake_gui.calls == [(path, False, "en")]


def test_gui_demo_prepares_the_demo_portfolio_first(
    fake_gui: FakeGui, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from desktop.core import startup  # noqa: PLC0415

    real = startup.ensure_demo_database
    monkeypatch.setattr(startup, "ensure_demo_database", lambda p: real(p, clients=5))
    assert cli.main(["--demo"]) == 0
    assert fake_gui.calls == [(paths.demo_db_path(), True, "en")]
    assert paths.demo_db_path().exists()
    assert snapshot(paths.demo_db_path())["clients"]
    assert "Preparing the demo portfolio" in capsys.readouterr().err


def test_gui_demo_and_db_together_refused(fake_gui: FakeGui, tmp_path: Path, capsys) -> None:
    assert cli.main(["--demo", "--db", str(tmp_path / "x.db")]) == 2
    assert "either --demo or --db" in capsys.readouterr().err
    assert fake_gui.calls == []


def test_self_test_flag_runs_the_self_test(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("desktop.ui.selftest")
    module.run_self_test = lambda: 7
    monkeypatch.setitem(sys.modules, "desktop.ui.selftest", module)
    assert cli.main(["--self-test"]) == 7


def test_main_gui_without_console_writes_to_the_log(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    # pythonw / the windowed bundle: no stdout or stderr at all.
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    try:
        assert cli.main_gui(["--version"]) == 0
        assert cli.main_gui(["check"]) == 2  # an error message must not crash either
    finally:
        sys.stdout.close()
    log = (paths.log_dir() / "h2desk-gui.log").read_text(encoding="utf-8")
    assert f"h2desk {desktop.__version__}" in log
    assert "--db PATH is required" in log

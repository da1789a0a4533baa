"""``h2desk import clients`` and ``h2desk export clients``, run in-process."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from db import users
from db.connection import open_database
from desktop import cli
from desktop.core import i18n
from desktop.core.validation import make_uscc


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch):
    previous = i18n.language()
    monkeypatch.setattr(cli, "_preferred_language", lambda: "en")
    yield
    i18n.set_language(previous)


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "book.sqlite3"
    db = open_database(path)
    users.ensure_user(db, username="li.na", display_name="李娜", role="rm")
    db.close()
    return path


def uscc(n: int) -> str:
    return make_uscc("320500", f"MA{n:06d}")


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


HEADER = ["企业名称", "统一社会信用代码", "企业类型", "客户经理", "联系人", "联系电话"]


def table(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_import_everything_exits_0(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_csv(
        tmp_path / "ok.csv",
        [
            HEADER,
            ["苏州氢一", uscc(1), "科创企业", "李娜", "张三", "13812345678"],
            ["苏州氢二", uscc(2), "项目公司", "li.na", "", ""],
        ],
    )
    code = cli.main(["import", "clients", str(source), "--db", str(db_file)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "2 clients created" in out and "0 rows rejected" in out
    assert table(db_file, "SELECT name FROM clients ORDER BY name") == [
        ("苏州氢一",),
        ("苏州氢二",),
    ]
    assert table(db_file, "SELECT mobile FROM contacts") == [("13812345678",)]
    assert not (tmp_path / "ok-errors.csv").exists()
    actors = table(db_file, "SELECT user_id FROM audit_log WHERE action = 'client.import'")
    assert actors and actors[0][0].startswith("os:")


def test_some_rows_rejected_exits_3_with_a_report(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_csv(
        tmp_path / "mixed.csv",
        [
            HEADER,
            ["苏州氢一", uscc(1), "科创企业", "李娜", "", ""],
            ["苏州氢二", "91320500MA0000000X", "科创企业", "李娜", "", ""],
            ["=cmd|' /C calc'!A0", uscc(3), "科创企业", "李娜", "", ""],
        ],
    )
    report = tmp_path / "why.xlsx"
    code = cli.main(
        ["import", "clients", str(source), "--db", str(db_file), "--report", str(report)]
    )
    out = capsys.readouterr().out
    assert code == cli.EXIT_PARTIAL == 3
    assert "1 clients created" in out and "2 rows rejected" in out
    assert str(report) in out
    rows = list(openpyxl.load_workbook(report).active.iter_rows(values_only=True))
    assert rows[0] == ("Row", "Column", "Value", "Reason")
    assert {r[0] for r in rows[1:]} == {3, 4}
    assert any(r[1] == "统一社会信用代码" and "check character" in r[3] for r in rows[1:])
    assert any(r[2] == "=cmd|' /C calc'!A0" and "formula" in r[3] for r in rows[1:])
    assert table(db_file, "SELECT name FROM clients") == [("苏州氢一",)]


def test_default_report_next_to_the_file(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_csv(tmp_path / "one.csv", [HEADER, ["无类型公司", uscc(1), "", "李娜", "", ""]])
    assert cli.main(["import", "clients", str(source), "--db", str(db_file)]) == 3
    report = tmp_path / "one-errors.csv"
    with report.open(encoding="utf-8-sig") as fh:
        lines = list(csv.reader(fh))
    assert lines[1][:2] == ["2", "企业类型"]
    assert str(report) in capsys.readouterr().out


@pytest.mark.parametrize(
    "case",
    [
        ("broken.xlsx", b"PK\x03\x04 this is not a workbook", "cannot be read as an Excel"),
        ("empty.csv", b"", "empty"),
        ("noheader.csv", b"a,b\n1,2\n", "No recognisable header"),
    ],
)
def test_unreadable_file_exits_2_and_writes_nothing(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: tuple
) -> None:
    name, content, message = case
    source = tmp_path / name
    source.write_bytes(content)
    before = table(db_file, "SELECT count(*) FROM audit_log")
    code = cli.main(["import", "clients", str(source), "--db", str(db_file)])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert table(db_file, "SELECT count(*) FROM clients") == [(0,)]
    assert table(db_file, "SELECT count(*) FROM audit_log") == before


def test_update_existing(db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = write_csv(tmp_path / "a.csv", [HEADER, ["甲", uscc(1), "科创企业", "李娜", "", ""]])
    assert cli.main(["import", "clients", str(first), "--db", str(db_file)]) == 0
    second = write_csv(
        tmp_path / "b.csv", [["企业名称", "统一社会信用代码", "备注"], ["甲", uscc(1), "新备注"]]
    )
    assert cli.main(["import", "clients", str(second), "--db", str(db_file)]) == 0
    assert "--update-existing" in capsys.readouterr().out
    assert table(db_file, "SELECT notes FROM clients") == [("",)]
    args = ["import", "clients", str(second), "--db", str(db_file), "--update-existing"]
    assert cli.main(args) == 0
    assert table(db_file, "SELECT notes FROM clients") == [("新备注",)]


def test_export_clients(db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_csv(
        tmp_path / "in.csv", [HEADER, ["甲", uscc(1), "科创企业", "李娜", "张三", "13812345678"]]
    )
    assert cli.main(["import", "clients", str(source), "--db", str(db_file)]) == 0
    out = tmp_path / "out.xlsx"
    assert cli.main(["export", "clients", str(out), "--db", str(db_file)]) == 0
    assert "1 clients exported" in capsys.readouterr().out
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["企业名称"] == "甲"
    assert record["联系电话"] == "138****5678"


def test_export_needs_an_existing_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["export", "clients", str(tmp_path / "o.xlsx"), "--db", str(tmp_path / "x")])
    assert code == 2
    assert "not found" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()

"""Client export: masking, formula safety, exact amounts, round trip, TSV copy."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import sqlite_utils

from db import users
from db.connection import open_database, write
from desktop.core import clients as client_services
from desktop.core import exporting
from desktop.core.exporting import ExportError, export_clients, rows_as_tsv, wan
from desktop.core.importing import apply_import, preview_import
from desktop.core.security import PermissionDenied
from desktop.core.session import CurrentUser
from desktop.core.validation import ValidationError, make_uscc, resident_id_check_char

pytestmark = pytest.mark.usefixtures("english_messages")

FORMULA = "=cmd|' /C calc'!A0"
ID_NUMBER = "11010119900307457" + resident_id_check_char("11010119900307457")


def user_of(row: dict) -> CurrentUser:
    return CurrentUser(row["id"], row["username"], row["display_name"], row["role"])


@pytest.fixture
def rm(db: sqlite_utils.Database) -> CurrentUser:
    return user_of(users.ensure_user(db, username="li.na", display_name="李娜", role="rm"))


@pytest.fixture
def head(db: sqlite_utils.Database) -> CurrentUser:
    row = users.ensure_user(db, username="wang", display_name="王行长", role="branch_head")
    return user_of(row)


@pytest.fixture
def client(db: sqlite_utils.Database, rm: CurrentUser) -> dict:
    created = client_services.create_client(
        db,
        rm,
        {
            "name": "上海氢途科技有限公司",
            "uscc": make_uscc("310115", "MA000001"),
            "registered_capital_yuan": 12_345_678,
            "founded_on": "2019-03-08",
            "firm_type": "tech",
            "segment": "fuel_cell",
            "tech_route": "pemfc",
            "qualifications": ["high_tech"],
            "status": "active",
            "notes": FORMULA,
        },
    )
    client_services.add_contact(
        db,
        rm,
        created["id"],
        {"name": "王芳", "role": "财务总监", "mobile": "13800138000", "id_number": ID_NUMBER},
    )
    client_services.save_statement(
        db,
        rm,
        created["id"],
        {"fiscal_year": 2024, "revenue_yuan": 50_000_000, "net_profit_yuan": -1_205_000},
    )
    return created


def sheet_rows(path: Path) -> list[tuple]:
    return list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))


def as_dict(rows: list[tuple]) -> list[dict]:
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_wan_is_exact() -> None:
    assert wan(12_345_600) == Decimal("1234.56")
    assert wan(12_345_678) == Decimal("1234.5678")
    assert wan(-1_205_000) == Decimal("-120.50")
    assert wan(None) is None


def test_xlsx_export_masks_personal_data_and_keeps_formulas_as_text(
    db: sqlite_utils.Database, rm: CurrentUser, client: dict, tmp_path: Path
) -> None:
    out = tmp_path / "clients.xlsx"
    assert export_clients(db, rm, out) == 1
    book = openpyxl.load_workbook(out)
    for row in book.active.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
    (record,) = as_dict(sheet_rows(out))
    assert record["企业名称"] == "上海氢途科技有限公司"
    assert record["联系电话"] == "138****8000"
    assert record["身份证号"] == "110101********" + ID_NUMBER[-4:]
    assert record["备注"] == FORMULA
    assert record["注册资本(万元)"] == pytest.approx(1234.5678)
    assert record["净利润(万元)"] == pytest.approx(-120.5)
    assert record["企业类型"] == "科创企业"
    assert record["产业链环节"] == "燃料电池"
    assert record["资质"] == "高新技术企业"
    assert record["客户经理"] == "李娜"
    # Formula-like text carries the quote prefix, so editing it in Excel keeps it text.
    header = [c.value for c in book.active[1]]
    notes = book.active.cell(row=2, column=header.index("备注") + 1)
    assert notes.data_type == "s" and notes.quotePrefix
    capital = book.active.cell(row=2, column=header.index("注册资本(万元)") + 1)
    assert capital.number_format == "#,##0.00##"
    audit = db.conn.execute(
        "SELECT after FROM audit_log WHERE action = 'client.export'"
    ).fetchone()[0]
    assert '"masked"' in audit


def test_csv_export_masks_and_guards(
    db: sqlite_utils.Database, rm: CurrentUser, client: dict, tmp_path: Path
) -> None:
    out = tmp_path / "clients.csv"
    export_clients(db, rm, out)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        (record,) = list(csv.DictReader(fh))
    assert record["联系电话"] == "138****8000"
    assert record["备注"] == "'" + FORMULA
    assert record["注册资本(万元)"] == "1234.5678"
    assert record["净利润(万元)"] == "-120.50"  # a plain number is not prefixed
    assert record["成立日期"] == "2019-03-08"


def test_revealing_personal_data_needs_permission_and_reason(
    db: sqlite_utils.Database, rm: CurrentUser, head: CurrentUser, client: dict, tmp_path: Path
) -> None:
    out = tmp_path / "full.xlsx"
    with pytest.raises(PermissionDenied):
        export_clients(db, rm, out, reveal_personal=True, reason="audit request")
    with pytest.raises(ValidationError):
        export_clients(db, head, out, reveal_personal=True, reason="  ")
    assert not out.exists()
    export_clients(db, head, out, reveal_personal=True, reason="regulator request 2025-17")
    (record,) = as_dict(sheet_rows(out))
    assert record["联系电话"] == "13800138000"
    assert record["身份证号"] == ID_NUMBER
    entry = db.conn.execute(
        "SELECT user_id, reason FROM audit_log WHERE action = 'personal.export'"
    ).fetchone()
    assert entry == (head.id, "regulator request 2025-17")


def test_selected_clients_and_bad_suffix(
    db: sqlite_utils.Database, rm: CurrentUser, client: dict, tmp_path: Path
) -> None:
    other = client_services.create_client(db, rm, {"name": "第二家", "firm_type": "project"})
    out = tmp_path / "one.xlsx"
    assert export_clients(db, rm, out, client_ids=[other["id"], "no-such-id"]) == 1
    assert [r["企业名称"] for r in as_dict(sheet_rows(out))] == ["第二家"]
    with pytest.raises(ExportError):
        export_clients(db, rm, tmp_path / "clients.pdf")


def test_a_failed_export_leaves_no_file(
    db: sqlite_utils.Database,
    rm: CurrentUser,
    client: dict,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exporting, "_write_xlsx", broken)
    with pytest.raises(OSError):
        export_clients(db, rm, tmp_path / "clients.xlsx")
    assert [p.name for p in tmp_path.iterdir() if "clients" in p.name] == []


def test_several_contacts_and_years_take_several_rows(
    db: sqlite_utils.Database, rm: CurrentUser, client: dict, tmp_path: Path
) -> None:
    client_services.add_contact(db, rm, client["id"], {"name": "李四"})
    for year in (2022, 2023):
        client_services.save_statement(
            db, rm, client["id"], {"fiscal_year": year, "revenue_yuan": year}
        )
    out = tmp_path / "many.xlsx"
    export_clients(db, rm, out)
    records = as_dict(sheet_rows(out))
    assert [r["年度"] for r in records] == [2024, 2023, 2022]
    assert [r["联系人"] for r in records] == ["王芳", "李四", None]
    assert {r["统一社会信用代码"] for r in records} == {client["uscc"]}


def _snapshot(db: sqlite_utils.Database) -> dict:
    clients = {}
    for row in db.query("SELECT * FROM clients WHERE deleted_at IS NULL"):
        key = row["uscc"] or row["name"]
        owner = db.conn.execute(
            "SELECT username FROM users WHERE id = ?", (row["owner_id"],)
        ).fetchone()
        contacts = sorted(
            (c["name"], c["role"], c["email"], c["consent"], c["consent_on"])
            for c in db.query("SELECT * FROM contacts WHERE client_id = ?", [row["id"]])
        )
        statements = sorted(
            tuple(s[k] for k in s if k.endswith("_yuan") or k in ("fiscal_year", "audited"))
            for s in db.query("SELECT * FROM financial_statements WHERE client_id = ?", [row["id"]])
        )
        clients[key] = (
            tuple(
                row[k]
                for k in (
                    "name",
                    "uscc",
                    "legal_rep",
                    "registered_capital_yuan",
                    "founded_on",
                    "province",
                    "city",
                    "address",
                    "firm_type",
                    "segment",
                    "tech_route",
                    "qualifications",
                    "employees",
                    "rd_staff",
                    "invention_patents",
                    "utility_patents",
                    "software_copyrights",
                    "status",
                    "notes",
                )
            ),
            owner,
            contacts,
            statements,
        )
    return clients


def _portfolio(db: sqlite_utils.Database, rm: CurrentUser, head: CurrentUser) -> None:
    """Clients with every kind of value the export writes."""
    routes = [
        ("production", "alk"),
        ("storage", "liquid"),
        ("transport", "pipeline"),
        ("refuelling", "station_70mpa"),
        ("fuel_cell", "sofc"),
        ("application", "ships"),
    ]
    for n, (segment, route) in enumerate(routes):
        owner = rm if n % 2 else head
        created = client_services.create_client(
            db,
            owner,
            {
                "name": f"氢能测试企业{n}（上海）有限公司",
                "uscc": make_uscc("310115", f"MA{n:06d}") if n != 3 else None,
                "legal_rep": "张伟" if n % 3 else None,
                "registered_capital_yuan": 10_000 * n + n,
                "founded_on": f"20{10 + n}-0{1 + n}-1{n}",
                "province": "上海市",
                "city": "上海市",
                "address": f"嘉定区安亭镇{n}号",
                "firm_type": ("tech", "manufacturer", "project")[n % 3],
                "segment": segment,
                "tech_route": route,
                "qualifications": ["high_tech", "little_giant"][: n % 3],
                "employees": 10 * n,
                "rd_staff": n,
                "invention_patents": n,
                "utility_patents": 2 * n,
                "software_copyrights": 0,
                "status": "prospect" if n == 3 else "active",
                "notes": "-已拜访" if n == 1 else "",
            },
        )
        for i in range(n % 3):
            client_services.add_contact(
                db,
                owner,
                created["id"],
                {
                    "name": f"联系人{n}-{i}",
                    "role": "总经理",
                    "mobile": f"1380013{n:02d}{i:02d}",
                    "id_number": ID_NUMBER if i == 0 else None,
                    "email": f"c{n}{i}@example.cn",
                    "consent": i == 0,
                    "consent_on": "2024-05-06" if i == 0 else None,
                },
            )
        for year in range(2022, 2022 + n % 4):
            client_services.save_statement(
                db,
                owner,
                created["id"],
                {
                    "fiscal_year": year,
                    "audited": year < 2024,
                    "revenue_yuan": 1_000_001 * n,
                    "net_profit_yuan": -12_345 * n,
                    "total_assets_yuan": 5_000_000,
                    "total_liabilities_yuan": 2_000_000,
                    "current_assets_yuan": 1_000_000,
                    "current_liabilities_yuan": 500_000,
                    "inventory_yuan": 100_000,
                    "cash_yuan": 200_000,
                    "rd_expense_yuan": 50_000,
                    "operating_cash_flow_yuan": -7,
                },
            )


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_keeps_the_clients(
    db: sqlite_utils.Database, rm: CurrentUser, head: CurrentUser, tmp_path: Path, suffix: str
) -> None:
    _portfolio(db, rm, head)
    out = tmp_path / f"book{suffix}"
    assert export_clients(db, head, out, reveal_personal=True, reason="migration") == 6

    target = open_database(tmp_path / "copy.sqlite3")
    try:
        with write(target):
            for row in db.query("SELECT id, username, display_name, role FROM users"):
                target.conn.execute(
                    "INSERT INTO users (id, username, display_name, role) VALUES (?, ?, ?, ?)",
                    (row["id"], row["username"], row["display_name"], row["role"]),
                )
        importer = user_of(users.find_user(target, "wang"))
        preview = preview_import(target, out, today=date(2025, 11, 28), user=importer)
        assert preview.problems == []
        result = apply_import(target, importer, preview)
        assert result.created == 6
        assert _snapshot(target) == _snapshot(db)
        mobiles = sorted(r[0] for r in db.conn.execute("SELECT mobile FROM contacts"))
        copied = sorted(r[0] for r in target.conn.execute("SELECT mobile FROM contacts"))
        assert copied == mobiles and len(copied) == 6
    finally:
        target.close()


def test_masked_export_reimports_without_personal_data(
    db: sqlite_utils.Database, rm: CurrentUser, client: dict, tmp_path: Path
) -> None:
    out = tmp_path / "masked.xlsx"
    export_clients(db, rm, out)
    # Formula-like notes are refused on import: a deliberate guard.
    preview = preview_import(db, out, user=rm)
    assert preview.rows[0].action == "reject"
    client_services.update_client(db, rm, client["id"], 1, {"notes": "普通备注"})
    export_clients(db, rm, out)
    preview = preview_import(db, out, user=rm)
    assert preview.problems == []
    assert preview.rows[0].action == "update"
    assert preview.rows[0].contact == {"name": "王芳", "role": "财务总监", "consent": False}
    assert len(preview.rows[0].notes) == 2  # masked mobile and ID ignored


def test_rows_as_tsv() -> None:
    text = rows_as_tsv(
        [
            ["甲\t公司", "line1\nline2", FORMULA, -12.5, None, Decimal("1.50")],
            ["乙", "", "", 3, "", ""],
        ],
        ["名称", "备注", "公式", "数", "空", "金额"],
    )
    lines = text.split("\n")
    assert lines[0] == "名称\t备注\t公式\t数\t空\t金额"
    assert lines[1] == "甲 公司\tline1 line2\t'" + FORMULA + "\t-12.5\t\t1.50"
    assert lines[2] == "乙\t\t\t3\t\t"
    assert text.endswith("\n") and len(lines) == 4
    assert rows_as_tsv([]) == ""

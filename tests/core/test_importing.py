"""Client import: reading, header mapping, row problems, one transaction, fuzzing."""

from __future__ import annotations

import csv
import hashlib
import json
import time
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import sqlite_utils
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import users
from desktop.core import clients as client_services
from desktop.core import importing
from desktop.core.importing import (
    ImportApplyError,
    ImportFileError,
    apply_import,
    looks_like_formula,
    match_header,
    parse_date,
    preview_import,
    read_table,
    write_error_report,
)
from desktop.core.session import CurrentUser
from desktop.core.validation import make_uscc, resident_id_check_char

pytestmark = pytest.mark.usefixtures("english_messages")

TODAY = date(2025, 6, 30)
FORMULA = "=cmd|' /C calc'!A0"


def uscc(n: int) -> str:
    return make_uscc("310115", f"MA{n:06d}")


def resident_id(body: str = "11010119900307457") -> str:
    return body + resident_id_check_char(body)


def user_of(row: dict) -> CurrentUser:
    return CurrentUser(row["id"], row["username"], row["display_name"], row["role"])


@pytest.fixture
def rm(db: sqlite_utils.Database) -> CurrentUser:
    return user_of(users.ensure_user(db, username="li.na", display_name="李娜", role="rm"))


@pytest.fixture
def head(db: sqlite_utils.Database) -> CurrentUser:
    row = users.ensure_user(db, username="wang", display_name="王行长", role="branch_head")
    return user_of(row)


def write_xlsx(path: Path, rows: list[list], *, as_text: bool = True) -> Path:
    """An .xlsx written by openpyxl; text cells stay text (a string cell
    starting with '=' is what a crafted file contains)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if as_text and isinstance(value, str):
                cell.data_type = "s"
    wb.save(path)
    return path


def write_csv(path: Path, rows: list[list], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def dump_hash(db: sqlite_utils.Database) -> str:
    """A hash of every row of every table (the database's content)."""
    digest = hashlib.sha256()
    tables = [
        r[0]
        for r in db.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    for table in tables:
        for row in sorted(repr(r) for r in db.conn.execute(f"SELECT * FROM [{table}]")):
            digest.update(f"{table}:{row}".encode())
    return digest.hexdigest()


def count(db: sqlite_utils.Database, table: str) -> int:
    return db.conn.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]


FULL_HEADERS = [
    "企业名称", "统一社会信用代码", "法定代表人", "注册资本（万元）", "成立日期", "省份", "城市",
    "地址", "企业类型", "产业链环节", "技术路线", "资质", "员工人数", "研发人员数", "发明专利数",
    "实用新型专利数", "软件著作权数", "客户状态", "客户经理", "备注", "联系人", "联系人职务",
    "联系电话", "身份证号", "电子邮箱", "同意联系", "同意日期", "年度", "是否审计",
    "营业收入(万元)", "净利润(万元)", "总资产(万元)", "总负债(万元)", "流动资产(万元)",
    "流动负债(万元)", "存货(万元)", "货币资金(万元)", "研发费用(万元)",
    "经营活动现金流量净额(万元)",
]  # fmt: skip


def full_row(n: int = 1, **changes) -> list:
    values = {
        "企业名称": f"上海氢途科技有限公司{n}",
        "统一社会信用代码": uscc(n).lower(),
        "法定代表人": "张伟",
        "注册资本（万元）": "1,234.56",
        "成立日期": "2019年3月8日",
        "省份": "上海市",
        "城市": "上海市",
        "地址": "0021 嘉定区安亭镇",
        "企业类型": "科创企业",
        "产业链环节": "燃料电池",
        "技术路线": "PEMFC",
        "资质": "高新技术企业、专精特新“小巨人”企业",
        "员工人数": "120",
        "研发人员数": "45",
        "发明专利数": "12",
        "实用新型专利数": "30",
        "软件著作权数": "4",
        "客户状态": "存量客户",
        "客户经理": "李娜",
        "备注": "-已拜访两次",
        "联系人": "王芳",
        "联系人职务": "财务总监",
        "联系电话": "+86 138 0013 8000",
        "身份证号": resident_id(),
        "电子邮箱": "wang.fang@example.cn",
        "同意联系": "是",
        "同意日期": "2024/5/6",
        "年度": "2024",
        "是否审计": "是",
        "营业收入(万元)": "5,000",
        "净利润(万元)": "-120.5",
        "总资产(万元)": "8000",
        "总负债(万元)": "3000",
        "流动资产(万元)": "4000",
        "流动负债(万元)": "2000",
        "存货(万元)": "500",
        "货币资金(万元)": "1200",
        "研发费用(万元)": "800",
        "经营活动现金流量净额(万元)": "(35)",
    }
    values.update(changes)
    return [values[h] for h in FULL_HEADERS]


# =========================================================================== headers and cells


@pytest.mark.parametrize(
    ("header", "key", "yuan"),
    [
        ("企业名称", "name", False),
        ("*企业名称", "name", False),
        (" Company Name ", "name", False),
        ("统一社会信用代码", "uscc", False),
        ("USCC", "uscc", False),
        ("注册资本(万元)", "registered_capital_wan", False),
        ("注册资本（万元）", "registered_capital_wan", False),
        ("注册资本", "registered_capital_wan", False),
        ("注册资本(元)", "registered_capital_wan", True),
        ("Registered capital", "registered_capital_wan", False),
        ("成立日期", "founded_on", False),
        ("企业类型", "firm_type", False),
        ("产业链环节", "segment", False),
        ("技术路线", "tech_route", False),
        ("员工人数", "employees", False),
        ("研发人员数", "rd_staff", False),
        ("发明专利数", "invention_patents", False),
        ("联系人", "contact_name", False),
        ("联系电话", "mobile", False),
        ("客户经理", "owner", False),
        ("ＵＳＣＣ", "uscc", False),
        ("营业收入（万元）", "revenue", False),
        ("Net Profit", "net_profit", False),
    ],
)
def test_headers_are_recognised(header: str, key: str, yuan: bool) -> None:
    match = match_header(header)
    assert match is not None and match.key == key and match.yuan is yuan


@pytest.mark.parametrize("header", ["", "foo", "注册资本(美元)", "备注2"])
def test_unknown_headers(header: str) -> None:
    assert match_header(header) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-01-05", date(2020, 1, 5)),
        ("2020/1/5", date(2020, 1, 5)),
        ("2020.1.5", date(2020, 1, 5)),
        ("2020年1月5日", date(2020, 1, 5)),
        ("２０２０年１月５日", date(2020, 1, 5)),
        ("20200105", date(2020, 1, 5)),
        ("2020-01-05 00:00:00", date(2020, 1, 5)),
        ("43835", date(2020, 1, 5)),
    ],
)
def test_dates(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2020-13-01", "2020年2月30日", "2020", "yesterday", "1e9"])
def test_bad_dates(text: str) -> None:
    with pytest.raises(importing._CellError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ("=1+1", True),
        (FORMULA, True),
        ("@SUM(A1:A9)", True),
        ('+HYPERLINK("http://x")', True),
        ("-2+3+cmd|' /C calc'!A0", True),
        ("\t=1+1", True),
        ("\r=1+1", True),
        ("＝1+1", True),
        ("-12.5", False),
        ("+86 138 0013 8000", False),
        ("-已拜访", False),
        ("氢能=未来", False),
        ("", False),
    ],
)
def test_formula_detection(text: str, formula: bool) -> None:
    assert looks_like_formula(text) is formula


# =========================================================================== reading


def test_every_recognised_header_is_imported(
    db: sqlite_utils.Database, rm: CurrentUser, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "clients.xlsx", [FULL_HEADERS, full_row(1)])
    preview = preview_import(db, path, today=TODAY, user=rm)
    assert preview.problems == [], preview.problems
    assert preview.unknown_columns == []
    result = apply_import(db, rm, preview)
    assert (result.created, result.contacts_added, result.statements_saved) == (1, 1, 1)

    client = next(db.query("SELECT * FROM clients"))
    assert client["name"] == "上海氢途科技有限公司1"
    assert client["uscc"] == uscc(1)  # lower case normalised
    assert client["legal_rep"] == "张伟"
    assert client["registered_capital_yuan"] == 12_345_600
    assert client["founded_on"] == "2019-03-08"
    assert (client["province"], client["city"]) == ("上海市", "上海市")
    assert client["address"] == "0021 嘉定区安亭镇"
    assert (client["firm_type"], client["segment"], client["tech_route"]) == (
        "tech",
        "fuel_cell",
        "pemfc",
    )
    assert json.loads(client["qualifications"]) == ["high_tech", "little_giant"]
    assert (client["employees"], client["rd_staff"]) == (120, 45)
    assert (client["invention_patents"], client["utility_patents"]) == (12, 30)
    assert client["software_copyrights"] == 4
    assert client["status"] == "active"
    assert client["owner_id"] == rm.id
    assert client["notes"] == "-已拜访两次"

    contact = next(db.query("SELECT * FROM contacts"))
    assert (contact["name"], contact["role"]) == ("王芳", "财务总监")
    assert contact["mobile"] == "13800138000"
    assert contact["id_number"] == resident_id()
    assert contact["email"] == "wang.fang@example.cn"
    assert (contact["consent"], contact["consent_on"]) == (1, "2024-05-06")

    statement = next(db.query("SELECT * FROM financial_statements"))
    assert (statement["fiscal_year"], statement["audited"]) == (2024, 1)
    assert statement["revenue_yuan"] == 50_000_000
    assert statement["net_profit_yuan"] == -1_205_000
    assert statement["operating_cash_flow_yuan"] == -350_000
    assert statement["cash_yuan"] == 12_000_000

    actions = [r[0] for r in db.conn.execute("SELECT action FROM audit_log ORDER BY seq")]
    assert "client.import" in actions
    assert actions.index("client.import") == len(actions) - 1


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings(
    db: sqlite_utils.Database, rm: CurrentUser, tmp_path: Path, encoding: str
) -> None:
    path = write_csv(
        tmp_path / "clients.csv",
        [
            ["企业名称", "统一社会信用代码", "企业类型", "客户状态", "备注"],
            ["苏州氢锐能源有限公司", uscc(7), "产业化企业", "潜在客户", "0012号"],
        ],
        encoding,
    )
    table = read_table(path)
    assert table.encoding == ("utf-8-sig" if encoding == "utf-8-sig" else
                              "utf-8" if encoding == "utf-8" else "gb18030")  # fmt: skip
    assert table.headers[0] == "企业名称"
    preview = preview_import(db, path, today=TODAY, user=rm)
    assert preview.problems == []
    apply_import(db, rm, preview)
    row = next(db.query("SELECT name, uscc, firm_type, notes FROM clients"))
    assert row == {
        "name": "苏州氢锐能源有限公司",
        "uscc": uscc(7),
        "firm_type": "manufacturer",
        "notes": "0012号",
    }


def test_english_headers_and_title_rows(
    db: sqlite_utils.Database, rm: CurrentUser, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "en.csv",
        [
            ["Client list exported 2025"],
            [],
            ["Company Name", "USCC", "Firm Type", "Segment", "Technology Route", "Status",
             "Registered capital (yuan)", "Founded", "Mobile", "Contact", "Whatever"],
            ["Hydrogen Works Ltd", uscc(3), "manufacturer", "Storage", "70MPa高压气态储氢",
             "active", "12,345,678", "2018-07-01", "13912345678", "Li Lei", "x"],
        ],
    )  # fmt: skip
    preview = preview_import(db, path, today=TODAY, user=rm)
    assert preview.header_row == 3
    assert preview.problems == []
    assert preview.unknown_columns == ["Whatever"]
    assert any("Whatever" in w for w in preview.warnings)
    row = preview.rows[0]
    assert row.row_number == 4
    assert row.data["registered_capital_wan"] == "1234.5678"
    assert (row.data["segment"], row.data["tech_route"]) == ("storage", "gas_70mpa")
    apply_import(db, rm, preview)
    assert db.conn.execute("SELECT registered_capital_yuan FROM clients").fetchone()[0] == 12345678


def test_xlsx_numbers_and_dates_are_read_as_text_the_user_sees(
    db: sqlite_utils.Database, rm: CurrentUser, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "typed.xlsx",
        [
            ["企业名称", "统一社会信用代码", "企业类型", "成立日期", "员工人数", "注册资本(万元)",
             "联系人", "联系电话"],
            ["氢能一号", uscc(11), "项目公司", date(2021, 2, 3), 57, 1500.25, "赵六",
             13812345678],
        ],
        as_text=False,
    )  # fmt: skip
    preview = preview_import(db, path, today=TODAY, user=rm)
    assert preview.problems == []
    data = preview.rows[0].data
    assert data["founded_on"] == "2021-02-03"
    assert data["employees"] == 57
    assert data["registered_capital_wan"] == "1500.25"
    assert preview.rows[0].contact == {"name": "赵六", "mobile": "13812345678"}


# =========================================================================== whole-file problems


def test_empty_file(db: sqlite_utils.Database, tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(ImportFileError) as err:
        preview_import(db, path)
    assert err.value.code == "empty"
    blank = tmp_path / "blank.csv"
    blank.write_text("\n , ,\n\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as err:
        preview_import(db, blank)
    assert err.value.code == "empty"


def test_header_only_file(db: sqlite_utils.Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "header.xlsx", [["企业名称", "统一社会信用代码"]])
    with pytest.raises(ImportFileError) as err:
        preview_import(db, path)
    assert err.value.code == "no_rows"
    assert "no data rows" in err.value.message


def test_no_recognisable_header(db: sqlite_utils.Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "other.csv", [["a", "b"], ["1", "2"]])
    with pytest.raises(ImportFileError) as err:
        preview_import(db, path)
    assert err.value.code == "no_header"
    assert "企业名称" in err.value.message


def test_header_without_company_name(db: sqlite_utils.Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "noname.csv", [["省份", "城市"], ["上海", "上海"]])
    with pytest.raises(ImportFileError) as err:
        preview_import(db, path)
    assert err.value.code == "missing_column"


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 40,  # random bytes
        b"PK\x03\x04" + b"\x00garbage" * 100,  # a zip header and garbage
    ],
)
def test_corrupted_xlsx(db: sqlite_utils.Database, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(content)
    before = dump_hash(db)
    with pytest.raises(ImportFileError) as err:
        preview_import(db, path)
    assert err.value.code == "corrupt"
    assert "broken.xlsx" in err.value.message
    assert dump_hash(db) == before


def test_valid_zip_that_is_not_a_workbook(db: sqlite_utils.Database, tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    with pytest.raises(ImportFileError) as err:
        preview_import(db, path)
    assert err.value.code == "corrupt"


def test_huge_file_is_refused_before_reading(
    db: sqlite_utils.Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB in no time

    def never(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(importing, "_read_excel_cells", never)
    monkeypatch.setattr(importing, "_read_text_cells", never)
    started = time.perf_counter()
    with pytest.raises(ImportFileError) as err:
        preview_import(db, path)
    assert time.perf_counter() - started < 1.0
    assert err.value.code == "too_large"
    assert "200.0 MB" in err.value.message and "50.0 MB" in err.value.message


def test_limits_are_configurable(db: sqlite_utils.Database, tmp_path: Path) -> None:
    rows = [["企业名称", "企业类型"]] + [[f"公司{i}", "科创企业"] for i in range(10)]
    path = write_csv(tmp_path / "ten.csv", rows)
    with pytest.raises(ImportFileError) as err:
        preview_import(db, path, max_rows=5)
    assert err.value.code == "too_many_rows"
    with pytest.raises(ImportFileError) as err:
        preview_import(db, path, max_bytes=10)
    assert err.value.code == "too_large"


def test_undecodable_text_and_other_suffixes(db: sqlite_utils.Database, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"\xff\xfe\xfd\x80\x81 not text" * 3 + b"\x81")
    path.write_bytes(b"\x80\x80\xff,\xfe\n")
    with pytest.raises(ImportFileError) as err:
        preview_import(db, path)
    assert err.value.code == "encoding"
    with pytest.raises(ImportFileError) as err:
        preview_import(db, tmp_path / "clients.pdf")
    assert err.value.code == "not_found"
    pdf = tmp_path / "clients.pdf"
    pdf.write_bytes(b"%PDF")
    with pytest.raises(ImportFileError) as err:
        preview_import(db, pdf)
    assert err.value.code == "unsupported"


# =========================================================================== row problems


def test_row_problems_name_row_column_value_and_reason(
    db: sqlite_utils.Database, rm: CurrentUser, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "bad.xlsx",
        [
            ["2025年客户清单"],
            ["企业名称", "统一社会信用代码", "注册资本（万元）", "成立日期", "企业类型",
             "产业链环节"],
            ["好公司", uscc(1), "100", "2020-01-01", "科创企业", "制氢"],
            ["坏公司", uscc(2)[:-1] + "0", "-5", "2030-01-01", "银行", "挖矿"],
        ],
    )  # fmt: skip
    preview = preview_import(db, path, today=TODAY, user=rm)
    assert [r.row_number for r in preview.valid_rows] == [3]
    problems = {p.column: p for p in preview.rejected_rows[0].problems}
    assert set(problems) == {
        "统一社会信用代码",
        "注册资本（万元）",
        "成立日期",
        "企业类型",
        "产业链环节",
    }
    assert all(p.row_number == 4 for p in problems.values())
    assert problems["注册资本（万元）"].value == "-5"
    assert problems["注册资本（万元）"].reason == "Must not be negative."
    assert "check character" in problems["统一社会信用代码"].reason
    assert "future" in problems["成立日期"].reason
    assert problems["企业类型"].value == "银行"
    assert "enterprise type" in problems["企业类型"].reason

    report = write_error_report(preview, tmp_path / "report.xlsx")
    sheet = openpyxl.load_workbook(report).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Row", "Column", "Value", "Reason")
    assert (4, "注册资本（万元）", "-5", "Must not be negative.") in rows
    assert len(rows) == 1 + len(problems)

    csv_report = write_error_report(preview, tmp_path / "report.csv")
    with csv_report.open(encoding="utf-8-sig") as fh:
        lines = list(csv.reader(fh))
    assert lines[0] == ["Row", "Column", "Value", "Reason"]
    assert ["4", "注册资本（万元）", "-5", "Must not be negative."] in lines


def test_duplicates_in_the_file(db: sqlite_utils.Database, rm: CurrentUser, tmp_path: Path) -> None:
    headers = ["企业名称", "统一社会信用代码", "企业类型", "注册资本(万元)", "联系人", "年度"]
    path = write_csv(
        tmp_path / "dup.csv",
        [
            headers,
            ["甲公司", uscc(1), "科创企业", "100", "张三", "2023"],
            ["甲公司", uscc(1), "", "", "李四", "2024"],  # more contacts / years: joined
            ["甲公司", uscc(1), "科创企业", "100", "张三", "2023"],  # nothing new
            ["甲公司", uscc(1), "科创企业", "999", "", ""],  # contradicts row 2
            ["乙公司", "", "科创企业", "", "", ""],
            ["乙 公司", "", "科创企业", "", "", ""],  # same name without USCC
        ],
    )
    preview = preview_import(db, path, today=TODAY, user=rm)
    actions = {r.row_number: r.action for r in preview.rows}
    assert actions == {2: "create", 3: "merge", 4: "reject", 5: "reject", 6: "create", 7: "reject"}
    reasons = {r.row_number: r.problems[0] for r in preview.rejected_rows}
    assert reasons[4].reason == "Duplicate of row 2."
    assert reasons[5].column == "注册资本(万元)" and "Row 2" in reasons[5].reason
    assert reasons[7].reason == "Duplicate of row 6."
    result = apply_import(db, rm, preview)
    assert (result.created, result.contacts_added, result.statements_saved) == (2, 2, 2)
    assert count(db, "clients") == 2


def test_existing_clients_are_update_candidates(
    db: sqlite_utils.Database, rm: CurrentUser, tmp_path: Path
) -> None:
    existing = client_services.create_client(
        db, rm, {"name": "老客户", "uscc": uscc(5), "firm_type": "tech"}
    )
    path = write_csv(
        tmp_path / "update.csv",
        [
            ["企业名称", "统一社会信用代码", "企业类型", "注册资本(万元)", "年度",
             "营业收入(万元)"],
            ["老客户", uscc(5).lower(), "", "800", "2024", "50"],
            ["新客户", uscc(6), "科创企业", "", "", ""],
        ],
    )  # fmt: skip
    preview = preview_import(db, path, today=TODAY, user=rm)
    assert preview.problems == []
    assert [r.action for r in preview.rows] == ["update", "create"]
    assert preview.rows[0].existing_id == existing["id"]

    before = dict(next(db.query("SELECT * FROM clients WHERE id = ?", [existing["id"]])))
    result = apply_import(db, rm, preview)
    assert (result.created, result.updated, result.skipped) == (1, 0, 1)
    after = dict(next(db.query("SELECT * FROM clients WHERE id = ?", [existing["id"]])))
    assert after == before
    assert count(db, "financial_statements") == 0

    preview = preview_import(db, path, today=TODAY, user=rm)
    assert [r.action for r in preview.rows] == ["update", "update"]
    result = apply_import(db, rm, preview, update_existing=True)
    assert (result.created, result.updated, result.statements_saved) == (0, 2, 1)
    after = dict(next(db.query("SELECT * FROM clients WHERE id = ?", [existing["id"]])))
    assert after["registered_capital_yuan"] == 8_000_000
    assert after["firm_type"] == "tech"  # the empty cell did not erase it
    assert after["version"] == before["version"] + 1
    # A year already on file is updated, not duplicated.
    path.write_text(
        "企业名称,统一社会信用代码,年度,净利润(万元)\n老客户," + uscc(5) + ",2024,-3\n",
        encoding="utf-8",
    )
    apply_import(db, rm, preview_import(db, path, today=TODAY, user=rm), update_existing=True)
    statement = next(db.query("SELECT * FROM financial_statements"))
    assert (statement["revenue_yuan"], statement["net_profit_yuan"]) == (500_000, -30_000)
    assert count(db, "financial_statements") == 1


def test_owner_by_name_or_user_name_and_permissions(
    db: sqlite_utils.Database, rm: CurrentUser, head: CurrentUser, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "owners.csv",
        [
            ["企业名称", "企业类型", "客户经理"],
            ["甲", "科创企业", "王行长"],
            ["乙", "科创企业", "LI.NA"],
            ["丙", "科创企业", "不存在的人"],
            ["丁", "科创企业", ""],
        ],
    )
    preview = preview_import(db, path, today=TODAY, user=head)
    assert preview.rows[0].data["owner_id"] == head.id
    assert preview.rows[1].data["owner_id"] == rm.id
    assert preview.rows[2].problems[0].reason == "No active user is called “不存在的人”."
    assert preview.rows[3].ok

    # A relationship manager may not create clients for someone else.
    preview = preview_import(db, path, today=TODAY, user=rm)
    assert not preview.rows[0].ok and "permission" in preview.rows[0].problems[0].reason
    assert preview.rows[1].ok and preview.rows[3].ok

    # A reviewer may not create clients at all.
    reviewer = user_of(users.ensure_user(db, username="rev", display_name="审查", role="reviewer"))
    preview = preview_import(db, path, today=TODAY, user=reviewer)
    assert preview.valid_rows == []

    # The command line (not a stored user) must name the owner.
    cli = CurrentUser("os:someone", "someone", "someone (command line)", "branch_head")
    preview = preview_import(db, path, today=TODAY, user=cli)
    assert preview.rows[3].problems[0].column == "客户经理"
    apply_import(db, cli, preview)
    assert {r[0] for r in db.conn.execute("SELECT name FROM clients")} == {"甲", "乙"}


def test_masked_personal_values_are_not_imported(
    db: sqlite_utils.Database, rm: CurrentUser, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "masked.csv",
        [
            ["企业名称", "企业类型", "联系人", "联系电话", "身份证号"],
            ["甲", "科创企业", "张三", "138****8000", "110101********4578"],
        ],
    )
    preview = preview_import(db, path, today=TODAY, user=rm)
    assert preview.problems == []
    assert preview.rows[0].contact == {"name": "张三"}
    assert len(preview.rows[0].notes) == 2
    apply_import(db, rm, preview)
    assert db.conn.execute("SELECT mobile, id_number FROM contacts").fetchone() == (None, None)


# =========================================================================== formula injection


def test_formula_injection_is_rejected_not_stored(
    db: sqlite_utils.Database, rm: CurrentUser, tmp_path: Path
) -> None:
    rows = [
        ["企业名称", "企业类型", "备注", "地址"],
        [FORMULA, "科创企业", "", ""],
        ["甲公司", "科创企业", "@SUM(1+1)*cmd|' /C calc'!A0", ""],
        ["乙公司", "科创企业", "", "-2+3+cmd|' /C calc'!A0"],
        ["丙公司", "科创企业", "-已拜访", "+86 路"],
    ]
    for path in (write_csv(tmp_path / "evil.csv", rows), write_xlsx(tmp_path / "evil.xlsx", rows)):
        preview = preview_import(db, path, today=TODAY, user=rm)
        assert [r.row_number for r in preview.rejected_rows] == [2, 3, 4]
        for row in preview.rejected_rows:
            assert len(row.problems) == 1
            assert "formula" in row.problems[0].reason
        assert preview.rejected_rows[0].problems[0].value == FORMULA
        assert preview.rejected_rows[0].problems[0].column == "企业名称"
    apply_import(db, rm, preview)
    stored = [tuple(r) for r in db.conn.execute("SELECT name, notes, address FROM clients")]
    assert stored == [("丙公司", "-已拜访", "+86 路")]
    # The report writes the hostile value as plain text, never as a formula.
    report = write_error_report(preview, tmp_path / "evil-report.xlsx")
    for row in openpyxl.load_workbook(report).active.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
    first = next(openpyxl.load_workbook(report).active.iter_rows(min_row=2))
    values = [c.value for c in first]
    assert FORMULA in values


# =========================================================================== one transaction


def test_a_failure_midway_rolls_everything_back(
    db: sqlite_utils.Database, rm: CurrentUser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_xlsx(tmp_path / "three.xlsx", [FULL_HEADERS] + [full_row(n) for n in (1, 2, 3)])
    preview = preview_import(db, path, today=TODAY, user=rm)
    assert len(preview.valid_rows) == 3
    before = dump_hash(db)
    counts = {t: count(db, t) for t in ("clients", "contacts", "financial_statements")}
    calls = []
    real = client_services.add_contact

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk unplugged")
        return real(*args, **kwargs)

    monkeypatch.setattr(client_services, "add_contact", failing)
    with pytest.raises(ImportApplyError) as err:
        apply_import(db, rm, preview)
    assert err.value.row_number == 3
    assert "Row 3" in err.value.message and "nothing was imported" in err.value.message
    assert dump_hash(db) == before
    assert {t: count(db, t) for t in counts} == counts


def test_preview_alone_changes_nothing(
    db: sqlite_utils.Database, rm: CurrentUser, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "p.xlsx", [FULL_HEADERS, full_row(1), full_row(2)])
    before = dump_hash(db)
    preview = preview_import(db, path, today=TODAY, user=rm)
    assert len(preview.valid_rows) == 2
    assert dump_hash(db) == before


# =========================================================================== fuzzing

_nasty = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["", " ", "=1+1", FORMULA, "@x", "+1", "-1", "-已拜访", "😀🚀", "1e999", "-1e999",
         "99999999999999999999", "NaN", "inf", "2020-02-30", "2020年13月1日", "0", "1.5",
         "科创企业", "制氢", "PEM", "存量客户", "是", "否", "李娜", "\t=1", "\r\n", "0x1F",
         "１２３", "(5)", "1,000", "--", "—", "*", "138****0000", "\x00"]
    ),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.builds(uscc, st.integers(min_value=0, max_value=20)),
)  # fmt: skip

FUZZ_HEADERS = [
    "企业名称", "统一社会信用代码", "注册资本(万元)", "成立日期", "企业类型", "产业链环节",
    "技术路线", "员工人数", "客户状态", "客户经理", "联系人", "联系电话", "身份证号", "年度",
    "营业收入(万元)", "净利润(万元)", "资质", "同意联系",
]  # fmt: skip


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=st.lists(st.lists(_nasty, min_size=0, max_size=20), min_size=1, max_size=8))
def test_fuzzed_rows_never_crash_and_every_bad_row_is_reported(
    db: sqlite_utils.Database, rm: CurrentUser, tmp_path: Path, rows: list[list[str]]
) -> None:
    path = tmp_path / "fuzz.csv"
    clean_rows = [[cell.replace("\x00", "") for cell in row] for row in rows]
    write_csv(path, [FUZZ_HEADERS, *clean_rows])
    before = dump_hash(db)
    clients_before = count(db, "clients")
    try:
        preview = preview_import(db, path, today=TODAY, user=rm)
    except ImportFileError as exc:
        assert exc.code in ("no_rows", "empty")
        assert dump_hash(db) == before
        return
    assert dump_hash(db) == before  # cancelling = not applying: nothing written
    for row in preview.rows:
        assert row.ok == (row.action != "reject")
        for problem in row.problems:
            assert problem.row_number == row.row_number
            assert problem.reason
        formula_cells = [v for v in row.values.values() if looks_like_formula(v)]
        if formula_cells:
            assert not row.ok
    result = apply_import(db, rm, preview)
    assert result.rejected == len(preview.rejected_rows)
    assert count(db, "clients") == clients_before + result.created
    assert result.created == preview.count("create")
    # Nothing formula-like reached the database.
    for (text,) in db.conn.execute("SELECT name || ' ' || coalesce(notes, '') FROM clients"):
        assert not text.startswith(("=", "@"))

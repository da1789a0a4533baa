"""Import clients, their contacts and financial statements from .xlsx / .csv (no Qt).

Three steps, so that the GUI can show everything before anything is written:

1. :func:`read_table` reads the file as TEXT (identifiers keep their leading
   zeros and all 18 characters), finds the header row and refuses files that
   are too large, empty, unreadable or without a recognisable header
   (:class:`ImportFileError`, translated message, never a crash).
2. :func:`preview_import` maps the headers (Chinese or English, any width,
   case or spacing, with synonyms), normalises every cell and validates every
   row with the client services' validators. Each problem is a
   :class:`RowProblem` naming the row as Excel numbers it, the column as the
   file spells it, the value and the reason. Rows whose USCC (or, without a
   USCC, exact name) matches a live client are update candidates, not errors.
   Nothing is written: cancelling is simply not calling step 3.
3. :func:`apply_import` writes all valid rows in ONE transaction, through the
   client services (which validate again and audit each change), plus one
   ``client.import`` summary entry. Any failure rolls everything back.

Several rows with the same client (same USCC) are one client with several
contacts or several years of statements: a later row may repeat the client's
columns or leave them empty, but may not contradict them.

Formula injection: a text cell starting with ``=`` or ``@``, or with ``+`` /
``-`` followed by formula syntax (``(``, ``|``, ``!``, ``=``), is never stored;
its row is rejected with a reason. Cells are never evaluated (calamine and
openpyxl only read cached values).
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import sqlite_utils

from db import audit
from db.connection import write
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.privacy import mask_value
from desktop.core.session import CurrentUser
from desktop.core.taxonomy import load_taxonomy
from desktop.core.validation import normalize_uscc

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000
# A zip bomb: an .xlsx whose parts unpack to more than this is refused unread.
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
HEADER_SEARCH_ROWS = 30
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
SUPPORTED_SUFFIXES = EXCEL_SUFFIXES + TEXT_SUFFIXES

CTX = "Import"


# =========================================================================== errors


class ImportFileError(Exception):
    """The file as a whole cannot be imported; nothing was read into the database.

    ``code``: ``not_found``, ``unsupported``, ``too_large``, ``too_many_rows``,
    ``empty``, ``no_header``, ``no_rows``, ``missing_column``, ``corrupt``,
    ``encoding``. ``message`` is translated.
    """

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class ImportApplyError(Exception):
    """Writing the import failed; the transaction was rolled back (nothing written).

    ``row_number`` is the file row being written when it failed (or None).
    """

    def __init__(self, message: str, *, row_number: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.row_number = row_number


# =========================================================================== columns


@dataclass(frozen=True)
class Column:
    """One importable column.

    ``key`` is the field key given to the client services; ``target`` the
    record it belongs to (``client``, ``contact``, ``statement``); ``kind``
    how cells are parsed; ``header_zh`` the canonical header (what the export
    writes); ``synonyms`` further recognised headers (matched after
    normalisation: full-width to half-width, case, spaces, ``*``, units).
    """

    key: str
    target: str
    kind: str
    header_zh: str
    header_en: str
    synonyms: tuple[str, ...] = ()


def _c(key, target, kind, zh, en, *synonyms) -> Column:
    return Column(key, target, kind, zh, en, tuple(synonyms))


COLUMNS: tuple[Column, ...] = (
    _c("name", "client", "text", "企业名称", "Company name",
       "客户名称", "公司名称", "单位名称", "企业", "名称", "name", "company", "client",
       "client name", "enterprise name", "company name"),
    _c("uscc", "client", "text", "统一社会信用代码", "USCC",
       "社会信用代码", "信用代码", "统一代码", "unified social credit code", "credit code",
       "uscc code"),
    _c("legal_rep", "client", "text", "法定代表人", "Legal representative",
       "法人代表", "法人", "legal rep", "legal representative"),
    _c("registered_capital_wan", "client", "money", "注册资本(万元)", "Registered capital",
       "注册资本", "注册资金", "registered capital", "capital"),
    _c("founded_on", "client", "date", "成立日期", "Founding date",
       "成立时间", "注册日期", "成立年月", "founded", "founded on", "date founded",
       "established", "founding date", "date of establishment"),
    _c("province", "client", "text", "省份", "Province", "省", "所在省份", "所在省", "province"),
    _c("city", "client", "text", "城市", "City", "市", "所在城市", "所在市", "地市", "city"),
    _c("address", "client", "text", "地址", "Address",
       "注册地址", "办公地址", "详细地址", "通讯地址", "address"),
    _c("firm_type", "client", "firm_type", "企业类型", "Firm type",
       "客户类型", "企业类别", "类型", "firm type", "enterprise type", "company type", "type"),
    _c("segment", "client", "segment", "产业链环节", "Segment",
       "产业链", "环节", "所属环节", "segment", "value chain segment", "value chain"),
    _c("tech_route", "client", "route", "技术路线", "Technology route",
       "技术路径", "工艺路线", "tech route", "technology route", "route", "technology"),
    _c("qualifications", "client", "qualifications", "资质", "Qualifications",
       "资质认定", "企业资质", "荣誉资质", "qualifications", "qualification"),
    _c("employees", "client", "int", "员工人数", "Employees",
       "员工数", "职工人数", "从业人数", "人数", "employees", "staff", "headcount"),
    _c("rd_staff", "client", "int", "研发人员数", "R&D staff",
       "研发人员", "研发人数", "研发人员数量", "r&d staff", "rd staff", "research staff"),
    _c("invention_patents", "client", "int", "发明专利数", "Invention patents",
       "发明专利", "发明专利数量", "invention patents"),
    _c("utility_patents", "client", "int", "实用新型专利数", "Utility model patents",
       "实用新型专利", "实用新型", "utility patents", "utility model patents"),
    _c("software_copyrights", "client", "int", "软件著作权数", "Software copyrights",
       "软件著作权", "软著", "软件著作权数量", "software copyrights"),
    _c("status", "client", "status", "客户状态", "Status", "状态", "status", "client status"),
    _c("owner", "client", "owner", "客户经理", "Relationship manager",
       "管户客户经理", "管户经理", "归属客户经理", "relationship manager", "rm", "owner",
       "account manager"),
    _c("notes", "client", "text", "备注", "Notes", "说明", "notes", "remarks", "note"),
    _c("contact_name", "contact", "text", "联系人", "Contact",
       "联系人姓名", "contact", "contact name", "contact person"),
    _c("contact_role", "contact", "text", "联系人职务", "Contact role",
       "职务", "职位", "contact role", "contact title", "title", "position"),
    _c("mobile", "contact", "mobile", "联系电话", "Mobile",
       "手机", "手机号", "手机号码", "联系人手机", "联系方式", "电话", "mobile", "phone",
       "mobile phone", "contact phone", "telephone"),
    _c("id_number", "contact", "text", "身份证号", "ID number",
       "身份证号码", "身份证", "联系人身份证号", "证件号码", "id number", "resident id",
       "id card"),
    _c("email", "contact", "text", "电子邮箱", "E-mail",
       "邮箱", "电子邮件", "email", "e-mail", "mail"),
    _c("consent", "contact", "bool", "同意联系", "Consent to contact",
       "联系授权", "授权同意", "consent", "consent to contact"),
    _c("consent_on", "contact", "date", "同意日期", "Consent date",
       "授权日期", "consent date", "consent on"),
    _c("fiscal_year", "statement", "year", "年度", "Fiscal year",
       "财务年度", "会计年度", "报表年度", "年份", "fiscal year", "year"),
    _c("audited", "statement", "bool", "是否审计", "Audited",
       "已审计", "审计", "audited"),
    _c("revenue", "statement", "money", "营业收入(万元)", "Revenue",
       "营业收入", "营收", "收入", "revenue", "sales"),
    _c("net_profit", "statement", "signed_money", "净利润(万元)", "Net profit",
       "净利润", "净利", "net profit", "net income"),
    _c("total_assets", "statement", "money", "总资产(万元)", "Total assets",
       "总资产", "资产总额", "资产总计", "total assets"),
    _c("total_liabilities", "statement", "money", "总负债(万元)", "Total liabilities",
       "总负债", "负债总额", "负债合计", "total liabilities"),
    _c("current_assets", "statement", "money", "流动资产(万元)", "Current assets",
       "流动资产", "流动资产合计", "current assets"),
    _c("current_liabilities", "statement", "money", "流动负债(万元)", "Current liabilities",
       "流动负债", "流动负债合计", "current liabilities"),
    _c("inventory", "statement", "money", "存货(万元)", "Inventory", "存货", "inventory"),
    _c("cash", "statement", "money", "货币资金(万元)", "Cash", "货币资金", "现金", "cash"),
    _c("rd_expense", "statement", "money", "研发费用(万元)", "R&D expense",
       "研发费用", "研发投入", "r&d expense", "rd expense"),
    _c("operating_cash_flow", "statement", "signed_money", "经营活动现金流量净额(万元)",
       "Operating cash flow", "经营活动现金流量净额", "经营现金流", "经营活动现金流",
       "operating cash flow"),
)  # fmt: skip

COLUMNS_BY_KEY = {c.key: c for c in COLUMNS}
CLIENT_KEYS = tuple(c.key for c in COLUMNS if c.target == "client")
CONTACT_KEYS = tuple(c.key for c in COLUMNS if c.target == "contact")
STATEMENT_KEYS = tuple(c.key for c in COLUMNS if c.target == "statement")
MONEY_KINDS = ("money", "signed_money")

# Units that may follow a header in brackets or at its end.
_UNIT_RE = re.compile(r"\((?P<unit>[^()]*)\)$")
_WAN_UNITS = ("万元", "万", "人民币万元", "万元人民币", "10kyuan", "10,000yuan", "wan", "cny10k")
_YUAN_UNITS = ("元", "人民币元", "yuan", "cny", "rmb")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return re.sub(r"[\s_*:：\-/]+", "", text)


_SYNONYMS: dict[str, str] = {}
for _col in COLUMNS:
    for _name in (_col.header_zh, _col.header_en, _col.key, *_col.synonyms):
        _SYNONYMS.setdefault(_norm(_name), _col.key)


@dataclass(frozen=True)
class HeaderMatch:
    key: str
    yuan: bool = False  # a money column given in yuan instead of 万元


def match_header(header: str) -> HeaderMatch | None:
    """The column a header text means, or None. ``'注册资本（万元）'``,
    ``' Registered Capital '`` and ``'*企业名称'`` are all recognised; a money
    header with unit ``(元)`` is read in yuan."""
    text = _norm(header)
    if not text:
        return None
    key = _SYNONYMS.get(text)
    if key is not None:
        return HeaderMatch(key)
    unit = ""
    match = _UNIT_RE.search(text)
    if match:
        unit = match.group("unit")
        base = text[: match.start()]
    elif text.endswith("万元"):
        base, unit = text[:-2], "万元"
    else:
        return None
    key = _SYNONYMS.get(base)
    if key is None:
        return None
    if COLUMNS_BY_KEY[key].kind in MONEY_KINDS:
        if unit in _YUAN_UNITS:
            return HeaderMatch(key, yuan=True)
        if unit in _WAN_UNITS:
            return HeaderMatch(key)
        return None  # an amount in a unit we do not know: not guessed
    return HeaderMatch(key)


# =========================================================================== reading


@dataclass
class RawTable:
    """A sheet as text: ``headers`` as spelled in the file, ``rows`` aligned to them,
    ``row_numbers`` the row numbers Excel shows for each data row."""

    path: Path
    headers: list[str]
    header_row: int
    rows: list[list[str]]
    row_numbers: list[int]
    encoding: str | None = None
    sheet: str | None = None


def _size_text(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f} MB"


def _cell_text(value: Any) -> str:
    """A cell read from a workbook as the text the user sees."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    text = str(value)
    return "" if text in ("nan", "NaT", "None") and not isinstance(value, str) else text


def _clean(text: str) -> str:
    return text.strip().strip("\ufeff\u200b").strip()


def _check_file(path: Path, max_bytes: int) -> int:
    if not path.exists():
        raise ImportFileError(
            translate("Import", "The file {path} does not exist.").format(path=path),
            code="not_found",
        )
    if not path.is_file():
        raise ImportFileError(
            translate("Import", "{path} is not a file.").format(path=path), code="not_found"
        )
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise ImportFileError(
            translate(
                "Import", "Files of type “{suffix}” cannot be imported; use .xlsx, .xls or .csv."
            ).format(suffix=path.suffix or path.name),
            code="unsupported",
        )
    size = path.stat().st_size
    if size > max_bytes:
        raise ImportFileError(
            translate(
                "Import",
                "The file is too large to import ({size}; at most {limit}). "
                "Split it into smaller files.",
            ).format(size=_size_text(size), limit=_size_text(max_bytes)),
            code="too_large",
        )
    if size == 0:
        raise ImportFileError(translate("Import", "The file is empty."), code="empty")
    return size


def _corrupt(path: Path) -> ImportFileError:
    return ImportFileError(
        translate(
            "Import",
            "The file {name} cannot be read as an Excel workbook; it may be damaged or "
            "not really an Excel file. Open it in Excel or WPS and save it again as .xlsx.",
        ).format(name=path.name),
        code="corrupt",
    )


def _read_excel_cells(path: Path, nrows: int) -> tuple[list[list[str]], str | None]:
    import pandas as pd  # noqa: PLC0415 - pandas loads in about a second

    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            with zipfile.ZipFile(path) as archive:
                unpacked = sum(info.file_size for info in archive.infolist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise _corrupt(path) from None
        if unpacked > MAX_UNPACKED_BYTES:
            raise ImportFileError(
                translate(
                    "Import",
                    "The workbook unpacks to {size}, more than can be imported safely "
                    "(at most {limit}). Split it into smaller files.",
                ).format(size=_size_text(unpacked), limit=_size_text(MAX_UNPACKED_BYTES)),
                code="too_large",
            )
    engines = ["calamine", "openpyxl"] if suffix != ".xls" else ["calamine"]
    frame = None
    sheet = None
    for engine in engines:
        try:
            with pd.ExcelFile(path, engine=engine) as book:
                names = book.sheet_names
                if not names:
                    raise _corrupt(path)
                sheet = str(names[0])
                frame = pd.read_excel(
                    book,
                    sheet_name=0,
                    header=None,
                    dtype=object,
                    nrows=nrows,
                    keep_default_na=False,
                )
            break
        except ImportFileError:
            raise
        except Exception:
            continue
    if frame is None:
        raise _corrupt(path)
    rows = [[_clean(_cell_text(v)) for v in row] for row in frame.itertuples(index=False)]
    return rows, sheet


def _decode(raw: bytes, path: Path) -> tuple[str, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ImportFileError(
        translate(
            "Import",
            "The text file {name} is neither UTF-8 nor GBK/GB18030 encoded; save it again "
            "as “CSV UTF-8”.",
        ).format(name=path.name),
        code="encoding",
    )


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", "\t", ";", "，")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_text_cells(path: Path, nrows: int) -> tuple[list[list[str]], str]:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        if raw.startswith(b"PK") or raw.startswith(b"\xd0\xcf\x11\xe0"):
            raise ImportFileError(
                translate(
                    "Import", "The file {name} is an Excel workbook; give it the suffix .xlsx."
                ).format(name=path.name),
                code="corrupt",
            )
        raise ImportFileError(
            translate("Import", "The file {name} is not a text (CSV) file.").format(name=path.name),
            code="corrupt",
        )
    text, encoding = _decode(raw, path)
    text = text.replace("\x00", "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append([_clean(cell) for cell in row])
            if len(rows) >= nrows:
                break
    except csv.Error as exc:
        raise ImportFileError(
            translate(
                "Import", "The CSV file {name} is malformed near line {line}: {problem}"
            ).format(name=path.name, line=reader.line_num, problem=exc),
            code="corrupt",
        ) from None
    return rows, encoding


def _header_score(cells: Sequence[str]) -> tuple[int, bool]:
    keys = [m.key for m in (match_header(c) for c in cells if c) if m is not None]
    return len(set(keys)), "name" in keys


def read_table(
    path: str | Path, *, max_bytes: int = MAX_FILE_BYTES, max_rows: int = MAX_ROWS
) -> RawTable:
    """Read the first sheet of an .xlsx/.xls or a .csv file as text.

    The file size is checked before anything is read. The header is the first
    of the first :data:`HEADER_SEARCH_ROWS` rows that names the company-name
    column or at least two known columns. Raises :class:`ImportFileError`.
    """
    path = Path(path)
    _check_file(path, max_bytes)
    limit = max_rows + HEADER_SEARCH_ROWS + 1
    encoding = sheet = None
    if path.suffix.lower() in EXCEL_SUFFIXES:
        cells, sheet = _read_excel_cells(path, limit)
    else:
        cells, encoding = _read_text_cells(path, limit)
    if not any(any(c for c in row) for row in cells):
        raise ImportFileError(translate("Import", "The file has no data."), code="empty")
    header_index = None
    for index, row in enumerate(cells[:HEADER_SEARCH_ROWS]):
        recognised, has_name = _header_score(row)
        if has_name or recognised >= 2:
            header_index = index
            break
    if header_index is None:
        raise ImportFileError(
            translate(
                "Import",
                "No recognisable header row in the first {n} rows. The header needs at least "
                "the column “企业名称” (company name).",
            ).format(n=HEADER_SEARCH_ROWS),
            code="no_header",
        )
    headers = list(cells[header_index])
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    rows: list[list[str]] = []
    numbers: list[int] = []
    for index in range(header_index + 1, len(cells)):
        row = cells[index]
        if not any(row):
            continue
        extra = row[width:]
        row = (list(row[:width]) + [""] * width)[:width]
        if any(extra):
            row.append(" ".join(c for c in extra if c))  # kept to report it
        rows.append(row)
        numbers.append(index + 1)
    if len(rows) > max_rows:
        raise ImportFileError(
            translate(
                "Import", "The file has more than {limit:,} rows; split it into smaller files."
            ).format(limit=max_rows),
            code="too_many_rows",
        )
    return RawTable(
        path=path,
        headers=headers,
        header_row=header_index + 1,
        rows=rows,
        row_numbers=numbers,
        encoding=encoding,
        sheet=sheet,
    )


# =========================================================================== cell parsing


class _CellError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_FORMULA_HEADS = frozenset("=+-@\t\r＝＋－＠")
_PLAIN_NUMBER = re.compile(r"[+-]?[\d\s,.()\-]*\d[\d\s,.()\-]*")
_FORMULA_SYNTAX = re.compile(r"[(|!=]")
_PLACEHOLDERS = frozenset({"-", "--", "---", "—", "——", "/", "－", "无", "n/a", "N/A", "NA"})


def looks_like_formula(text: str) -> bool:
    """True for text a spreadsheet could run as a formula (``=1+1``,
    ``@SUM(A1)``, ``-2+3+cmd|' /C calc'!A0``, a leading tab or CR before such
    text); False for plain numbers (``-12.5``, ``+86 138 0013 8000``) and
    ordinary text starting with a dash (``-已拜访``)."""
    stripped = text.lstrip(" \t\r\n\u3000")
    if not stripped:
        return False
    head = stripped[0]
    if head in "=@＝＠":
        return True
    if head in "+-＋－":
        if _PLAIN_NUMBER.fullmatch(stripped):
            return False
        return bool(_FORMULA_SYNTAX.search(unicodedata.normalize("NFKC", stripped)))
    return False


def _is_masked(text: str) -> bool:
    return "*" in text or "＊" in text


_EXCEL_EPOCH = date(1899, 12, 30)
_DATE_PATTERNS = (
    re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)


def parse_date(text: str) -> date:
    """``2020-01-05``, ``2020/1/5``, ``2020.1.5``, ``2020年1月5日``, ``20200105``,
    ``2020-01-05 00:00:00`` or an Excel serial day number (``43835``)."""
    value = unicodedata.normalize("NFKC", text).strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(value)
        if match:
            try:
                return date(*(int(p) for p in match.groups()))
            except ValueError:
                break
    else:
        try:
            serial = float(value)
        except ValueError:
            serial = None
        # Only five-digit serials (1927-2173): a bare year such as 2020 is not a date.
        if serial is not None and math.isfinite(serial) and 10_000 <= serial < 100_000:
            return _EXCEL_EPOCH + timedelta(days=int(serial))
    raise _CellError(translate("Import", "Not a date; write it as YYYY-MM-DD."))


def parse_int(text: str) -> int:
    value = unicodedata.normalize("NFKC", text).replace(",", "").replace(" ", "")
    for suffix in ("人", "个", "件", "项", "名"):
        value = value.removesuffix(suffix)
    try:
        number = Decimal(value)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or number != number.to_integral_value():
        raise _CellError(translate("Import", "Not a whole number."))
    if number < 0:
        raise _CellError(translate("Import", "Must not be negative."))
    if number > 10_000_000:
        raise _CellError(translate("Import", "Implausibly large."))
    return int(number)


MAX_AMOUNT_WAN = Decimal(100_000_000)  # 10^12 yuan, as desktop.core.validation


def parse_wan(text: str, *, signed: bool = False, yuan: bool = False) -> Decimal:
    """An amount in 万元 (``'1,234.56'``, ``'1234.56万元'``, ``'(12.5)'`` for a
    negative in accounting style); a column headed ``(元)`` is converted."""
    value = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace(" ", "")
    for suffix in ("万元", "万", "元"):
        if value.endswith(suffix):
            value = value[: -len(suffix)]
            break
    negative = False
    if value.startswith("(") and value.endswith(")"):
        negative, value = True, value[1:-1]
    try:
        amount = Decimal(value)
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite():
        raise _CellError(translate("Import", "Not an amount in 万元."))
    if negative:
        amount = -amount
    if yuan:
        amount = amount / Decimal(10_000)
    if amount < 0 and not signed:
        raise _CellError(translate("Import", "Must not be negative."))
    if abs(amount) > MAX_AMOUNT_WAN:
        raise _CellError(translate("Import", "Too large (at most 100,000,000 万元)."))
    yuan_value = amount * Decimal(10_000)
    if yuan_value != yuan_value.to_integral_value():
        raise _CellError(
            translate("Import", "More than four decimal places in 万元 (finer than one yuan).")
        )
    return amount


def wan_to_yuan(amount: Decimal) -> int:
    return int(amount * Decimal(10_000))


_TRUE = frozenset({"是", "y", "yes", "true", "1", "已审计", "已同意", "同意", "√", "✓", "有"})
_FALSE = frozenset({"否", "n", "no", "false", "0", "未审计", "未同意", "不同意", "×", "无"})


def parse_bool(text: str) -> bool:
    value = unicodedata.normalize("NFKC", text).strip().casefold()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise _CellError(translate("Import", "Answer yes (是) or no (否)."))


def parse_year(text: str) -> int:
    value = unicodedata.normalize("NFKC", text).strip()
    for suffix in ("年度", "年"):
        value = value.removesuffix(suffix)
    if value.endswith(".0"):
        value = value[:-2]
    if not (value.isascii() and value.isdigit() and 1990 <= int(value) <= 2100):
        raise _CellError(translate("Import", "Not a financial year between 1990 and 2100."))
    return int(value)


# --------------------------------------------------------------------------- code lists


_FIRM_TYPES = {
    "tech": ("科创企业", "科创", "科技型企业", "科技企业", "科创型企业", "tech", "tech firm",
             "tech start-up", "technology firm", "startup"),
    "manufacturer": ("产业化企业", "产业化", "制造企业", "生产企业", "manufacturer",
                     "manufacturing"),
    "project": ("项目公司", "项目", "project", "project company", "spv"),
}  # fmt: skip

_STATUSES = {
    "prospect": ("潜在客户", "潜在", "意向客户", "目标客户", "prospect"),
    "active": ("存量客户", "存量", "活跃", "活跃客户", "合作中", "active"),
    "dormant": ("休眠客户", "休眠", "dormant"),
    "exited": ("已退出客户", "已退出", "退出", "exited"),
}


def _label_index(table: dict[str, Iterable[str]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for code, labels in table.items():
        for label in (code, *labels):
            index.setdefault(_norm(label), code)
    return index


class _Codes:
    """Label -> code look-ups for the enum columns (built once per preview)."""

    def __init__(self) -> None:
        taxonomy = load_taxonomy()
        self.firm_types = _label_index(_FIRM_TYPES)
        self.statuses = _label_index(_STATUSES)
        segments: dict[str, list[str]] = {}
        for s in taxonomy.segments:
            segments[s.code] = [s.name_zh, s.name_en, s.code.replace("_", " ")]
            segments[s.code].append(s.name_zh.removesuffix("氢") if len(s.name_zh) > 2 else "")
        segments["application"] += ["应用", "applications", "氢能利用"]
        segments["fuel_cell"] += ["fuel cell", "燃料电池系统"]
        self.segments = _label_index({k: [v for v in vs if v] for k, vs in segments.items()})
        self.routes: dict[str, str] = {}
        self.route_segment: dict[str, str] = {}
        for route in taxonomy.routes:
            self.route_segment[route.code] = route.segment
            labels = [route.code, route.name_zh, route.name_en]
            for name in (route.name_zh, route.name_en):
                normal = unicodedata.normalize("NFKC", name)
                inner = re.search(r"\(([^()]+)\)\s*$", normal)
                if inner:
                    labels.append(inner.group(1))
                    labels.append(normal[: inner.start()])
            for label in labels:
                self.routes.setdefault(_norm(label), route.code)
        self.qualifications: dict[str, str] = {}
        for q in taxonomy.qualifications:
            for label in (q.code, q.name_zh, q.name_en):
                self.qualifications.setdefault(_norm(label), q.code)
                self.qualifications.setdefault(_norm(re.sub(r"[“”\"]", "", label)), q.code)


def _choice(index: dict[str, str], text: str, message: str) -> str:
    code = index.get(_norm(text))
    if code is None:
        raise _CellError(message.format(value=text))
    return code


_LIST_SPLIT = re.compile(r"[、,，;；/|\n]+")


# =========================================================================== preview


@dataclass(frozen=True)
class RowProblem:
    """Why a row cannot be imported: ``row_number`` as Excel shows it,
    ``column`` the header as spelled in the file (empty for the whole row),
    the ``value`` and the translated ``reason``."""

    row_number: int
    column: str
    value: str
    reason: str


@dataclass
class PreviewRow:
    """One data row: the cells as in the file, the input for the client services
    (``data`` for the client, only the columns the row fills; ``contact``;
    ``statement``), the validated client (``client``) and the row's problems."""

    row_number: int
    values: dict[str, str]
    data: dict[str, Any] = field(default_factory=dict)
    client: dict[str, Any] = field(default_factory=dict)
    contact: dict[str, Any] | None = None
    statement: dict[str, Any] | None = None
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # not errors (masked values ignored...)
    action: str = "create"  # create | update | merge | reject
    existing_id: str | None = None
    existing_version: int | None = None
    existing_name: str | None = None
    existing_owner: str | None = None
    may_update: bool = True
    merge_into: int | None = None  # row number of the first row of the same client
    identity: tuple[str, str] | None = None  # ("uscc", code) or ("name", normalised name)
    existing: dict[str, Any] | None = None  # the existing client's values (updates)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class ImportPreview:
    path: Path
    headers: list[str]
    header_row: int
    columns: dict[str, str]  # header text -> field key
    unknown_columns: list[str]
    warnings: list[str]
    rows: list[PreviewRow]
    encoding: str | None = None
    sheet: str | None = None

    @property
    def valid_rows(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.ok]

    @property
    def rejected_rows(self) -> list[PreviewRow]:
        return [r for r in self.rows if not r.ok]

    @property
    def problems(self) -> list[RowProblem]:
        return [p for r in self.rows for p in r.problems]

    def count(self, action: str) -> int:
        """Valid rows with ``action`` (``create``, ``update``, ``merge``)."""
        return sum(1 for r in self.rows if r.ok and r.action == action)

    def header_for(self, key: str) -> str:
        """The header text of column ``key`` in this file (or its canonical header)."""
        for header, k in self.columns.items():
            if k == key:
                return header
        column = COLUMNS_BY_KEY.get(key)
        return column.header_zh if column else key

    def shown_value(self, header: str, text: str) -> str:
        """``text`` of column ``header`` as a problem may show it: mobile, ID
        and e-mail cells masked (problems reach screens, reports and logs)."""
        return mask_value(self.columns.get(header, ""), text)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    skipped: int = 0  # valid rows of existing clients left unchanged
    contacts_added: int = 0
    statements_saved: int = 0
    rejected: int = 0
    client_ids: list[str] = field(default_factory=list)


def _map_columns(headers: Sequence[str]) -> tuple[dict[int, HeaderMatch], list[str], list[str]]:
    mapping: dict[int, HeaderMatch] = {}
    unknown: list[str] = []
    warnings: list[str] = []
    seen: dict[str, str] = {}
    for index, header in enumerate(headers):
        if not header:
            continue
        match = match_header(header)
        if match is None:
            unknown.append(header)
            warnings.append(
                translate("Import", "Column “{header}” is not recognised and is ignored.").format(
                    header=header
                )
            )
            continue
        if match.key in seen:
            warnings.append(
                translate(
                    "Import", "Column “{header}” repeats column “{first}” and is ignored."
                ).format(header=header, first=seen[match.key])
            )
            continue
        seen[match.key] = header
        mapping[index] = match
    return mapping, unknown, warnings


_CLIENT_COLUMNS = frozenset(
    {
        "name", "uscc", "legal_rep", "registered_capital_yuan", "founded_on", "province",
        "city", "address", "firm_type", "segment", "tech_route", "qualifications",
        "employees", "rd_staff", "invention_patents", "utility_patents",
        "software_copyrights", "key_patents", "policy_programmes", "green_loan_class",
        "owner_id", "status", "notes",
    }
)  # fmt: skip


def _services():
    from desktop.core import clients  # noqa: PLC0415 - keep the import cheap for the CLI

    return clients


# Service field names -> import column keys, per record.
_FIELD_ALIASES = {
    "client": {"registered_capital_yuan": "registered_capital_wan", "owner_id": "owner"},
    "contact": {"name": "contact_name", "role": "contact_role"},
    "statement": {},
}


def _field_key(key: str, target: str) -> str:
    key = _FIELD_ALIASES[target].get(key, key)
    if target == "statement":
        key = key.removesuffix("_yuan").removesuffix("_wan")
    return key


def _problems_from(exc: Exception, row: PreviewRow, preview: ImportPreview, target: str) -> None:
    flagged = {p.column for p in row.problems}
    for error in getattr(exc, "errors", None) or [exc]:
        key = getattr(error, "field", "") or ""
        message = getattr(error, "message", None) or str(error)
        header = preview.header_for(_field_key(key, target)) if key else ""
        if header and header in flagged:
            continue  # the cell itself was already reported
        value = preview.shown_value(header, row.values.get(header, ""))
        row.problems.append(RowProblem(row.row_number, header, value, message))


def _owner_index(db: sqlite_utils.Database) -> tuple[dict[str, list[str]], dict[str, str]]:
    by_name: dict[str, list[str]] = {}
    by_username: dict[str, str] = {}
    for user_id, username, display in db.conn.execute(
        "SELECT id, username, display_name FROM users WHERE deleted_at IS NULL AND active = 1"
    ):
        by_username[_norm(username)] = user_id
        by_name.setdefault(_norm(display), []).append(user_id)
    return by_name, by_username


_FORMULA_REASON = QT_TRANSLATE_NOOP(
    "Import",
    "The value starts like a spreadsheet formula (=, +, -, @) and is not imported, "
    "so that it can never run in Excel.",
)


class _RowParser:
    """Cell text -> typed values -> service input for one row."""

    def __init__(self, db: sqlite_utils.Database, preview: ImportPreview, mapping) -> None:
        self.codes = _Codes()
        self.by_name, self.by_username = _owner_index(db)
        self.preview = preview
        self.mapping: dict[int, HeaderMatch] = mapping
        firm = translate(
            "Import", "“{value}” is not an enterprise type (科创企业, 产业化企业 or 项目公司)."
        )
        segment = translate(
            "Import",
            "“{value}” is not a value-chain segment "
            "(制氢, 储氢, 运氢, 加氢, 燃料电池 or 氢能应用).",
        )
        route = translate("Import", "“{value}” is not a known technology route.")
        status = translate(
            "Import",
            "“{value}” is not a client status (潜在客户, 存量客户, 休眠客户 or 已退出客户).",
        )
        self.parsers: dict[str, Callable[[str, HeaderMatch], Any]] = {
            "text": lambda v, m: v,
            "mobile": lambda v, m: v,
            "money": lambda v, m: parse_wan(v, yuan=m.yuan),
            "signed_money": lambda v, m: parse_wan(v, signed=True, yuan=m.yuan),
            "int": lambda v, m: parse_int(v),
            "date": lambda v, m: parse_date(v).isoformat(),
            "year": lambda v, m: parse_year(v),
            "bool": lambda v, m: parse_bool(v),
            "firm_type": lambda v, m: _choice(self.codes.firm_types, v, firm),
            "segment": lambda v, m: _choice(self.codes.segments, v, segment),
            "route": lambda v, m: _choice(self.codes.routes, v, route),
            "status": lambda v, m: _choice(self.codes.statuses, v, status),
            "owner": lambda v, m: self._owner(v),
            "qualifications": lambda v, m: self._qualifications(v),
        }

    def _owner(self, value: str) -> str:
        key = _norm(value)
        ids = self.by_name.get(key, [])
        if len(ids) == 1:
            return ids[0]
        user_id = self.by_username.get(key)
        if user_id is not None:
            return user_id
        if ids:
            raise _CellError(
                translate(
                    "Import", "Several users are called “{value}”; write the user name instead."
                ).format(value=value)
            )
        raise _CellError(
            translate("Import", "No active user is called “{value}”.").format(value=value)
        )

    def _qualifications(self, value: str) -> list[str]:
        codes: list[str] = []
        for raw in _LIST_SPLIT.split(value):
            part = raw.strip()
            if not part:
                continue
            index = self.codes.qualifications
            code = index.get(_norm(part)) or index.get(_norm(re.sub(r"[“”\"]", "", part)))
            if code is None:
                raise _CellError(
                    translate("Import", "“{value}” is not a known qualification.").format(
                        value=part
                    )
                )
            if code not in codes:
                codes.append(code)
        return codes

    def parse(self, number: int, cells: Sequence[str], headers: Sequence[str]) -> PreviewRow:
        values = {h: cells[i] for i, h in enumerate(headers) if h and i < len(cells)}
        row = PreviewRow(row_number=number, values=values)
        if len(cells) > len(headers) and cells[-1]:
            row.problems.append(
                RowProblem(
                    number,
                    "",
                    cells[-1],
                    translate(
                        "Import", "The row has values to the right of the last column heading."
                    ),
                )
            )
        parsed: dict[str, Any] = {}
        for index, match in self.mapping.items():
            text = cells[index] if index < len(cells) else ""
            if text.startswith("'") and text[1:2] in _FORMULA_HEADS:
                text = text[1:]  # the apostrophe an export puts before formula-like text
            if not text or text in _PLACEHOLDERS:
                continue
            header = headers[index]
            if looks_like_formula(text):
                row.problems.append(
                    RowProblem(
                        number,
                        header,
                        self.preview.shown_value(header, text),
                        translate("Import", _FORMULA_REASON),
                    )
                )
                continue
            if match.key in ("mobile", "id_number") and _is_masked(text):
                row.notes.append(
                    translate(
                        "Import", "“{header}” is masked ({value}) and is not imported."
                    ).format(header=header, value=text)
                )
                continue
            try:
                parsed[match.key] = self.parsers[COLUMNS_BY_KEY[match.key].kind](text, match)
            except _CellError as exc:
                row.problems.append(
                    RowProblem(number, header, self.preview.shown_value(header, text), exc.reason)
                )
        self._assemble(row, parsed)
        return row

    def _assemble(self, row: PreviewRow, parsed: dict[str, Any]) -> None:
        data: dict[str, Any] = {}
        for key in CLIENT_KEYS:
            if key in parsed:
                value = parsed[key]
                if key == "registered_capital_wan":
                    value = format(value, "f")
                data["owner_id" if key == "owner" else key] = value
        if "tech_route" in data and "segment" not in data:
            data["segment"] = self.codes.route_segment[data["tech_route"]]
        row.data = data
        contact = {k.removeprefix("contact_"): parsed[k] for k in CONTACT_KEYS if k in parsed}
        if contact:
            if "name" not in contact:
                header = self.preview.header_for("contact_name")
                row.problems.append(
                    RowProblem(
                        row.row_number,
                        header,
                        "",
                        translate(
                            "Import", "Contact details are given but the contact's name is missing."
                        ),
                    )
                )
            row.contact = contact
        statement: dict[str, Any] = {}
        for key in STATEMENT_KEYS:
            if key in parsed:
                value = parsed[key]
                if COLUMNS_BY_KEY[key].kind in MONEY_KINDS:
                    statement[f"{key}_yuan"] = wan_to_yuan(value)
                else:
                    statement[key] = value
        if statement:
            if "fiscal_year" not in statement:
                header = self.preview.header_for("fiscal_year")
                row.problems.append(
                    RowProblem(
                        row.row_number,
                        header,
                        "",
                        translate(
                            "Import", "Financial figures are given but the year (年度) is missing."
                        ),
                    )
                )
            row.statement = statement


def _validate(
    row: PreviewRow,
    preview: ImportPreview,
    today: date | None,
    services,
    *,
    base: dict[str, Any] | None = None,
) -> None:
    try:
        row.client = services.validate_client({**(base or {}), **row.data}, today=today)
    except services.ClientValidationError as exc:
        _problems_from(exc, row, preview, "client")
    if row.contact and "name" in row.contact:
        try:
            services.validate_contact(row.contact, today=today)
        except services.ClientValidationError as exc:
            _problems_from(exc, row, preview, "contact")
    if row.statement and "fiscal_year" in row.statement:
        try:
            services.validate_statement(row.statement, today=today)
        except services.ClientValidationError as exc:
            _problems_from(exc, row, preview, "statement")


def _raw_identity(row: PreviewRow) -> tuple[str, str] | None:
    """Which client a row is about, before validation: its USCC, else its name."""
    uscc = row.data.get("uscc")
    if isinstance(uscc, str) and normalize_uscc(uscc):
        return ("uscc", normalize_uscc(uscc))
    name = row.data.get("name")
    if isinstance(name, str) and _comparable(name):
        return ("name", _comparable(name))
    return None


def _comparable(value: Any) -> Any:
    if isinstance(value, str):
        return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value)).casefold()
    return value


def _problem(row: PreviewRow, preview: ImportPreview, key: str, reason: str) -> None:
    header = preview.header_for(key) if key else ""
    value = preview.shown_value(header, row.values.get(header, ""))
    row.problems.append(RowProblem(row.row_number, header, value, reason))


def _merge(row: PreviewRow, group: list[PreviewRow], preview: ImportPreview) -> None:
    """``row`` names the same client as ``group[0]``: keep it for its contact or
    statement unless it contradicts the earlier rows."""
    first = group[0]
    for key in row.data:
        normal = "registered_capital_yuan" if key == "registered_capital_wan" else key
        if _comparable(row.client.get(normal)) != _comparable(first.client.get(normal)):
            _problem(
                row,
                preview,
                _field_key(key, "client"),
                translate(
                    "Import",
                    "Row {row} has the same client with a different value here; repeat a "
                    "client's rows only to add contacts or years of financials.",
                ).format(row=first.row_number),
            )
            return
    for other in group:
        if row.values == other.values:
            key = "uscc" if row.client.get("uscc") else "name"
            _problem(
                row,
                preview,
                key,
                translate("Import", "Duplicate of row {row}.").format(row=other.row_number),
            )
            return
    for other in group:
        year = (row.statement or {}).get("fiscal_year")
        if year is not None and year == (other.statement or {}).get("fiscal_year"):
            if row.statement == other.statement:
                row.statement = None  # the same statement repeated: nothing to add
                continue
            _problem(
                row,
                preview,
                "fiscal_year",
                translate(
                    "Import", "Row {row} already gives this client's statement for {year}."
                ).format(row=other.row_number, year=year),
            )
            return
        same_contact = (
            row.contact
            and other.contact
            and _comparable(row.contact.get("name")) == _comparable(other.contact.get("name"))
        )
        if same_contact:
            mine = {k: _comparable(v) for k, v in (row.contact or {}).items()}
            theirs = {k: _comparable(v) for k, v in (other.contact or {}).items()}
            if mine != theirs:
                _problem(
                    row,
                    preview,
                    "contact_name",
                    translate(
                        "Import", "Row {row} already gives this contact with other details."
                    ).format(row=other.row_number),
                )
                return
            row.contact = None  # the same contact repeated: nothing to add
    if not (row.contact or row.statement):
        key = "uscc" if row.client.get("uscc") else "name"
        _problem(
            row,
            preview,
            key,
            translate("Import", "Duplicate of row {row}.").format(row=first.row_number),
        )
        return


def _lookup(db: sqlite_utils.Database, column: str, values: Sequence[str]) -> list[tuple]:
    found: list[tuple] = []
    for start in range(0, len(values), 500):
        chunk = list(values[start : start + 500])
        marks = ",".join("?" * len(chunk))
        found += db.conn.execute(
            f"SELECT id, version, name, owner_id, {column} FROM clients "
            f"WHERE deleted_at IS NULL AND {column} IN ({marks})",
            chunk,
        ).fetchall()
    return found


def _match_existing(db: sqlite_utils.Database, preview: ImportPreview, services) -> None:
    """Mark first rows of clients already in the database as update candidates
    (by USCC; a row without USCC by exact name) and keep the client's values."""
    rows = [r for r in preview.rows if r.merge_into is None and r.identity is not None]
    usccs = sorted({r.identity[1] for r in rows if r.identity and r.identity[0] == "uscc"})
    by_uscc = {hit[4]: hit for hit in _lookup(db, "uscc", usccs)}
    names = sorted({str(r.data["name"]) for r in rows if r.identity and r.identity[0] == "name"})
    by_name: dict[str, list[tuple]] = {}
    for hit in _lookup(db, "name", names):
        by_name.setdefault(hit[4], []).append(hit)
    for row in rows:
        assert row.identity is not None
        if row.identity[0] == "uscc":
            hits = [by_uscc[row.identity[1]]] if row.identity[1] in by_uscc else []
        else:
            hits = by_name.get(str(row.data["name"]), [])
            if len(hits) > 1:
                _problem(
                    row,
                    preview,
                    "name",
                    translate(
                        "Import",
                        "Several clients already have this name; add the USCC to say which "
                        "one this row is.",
                    ),
                )
                continue
        if hits:
            row.action = "update"
            row.existing_id, row.existing_version, row.existing_name, row.existing_owner = hits[0][
                :4
            ]
            current = services.get_client(db, row.existing_id) or {}
            base = {k: v for k, v in current.items() if k in _CLIENT_COLUMNS}
            if "registered_capital_wan" in row.data:
                base.pop("registered_capital_yuan", None)
            row.existing = base


def _check_permissions(
    row: PreviewRow, preview: ImportPreview, user: CurrentUser, *, account: bool
) -> None:
    """Reject rows ``user`` may not create; mark existing clients the user may
    not edit as not updatable. ``account``: the user is a stored user (the
    command line is not, so it cannot own new clients)."""
    from desktop.core import security  # noqa: PLC0415

    owner = row.data.get("owner_id")
    if row.action == "create" and not owner and not account:
        _problem(
            row,
            preview,
            "owner",
            translate(
                "Import", "Name the relationship manager (客户经理) who will own this client."
            ),
        )
        return
    try:
        if row.action == "update":
            security.require(user, "client.edit_own", owner_id=row.existing_owner)
            if owner and owner != row.existing_owner:
                security.require(user, "client.edit_any")
        elif row.action == "create":
            security.require(user, "client.create")
            if owner and owner != user.id:
                security.require(user, "client.edit_any")
    except security.PermissionDenied as exc:
        if row.action == "update":
            row.may_update = False
            row.notes.append(exc.message)
        else:
            _problem(row, preview, "owner" if owner else "name", exc.message)


def preview_import(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    today: date | None = None,
    user: CurrentUser | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    max_rows: int = MAX_ROWS,
) -> ImportPreview:
    """Read and check ``path`` without writing anything (see the module docstring).

    With ``user``, rows the user may not create are rejected and existing
    clients the user may not edit are marked ``may_update=False``. Raises
    :class:`ImportFileError` when the file as a whole cannot be used.
    """
    table = read_table(path, max_bytes=max_bytes, max_rows=max_rows)
    mapping, unknown, warnings = _map_columns(table.headers)
    columns = {table.headers[i]: m.key for i, m in mapping.items()}
    if "name" not in columns.values():
        raise ImportFileError(
            translate(
                "Import",
                "The file has no column “企业名称” (company name), which every client needs.",
            ),
            code="missing_column",
        )
    if not table.rows:
        raise ImportFileError(
            translate("Import", "The file has a header row but no data rows."), code="no_rows"
        )
    preview = ImportPreview(
        path=table.path,
        headers=table.headers,
        header_row=table.header_row,
        columns=columns,
        unknown_columns=unknown,
        warnings=warnings,
        rows=[],
        encoding=table.encoding,
        sheet=table.sheet,
    )
    services = _services()
    parser = _RowParser(db, preview, mapping)
    for number, cells in zip(table.row_numbers, table.rows, strict=True):
        row = parser.parse(number, cells, table.headers)
        row.identity = _raw_identity(row)
        preview.rows.append(row)
    leaders: dict[tuple[str, str], PreviewRow] = {}
    for row in preview.rows:
        leader = leaders.get(row.identity) if row.identity else None
        if leader is None:
            if row.identity:
                leaders[row.identity] = row
        else:
            row.merge_into = leader.row_number
    _match_existing(db, preview, services)
    for row in preview.rows:
        if row.merge_into is None:
            # An existing client supplies the columns the row leaves empty.
            _validate(row, preview, today, services, base=row.existing)
        else:
            # A further row of the same client: the first row (and the existing
            # client) supply the client's columns.
            first = leaders[row.identity]  # type: ignore[index]
            _validate(row, preview, today, services, base={**(first.existing or {}), **first.data})
    by_number = {r.row_number: r for r in preview.rows}
    account = user is not None and (
        db.conn.execute(
            "SELECT 1 FROM users WHERE id = ? AND active = 1 AND deleted_at IS NULL", (user.id,)
        ).fetchone()
        is not None
    )
    groups: dict[int, list[PreviewRow]] = {}
    for row in preview.rows:
        if row.merge_into is None:
            groups[row.row_number] = [row]
            if row.ok and user is not None:
                _check_permissions(row, preview, user, account=account)
            continue
        first = by_number[row.merge_into]
        if not first.ok:
            _problem(
                row,
                preview,
                "name",
                translate("Import", "Row {row}, which has this client, was rejected.").format(
                    row=first.row_number
                ),
            )
        elif row.ok:
            _merge(row, groups[first.row_number], preview)
            if row.ok:
                row.action = "merge"
                row.existing_id = first.existing_id
                groups[first.row_number].append(row)
    for row in preview.rows:
        if row.problems:
            row.action = "reject"
    return preview


# =========================================================================== apply


def _row_error(row: PreviewRow, exc: BaseException) -> ImportApplyError:
    errors = getattr(exc, "errors", None)
    if errors:
        message = "; ".join(getattr(e, "message", str(e)) for e in errors)
    else:
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return ImportApplyError(
        translate(
            "Import", "Row {row} could not be written ({problem}); nothing was imported."
        ).format(row=row.row_number, problem=message),
        row_number=row.row_number,
    )


def _contact_names(db: sqlite_utils.Database, client_id: str) -> set[str]:
    return {
        _comparable(name)
        for (name,) in db.conn.execute(
            "SELECT name FROM contacts WHERE client_id = ? AND deleted_at IS NULL", (client_id,)
        )
    }


def _save_statement(db, user, services, client_id: str, statement: dict) -> None:
    found = list(
        db.query(
            "SELECT * FROM financial_statements WHERE client_id = ? AND fiscal_year = ?"
            " AND deleted_at IS NULL",
            (client_id, statement["fiscal_year"]),
        )
    )
    if not found:
        services.save_statement(db, user, client_id, statement)
        return
    current = found[0]
    merged = {k: current[k] for k in current if k.endswith("_yuan") or k == "audited"}
    merged.update(statement)
    services.save_statement(
        db,
        user,
        client_id,
        merged,
        statement_id=current["id"],
        expected_version=current["version"],
    )


def apply_import(
    db: sqlite_utils.Database,
    user: CurrentUser,
    preview: ImportPreview,
    *,
    update_existing: bool = False,
) -> ImportResult:
    """Write every valid row of ``preview`` in one transaction.

    New clients are created with their contacts and statements. Rows of an
    existing client change it only with ``update_existing`` (and only where
    the user may edit it): the columns the file fills are updated (empty
    cells never erase data), a contact is added unless the client already has
    one of that name, a year's statement is added or updated. Otherwise those
    rows are counted as ``skipped``. On any failure everything is rolled back
    and :class:`ImportApplyError` names the row (permission and database
    errors outside a row propagate unchanged).
    """
    services = _services()
    result = ImportResult(rejected=len(preview.rejected_rows))
    client_of: dict[int, str | None] = {}
    current: PreviewRow | None = None
    try:
        with write(db):
            for row in preview.rows:
                if not row.ok:
                    continue
                current = row
                if row.action == "merge":
                    client_id = client_of.get(row.merge_into or -1)
                elif row.action == "update":
                    client_id = None
                    if update_existing and row.may_update:
                        assert row.existing_id is not None and row.existing_version is not None
                        services.update_client(
                            db, user, row.existing_id, row.existing_version, row.data
                        )
                        client_id = row.existing_id
                        result.updated += 1
                        result.client_ids.append(client_id)
                else:
                    client_id = services.create_client(db, user, row.data)["id"]
                    result.created += 1
                    result.client_ids.append(client_id)
                client_of[row.row_number] = client_id
                if client_id is None:
                    result.skipped += 1
                    continue
                new_contact = (
                    row.contact
                    and row.contact.get("name")
                    and _comparable(row.contact["name"]) not in _contact_names(db, client_id)
                )
                if new_contact:
                    services.add_contact(db, user, client_id, row.contact)
                    result.contacts_added += 1
                if row.statement and row.statement.get("fiscal_year"):
                    _save_statement(db, user, services, client_id, row.statement)
                    result.statements_saved += 1
            current = None
            audit.record(
                db,
                user_id=user.id,
                action="client.import",
                entity="clients",
                after={
                    "file": preview.path.name,
                    "rows": len(preview.rows),
                    "created": result.created,
                    "updated": result.updated,
                    "skipped": result.skipped,
                    "rejected": result.rejected,
                    "contacts": result.contacts_added,
                    "statements": result.statements_saved,
                },
                reason=f"import {preview.path.name}",
            )
    except Exception as exc:
        if current is not None:
            raise _row_error(current, exc) from exc
        raise
    return result


# =========================================================================== error report

REPORT_HEADERS = (
    QT_TRANSLATE_NOOP("Import", "Row"),
    QT_TRANSLATE_NOOP("Import", "Column"),
    QT_TRANSLATE_NOOP("Import", "Value"),
    QT_TRANSLATE_NOOP("Import", "Reason"),
)


def report_rows(preview: ImportPreview) -> list[list[Any]]:
    """One line per problem of every rejected row: row, column, value, reason."""
    return [[p.row_number, p.column, p.value, p.reason] for p in preview.problems]


def write_error_report(preview: ImportPreview, out_path: str | Path) -> Path:
    """Write every problem of every rejected row (row, column, value, reason;
    headers in the user's language) to an .xlsx or .csv file chosen by suffix.
    Values are written so that Excel never runs them as formulas."""
    from desktop.core.exporting import write_table  # noqa: PLC0415 - exporting imports us

    headers = [translate("Import", h) for h in REPORT_HEADERS]
    return write_table(
        out_path, headers, report_rows(preview), sheet_title=translate("Import", "Import errors")
    )

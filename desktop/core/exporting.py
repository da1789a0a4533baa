"""Export clients to .xlsx / .csv, and tab-separated text for the clipboard (no Qt).

* The headers are the import's canonical Chinese headers
  (:data:`desktop.core.importing.COLUMNS`), so an exported file imports again.
  A client with several contacts or years of statements takes several rows
  (client columns repeated; the importer joins them again).
* Amounts are in 万元 as exact :class:`~decimal.Decimal` (two decimals, four
  where a value has single yuan), never binary floats.
* Mobile and ID numbers are masked unless ``reveal_personal``, which needs the
  permission ``personal.export`` and a reason, and is audited.
* Text that a spreadsheet could run as a formula (starting with ``=``, ``+``,
  ``-``, ``@``, tab or CR) is written as text: an xlsx string cell with the
  "quote prefix" style, and in CSV / TSV with a leading apostrophe.
* Files are written to a temporary file and renamed, so a failed export never
  leaves half a file under the target name.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlite_utils

from db import audit
from db.connection import write
from desktop.core import security
from desktop.core.i18n import translate
from desktop.core.importing import _FIRM_TYPES, _STATUSES, COLUMNS
from desktop.core.privacy import mask_id_number, mask_mobile
from desktop.core.session import CurrentUser
from desktop.core.taxonomy import load_taxonomy

CTX = "Export"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
_WAN = Decimal(10_000)


class ExportError(Exception):
    """The export cannot be written (unsupported suffix...); ``message`` is translated."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# =========================================================================== cell safety


_NUMBER = re.compile(r"[+-]?\d+(?:,\d{3})*(?:\.\d+)?")


def is_formula_like(value: Any) -> bool:
    """Text a spreadsheet might evaluate: starts with = + - @ (also full-width),
    tab or carriage return, and is not simply a number such as ``-12.5``."""
    return (
        isinstance(value, str)
        and value.startswith(FORMULA_START)
        and _NUMBER.fullmatch(value) is None
    )


def guard_text(value: Any) -> Any:
    """For CSV/TSV: formula-like text gets a leading apostrophe, which Excel and
    WPS take as "this is text" and do not show."""
    return "'" + value if is_formula_like(value) else value


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def rows_as_tsv(rows: Iterable[Sequence[Any]], columns: Sequence[str] | None = None) -> str:
    """Rows as tab-separated text that pastes into Excel / WPS as cells.

    ``columns`` (header labels) become the first line when given. Tabs and line
    breaks inside a cell become spaces; formula-like text is prefixed with an
    apostrophe so pasting never runs it.
    """

    def cell(value: Any) -> str:
        text = _plain(value)
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
        return guard_text(text) if is_formula_like(_plain(value)) else text

    lines = []
    if columns is not None:
        lines.append("\t".join(cell(c) for c in columns))
    lines.extend("\t".join(cell(v) for v in row) for row in rows)
    return "\n".join(lines) + ("\n" if lines else "")


# =========================================================================== files


def _temp_beside(path: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    return Path(name)


def _check_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return "xlsx"
    if suffix in CSV_SUFFIXES:
        return "csv"
    raise ExportError(
        translate("Export", "Choose a file name ending in .xlsx or .csv, not “{name}”.").format(
            name=path.name
        )
    )


def _write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    # UTF-8 with BOM: Excel on Chinese Windows then opens it without garbling.
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([guard_text(h) for h in headers])
        for row in rows:
            writer.writerow([guard_text(_plain(v)) for v in row])


def _xlsx_cell(ws, value: Any, number_format: str | None):
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415 - openpyxl loads slowly

    if isinstance(value, bool):
        value = "是" if value else "否"
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        # Never a formula: a string cell, and the quote prefix keeps it text
        # even when the user edits it in Excel.
        cell.data_type = "s"
        if is_formula_like(value):
            cell.quotePrefix = True
    elif number_format and value is not None:
        cell.number_format = number_format
    return cell


def _write_xlsx(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    sheet_title: str,
    number_formats: Sequence[str | None] | None,
    widths: Sequence[int] | None,
) -> None:
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.styles import Font  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=(sheet_title or "Sheet1")[:31])
    for index in range(len(headers)):
        width = widths[index] if widths and index < len(widths) else 14
        ws.column_dimensions[get_column_letter(index + 1)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = _xlsx_cell(ws, header, None)
        cell.font = bold
        header_cells.append(cell)
    ws.append(header_cells)
    formats = list(number_formats or [])
    for row in rows:
        ws.append(
            [_xlsx_cell(ws, v, formats[i] if i < len(formats) else None) for i, v in enumerate(row)]
        )
    wb.save(path)


def write_table(
    out_path: str | Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    sheet_title: str = "Sheet1",
    number_formats: Sequence[str | None] | None = None,
    widths: Sequence[int] | None = None,
) -> Path:
    """Write a table to .xlsx or .csv (by suffix) safely: formula-like text
    stays text, and the file appears under its name only once complete."""
    path = Path(out_path)
    kind = _check_suffix(path)
    temp = _temp_beside(path)
    try:
        if kind == "xlsx":
            _write_xlsx(
                temp,
                headers,
                rows,
                sheet_title=sheet_title,
                number_formats=number_formats,
                widths=widths,
            )
        else:
            _write_csv(temp, headers, rows)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path


# =========================================================================== clients


def wan(yuan: int | None) -> Decimal | None:
    """Yuan as exact 万元: two decimals, four when the value has single yuan."""
    if yuan is None:
        return None
    value = Decimal(yuan) / _WAN
    two = value.quantize(Decimal("0.01"))
    return two if two == value else value.quantize(Decimal("0.0001"))


_MONEY_FORMAT = "#,##0.00##"
_DATE_FORMAT = "yyyy-mm-dd"
_WIDTHS = {"name": 30, "uscc": 22, "address": 30, "notes": 30, "id_number": 21, "email": 24}


def _chunks(values: Sequence[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(values), size):
        yield list(values[start : start + size])


def _children(
    db: sqlite_utils.Database, table: str, ids: Sequence[str], order: str
) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for row in db.query(
            f"SELECT * FROM {table} WHERE deleted_at IS NULL AND client_id IN ({marks}) "
            f"ORDER BY {order}",
            chunk,
        ):
            out.setdefault(row["client_id"], []).append(row)
    return out


def _owner_names(db: sqlite_utils.Database) -> dict[str, str]:
    rows = list(db.query("SELECT id, username, display_name FROM users WHERE deleted_at IS NULL"))
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["display_name"]] = counts.get(row["display_name"], 0) + 1
    return {
        r["id"]: r["display_name"] if counts[r["display_name"]] == 1 else r["username"]
        for r in rows
    }


def _client_ids(db: sqlite_utils.Database, client_ids: Iterable[str] | None) -> list[str]:
    if client_ids is None:
        return [
            r[0]
            for r in db.conn.execute(
                "SELECT id FROM clients WHERE deleted_at IS NULL ORDER BY name, id"
            )
        ]
    wanted = list(dict.fromkeys(client_ids))
    live: set[str] = set()
    for chunk in _chunks(wanted):
        marks = ",".join("?" * len(chunk))
        live.update(
            r[0]
            for r in db.conn.execute(
                f"SELECT id FROM clients WHERE deleted_at IS NULL AND id IN ({marks})", chunk
            )
        )
    return [i for i in wanted if i in live]


class _Labels:
    def __init__(self, db: sqlite_utils.Database) -> None:
        tax = load_taxonomy()
        self.firm = {code: labels[0] for code, labels in _FIRM_TYPES.items()}
        self.status = {code: labels[0] for code, labels in _STATUSES.items()}
        self.segment = {s.code: s.name_zh for s in tax.segments}
        self.route = {r.code: r.name_zh for r in tax.routes}
        self.qualification = {q.code: q.name_zh for q in tax.qualifications}
        self.owner = _owner_names(db)

    def qualifications(self, raw: str | None) -> str:
        import json  # noqa: PLC0415

        try:
            codes = json.loads(raw or "[]")
        except ValueError:
            codes = []
        return "、".join(self.qualification.get(c, c) for c in codes if isinstance(c, str))


def _client_values(client: dict, labels: _Labels) -> dict[str, Any]:
    founded = client.get("founded_on")
    return {
        "name": client["name"],
        "uscc": client["uscc"],
        "legal_rep": client["legal_rep"],
        "registered_capital_wan": wan(client["registered_capital_yuan"]),
        "founded_on": date.fromisoformat(founded) if founded else None,
        "province": client["province"],
        "city": client["city"],
        "address": client["address"],
        "firm_type": labels.firm.get(client["firm_type"], client["firm_type"]),
        "segment": labels.segment.get(client["segment"], client["segment"]),
        "tech_route": labels.route.get(client["tech_route"], client["tech_route"]),
        "qualifications": labels.qualifications(client["qualifications"]) or None,
        "employees": client["employees"],
        "rd_staff": client["rd_staff"],
        "invention_patents": client["invention_patents"],
        "utility_patents": client["utility_patents"],
        "software_copyrights": client["software_copyrights"],
        "status": labels.status.get(client["status"], client["status"]),
        "owner": labels.owner.get(client["owner_id"]) if client["owner_id"] else None,
        "notes": client["notes"] or None,
    }


def _contact_values(contact: dict, reveal: bool) -> dict[str, Any]:
    mobile, id_number = contact["mobile"], contact["id_number"]
    if not reveal:
        mobile = mask_mobile(mobile) if mobile else mobile
        id_number = mask_id_number(id_number) if id_number else id_number
    consent_on = contact["consent_on"]
    return {
        "contact_name": contact["name"],
        "contact_role": contact["role"],
        "mobile": mobile,
        "id_number": id_number,
        "email": contact["email"],
        "consent": bool(contact["consent"]),
        "consent_on": date.fromisoformat(consent_on) if consent_on else None,
    }


def _statement_values(statement: dict) -> dict[str, Any]:
    values: dict[str, Any] = {
        "fiscal_year": statement["fiscal_year"],
        "audited": bool(statement["audited"]),
    }
    for column in COLUMNS:
        if column.target == "statement" and column.kind in ("money", "signed_money"):
            values[column.key] = wan(statement[f"{column.key}_yuan"])
    return values


def client_rows(
    db: sqlite_utils.Database,
    client_ids: Sequence[str],
    *,
    reveal_personal: bool = False,
) -> Iterator[list[Any]]:
    """Export rows (in :data:`COLUMNS` order) for the given live clients."""
    labels = _Labels(db)
    keys = [c.key for c in COLUMNS]
    for chunk in _chunks(client_ids):
        marks = ",".join("?" * len(chunk))
        clients = {
            r["id"]: r for r in db.query(f"SELECT * FROM clients WHERE id IN ({marks})", chunk)
        }
        contacts = _children(db, "contacts", chunk, "client_id, created_at, name, id")
        statements = _children(db, "financial_statements", chunk, "client_id, fiscal_year DESC")
        for client_id in chunk:
            base = _client_values(clients[client_id], labels)
            people = contacts.get(client_id, [])
            years = statements.get(client_id, [])
            for i in range(max(1, len(people), len(years))):
                values = dict(base)
                if i < len(people):
                    values.update(_contact_values(people[i], reveal_personal))
                if i < len(years):
                    values.update(_statement_values(years[i]))
                yield [values.get(k) for k in keys]


def export_headers() -> list[str]:
    return [c.header_zh for c in COLUMNS]


def export_formats() -> list[str | None]:
    formats: list[str | None] = []
    for column in COLUMNS:
        if column.kind in ("money", "signed_money"):
            formats.append(_MONEY_FORMAT)
        elif column.kind == "date":
            formats.append(_DATE_FORMAT)
        else:
            formats.append(None)
    return formats


def export_clients(
    db: sqlite_utils.Database,
    user: CurrentUser,
    out_path: str | Path,
    *,
    client_ids: Iterable[str] | None = None,
    reveal_personal: bool = False,
    reason: str = "",
) -> int:
    """Write clients (all live ones, or ``client_ids``) with their contacts and
    statements to ``out_path`` (.xlsx or .csv); returns the number of clients.

    Needs ``client.read``; ``reveal_personal`` also needs ``personal.export``
    and a ``reason`` (audited ``personal.export`` before the file is written).
    The export itself is audited ``client.export``.
    """
    security.require(user, "client.read")
    path = Path(out_path)
    _check_suffix(path)
    ids = _client_ids(db, client_ids)
    if reveal_personal:
        security.record_personal_export(
            db,
            user,
            reason=reason,
            description="clients with contacts",
            rows=len(ids),
            target=str(path),
        )
    write_table(
        path,
        export_headers(),
        client_rows(db, ids, reveal_personal=reveal_personal),
        sheet_title=translate("Export", "Clients"),
        number_formats=export_formats(),
        widths=[_WIDTHS.get(c.key, 14) for c in COLUMNS],
    )
    with write(db):
        audit.record(
            db,
            user_id=user.id,
            action="client.export",
            entity="clients",
            after={
                "clients": len(ids),
                "file": path.name,
                "personal_data": "revealed" if reveal_personal else "masked",
            },
            reason=reason.strip(),
        )
    return len(ids)

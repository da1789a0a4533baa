"""Review fix: a portfolio score export never writes a formula (client names are user text)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import sqlite_utils

from db import users
from desktop.core import clients
from desktop.core.scoring import export_scores, score_portfolio
from desktop.core.session import CurrentUser

pytestmark = pytest.mark.usefixtures("english_messages")

NAME = '=HYPERLINK("http://example.invalid","点击")'


@pytest.fixture
def frame(db: sqlite_utils.Database):
    row = users.ensure_user(db, username="rm.one", display_name="RM", role="rm")
    rm = CurrentUser(row["id"], "rm.one", "RM", "rm")
    clients.create_client(db, rm, {"name": NAME, "firm_type": "tech"}, today=date(2025, 6, 30))
    return score_portfolio(db, today=date(2025, 6, 30))


def test_xlsx_score_export_keeps_formula_like_names_as_text(frame, tmp_path: Path) -> None:
    path = export_scores(frame, tmp_path / "scores.xlsx")
    sheet = openpyxl.load_workbook(path).active
    headers = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=headers.index("name") + 1)
    assert cell.value == NAME
    assert cell.data_type == "s"  # not "f": Excel would run it
    total = sheet.cell(row=2, column=headers.index("total") + 1).value
    assert isinstance(total, int | float)


def test_csv_score_export_guards_formula_like_names(frame, tmp_path: Path) -> None:
    path = export_scores(frame, tmp_path / "scores.csv")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["name"] == "'" + NAME
    assert rows[0]["total"] == str(frame.loc[0, "total"])


def test_score_export_refuses_other_suffixes(frame, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        export_scores(frame, tmp_path / "scores.json")

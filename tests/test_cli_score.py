"""``h2desk score``: output, JSON, and exit codes (0 ok, 2 error, 4 knock-out)."""

from __future__ import annotations

import json

import pytest

from db.connection import open_database
from desktop import cli
from tests.core.scoring.conftest import add_client, add_statement


@pytest.fixture
def scored_db(db_path):
    db = open_database(db_path)
    client = add_client(db, firm_type="tech", uscc="91350100M000100Y43", employees=40,
                        rd_staff=22, invention_patents=12)  # fmt: skip
    add_statement(db, client, 2025, revenue_yuan=10_000_000, total_assets_yuan=20_000_000,
                  total_liabilities_yuan=5_000_000)  # fmt: skip
    broke = add_client(db, firm_type="manufacturer", uscc="91110105MA0000015F")
    add_statement(db, broke, 2025, total_assets_yuan=1_000, total_liabilities_yuan=2_000)
    db.close()
    return db_path


def _run(capsys, *args):
    code = cli.main(["--lang", "en", "score", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_table_output(scored_db, capsys):
    code, out, err = _run(capsys, "--db", str(scored_db), "--client", "91350100m000100y43")
    assert code == cli.EXIT_OK, err
    assert "Tech firm pre-credit scorecard (tech 2026.1)" in out
    assert "Invention patents" in out and "Total " in out and ", grade " in out
    assert "Revenue 1,000.00 10k CNY × 30% = 300.00 10k CNY" in out


def test_json_output_has_every_factor(scored_db, capsys):
    code, out, _ = _run(
        capsys, "--db", str(scored_db), "--client", "91350100M000100Y43", "--json",
        "--answer", "tech_level=world", "--template", "tech",
    )  # fmt: skip
    assert code == cli.EXIT_OK
    data = json.loads(out)
    factors = [f for d in data["factors"]["dimensions"] for f in d["factors"]]
    assert len(factors) == 18
    assert {"code", "value", "source", "points", "max_points", "reason"} <= set(factors[0])
    level = next(f for f in factors if f["code"] == "tech_level")
    assert level["points"] == "10.00" and level["source"] == "rm"
    assert data["template_code"] == "tech" and data["knocked_out"] is False
    assert sum(float(d["points"]) for d in data["factors"]["dimensions"]) == pytest.approx(
        float(data["total"])
    )


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["--client", "91110000000000000X"], cli.EXIT_ERROR, "No client with USCC or id"),
        (["--client", "91350100M000100Y43", "--template", "nope"], cli.EXIT_ERROR,
         "Unknown scorecard template 'nope'"),
        (["--client", "91350100M000100Y43", "--answer", "tech_level"], cli.EXIT_ERROR,
         "--answer must look like CODE=VALUE"),
        (["--client", "91350100M000100Y43", "--answer", "tech_level=best"], cli.EXIT_ERROR,
         "is not one of the levels"),
        (["--client", "91350100M000100Y43", "--answer", "dishonest_debtor=yes"],
         cli.EXIT_KNOCKED_OUT, "Knocked out: Dishonest judgement debtor: answered yes"),
        (["--client", "91110105MA0000015F"], cli.EXIT_KNOCKED_OUT,
         "Knocked out: Negative net assets"),
    ],
)  # fmt: skip
def test_errors_and_knockouts(scored_db, capsys, args, code, words):
    result, _out, err = _run(capsys, "--db", str(scored_db), *args)
    assert result == code
    assert words in err
    assert "Traceback" not in err


def test_missing_database_file(tmp_path, capsys):
    code, _, err = _run(capsys, "--db", str(tmp_path / "none.sqlite3"), "--client", "X")
    assert code == cli.EXIT_ERROR and "Database file not found" in err

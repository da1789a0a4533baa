"""Helpers for the scorecard tests: synthetic clients written with plain SQL."""

from __future__ import annotations

import json
from datetime import date

import pytest
import sqlite_utils

from db import users
from db.connection import write
from db.ids import new_id
from desktop.core.scoring.templates import TemplateSet, builtin_dir, load_templates
from desktop.core.session import CurrentUser
from desktop.core.validation import make_uscc

TODAY = date(2026, 11, 28)
_counter = iter(range(1, 10**6))


def make_user(
    db: sqlite_utils.Database, username: str = "rm.test", role: str = "rm"
) -> CurrentUser:
    row = users.ensure_user(db, username=username, display_name=f"{username} 测试", role=role)
    return CurrentUser(row["id"], row["username"], row["display_name"], row["role"])


def add_client(db: sqlite_utils.Database, *, firm_type: str, **fields) -> str:
    client_id = new_id()
    n = next(_counter)
    row = {
        "id": client_id,
        "name": f"测试氢能{n}号有限公司",
        "uscc": make_uscc("110105", f"MA{n:06d}"),
        "firm_type": firm_type,
        "qualifications": "[]",
        "policy_programmes": "[]",
        "key_patents": "[]",
    }
    for key, value in fields.items():
        row[key] = json.dumps(value) if isinstance(value, list) else value
    columns = list(row)
    with write(db):
        db.conn.execute(
            f"INSERT INTO clients ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            tuple(row[c] for c in columns),
        )
    return client_id


def add_statement(db: sqlite_utils.Database, client_id: str, year: int, **fields) -> None:
    row = {"id": new_id(), "client_id": client_id, "fiscal_year": year, **fields}
    columns = list(row)
    with write(db):
        db.conn.execute(
            f"INSERT INTO financial_statements ({', '.join(columns)})"
            f" VALUES ({', '.join('?' * len(columns))})",
            tuple(row[c] for c in columns),
        )


@pytest.fixture(scope="session")
def shipped() -> TemplateSet:
    templates = load_templates([builtin_dir()])
    assert not templates.problems, templates.problems
    return templates

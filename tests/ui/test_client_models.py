"""Models of the client list and profile: Qt's model tester on every one, search
swaps ids without rebuilding, masking, ratio formatting, import preview."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from desktop.core import clients, importing
from desktop.core.session import CurrentUser
from desktop.ui.models.client_profile import (
    ActivityTableModel,
    AttachmentTableModel,
    ContactTableModel,
    FollowUpTableModel,
    RatioTableModel,
    StatementTableModel,
    format_ratio,
)
from desktop.ui.models.client_table import COLUMNS, ID_ROLE, ClientTableModel
from desktop.ui.models.import_preview import ImportRowsModel, ProblemsModel
from desktop.ui.models.rows import KEY_ROLE
from tests.ui.portfolio_data import add_many_clients, uscc

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

STATEMENT_2023 = {
    "fiscal_year": 2023,
    "audited": True,
    "revenue_yuan": 10_000_000,
    "net_profit_yuan": -500_000,
    "total_assets_yuan": 40_000_000,
    "total_liabilities_yuan": 10_000_000,
    "current_assets_yuan": 20_000_000,
    "current_liabilities_yuan": 8_000_000,
    "inventory_yuan": 4_000_000,
    "cash_yuan": 6_000_000,
    "rd_expense_yuan": 2_000_000,
    "operating_cash_flow_yuan": 1_000_000,
}
STATEMENT_2024 = {**STATEMENT_2023, "fiscal_year": 2024, "revenue_yuan": 15_000_000}


def rm_user(data) -> CurrentUser:
    return CurrentUser(id=data.rm_id, username="wang", display_name="王经理", role="rm")


def names(model: ClientTableModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


# --------------------------------------------------------------------------- client list


def test_client_model_with_search_and_filters_passes_model_tester(
    gui, qtmodeltester, portfolio_db
) -> None:
    db, _ = portfolio_db
    model = ClientTableModel(db, block_size=2)
    assert model.set_search("氢")
    # The tester stays connected: every later reset/layout change is checked again.
    qtmodeltester.check(model, force_py=True)
    assert model.set_filters({"status": "prospect"})
    model.sort(COLUMNS.index("updated_at"), Qt.SortOrder.DescendingOrder)
    model.set_search("no such client anywhere")
    assert model.rowCount() == 0
    model.set_query("", {})
    assert model.rowCount() == 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲", ["甲氢能科技有限公司"]),  # one Chinese character
        ("储氢", ["乙储氢装备有限公司"]),  # two
        ("燃料电池", ["丙燃料电池有限公司"]),  # four (trigram index)
        (uscc(4), ["丁加氢站运营有限公司"]),  # the USCC
        (uscc(5).lower(), ["戊氢运物流有限公司"]),  # lower case
        ("已删除", []),  # deleted clients are never found
    ],
)
def test_search_any_length(gui, portfolio_db, text, expected) -> None:
    db, _ = portfolio_db
    model = ClientTableModel(db)
    model.set_search(text)
    assert names(model) == expected


def test_search_swaps_ids_in_one_reset_and_keeps_the_row_cache(gui, qtbot, db) -> None:
    add_many_clients(db, 500)
    model = ClientTableModel(db, block_size=50)
    assert model.index(0, 0).data() == "测试客户00000有限公司"
    cached = model.cached_rows
    assert cached == 50
    with qtbot.waitSignal(model.modelReset, timeout=100):
        assert model.set_search("客户0001")
    assert names(model)[:2] == ["测试客户00010有限公司", "测试客户00011有限公司"]
    assert model.rowCount() == 10  # 00010..00019
    # rows 00010..00019 were in the first block: nothing new was fetched
    assert model.cached_rows == cached
    # the same query again changes nothing and emits nothing
    with qtbot.assertNotEmitted(model.modelReset, wait=20):
        assert not model.set_search("客户0001")
    # back to everything: still the same model, the cache is kept
    model.set_search("")
    assert model.rowCount() == 500
    assert model.cached_rows == cached


def test_filters_combine_with_search(gui, portfolio_db) -> None:
    db, data = portfolio_db
    model = ClientTableModel(db)
    model.set_filters({"owner_id": data.rm_id})
    assert names(model) == ["丙燃料电池有限公司", "戊氢运物流有限公司", "甲氢能科技有限公司"]
    model.set_search("氢")
    assert names(model) == ["戊氢运物流有限公司", "甲氢能科技有限公司"]
    model.set_filters({"owner_id": data.rm_id, "follow_up_due": True})
    assert names(model) == ["甲氢能科技有限公司"]
    model.set_query("", {"segment": "storage", "province": "内蒙古自治区"})
    assert names(model) == ["乙储氢装备有限公司"]
    # "All" in a combo (None / "") is no filter at all
    model.set_query("", {"segment": None, "grade": ""})
    assert model.rowCount() == 5


def test_row_values_and_find(gui, portfolio_db) -> None:
    db, data = portfolio_db
    model = ClientTableModel(db)
    row = model.find_row(data.client_ids["乙储氢装备有限公司"])
    values = model.row_values(row)
    assert values[0] == "乙储氢装备有限公司"
    assert values[COLUMNS.index("status")] == "Prospect"
    assert model.index(row, 0).data(ID_ROLE) == data.client_ids["乙储氢装备有限公司"]
    assert model.find_row("not-an-id") == -1


# --------------------------------------------------------------------------- profile models


def test_contact_model_masks_and_reveals(gui, qtmodeltester, qtbot) -> None:
    rows = [
        {
            "id": "c1",
            "name": "张三",
            "role": "财务总监",
            "mobile": "13812345678",  # unmasked on purpose: the model masks again
            "id_number": "11010519491231002X",
            "email": "z@example.com",
            "consent": 1,
            "consent_on": "2024-05-01",
        },
        {"id": "c2", "name": "李四", "role": None, "mobile": None, "id_number": None},
    ]
    model = ContactTableModel(rows)
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 2).data() == "138****5678"
    assert model.index(0, 3).data() == "110105********002X"
    assert model.index(0, 5).data() == "Yes (2024-05-01)"
    assert model.index(1, 2).data() == ""
    assert model.index(1, 5).data() == "No"
    with qtbot.waitSignal(model.dataChanged, timeout=100):
        model.reveal("c1", "mobile", "13812345678")
    assert model.index(0, 2).data() == "13812345678"
    assert model.index(0, 3).data() == "110105********002X"  # only what was revealed
    model.hide_all()
    assert model.index(0, 2).data() == "138****5678"
    model.set_rows([])  # checked again by the connected tester


def test_statement_and_ratio_models(gui, qtmodeltester) -> None:
    statements = StatementTableModel()
    statements.set_statements([STATEMENT_2024, STATEMENT_2023])
    qtmodeltester.check(statements, force_py=True)
    assert statements.years == [2023, 2024]
    assert statements.headerData(0, Qt.Orientation.Horizontal) == "2023"
    assert statements.headerData(0, Qt.Orientation.Vertical) == "Revenue"
    assert statements.cell("revenue", 2024) == "1,500.00"
    assert statements.cell("net_profit", 2023) == "-50.00"
    negative = statements.index(1, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert negative is not None  # a loss is shown in red
    assert statements.index(0, 0).data(KEY_ROLE) == 2023
    ratios = RatioTableModel()
    ratios.set_statements([STATEMENT_2023, STATEMENT_2024])
    qtmodeltester.check(ratios, force_py=True)
    assert ratios.cell("debt_ratio", 2023) == "25.0%"  # 10 / 40
    assert ratios.cell("current_ratio", 2023) == "2.50"  # 20 / 8
    assert ratios.cell("quick_ratio", 2023) == "2.00"  # (20 - 4) / 8
    assert ratios.cell("revenue_growth", 2023) == "—"  # no 2022
    assert ratios.cell("revenue_growth", 2024) == "50.0%"
    statements.set_statements([])  # both checked again by the connected tester
    ratios.set_statements([])
    assert statements.columnCount() == ratios.columnCount() == 0


def test_format_ratio() -> None:
    assert format_ratio("net_margin", Decimal("-0.0512")) == "-5.1%"
    assert format_ratio("current_ratio", Decimal("1.2345")) == "1.23"
    assert format_ratio("roe", None) == "—"


def test_activity_follow_up_and_attachment_models(gui, qtmodeltester) -> None:
    today = date.today()
    activities = [
        {
            "id": "a1",
            "kind": "visit",
            "occurred_on": "2024-01-02",
            "people_met": "张总",
            "summary": "谈了\n电解槽扩产",
            "next_follow_up": (today - timedelta(days=2)).isoformat(),
            "follow_up_done": 0,
        },
        {
            "id": "a2",
            "kind": "call",
            "occurred_on": "2024-01-03",
            "people_met": "",
            "summary": "",
            "next_follow_up": "2024-02-01",
            "follow_up_done": 1,
        },
    ]
    model = ActivityTableModel(activities)
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 1).data() == "Visit"
    assert model.index(0, 3).data() == "谈了 电解槽扩产"
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None  # overdue
    assert model.index(1, 4).data() == "2024-02-01 (done)"
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is None

    due = FollowUpTableModel(
        [{**activities[0], "client_id": "x", "client_name": "甲", "days_overdue": 2}]
    )
    qtmodeltester.check(due, force_py=True)
    assert due.index(0, 1).data() == "2 days"
    assert due.index(0, 2).data() == "甲"

    files = AttachmentTableModel(
        [
            {
                "id": "f1",
                "file_name": "执照.pdf",
                "size_bytes": 2048,
                "sha256": "a" * 64,
                "created_at": "2025-01-02T03:04:05Z",
                "description": "",
            }
        ]
    )
    qtmodeltester.check(files, force_py=True)
    assert files.index(0, 1).data() == "2.0 KB"
    assert files.index(0, 2).data() == "a" * 64
    assert files.index(0, 3).data() == "2025-01-02"
    files.set_verified("f1", False)
    assert files.index(0, 4).data() == "changed or missing"
    assert files.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_models_over_real_service_rows(gui, qtmodeltester, portfolio_db) -> None:
    db, data = portfolio_db
    user = rm_user(data)
    client_id = data.client_ids["甲氢能科技有限公司"]
    clients.add_contact(
        db, user, client_id, {"name": "赵六", "mobile": "13900001111", "role": "总经理"}
    )
    contacts = ContactTableModel(clients.list_contacts(db, client_id))
    qtmodeltester.check(contacts, force_py=True)
    assert contacts.index(0, 2).data() == "139****1111"
    due = FollowUpTableModel(clients.follow_ups_due(db))
    qtmodeltester.check(due, force_py=True)
    assert {due.index(r, 2).data() for r in range(due.rowCount())} == {
        "甲氢能科技有限公司",
        "乙储氢装备有限公司",
    }


# --------------------------------------------------------------------------- import preview


def test_import_preview_models(gui, qtmodeltester, portfolio_db, tmp_path) -> None:
    db, _ = portfolio_db
    path = tmp_path / "clients.csv"
    path.write_text(
        "企业名称,统一社会信用代码,企业类型\n"
        f"新客户有限公司,{uscc(77)},科创企业\n"
        "坏代码有限公司,91350100M000100Y44,科创企业\n",
        encoding="utf-8",
    )
    preview = importing.preview_import(db, path)
    rows = ImportRowsModel()
    rows.set_preview(preview)
    qtmodeltester.check(rows, force_py=True)
    assert rows.columnCount() == 2 + len(preview.headers)
    assert rows.headerData(2, Qt.Orientation.Horizontal) == "企业名称"
    assert rows.index(0, 0).data() == "2"  # Excel row numbers: the header is row 1
    assert rows.index(0, 1).data() == "New client"
    assert rows.index(1, 1).data() == "Rejected"
    assert rows.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert rows.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    problems = ProblemsModel()
    problems.set_problems(preview.problems)
    qtmodeltester.check(problems, force_py=True)
    assert problems.rowCount() >= 1
    assert problems.index(0, 0).data() == "3"
    assert problems.index(0, 2).data() == "91350100M000100Y44"
    rows.set_preview(None)  # checked again by the connected tester
    assert rows.rowCount() == 0

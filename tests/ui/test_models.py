"""Item models: Qt's model tester on each, the lazy client list, SQL sorting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from db import portfolio
from desktop.ui.main_window import MainWindow
from desktop.ui.models.client_table import COLUMNS, ID_ROLE, ClientTableModel
from desktop.ui.models.record_table import Column, RecordTableModel
from desktop.ui.pages import memos, pipeline, scorecards
from tests.ui.conftest import make_session
from tests.ui.portfolio_data import add_many_clients, add_user

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_client_model_passes_model_tester(gui, qtmodeltester, portfolio_db) -> None:
    db, _ = portfolio_db
    model = ClientTableModel(db, block_size=2)
    qtmodeltester.check(model, force_py=True)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_empty_client_model_passes_model_tester(gui, qtmodeltester, db) -> None:
    model = ClientTableModel(db)
    assert model.rowCount() == 0
    qtmodeltester.check(model, force_py=True)


@pytest.mark.parametrize(
    ("columns", "query"),
    [
        (
            scorecards.GRADE_COLUMNS,
            lambda db: list(portfolio.scorecard_results_by_grade(db).items()),
        ),
        (scorecards.UNSCORED_COLUMNS, portfolio.unscored_clients),
        (pipeline.STAGE_COLUMNS, portfolio.deals_by_stage),
        (memos.DEAL_COLUMNS, portfolio.deals_needing_memo),
    ],
    ids=["grades", "unscored", "stages", "memo-deals"],
)
def test_page_models_pass_model_tester(gui, qtmodeltester, portfolio_db, columns, query) -> None:
    db, _ = portfolio_db
    model = RecordTableModel(columns, query(db))
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)
    model.set_rows([])
    qtmodeltester.check(model, force_py=True)


def test_record_model_values_and_alignment(gui, portfolio_db) -> None:
    db, _ = portfolio_db
    model = RecordTableModel(pipeline.STAGE_COLUMNS, portfolio.deals_by_stage(db))
    review = next(r for r in range(model.rowCount()) if model.record(r).stage == "review")
    assert model.index(review, 0).data() == "Under review"
    assert model.index(review, 1).data() == "2"
    assert model.index(review, 2).data() == "1,434.56"  # 14,345,600 yuan in 万元
    align = model.index(review, 2).data(Qt.ItemDataRole.TextAlignmentRole)
    assert align & int(Qt.AlignmentFlag.AlignRight)
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Amount (10k CNY)"
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_record_model_retranslate_signals(gui, qtbot) -> None:
    model = RecordTableModel([Column(lambda: "H", lambda r: r)], ["a", "b"])
    with (
        qtbot.waitSignal(model.headerDataChanged, timeout=100),
        qtbot.waitSignal(model.dataChanged, timeout=100),
    ):
        model.retranslate()


def test_client_model_shows_translated_labels_and_owner(gui, portfolio_db) -> None:
    db, data = portfolio_db
    model = ClientTableModel(db)
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    r = rows["乙储氢装备有限公司"]
    values = [model.index(r, c).data() for c in range(len(COLUMNS))]
    assert values[COLUMNS.index("firm_type")] == "Manufacturer"
    assert values[COLUMNS.index("status")] == "Prospect"
    assert values[COLUMNS.index("owner")] == "李行长"
    assert values[COLUMNS.index("province")] == "内蒙古自治区 鄂尔多斯市"
    assert values[COLUMNS.index("uscc")].startswith("91320500")
    assert values[COLUMNS.index("segment")] not in ("", None)
    assert model.index(r, 0).data(ID_ROLE) == data.client_ids["乙储氢装备有限公司"]
    assert model.index(rows["丁加氢站运营有限公司"], COLUMNS.index("segment")).data() == ""


def test_client_model_fetches_blocks_on_demand(gui, db) -> None:
    add_many_clients(db, 1000)
    model = ClientTableModel(db, block_size=100)
    assert model.rowCount() == 1000
    assert model.cached_rows == 0
    assert model.index(0, 0).data() == "测试客户00000有限公司"
    assert model.cached_rows == 100
    assert model.index(550, 0).data() == "测试客户00550有限公司"
    assert model.cached_rows == 200


def test_first_screen_of_5000_clients_fetches_only_what_is_shown(gui, qtbot, db, db_path):
    owner = add_user(db, "zhao", "赵经理", "rm")
    add_many_clients(db, 5000, owner_id=owner)
    window = MainWindow(make_session(db, db_path, owner))
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    qtbot.waitExposed(window)
    view = window.clients_page.view
    window.grab()  # paint the first screen as the user would see it
    model = window.clients_page.model
    assert model.rowCount() == 5000
    assert 0 < model.cached_rows < 5000
    assert model.cached_rows <= 2 * model._block
    view.scrollToBottom()
    window.grab()
    assert model.index(4999, 0).data() == "测试客户04999有限公司"
    assert model.cached_rows < 5000


def test_sorting_requeries_and_keeps_selection(gui, qtbot, portfolio_db) -> None:
    db, data = portfolio_db
    model = ClientTableModel(db)
    names = sorted(data.client_ids)
    assert [model.index(r, 0).data() for r in range(5)] == names
    keep = QPersistentModelIndex(model.index(1, 0))
    kept_id = keep.data(ID_ROLE)
    with qtbot.waitSignal(model.layoutChanged, timeout=100):
        model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 0).data() for r in range(5)] == names[::-1]
    assert keep.row() == 3  # the persistent index followed its client
    assert keep.data(ID_ROLE) == kept_id
    assert model.sort_state == ("name", True)

    model.sort(COLUMNS.index("owner"), Qt.SortOrder.AscendingOrder)
    owners = [model.index(r, COLUMNS.index("owner")).data() for r in range(5)]
    assert owners == ["李行长", "王经理", "王经理", "王经理", ""]


def test_sorting_through_the_view_header(window, qtbot) -> None:
    view = window.clients_page.view
    model = window.clients_page.model
    status = COLUMNS.index("status")
    view.sortByColumn(status, Qt.SortOrder.AscendingOrder)
    codes = [model._row(r)["status"] for r in range(model.rowCount())]
    assert codes == sorted(codes)
    assert model.sort_state == ("status", False)


def test_sort_after_rows_changed_resets_instead(gui, qtbot, portfolio_db) -> None:
    db, _ = portfolio_db
    model = ClientTableModel(db)
    add_many_clients(db, 3)
    with qtbot.waitSignal(model.modelReset, timeout=100):
        model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 8


def test_deleted_client_between_id_query_and_fetch_shows_blank(gui, portfolio_db) -> None:
    db, data = portfolio_db
    model = ClientTableModel(db)
    gone = data.client_ids["甲氢能科技有限公司"]
    row = next(r for r in range(model.rowCount()) if model.client_id(r) == gone)
    db.conn.execute("UPDATE clients SET deleted_at = '2025-01-01' WHERE id = ?", (gone,))
    assert model.index(row, 0).data() == ""
    model.refresh()
    assert model.rowCount() == 4

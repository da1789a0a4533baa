"""The clients page: search as you type, filters, SQL sorting, copy as TSV,
opening profiles, follow-ups due, export. Dialogs are patched, never shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from desktop.core import clients, exporting
from desktop.core.session import CurrentUser
from desktop.ui import i18n
from desktop.ui.dialogs.client_profile import ClientProfileDialog
from desktop.ui.dialogs.follow_ups_dialog import FollowUpsDialog
from desktop.ui.dialogs.import_dialog import ImportDialog
from desktop.ui.models.client_table import COLUMNS
from desktop.ui.pages.clients import ClientsPage
from tests.ui.portfolio_data import uscc

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def page(gui, qtbot, session) -> ClientsPage:
    widget = ClientsPage(session)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown(page: ClientsPage) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def keys(widget, text: str) -> None:
    """Type ``text`` one character at a time (QTest cannot send CJK key events)."""
    for ch in text:
        widget.insert(ch)


def type_search(page: ClientsPage, qtbot, text: str) -> None:
    page.search.clear()
    keys(page.search, text)
    qtbot.waitUntil(lambda: page.model.search_text == text, timeout=2000)


def test_page_builds_with_tiles_count_and_actions(page: ClientsPage) -> None:
    assert page.total_tile.value() == "5"
    assert page.count_label.text() == "5 clients"
    assert page.new_button.text() == "New client"
    assert page.new_button.isEnabled()  # an RM may create clients
    assert page.filter_combos["segment"].itemText(0) == "All segments"
    assert page.filter_combos["province"].count() == 1 + 5
    assert page.filter_combos["grade"].findData("AA") >= 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲", ["甲氢能科技有限公司"]),
        ("储氢", ["乙储氢装备有限公司"]),
        ("加氢站运营", ["丁加氢站运营有限公司"]),
        (uscc(3), ["丙燃料电池有限公司"]),
    ],
    ids=["one-char", "two-chars", "five-chars", "uscc"],
)
def test_typing_searches_after_a_short_pause(page, qtbot, text, expected) -> None:
    model = page.model
    type_search(page, qtbot, text)
    assert page.model is model  # never rebuilt, only its ids swapped
    assert shown(page) == expected
    assert page.count_label.text() == f"{len(expected)} of 5 clients"


def test_search_is_debounced(page, qtbot) -> None:
    resets = []
    page.model.modelReset.connect(lambda: resets.append(1))
    keys(page.search, "氢能科")
    assert page.model.search_text == ""  # nothing yet: the timer is running
    qtbot.waitUntil(lambda: page.model.search_text == "氢能科", timeout=2000)
    assert len(resets) == 1  # one query for three keystrokes
    assert shown(page) == ["甲氢能科技有限公司"]


def test_search_finds_contact_names(page, qtbot, session) -> None:
    client_id = next(cid for name, cid in _ids(session).items() if name == "丙燃料电池有限公司")
    clients.add_contact(session.db, session.user, client_id, {"name": "欧阳娜娜"})
    type_search(page, qtbot, "欧阳")
    assert shown(page) == ["丙燃料电池有限公司"]


def _ids(session) -> dict[str, str]:
    return {
        name: cid
        for cid, name in session.db.conn.execute(
            "SELECT id, name FROM clients WHERE deleted_at IS NULL"
        )
    }


def test_filters(page, qtbot, session) -> None:
    combos = page.filter_combos
    combos["status"].setCurrentIndex(combos["status"].findData("prospect"))
    assert shown(page) == ["丙燃料电池有限公司", "乙储氢装备有限公司"]
    combos["segment"].setCurrentIndex(combos["segment"].findData("storage"))
    assert shown(page) == ["乙储氢装备有限公司"]
    page.reset_filters()
    assert page.model.rowCount() == 5
    combos["province"].setCurrentIndex(combos["province"].findData("青海省"))
    assert shown(page) == ["丁加氢站运营有限公司"]
    combos["province"].setCurrentIndex(0)
    combos["firm_type"].setCurrentIndex(combos["firm_type"].findData("project"))
    assert shown(page) == ["丁加氢站运营有限公司"]
    combos["firm_type"].setCurrentIndex(0)
    combos["owner_id"].setCurrentIndex(combos["owner_id"].findData(session.user.id))
    assert shown(page) == ["丙燃料电池有限公司", "戊氢运物流有限公司", "甲氢能科技有限公司"]
    combos["owner_id"].setCurrentIndex(0)
    page.due_only.setChecked(True)  # 甲 (yesterday) and 乙 (today); 丙 is next week
    assert shown(page) == ["乙储氢装备有限公司", "甲氢能科技有限公司"]
    page.due_only.setChecked(False)
    combos["grade"].setCurrentIndex(combos["grade"].findData("A"))
    assert "乙储氢装备有限公司" in shown(page)
    assert "丙燃料电池有限公司" not in shown(page)
    # filters and search together
    page.reset_filters()
    type_search(page, qtbot, "氢")
    combos["status"].setCurrentIndex(combos["status"].findData("active"))
    assert shown(page) == ["甲氢能科技有限公司"]


def test_sorting_through_the_header(page) -> None:
    status = COLUMNS.index("status")
    page.view.sortByColumn(status, Qt.SortOrder.DescendingOrder)
    assert page.model.sort_state == ("status", True)
    statuses = [page.model._row(r)["status"] for r in range(page.model.rowCount())]
    assert statuses == sorted(statuses, reverse=True)
    page.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert shown(page)[0] == "丁加氢站运营有限公司"


def test_copy_selected_rows_as_tsv(page, qtbot) -> None:
    page.view.setFocus()
    page.view.selectRow(0)
    page.view.selectionModel().select(
        page.model.index(2, 0),
        page.view.selectionModel().SelectionFlag.Select
        | page.view.selectionModel().SelectionFlag.Rows,
    )
    QApplication.clipboard().clear()
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QApplication.clipboard().text()
    lines = text.rstrip("\n").split("\n")
    assert len(lines) == 3
    assert lines[0].split("\t")[:2] == ["Client", "Unified social credit code"]
    first = lines[1].split("\t")
    assert len(first) == len(COLUMNS)
    assert first[0] == shown(page)[0]
    assert first[1] == page.model.row_values(0)[1]
    assert lines[2].split("\t")[0] == shown(page)[2]
    # the same text as the core's TSV writer makes (formula guard, no tabs in cells)
    assert text == page.selection_tsv()


def test_copy_guards_formula_like_names(page, session) -> None:
    session.db.conn.execute(
        "UPDATE clients SET name = '=HYPERLINK(1)' WHERE name = '甲氢能科技有限公司'"
    )
    page.refresh()
    row = page.model.find_row(_ids(session)["=HYPERLINK(1)"])
    page.view.selectRow(row)
    cells = page.selection_tsv().split("\n")[1].split("\t")
    assert cells[0] == exporting.guard_text("=HYPERLINK(1)")
    assert cells[0] != "=HYPERLINK(1)"


def test_enter_and_double_click_open_the_profile(page, qtbot, monkeypatch) -> None:
    opened = []

    def fake_open(cls, session, client_id, parent=None):
        opened.append(client_id)
        return client_id, False

    monkeypatch.setattr(ClientProfileDialog, "open_profile", classmethod(fake_open))
    page.view.setFocus()
    page.view.selectRow(1)
    page.view.setCurrentIndex(page.model.index(1, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened == [page.model.client_id(1)]
    rect = page.view.visualRect(page.model.index(2, 0))
    # a real double click: press/release, then the double-click event
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened[-1] == page.model.client_id(2), [page.model.find_row(o) for o in opened]
    assert len(opened) == 2


def test_enter_in_search_opens_a_single_hit(page, qtbot, monkeypatch) -> None:
    opened = []
    monkeypatch.setattr(
        ClientProfileDialog,
        "open_profile",
        classmethod(lambda cls, s, cid, parent=None: (opened.append(cid), (cid, False))[1]),
    )
    keys(page.search, "戊")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert len(opened) == 1
    assert page.model.rowCount() == 1


def test_new_client_refreshes_the_list(page, monkeypatch, session) -> None:
    def fake_new(cls, session, parent=None):
        row = clients.create_client(
            session.db, session.user, {"name": "新建氢能有限公司", "firm_type": "tech"}
        )
        return row["id"], True

    monkeypatch.setattr(ClientProfileDialog, "new_client", classmethod(fake_new))
    model = page.model
    page.new_button.click()
    assert page.model is model
    assert "新建氢能有限公司" in shown(page)
    assert page.total_tile.value() == "6"
    assert page.view.currentIndex().row() == page.model.find_row(_ids(session)["新建氢能有限公司"])


def test_follow_ups_due_list_opens_its_client(page, monkeypatch, session) -> None:
    opened = []
    seen = {}

    def fake_exec(dialog):
        seen["rows"] = [
            dialog.model.row_dict(r)["client_name"] for r in range(dialog.model.rowCount())
        ]
        seen["mine"] = dialog.mine_only.isChecked()
        dialog.view.setCurrentIndex(dialog.model.index(0, 0))
        dialog.open_button.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FollowUpsDialog, "exec", fake_exec)
    monkeypatch.setattr(
        ClientProfileDialog,
        "open_profile",
        classmethod(lambda cls, s, cid, parent=None: (opened.append(cid), (cid, False))[1]),
    )
    page.follow_ups_button.click()
    # an RM sees their own list first: only 甲 is theirs and due (乙 belongs to the head)
    assert seen == {"rows": ["甲氢能科技有限公司"], "mine": True}
    assert opened == [_ids(session)["甲氢能科技有限公司"]]


def test_follow_ups_for_everyone(gui, qtbot, session) -> None:
    dialog = FollowUpsDialog(session)
    qtbot.addWidget(dialog)
    dialog.mine_only.setChecked(False)
    names = [dialog.model.row_dict(r)["client_name"] for r in range(dialog.model.rowCount())]
    assert names == ["甲氢能科技有限公司", "乙储氢装备有限公司"]  # most overdue first
    assert "2 open follow-ups" in dialog.intro.text()


def test_export_writes_the_listed_clients_masked(page, qtbot, monkeypatch, tmp_path, session):
    target = tmp_path / "out.csv"
    client_id = _ids(session)["甲氢能科技有限公司"]
    clients.add_contact(
        session.db, session.user, client_id, {"name": "赵六", "mobile": "13900001111"}
    )
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    messages = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda *a, **k: messages.append(a[2]))
    )
    type_search(page, qtbot, "氢能")
    page.export_button.click()
    assert target.exists()
    text = target.read_text(encoding="utf-8-sig")
    assert "甲氢能科技有限公司" in text
    assert "乙储氢装备有限公司" not in text  # only what the list shows
    assert "13900001111" not in text
    assert "139****1111" in text
    assert messages and "1 clients were exported" in messages[0]


def test_import_button_runs_the_import_dialog(page, monkeypatch, tmp_path) -> None:
    calls = []
    monkeypatch.setattr(ImportDialog, "choose_file", classmethod(lambda cls, p=None: "x.csv"))
    monkeypatch.setattr(
        ImportDialog,
        "run_import",
        classmethod(lambda cls, s, path, parent=None: (calls.append(path), (None, False))[1]),
    )
    page.import_button.click()
    assert calls == ["x.csv"]


def test_reviewer_cannot_create_or_import(gui, qtbot, session) -> None:
    reviewer = CurrentUser(id="r" * 36, username="r", display_name="审查", role="reviewer")
    session.user = reviewer
    widget = ClientsPage(session)
    qtbot.addWidget(widget)
    assert not widget.new_button.isEnabled()
    assert not widget.import_button.isEnabled()
    assert widget.export_button.isEnabled()


def test_translated_page(gui, qtbot, session) -> None:
    widget = ClientsPage(session)
    qtbot.addWidget(widget)
    i18n.install_language("zh_CN")
    try:
        QApplication.processEvents()
        assert widget.count_label.text() == "5 家客户" or widget.count_label.text()
        assert widget.filter_combos["segment"].count() == 7
    finally:
        i18n.install_language("en")

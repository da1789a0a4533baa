"""The client profile: validation at the field, saving through the core (one
transaction, audited), duplicates, conflicts, read-only, contacts and unmasking,
statements and ratios, activities, attachments. No dialog ever blocks."""

from __future__ import annotations

import hashlib
import json

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from desktop.core import attachments, clients
from desktop.core.session import CurrentUser
from desktop.ui.dialogs import client_profile as profile_module
from desktop.ui.dialogs.activity_dialog import ActivityDialog
from desktop.ui.dialogs.client_profile import ClientProfileDialog
from desktop.ui.dialogs.contact_dialog import ContactDialog
from desktop.ui.dialogs.statement_dialog import StatementDialog
from desktop.ui.dialogs.unmask_dialog import UnmaskDialog
from tests.ui.portfolio_data import uscc

pytestmark = [
    pytest.mark.usefixtures("english_messages"),
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

VALID = "91350100M000100Y43"


@pytest.fixture
def client_id(portfolio_db) -> str:
    _db, data = portfolio_db
    return data.client_ids["甲氢能科技有限公司"]  # owned by the session's RM


@pytest.fixture
def dialog(gui, qtbot, session, client_id) -> ClientProfileDialog:
    widget = ClientProfileDialog(session, client_id)
    qtbot.addWidget(widget)
    return widget


def row(db, client_id: str) -> dict:
    return clients.get_client(db, client_id)


def audit_actions(db, entity_id: str) -> list[str]:
    return [
        r[0]
        for r in db.conn.execute(
            "SELECT action FROM audit_log WHERE entity_id = ? ORDER BY seq", (entity_id,)
        )
    ]


def no_questions(monkeypatch, answer=QMessageBox.StandardButton.No):
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: (asked.append(a[2]), answer)[1])
    )
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: asked.append(a[2])))
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda *a, **k: asked.append(a[2]))
    )
    return asked


# --------------------------------------------------------------------------- overview


def test_overview_shows_every_field(dialog, session, client_id) -> None:
    assert dialog.inputs["name"].text() == "甲氢能科技有限公司"
    assert dialog.inputs["uscc"].text() == uscc(1)
    assert dialog.inputs["segment"].currentData() == "production"
    assert dialog.tabs.tabText(0) == "Overview"
    assert dialog.can_edit
    assert dialog.save_button.isVisible() or not dialog.isVisible()
    assert not dialog.read_only_banner.isVisibleTo(dialog)
    # qualifications and policies come from the taxonomy as checkable lists
    assert dialog.qualifications.count() >= 5
    assert dialog.policies.count() >= 5
    assert dialog.changes() == {}


def test_bad_uscc_is_shown_at_the_field_and_nothing_is_saved(dialog, session, client_id):
    before = row(session.db, client_id)
    audit_before = audit_actions(session.db, client_id)
    dialog.inputs["uscc"].setText("91350100M000100Y44")  # one character changed
    dialog.inputs["notes"].setPlainText("changed too")
    assert not dialog.save_overview()
    message = dialog.errors.message("uscc")
    assert "check" in message.lower()
    assert dialog.inputs["uscc"].property("fieldError") is True
    assert dialog.summary.isVisibleTo(dialog)
    assert "Unified social credit code" in dialog.summary.text()
    assert row(session.db, client_id) == before  # nothing saved, not even the notes
    assert audit_actions(session.db, client_id) == audit_before

    # typing in the field clears its mark; a valid code saves, audited
    dialog.inputs["uscc"].setText(VALID.lower())
    dialog.inputs["uscc"].textEdited.emit(VALID.lower())
    assert dialog.errors.message("uscc") == ""
    assert dialog.save_overview()
    saved = row(session.db, client_id)
    assert saved["uscc"] == VALID  # normalised by the core
    assert saved["notes"] == "changed too"
    assert saved["version"] == before["version"] + 1
    assert audit_actions(session.db, client_id)[-1] == "client.update"
    entry = session.db.conn.execute(
        "SELECT before, after FROM audit_log WHERE entity_id = ? ORDER BY seq DESC LIMIT 1",
        (client_id,),
    ).fetchone()
    assert set(json.loads(entry[1])) == {"uscc", "notes", "version"}  # only what changed
    assert dialog.status_label.text() == "Saved."
    assert dialog.changes() == {}


def test_several_errors_at_once(dialog, session, client_id) -> None:
    dialog.inputs["founded_on"].setText("2999-01-01")
    dialog.inputs["employees"].setText("10")
    dialog.inputs["rd_staff"].setText("20")
    dialog.inputs["registered_capital_wan"].setText("-5")
    assert not dialog.save_overview()
    errors = dialog.errors.errors
    assert set(errors) >= {"founded_on", "rd_staff", "registered_capital_wan"}
    assert "future" in errors["founded_on"]
    assert dialog.inputs["registered_capital_wan"].property("fieldError") is True


def test_segment_route_combos_depend_on_each_other(dialog) -> None:
    segment, route = dialog.inputs["segment"], dialog.inputs["tech_route"]
    segment.setCurrentIndex(segment.findData("storage"))
    codes = [route.itemData(i) for i in range(route.count())]
    assert codes[0] is None
    assert "gas_70mpa" in codes
    assert "pem" not in codes
    route.setCurrentIndex(route.findData("gas_70mpa"))
    assert dialog.save_overview()


def test_capital_in_wan_round_trips_exactly(dialog, session, client_id) -> None:
    dialog.inputs["registered_capital_wan"].setText("1,234.5678")
    assert dialog.save_overview()
    assert row(session.db, client_id)["registered_capital_yuan"] == 12_345_678
    assert dialog.inputs["registered_capital_wan"].text() == "1234.5678"
    assert dialog.changes() == {}


def test_lists_and_key_patents_are_saved(dialog, session, client_id) -> None:
    dialog.qualifications.set_checked(["high_tech"])
    dialog.key_patents.add_row()
    table = dialog.key_patents.table
    table.item(0, 0).setText("ZL202310000001.1")
    table.item(0, 1).setText("一种PEM电解槽双极板")
    assert dialog.save_overview()
    saved = row(session.db, client_id)
    assert saved["qualifications"] == ["high_tech"]
    assert saved["key_patents"] == [{"title": "一种PEM电解槽双极板", "number": "ZL202310000001.1"}]


def test_duplicate_uscc_offers_to_open_the_existing_client(
    dialog, session, client_id, portfolio_db, monkeypatch
) -> None:
    _db, data = portfolio_db
    asked = no_questions(monkeypatch, QMessageBox.StandardButton.Open)
    dialog.inputs["uscc"].setText(uscc(2))  # 乙's code
    assert not dialog.save_overview()
    assert "already exists" in asked[0]
    assert dialog.client_id == data.client_ids["乙储氢装备有限公司"]
    assert row(session.db, client_id)["uscc"] == uscc(1)


def test_conflict_tells_and_reloads(dialog, session, client_id, monkeypatch) -> None:
    clients.update_client(session.db, session.user, client_id, 1, {"notes": "elsewhere"})
    shown = []
    monkeypatch.setattr(profile_module, "show_conflict", lambda parent: (shown.append(1), True)[1])
    dialog.inputs["legal_rep"].setText("新法人")
    assert not dialog.save_overview()
    assert shown == [1]
    assert row(session.db, client_id)["legal_rep"] is None  # not overwritten
    assert dialog.notes.toPlainText() == "elsewhere"  # reloaded


def test_new_client_is_created(gui, qtbot, session) -> None:
    dialog = ClientProfileDialog(session, None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "New client"
    assert not dialog.tabs.isTabEnabled(1)
    dialog.inputs["name"].setText("新氢源科技有限公司")
    assert dialog.save_overview()
    assert dialog.client_id is not None
    assert dialog.tabs.isTabEnabled(1)
    created = row(session.db, dialog.client_id)
    assert created["owner_id"] == session.user.id
    assert audit_actions(session.db, dialog.client_id) == ["client.create"]


def test_someone_elses_client_is_read_only(gui, qtbot, session, portfolio_db, monkeypatch):
    _db, data = portfolio_db
    dialog = ClientProfileDialog(session, data.client_ids["乙储氢装备有限公司"])
    qtbot.addWidget(dialog)
    assert not dialog.can_edit
    assert dialog.inputs["name"].isReadOnly()
    assert not dialog.inputs["segment"].isEnabled()
    assert not dialog.save_button.isVisibleTo(dialog)
    assert dialog.read_only_banner.isVisibleTo(dialog)
    assert not dialog.add_contact_button.isEnabled()
    assert not dialog.save_overview()


def test_close_with_unsaved_changes_asks(dialog, session, client_id, monkeypatch) -> None:
    asked = no_questions(monkeypatch, QMessageBox.StandardButton.Cancel)
    dialog.inputs["legal_rep"].setText("待保存")
    dialog.reject()
    assert asked and "unsaved" in asked[0]
    assert dialog.result() == 0


# --------------------------------------------------------------------------- contacts


def test_contacts_are_masked_and_unmasking_asks_a_reason(
    dialog, session, client_id, monkeypatch
) -> None:
    contact = clients.add_contact(
        session.db,
        session.user,
        client_id,
        {"name": "张三", "mobile": "13812345678", "id_number": "11010519491231002X"},
    )
    dialog.reload_children()
    model = dialog.contacts_model
    assert model.index(0, 2).data() == "138****5678"
    assert model.index(0, 3).data() == "110105********002X"
    assert dialog.tabs.tabText(1) == "Contacts (1)"

    dialog.contacts_view.selectRow(0)
    # refused: nothing is shown, nothing is audited
    monkeypatch.setattr(UnmaskDialog, "ask_reason", classmethod(lambda cls, s, p=None: ("", False)))
    dialog.unmask_contact()
    assert model.index(0, 2).data() == "138****5678"
    assert "personal.unmask" not in audit_actions(session.db, contact["id"])

    reasons = []
    monkeypatch.setattr(
        UnmaskDialog,
        "ask_reason",
        classmethod(lambda cls, s, p=None: (reasons.append(s), ("核实身份", True))[1]),
    )
    dialog.unmask_contact()
    assert reasons == ["张三"]
    assert model.index(0, 2).data() == "13812345678"
    assert model.index(0, 3).data() == "11010519491231002X"
    entries = session.db.conn.execute(
        "SELECT action, reason FROM audit_log WHERE entity_id = ? AND action = 'personal.unmask'",
        (contact["id"],),
    ).fetchall()
    assert entries == [("personal.unmask", "核实身份"), ("personal.unmask", "核实身份")]
    dialog.reload_children()  # masked again after a reload
    assert model.index(0, 2).data() == "138****5678"


def test_unmask_dialog_needs_a_reason(gui, qtbot) -> None:
    dialog = UnmaskDialog("张三")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.reason.setEditText("贷后跟进")
    assert ok.isEnabled()
    assert dialog.reason_text() == "贷后跟进"


def test_contact_dialog_validates_at_the_field(gui, qtbot, session, client_id) -> None:
    dialog = ContactDialog(session, client_id)
    qtbot.addWidget(dialog)
    dialog.name.setText("李四")
    dialog.mobile.setText("12345")
    dialog.id_number.setText("110105194912310021")  # wrong check digit
    dialog.accept()
    assert dialog.saved is None
    assert "mobile" in dialog.errors.errors
    assert "id_number" in dialog.errors.errors
    assert clients.list_contacts(session.db, client_id) == []
    dialog.mobile.setText("138 1234 5678")
    dialog.id_number.setText("11010519491231002X")
    dialog.accept()
    assert dialog.saved is not None
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = clients.list_contacts(session.db, client_id)[0]
    assert saved["mobile"] == "138****5678"


def test_editing_a_contact_keeps_masked_values(gui, qtbot, session, client_id) -> None:
    contact = clients.add_contact(
        session.db, session.user, client_id, {"name": "王五", "mobile": "13900001111"}
    )
    masked = clients.list_contacts(session.db, client_id)[0]
    dialog = ContactDialog(session, client_id, masked)
    qtbot.addWidget(dialog)
    assert dialog.mobile.text() == "139****1111"
    dialog.role.setText("董事长")
    dialog.accept()
    assert dialog.saved is not None
    full = session.db.conn.execute(
        "SELECT mobile, role FROM contacts WHERE id = ?", (contact["id"],)
    ).fetchone()
    assert full == ("13900001111", "董事长")  # the masked text was not written back


def test_add_contact_from_the_profile(dialog, monkeypatch) -> None:
    calls = []

    def fake_exec(self):
        calls.append(self.windowTitle())
        self.name.setText("赵六")
        self.accept()
        return self.result()

    monkeypatch.setattr(ContactDialog, "exec", fake_exec)
    dialog.add_contact()
    assert calls == ["New contact"]
    assert dialog.contacts_model.rowCount() == 1
    assert dialog.changed_anything


# --------------------------------------------------------------------------- financials


def statement_values(dialog: StatementDialog, **values: str) -> None:
    for base, text in values.items():
        dialog.amounts[base].setText(text)


def test_inconsistent_statement_is_refused_at_the_field(gui, qtbot, session, client_id):
    dialog = StatementDialog(session, client_id)
    qtbot.addWidget(dialog)
    dialog.fiscal_year.setText("2023")
    statement_values(dialog, total_assets="1000", current_assets="1500")
    dialog.accept()
    assert dialog.saved is None
    assert "exceed total assets" in dialog.errors.message("current_assets_wan")
    assert dialog.amounts["current_assets"].property("fieldError") is True
    assert clients.list_statements(session.db, client_id) == []


def test_statements_ratios_and_chart(dialog, session, client_id, monkeypatch) -> None:
    for year, revenue in ((2022, "1000"), (2023, "1500"), (2024, "1800")):
        editor = StatementDialog(session, client_id, None, dialog)
        editor.fiscal_year.setText(str(year))
        statement_values(
            editor,
            revenue=revenue,
            net_profit="-100" if year == 2022 else "150",
            total_assets="4000",
            total_liabilities="1000",
            current_assets="2000",
            current_liabilities="800",
            inventory="400",
            cash="500",
            rd_expense="150",
        )
        editor.accept()
        assert editor.saved is not None, editor.errors.errors
        editor.deleteLater()
    dialog.reload_children()
    assert dialog.statements_model.years == [2022, 2023, 2024]
    assert dialog.statements_model.cell("revenue", 2023) == "1,500.00"
    assert dialog.ratios_model.cell("debt_ratio", 2024) == "25.0%"
    assert dialog.ratios_model.cell("current_ratio", 2024) == "2.50"
    assert dialog.ratios_model.cell("revenue_growth", 2023) == "50.0%"
    assert dialog.ratios_model.cell("net_margin", 2022) == "-10.0%"
    assert dialog.chart.years == ["2022", "2023", "2024"]
    assert [str(v) for v in dialog.chart.values["revenue"]] == ["1000.00", "1500.00", "1800.00"]
    assert len(dialog.chart.chart().series()) == 1

    # edit a year: the dialog opens with exact 万元 values; saving changes one field
    seen = {}

    def fake_exec(self):
        seen["revenue"] = self.amounts["revenue"].text()
        self.amounts["revenue"].setText("1600")
        self.accept()
        return self.result()

    monkeypatch.setattr(StatementDialog, "exec", fake_exec)
    dialog.statements_view.setCurrentIndex(dialog.statements_model.index(0, 1))
    dialog.edit_statement()
    assert seen["revenue"] == "1500.00"
    assert dialog.statements_model.cell("revenue", 2023) == "1,600.00"


# --------------------------------------------------------------------------- activities


def test_activities_add_and_follow_up_done(dialog, session, client_id) -> None:
    editor = ActivityDialog(session, client_id, None, dialog)
    editor.people_met.setText("张总")
    editor.summary.setPlainText("电解槽扩产需求")
    editor.next_follow_up.setText("2000-01-01")  # before the visit
    editor.accept()
    assert "next_follow_up" in editor.errors.errors
    editor.next_follow_up.setText("")
    editor.accept()
    assert editor.saved is not None
    dialog.reload_children()
    texts = [dialog.activities_model.index(r, 3).data() for r in range(2)]
    assert "电解槽扩产需求" in texts
    # the portfolio's overdue follow-up of this client: mark it done
    overdue = next(
        r
        for r in range(dialog.activities_model.rowCount())
        if dialog.activities_model.row_dict(r).get("next_follow_up")
    )
    activity = dialog.activities_model.row_dict(overdue)
    dialog.activities_view.selectRow(overdue)
    dialog.complete_follow_up()
    done = session.db.conn.execute(
        "SELECT follow_up_done FROM activities WHERE id = ?", (activity["id"],)
    ).fetchone()[0]
    assert done == 1
    assert "activity.follow_up_done" in audit_actions(session.db, activity["id"])
    assert clients.follow_ups_due(session.db, owner_id=session.user.id) == []


# --------------------------------------------------------------------------- attachments


def test_attachment_add_open_verify(dialog, session, client_id, monkeypatch, tmp_path) -> None:
    source = tmp_path / "营业执照.pdf"
    source.write_bytes(b"%PDF-1.4 licence")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(source), ""))
    )
    dialog.add_attachment()
    model = dialog.attachments_model
    assert model.rowCount() == 1
    stored = model.row_dict(0)
    assert model.index(0, 2).data() == hashlib.sha256(b"%PDF-1.4 licence").hexdigest()
    assert model.index(0, 4).data() == "intact"
    path = attachments.attachment_file(stored)
    assert path.read_bytes() == b"%PDF-1.4 licence"
    assert path != source

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    dialog.attachments_view.selectRow(0)
    dialog.open_attachment()
    assert opened == [QUrl.fromLocalFile(str(path))]

    path.write_bytes(b"tampered")
    warnings = no_questions(monkeypatch)
    dialog.verify_attachments()
    assert model.index(0, 4).data() == "changed or missing"
    assert "营业执照.pdf" in warnings[0]


def test_reviewer_sees_a_read_only_profile(gui, qtbot, session, client_id) -> None:
    session.user = CurrentUser(id="r" * 36, username="r", display_name="审查", role="reviewer")
    dialog = ClientProfileDialog(session, client_id)
    qtbot.addWidget(dialog)
    assert not dialog.can_edit
    assert not dialog.add_attachment_button.isEnabled()
    assert dialog.unmask_button.isEnabled()  # reviewers may unmask (audited)

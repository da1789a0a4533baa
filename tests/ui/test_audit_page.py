"""Audit viewer: paged model, filters, detail pane, CSV export, chain verification."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from db import audit
from db.connection import write
from db.ids import new_id
from desktop.core import security
from desktop.core.session import Session
from desktop.ui.i18n import audit_action_label
from desktop.ui.pages.audit import PAGE_SIZE, AuditPage, AuditTableModel

pytestmark = [
    pytest.mark.usefixtures("english_messages"),
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
CONTACT_ID = new_id()


@pytest.fixture
def env(gui, db, db_path, monkeypatch) -> SimpleNamespace:
    monkeypatch.setattr(security, "_DEFAULT_HASHER", FAST)
    admin = security.create_first_admin(db, "admin", "系统管理员", "Admin-Pass-1")
    reviewer = security._current_user(
        security.create_user(db, admin, "zhao", "赵审查", "reviewer", "Good-Pass-123")
    )
    rm = security._current_user(
        security.create_user(db, admin, "wang", "王经理", "rm", "Good-Pass-123")
    )
    with write(db):
        audit.record(
            db,
            user_id=rm.id,
            action="contact.update",
            entity="contacts",
            entity_id=CONTACT_ID,
            before={"mobile": "13812345678", "name": "张三"},
            after={"mobile": "13987654321", "name": "张三"},
            reason="typo",
        )
        for n in range(PAGE_SIZE + 30):
            audit.record(
                db,
                user_id=rm.id,
                action="client.update",
                entity="clients",
                entity_id=new_id(),
                after={"n": n},
            )
    return SimpleNamespace(db=db, db_path=db_path, admin=admin, reviewer=reviewer, rm=rm)


@pytest.fixture
def boxes(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def record(kind):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return shown


def _page(qtbot, env, user) -> AuditPage:
    page = AuditPage(Session(db=env.db, db_path=env.db_path, user=user))
    qtbot.addWidget(page)
    return page


def test_model_pages_through_a_long_trail(env, qtmodeltester):
    model = AuditTableModel(env.db, env.admin)
    model.set_filter(audit.AuditFilter())
    total = audit.count_entries(env.db)
    assert model.total() == total > PAGE_SIZE
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == total
    assert model.index(0, 0).data() == str(total)  # newest first
    qtmodeltester.check(model, force_py=True)


def test_filters(env, qtbot):
    page = _page(qtbot, env, env.reviewer)
    total = audit.count_entries(env.db)
    assert page.model.total() == total
    page.user_box.setCurrentIndex(page.user_box.findData(env.admin.id))
    page.apply_filter()
    assert page.model.total() == 3  # the first administrator and the two users they created
    assert {page.model.entry(r)["user_id"] for r in range(page.model.rowCount())} == {env.admin.id}
    page.clear_filter()
    page.action_box.setCurrentText("user.*")
    page.apply_filter()
    assert {page.model.entry(r)["action"] for r in range(page.model.rowCount())} == {
        "user.first_admin",
        "user.create",
    }
    page.clear_filter()
    page.entity_id.setText(CONTACT_ID)
    page.apply_filter()
    assert page.model.total() == 1
    page.clear_filter()
    tomorrow = date.today() + timedelta(days=1)
    page.since.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    page.apply_filter()
    assert page.model.total() == 0
    assert page.detail.toPlainText() == ""
    page.since.setDate(QDate.currentDate())
    page.until.setDate(QDate.currentDate())
    page.apply_filter()
    assert page.model.total() == total


def test_detail_shows_masked_before_and_after(env, qtbot):
    page = _page(qtbot, env, env.admin)
    page.entity_id.setText(CONTACT_ID)
    page.apply_filter()
    text = page.detail.toPlainText()
    assert "Action: Contact changed (contact.update)" in text
    # The table names the action in words; the code stays in the detail pane.
    column = page.model.index(0, 3).data()
    assert column == "Contact changed"
    assert "王经理 (wang)" in text
    assert '"mobile": "138****5678"' in text
    assert '"mobile": "139****4321"' in text
    assert "13812345678" not in text and "13987654321" not in text
    assert "Reason: typo" in text
    assert "Before:" in text and "After:" in text


def test_export_csv(env, qtbot, boxes, tmp_path):
    page = _page(qtbot, env, env.admin)
    page.action_box.setCurrentText("contact.update")
    page.apply_filter()
    target = tmp_path / "audit.csv"
    assert page.export(target) == 1
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1
    assert rows[0]["action"] == "contact.update"
    assert "138****5678" in rows[0]["before"]
    assert boxes[-1][0] == "information"
    exported = audit.list_entries(env.db, audit.AuditFilter(action="audit.export"))
    assert exported[0]["user_id"] == env.admin.id


def test_verify_ok(env, qtbot, boxes):
    page = _page(qtbot, env, env.admin)
    assert page.verify_chain() is True
    assert page.chain_label.text().startswith("ok: the audit trail is intact")
    assert boxes == [("information", page.chain_label.text())]


def test_verify_broken_names_the_entry_and_selects_it(env, qtbot, boxes):
    conn = sqlite3.connect(env.db_path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET reason = 'covered up' WHERE seq = 4")
    conn.commit()
    conn.close()
    page = _page(qtbot, env, env.admin)
    assert page.verify_chain() is False
    assert "tampered" in page.chain_label.text()
    assert "Audit entry 4 was changed" in page.chain_label.text()
    assert boxes[0][0] == "critical"
    assert page.selected_entry()["seq"] == 4  # fetched the pages up to it
    assert "covered up" in page.detail.toPlainText()


def test_refused_without_audit_read(env, qtbot):
    page = _page(qtbot, env, env.rm)
    assert page.notice.isVisibleTo(page)
    assert "View the audit trail" in page.notice.text()
    assert page.model.rowCount() == 0
    assert not page.export_button.isEnabled() and not page.verify_button.isEnabled()
    with pytest.raises(security.PermissionDenied):
        page.model.set_filter(audit.AuditFilter())


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("auth.sign_in_failed", "Sign-in failed"),
        ("client.update", "Client changed"),
        ("financial_statement.create", "Financial statement created"),
        ("backup.restore", "Backup restored"),
        ("something.unknown", "something.unknown"),
        ("", ""),
    ],
)
def test_action_labels(gui, code, label):
    assert audit_action_label(code) == label

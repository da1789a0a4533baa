"""Client profile validation and services: clients, contacts, statements, activities."""

from __future__ import annotations

import json
from datetime import date

import pytest
import sqlite_utils

from db import users
from db.errors import ConflictError
from desktop.core import clients
from desktop.core.clients import ClientValidationError, DuplicateClientError
from desktop.core.security import PermissionDenied
from desktop.core.session import CurrentUser
from desktop.core.validation import make_uscc, resident_id_check_char

pytestmark = pytest.mark.usefixtures("english_messages")

TODAY = date(2025, 6, 30)
USCC = "91350100M000100Y43"
USCC2 = make_uscc("350200", "MA2XYT12")
ID17 = "11010119900307457"
RESIDENT_ID = ID17 + resident_id_check_char(ID17)


def _user(db: sqlite_utils.Database, username: str, role: str) -> CurrentUser:
    row = users.ensure_user(db, username=username, display_name=username.upper(), role=role)
    return CurrentUser(row["id"], username, row["display_name"], role)


@pytest.fixture
def rm(db: sqlite_utils.Database) -> CurrentUser:
    return _user(db, "rm.one", "rm")


@pytest.fixture
def rm2(db: sqlite_utils.Database) -> CurrentUser:
    return _user(db, "rm.two", "rm")


@pytest.fixture
def head(db: sqlite_utils.Database) -> CurrentUser:
    return _user(db, "head", "branch_head")


def _data(**over) -> dict:
    base = {
        "name": "厦门骞峰氢能科技有限公司",
        "uscc": USCC,
        "legal_rep": "林晓",
        "registered_capital_wan": "5,000",
        "founded_on": "2019-04-01",
        "province": "福建",
        "city": "厦门",
        "address": "厦门市集美区",
        "firm_type": "tech",
        "segment": "production",
        "tech_route": "pem",
        "qualifications": ["high_tech", "srdi_sme"],
        "policy_programmes": ["xiamen_action_2025_2027"],
        "employees": 120,
        "rd_staff": "45",
        "invention_patents": 12,
        "utility_patents": 30,
        "software_copyrights": 4,
        "key_patents": [
            {"title": "一种PEM电解槽", "number": "ZL202110000001.X", "kind": "invention"}
        ],
        "green_loan_class": "clean_energy",
        "status": "active",
        "notes": "重点客户",
    }
    base.update(over)
    return base


def _errors(exc: pytest.ExceptionInfo[ClientValidationError]) -> dict[str, str]:
    return exc.value.by_field()


def _audit(db: sqlite_utils.Database, entity_id: str) -> list[dict]:
    return list(db.query("SELECT * FROM audit_log WHERE entity_id = ? ORDER BY seq", [entity_id]))


# =========================================================================== validate_client


def test_validate_client_normalises_every_field() -> None:
    clean = clients.validate_client(_data(uscc="9135 0100m000100y43", rd_staff="４５"), today=TODAY)
    assert clean["uscc"] == USCC
    assert clean["registered_capital_yuan"] == 50_000_000
    assert clean["founded_on"] == "2019-04-01"
    assert clean["rd_staff"] == 45
    assert clean["qualifications"] == ["high_tech", "srdi_sme"]
    assert clean["key_patents"][0]["kind"] == "invention"
    assert clean["green_loan_class"] == "clean_energy"
    assert "registered_capital_wan" not in clean


def test_validate_client_accepts_capital_in_yuan_and_full_width_uscc() -> None:
    clean = clients.validate_client(
        _data(
            registered_capital_wan=None,
            registered_capital_yuan=1_234_500,
            uscc="９1350100M000100Y43",
        ),
        today=TODAY,
    )
    assert clean["registered_capital_yuan"] == 1_234_500
    assert clean["uscc"] == USCC


def test_validate_client_reports_every_problem_at_once() -> None:
    bad = _data(
        name="  ",
        uscc="91350100M000100Y44",
        registered_capital_wan="-5",
        founded_on="2030-01-01",
        firm_type="bank",
        segment="storage",
        tech_route="pem",
        qualifications=["high_tech", "nobel"],
        policy_programmes=["nope"],
        employees=-1,
        rd_staff="many",
        invention_patents=2.5,
        key_patents=[{"number": "x"}],
        green_loan_class="brown",
        status="bankrupt",
        notes="x" * (clients.MAX_NOTES + 1),
    )
    with pytest.raises(ClientValidationError) as exc:
        clients.validate_client(bad, today=TODAY)
    errors = _errors(exc)
    assert errors["name"] == "This field is required."
    assert "check character" in errors["uscc"]
    assert "negative" in errors["registered_capital_wan"]
    assert "future" in errors["founded_on"]
    assert errors["firm_type"] == "Choose an enterprise type from the list."
    assert "does not belong to" in errors["tech_route"]
    assert "nobel" in errors["qualifications"]
    assert "nope" in errors["policy_programmes"]
    assert errors["employees"] == "Must not be negative."
    assert errors["rd_staff"] == "Enter a whole number."
    assert errors["invention_patents"] == "Enter a whole number."
    assert "title is required" in errors["key_patents"]
    assert "green-loan" in errors["green_loan_class"]
    assert errors["status"] == "Choose a status from the list."
    assert "At most" in errors["notes"]


def test_uscc_required_unless_prospect() -> None:
    with pytest.raises(ClientValidationError) as exc:
        clients.validate_client(_data(uscc=""), today=TODAY)
    assert "required unless" in _errors(exc)["uscc"]
    assert clients.validate_client(_data(uscc="", status="prospect"), today=TODAY)["uscc"] is None


@pytest.mark.parametrize(
    ("over", "field", "fragment"),
    [
        ({"rd_staff": 200, "employees": 100}, "rd_staff", "cannot exceed"),
        ({"employees": clients.MAX_EMPLOYEES + 1}, "employees", "more than"),
        ({"tech_route": "unknown_route"}, "tech_route", "technology route"),
        ({"segment": None}, "segment", "segment of the technology route"),
        ({"segment": "moon"}, "segment", "value-chain segment"),
        ({"registered_capital_wan": "1.00001"}, "registered_capital_wan", "decimal places"),
        ({"registered_capital_wan": None, "registered_capital_yuan": "1.5"},
         "registered_capital_yuan", "whole number"),
        ({"founded_on": "2019-02-30"}, "founded_on", "not a real date"),
        ({"key_patents": [{"title": "x", "kind": "poem"}]}, "key_patents", "unknown kind"),
        ({"key_patents": "not json"}, "key_patents", "list of patents"),
        ({"qualifications": 5}, "qualifications", "list of codes"),
        ({"name": "x" * 201}, "name", "At most 200"),
        ({"legal_rep": 12.5}, "legal_rep", "Must be text"),
    ],
)  # fmt: skip
def test_validate_client_invalid_values(over: dict, field: str, fragment: str) -> None:
    with pytest.raises(ClientValidationError) as exc:
        clients.validate_client(_data(**over), today=TODAY)
    assert fragment in _errors(exc)[field]
    assert {e.field for e in exc.value.errors} == {field}


def test_validate_client_owner_must_exist_with_db(db: sqlite_utils.Database, rm) -> None:
    with pytest.raises(ClientValidationError) as exc:
        clients.validate_client(_data(owner_id="no-such-user"), today=TODAY, db=db)
    assert "not an active user" in _errors(exc)["owner_id"]
    assert clients.validate_client(_data(owner_id=rm.id), today=TODAY, db=db)["owner_id"] == rm.id


def test_codes_as_separated_text_are_accepted() -> None:
    clean = clients.validate_client(_data(qualifications="high_tech、srdi_sme"), today=TODAY)
    assert clean["qualifications"] == ["high_tech", "srdi_sme"]


# =========================================================================== client services


def test_create_get_update_delete_client_with_audit(db: sqlite_utils.Database, rm) -> None:
    created = clients.create_client(db, rm, _data(), today=TODAY)
    assert created["owner_id"] == rm.id
    assert created["version"] == 1
    assert created["qualifications"] == ["high_tech", "srdi_sme"]
    stored = db.conn.execute(
        "SELECT qualifications FROM clients WHERE id = ?", (created["id"],)
    ).fetchone()[0]
    assert json.loads(stored) == ["high_tech", "srdi_sme"]

    fetched = clients.get_client(db, created["id"])
    assert fetched is not None and fetched["key_patents"][0]["title"] == "一种PEM电解槽"

    updated = clients.update_client(
        db, rm, created["id"], 1, {"notes": "更新", "registered_capital_wan": "12.5"}, today=TODAY
    )
    assert updated["version"] == 2
    assert updated["notes"] == "更新"
    assert updated["registered_capital_yuan"] == 125_000
    assert updated["name"] == created["name"]  # untouched fields stay

    deleted = clients.delete_client(db, rm, created["id"], 2)
    assert deleted["deleted_at"] is not None
    assert clients.get_client(db, created["id"]) is None

    actions = [e["action"] for e in _audit(db, created["id"])]
    assert actions == ["client.create", "client.update", "client.delete"]
    update_entry = _audit(db, created["id"])[1]
    assert json.loads(update_entry["after"])["notes"] == "更新"
    assert "name" not in json.loads(update_entry["after"])


def test_partial_update_is_validated_with_current_values(db: sqlite_utils.Database, rm) -> None:
    created = clients.create_client(db, rm, _data(employees=100, rd_staff=40), today=TODAY)
    with pytest.raises(ClientValidationError) as exc:
        clients.update_client(db, rm, created["id"], 1, {"employees": 10}, today=TODAY)
    assert "rd_staff" in _errors(exc)
    assert clients.get_client(db, created["id"])["employees"] == 100


def test_update_with_stale_version_conflicts(db: sqlite_utils.Database, rm) -> None:
    created = clients.create_client(db, rm, _data(), today=TODAY)
    clients.update_client(db, rm, created["id"], 1, {"notes": "first"}, today=TODAY)
    with pytest.raises(ConflictError):
        clients.update_client(db, rm, created["id"], 1, {"notes": "second"}, today=TODAY)
    assert clients.get_client(db, created["id"])["notes"] == "first"


@pytest.mark.parametrize("variant", [USCC, USCC.lower(), "９１３５０１００Ｍ０００１００Ｙ４３"])
def test_duplicate_uscc_points_to_existing_client(db: sqlite_utils.Database, rm, variant) -> None:
    first = clients.create_client(db, rm, _data(), today=TODAY)
    before = db.conn.execute("SELECT count(*) FROM clients").fetchone()[0]
    with pytest.raises(DuplicateClientError) as exc:
        clients.create_client(db, rm, _data(name="另一家", uscc=variant), today=TODAY)
    assert exc.value.existing_id == first["id"]
    assert exc.value.existing_name == first["name"]
    assert first["name"] in str(exc.value)
    assert db.conn.execute("SELECT count(*) FROM clients").fetchone()[0] == before
    assert clients.find_by_uscc(db, variant)["id"] == first["id"]


def test_duplicate_uscc_on_update_and_after_delete(db: sqlite_utils.Database, rm) -> None:
    first = clients.create_client(db, rm, _data(), today=TODAY)
    second = clients.create_client(db, rm, _data(name="二号", uscc=USCC2), today=TODAY)
    with pytest.raises(DuplicateClientError):
        clients.update_client(db, rm, second["id"], 1, {"uscc": USCC}, today=TODAY)
    clients.delete_client(db, rm, first["id"], 1)
    # A deleted client no longer blocks its USCC.
    again = clients.create_client(db, rm, _data(name="三号"), today=TODAY)
    assert again["uscc"] == USCC


def test_rm_cannot_edit_another_rms_client(db: sqlite_utils.Database, rm, rm2, head) -> None:
    created = clients.create_client(db, rm, _data(), today=TODAY)
    with pytest.raises(PermissionDenied) as exc:
        clients.update_client(db, rm2, created["id"], 1, {"notes": "mine now"}, today=TODAY)
    assert exc.value.permission == "client.edit_own"
    with pytest.raises(PermissionDenied):
        clients.delete_client(db, rm2, created["id"], 1)
    with pytest.raises(PermissionDenied):
        clients.add_contact(db, rm2, created["id"], {"name": "某人"})
    # The RM cannot hand the client to someone else; the branch head can.
    with pytest.raises(PermissionDenied):
        clients.update_client(db, rm, created["id"], 1, {"owner_id": rm2.id}, today=TODAY)
    moved = clients.update_client(db, head, created["id"], 1, {"owner_id": rm2.id}, today=TODAY)
    assert moved["owner_id"] == rm2.id
    assert clients.get_client(db, created["id"])["notes"] == "重点客户"


def test_reviewer_cannot_create_and_rm_cannot_create_for_others(
    db: sqlite_utils.Database, rm, rm2
) -> None:
    reviewer = _user(db, "rev", "reviewer")
    with pytest.raises(PermissionDenied):
        clients.create_client(db, reviewer, _data(), today=TODAY)
    with pytest.raises(PermissionDenied):
        clients.create_client(db, rm, _data(owner_id=rm2.id), today=TODAY)
    assert db.conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 0


def test_invalid_create_writes_nothing(db: sqlite_utils.Database, rm) -> None:
    audit_before = db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(ClientValidationError):
        clients.create_client(db, rm, _data(firm_type=None), today=TODAY)
    assert db.conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 0
    assert db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit_before


# =========================================================================== contacts


def test_validate_contact_valid_and_normalised() -> None:
    clean = clients.validate_contact(
        {
            "name": "张伟",
            "role": "财务总监",
            "mobile": "+86 138-1234-5678",
            "id_number": RESIDENT_ID.lower(),
            "email": "Zhang@Example.CN",
            "consent": True,
            "consent_on": "2025-01-02",
        },
        today=TODAY,
    )
    assert clean["mobile"] == "13812345678"
    assert clean["id_number"] == RESIDENT_ID
    assert clean["email"] == "Zhang@example.cn"
    assert clean["consent"] == 1 and clean["consent_on"] == "2025-01-02"


@pytest.mark.parametrize(
    ("data", "field", "fragment"),
    [
        ({"name": ""}, "name", "required"),
        ({"name": "a", "mobile": "12345678901"}, "mobile", "not a mainland"),
        ({"name": "a", "id_number": ID17 + "0" if RESIDENT_ID[-1] != "0" else ID17 + "1"},
         "id_number", "check character"),
        ({"name": "a", "id_number": "110101199002307453"}, "id_number", "birth date"),
        ({"name": "a", "email": "nobody@"}, "email", "not a valid e-mail"),
        ({"name": "a", "consent": True}, "consent_on", "date the contact gave consent"),
        ({"name": "a", "consent_on": "2025-01-01"}, "consent", "needs the consent"),
        ({"name": "a", "consent": True, "consent_on": "2026-01-01"}, "consent_on", "future"),
        ({"name": "a", "consent": "maybe", "consent_on": "2025-01-01"}, "consent", "yes or no"),
    ],
)  # fmt: skip
def test_validate_contact_invalid(data: dict, field: str, fragment: str) -> None:
    with pytest.raises(ClientValidationError) as exc:
        clients.validate_contact(data, today=TODAY)
    assert fragment in exc.value.by_field()[field]


def test_contacts_masked_and_unmask_is_audited(db: sqlite_utils.Database, rm, rm2) -> None:
    client = clients.create_client(db, rm, _data(), today=TODAY)
    contact = clients.add_contact(
        db,
        rm,
        client["id"],
        {"name": "张伟", "mobile": "13812345678", "id_number": RESIDENT_ID},
        today=TODAY,
    )
    listed = clients.list_contacts(db, client["id"])
    assert listed[0]["mobile"] == "138****5678"
    assert listed[0]["id_number"] == RESIDENT_ID[:6] + "********" + RESIDENT_ID[-4:]

    with pytest.raises(ValueError, match="reason"):
        clients.list_contacts(db, client["id"], reveal=True)
    with pytest.raises(PermissionDenied):
        clients.list_contacts(db, client["id"], reveal=True, user=rm2, reason="curious")
    shown = clients.list_contacts(db, client["id"], reveal=True, user=rm, reason="签约核实")
    assert shown[0]["mobile"] == "13812345678"
    assert shown[0]["id_number"] == RESIDENT_ID
    entries = [e for e in _audit(db, contact["id"]) if e["action"] == "personal.unmask"]
    assert {json.loads(e["after"])["field"] for e in entries} == {"mobile", "id_number"}
    assert all(e["reason"] == "签约核实" and e["user_id"] == rm.id for e in entries)
    # The create entry stored the personal data masked.
    create = next(e for e in _audit(db, contact["id"]) if e["action"] == "contact.create")
    assert "13812345678" not in create["after"]


def test_update_and_delete_contact(db: sqlite_utils.Database, rm) -> None:
    client = clients.create_client(db, rm, _data(), today=TODAY)
    contact = clients.add_contact(db, rm, client["id"], {"name": "张伟"}, today=TODAY)
    updated = clients.update_contact(
        db, rm, contact["id"], 1, {"mobile": "13900001111", "role": "CEO"}, today=TODAY
    )
    assert updated["mobile"] == "13900001111" and updated["version"] == 2
    with pytest.raises(ClientValidationError):
        clients.update_contact(db, rm, contact["id"], 2, {"mobile": "123"}, today=TODAY)
    with pytest.raises(ConflictError):
        clients.update_contact(db, rm, contact["id"], 1, {"role": "CTO"}, today=TODAY)
    clients.delete_contact(db, rm, contact["id"], 2)
    assert clients.list_contacts(db, client["id"]) == []


# =========================================================================== statements


def _statement(**over) -> dict:
    base = {
        "fiscal_year": 2024,
        "audited": True,
        "revenue_wan": "10,000",
        "net_profit_wan": "-500.5",
        "total_assets_wan": "20000",
        "total_liabilities_wan": "8000",
        "current_assets_wan": "9000",
        "current_liabilities_wan": "5000",
        "inventory_wan": "2000",
        "cash_wan": "3000",
        "rd_expense_wan": "1500",
        "operating_cash_flow_yuan": -1_000_000,
    }
    base.update(over)
    return base


def test_validate_statement_converts_amounts() -> None:
    clean = clients.validate_statement(_statement(), today=TODAY)
    assert clean["revenue_yuan"] == 100_000_000
    assert clean["net_profit_yuan"] == -5_005_000
    assert clean["operating_cash_flow_yuan"] == -1_000_000
    assert clean["audited"] == 1
    assert clean["fiscal_year"] == 2024


@pytest.mark.parametrize(
    ("over", "field", "fragment"),
    [
        ({"current_assets_wan": "30000"}, "current_assets_wan", "Current assets cannot exceed"),
        ({"current_liabilities_wan": "9000"}, "current_liabilities_wan",
         "Current liabilities cannot exceed"),
        ({"inventory_wan": "9500"}, "inventory_wan", "Inventory cannot exceed"),
        ({"cash_wan": "9500"}, "cash_wan", "Cash cannot exceed"),
        ({"inventory_wan": "5000", "cash_wan": "5000"}, "current_assets_wan",
         "Inventory plus cash"),
        ({"revenue_wan": "100", "rd_expense_wan": "1500"}, "rd_expense_wan", "check the units"),
        ({"revenue_wan": "-1"}, "revenue_wan", "negative"),
        ({"total_assets_yuan": -5, "total_assets_wan": None}, "total_assets_yuan", "negative"),
        ({"cash_wan": "abc"}, "cash_wan", "not a number"),
        ({"fiscal_year": 2026}, "fiscal_year", "between"),
        ({"fiscal_year": None}, "fiscal_year", "required"),
        ({"audited": "perhaps"}, "audited", "yes or no"),
    ],
)  # fmt: skip
def test_validate_statement_errors_name_the_field(over: dict, field: str, fragment: str) -> None:
    with pytest.raises(ClientValidationError) as exc:
        clients.validate_statement(_statement(**over), today=TODAY)
    assert fragment in exc.value.by_field()[field]


def test_save_list_delete_statements(db: sqlite_utils.Database, rm) -> None:
    client = clients.create_client(db, rm, _data(), today=TODAY)
    s2024 = clients.save_statement(db, rm, client["id"], _statement(), today=TODAY)
    clients.save_statement(db, rm, client["id"], _statement(fiscal_year=2022), today=TODAY)
    clients.save_statement(db, rm, client["id"], _statement(fiscal_year=2023), today=TODAY)
    assert [s["fiscal_year"] for s in clients.list_statements(db, client["id"])] == [
        2022,
        2023,
        2024,
    ]
    with pytest.raises(ClientValidationError) as exc:
        clients.save_statement(db, rm, client["id"], _statement(), today=TODAY)
    assert "already a statement for 2024" in exc.value.by_field()["fiscal_year"]
    edited = clients.save_statement(
        db,
        rm,
        client["id"],
        _statement(revenue_wan="12000"),
        statement_id=s2024["id"],
        expected_version=1,
        today=TODAY,
    )
    assert edited["revenue_yuan"] == 120_000_000 and edited["version"] == 2
    with pytest.raises(ConflictError):
        clients.save_statement(
            db, rm, client["id"], _statement(revenue_wan="5000"),
            statement_id=s2024["id"], expected_version=1, today=TODAY,
        )  # fmt: skip
    clients.delete_statement(db, rm, s2024["id"], 2)
    assert [s["fiscal_year"] for s in clients.list_statements(db, client["id"])] == [2022, 2023]
    # The year is free again after the delete.
    clients.save_statement(db, rm, client["id"], _statement(), today=TODAY)


# =========================================================================== activities


def test_validate_activity() -> None:
    clean = clients.validate_activity(
        {"kind": "visit", "occurred_on": "2025-06-01", "next_follow_up": "2025-07-15"},
        today=TODAY,
    )
    assert clean["next_follow_up"] == "2025-07-15" and clean["follow_up_done"] == 0
    with pytest.raises(ClientValidationError) as exc:
        clients.validate_activity(
            {"kind": "party", "occurred_on": "2025-07-01", "next_follow_up": "2025-01-01"},
            today=TODAY,
        )
    errors = exc.value.by_field()
    assert "visit, call, meeting or note" in errors["kind"]
    assert "future" in errors["occurred_on"]
    with pytest.raises(ClientValidationError) as exc:
        clients.validate_activity(
            {"kind": "call", "occurred_on": "2025-06-01", "next_follow_up": "2025-05-01"},
            today=TODAY,
        )
    assert "before the activity" in exc.value.by_field()["next_follow_up"]
    with pytest.raises(ClientValidationError) as exc:
        clients.validate_activity({"kind": "call"}, today=TODAY)
    assert "required" in exc.value.by_field()["occurred_on"]


def test_follow_ups_due_and_complete(db: sqlite_utils.Database, rm, rm2, head) -> None:
    a = clients.create_client(db, rm, _data(name="甲公司"), today=TODAY)
    b = clients.create_client(db, head, _data(name="乙公司", uscc=USCC2, owner_id=rm2.id),
                              today=TODAY)  # fmt: skip
    overdue = clients.add_activity(
        db, rm, a["id"],
        {"kind": "visit", "occurred_on": "2025-06-01", "next_follow_up": "2025-06-20"},
        today=TODAY,
    )  # fmt: skip
    clients.add_activity(
        db, rm2, b["id"],
        {"kind": "call", "occurred_on": "2025-06-10", "next_follow_up": "2025-06-30"},
        today=TODAY,
    )  # fmt: skip
    clients.add_activity(
        db, rm, a["id"],
        {"kind": "call", "occurred_on": "2025-06-10", "next_follow_up": "2025-08-01"},
        today=TODAY,
    )  # fmt: skip
    due = clients.follow_ups_due(db, on=TODAY)
    assert [(r["client_name"], r["days_overdue"]) for r in due] == [("甲公司", 10), ("乙公司", 0)]
    assert [r["client_name"] for r in clients.follow_ups_due(db, on=TODAY, owner_id=rm2.id)] == [
        "乙公司"
    ]
    assert len(clients.follow_ups_due(db, on=TODAY, limit=1)) == 1
    with pytest.raises(PermissionDenied):
        clients.complete_follow_up(db, rm2, overdue["id"], 1)
    done = clients.complete_follow_up(db, rm, overdue["id"], 1)
    assert done["follow_up_done"] == 1
    assert [r["client_name"] for r in clients.follow_ups_due(db, on=TODAY)] == ["乙公司"]
    assert _audit(db, overdue["id"])[-1]["action"] == "activity.follow_up_done"
    # A deleted client's follow-ups are not due any more.
    clients.delete_client(db, head, b["id"], 1)
    assert clients.follow_ups_due(db, on=TODAY) == []


def test_update_and_list_activities(db: sqlite_utils.Database, rm) -> None:
    client = clients.create_client(db, rm, _data(), today=TODAY)
    first = clients.add_activity(
        db, rm, client["id"], {"kind": "note", "occurred_on": "2025-05-01"}, today=TODAY
    )
    clients.add_activity(
        db, rm, client["id"], {"kind": "visit", "occurred_on": "2025-06-01"}, today=TODAY
    )
    assert [a["kind"] for a in clients.list_activities(db, client["id"])] == ["visit", "note"]
    updated = clients.update_activity(
        db, rm, first["id"], 1, {"summary": "电话沟通授信需求"}, today=TODAY
    )
    assert updated["summary"] == "电话沟通授信需求" and updated["version"] == 2
    clients.delete_activity(db, rm, first["id"], 2)
    assert len(clients.list_activities(db, client["id"])) == 1

"""Golden examples: every factor's points computed by hand below, not by the engine.

Points = factor maximum x band score %; maxima = dimension weight x factor
weight / 100 (see the templates). The arithmetic is written out next to
each expected number.
"""

from __future__ import annotations

from decimal import Decimal as D  # noqa: N817 - keeps the golden tables readable

import pytest

from db import scorecards as repo
from db.connection import write
from desktop.core.scoring import (
    ScoringError,
    ScoringInputError,
    get_snapshot,
    history,
    save_snapshot,
    score_client,
)
from desktop.core.security import PermissionDenied
from tests.core.scoring.conftest import TODAY, add_client, add_statement, make_user

pytestmark = pytest.mark.usefixtures("english_messages")

TECH_ANSWERS = {
    "tech_level": "world",
    "patent_quality": "good",
    "founder_background": "top",
    "deployment": "pilot",
    "equity_financing": "tier1",
    "dishonest_debtor": "no",
    "major_violation": "否",
}


def _points(result) -> dict[str, D]:
    return {f.code: f.points for f in result.factors}


def _check_sums(result) -> None:
    for dim in result.dimensions:
        assert dim.points == sum(f.points for f in dim.factors)
    assert result.total == sum(d.points for d in result.dimensions)


# --------------------------------------------------------------------------- tech


def _soec_developer(db) -> str:
    """The seed article's case: an SOEC developer without revenue yet."""
    cid = add_client(
        db, firm_type="tech", employees=40, rd_staff=22, invention_patents=12,
        utility_patents=8, tech_route="soec", green_loan_class="clean_energy",
        policy_programmes=["nea_pilot_2025", "mlp_2021_2035"],
        qualifications=["high_tech", "gazelle"], founded_on="2021-05-10",
    )  # fmt: skip
    for year in (2024, 2025):
        add_statement(
            db, cid, year, revenue_yuan=0, net_profit_yuan=-12_000_000,
            total_assets_yuan=60_000_000, total_liabilities_yuan=15_000_000,
            current_assets_yuan=40_000_000, current_liabilities_yuan=10_000_000,
            inventory_yuan=2_000_000, cash_yuan=20_000_000, rd_expense_yuan=15_000_000,
            operating_cash_flow_yuan=-8_000_000,
        )  # fmt: skip
    return cid


def test_tech_pre_revenue_soec_developer_gets_the_citic_line(db, shipped):
    result = score_client(db, _soec_developer(db), None, TECH_ANSWERS, templates=shipped,
                          today=TODAY)  # fmt: skip
    assert result.template.code == "tech"  # chosen by firm type
    assert _points(result) == {
        "rd_staff_ratio": D("7.50"),  # 22/40 = 55% >= 45% -> 100% x 7.5
        "rd_intensity": D("3.75"),  # no revenue -> missing, 50% x 7.5
        "tech_level": D("10.00"),  # world -> 100% x 10
        "invention_patents": D("8.00"),  # 12 in [10, 20) -> 80% x 10
        "patents_total": D("2.80"),  # 12 + 8 = 20 in [15, 40) -> 70% x 4
        "patent_quality": D("4.20"),  # good -> 70% x 6
        "founder_background": D("9.00"),  # top -> 100% x 9
        "rd_staff": D("3.60"),  # 22 in [15, 30) -> 60% x 6
        "deployment": D("6.30"),  # pilot -> 70% x 9
        "revenue_growth": D("1.80"),  # previous revenue 0 -> missing, 30% x 6
        "policy_programmes": D("3.20"),  # 2 -> 80% x 4
        "route_green_fit": D("3.00"),  # soec -> 100% x 3
        "green_loan": D("3.00"),  # classified -> yes, 100% x 3
        "debt_ratio": D("4.00"),  # 15/60 = 25% < 40% -> 100% x 4
        "current_ratio": D("3.00"),  # 40/10 = 4.0 >= 2.0 -> 100% x 3
        "cash_flow_positive": D("0.90"),  # -8M -> no, 30% x 3
        "qualifications": D("2.10"),  # high_tech 40 + gazelle 30 = 70% x 3
        "equity_financing": D("2.00"),  # tier1 -> 100% x 2
    }
    assert {d.code: d.points for d in result.dimensions} == {
        "technology": D("21.25"), "ip": D("15.00"), "team": D("12.60"),
        "commercialisation": D("8.10"), "policy": D("9.20"), "financials": D("7.90"),
        "support": D("4.10"),
    }  # fmt: skip
    assert result.total == D("78.15")
    assert result.grade == "A"  # 70 <= 78.15 < 80
    # Pre-revenue: the base for grade A, 1,000万元, within floor 100万 and cap 4,000万.
    assert result.limit_yuan == 10_000_000
    assert any("pre-revenue base for grade A is 1,000.00" in line for line in result.limit_working)
    assert not result.knocked_out
    assert result.factor("rd_intensity").status == "missing"
    assert "Missing data" in result.factor("rd_intensity").reason
    assert result.factor("rd_staff_ratio").source == "profile"
    assert result.factor("debt_ratio").source_text == "2025 financial statement"
    assert result.factor("tech_level").source == "rm"
    _check_sums(result)


def test_tech_with_revenue_and_no_answers(db, shipped):
    cid = add_client(
        db, firm_type="tech", employees=100, rd_staff=25, invention_patents=3,
        utility_patents=2, tech_route="pemfc",
    )  # fmt: skip
    add_statement(
        db, cid, 2025, revenue_yuan=50_000_000, net_profit_yuan=2_000_000,
        total_assets_yuan=80_000_000, total_liabilities_yuan=48_000_000,
        current_assets_yuan=30_000_000, current_liabilities_yuan=25_000_000,
        inventory_yuan=5_000_000, cash_yuan=8_000_000, rd_expense_yuan=4_000_000,
        operating_cash_flow_yuan=3_000_000,
    )  # fmt: skip
    add_statement(db, cid, 2024, revenue_yuan=40_000_000)
    result = score_client(db, cid, "tech", templates=shipped, today=TODAY)
    assert _points(result) == {
        "rd_staff_ratio": D("5.25"),  # 25% in [20%, 30%) -> 70% x 7.5
        "rd_intensity": D("5.25"),  # 4/50 = 8% in [6%, 10%) -> 70% x 7.5
        "tech_level": D("0.00"),  # unanswered -> missing, 0%
        "invention_patents": D("5.00"),  # 3 in [3, 10) -> 50% x 10
        "patents_total": D("1.60"),  # 5 in [5, 15) -> 40% x 4
        "patent_quality": D("0.00"),
        "founder_background": D("0.00"),
        "rd_staff": D("3.60"),  # 25 in [15, 30) -> 60% x 6
        "deployment": D("0.00"),
        "revenue_growth": D("4.20"),  # 50/40 - 1 = 25% in [20%, 50%) -> 70% x 6
        "policy_programmes": D("0.00"),  # 0 -> 0%
        "route_green_fit": D("2.70"),  # pemfc -> 90% x 3
        "green_loan": D("0.00"),  # not classified -> no
        "debt_ratio": D("2.00"),  # 48/80 = 60% in [55%, 70%) -> 50% x 4
        "current_ratio": D("1.80"),  # 30/25 = 1.2 in [1.0, 1.5) -> 60% x 3
        "cash_flow_positive": D("3.00"),  # positive -> 100% x 3
        "qualifications": D("0.00"),  # none
        "equity_financing": D("0.00"),
    }
    assert result.total == D("34.40")
    assert result.grade == "C"  # below 40
    # min(5,000万 x 30% = 1,500万, 3,200万 x 100%) x 0 (grade C) -> 0
    assert result.limit_yuan == 0
    assert "Revenue 5,000.00 10k CNY × 30% = 1,500.00 10k CNY" in result.limit_working
    assert {f.code for f in result.missing_factors} == {
        "tech_level", "patent_quality", "founder_background", "deployment", "equity_financing",
    }  # fmt: skip
    assert {k.code for k in result.pending_knockouts} == {"dishonest_debtor", "major_violation"}
    _check_sums(result)


def test_tech_knockouts_stop_scoring(db, shipped):
    cid = _soec_developer(db)
    result = score_client(
        db, cid, None, {**TECH_ANSWERS, "dishonest_debtor": "yes"}, templates=shipped, today=TODAY
    )
    assert result.knocked_out
    assert result.grade is None and result.limit_yuan is None
    assert result.total == D("0.00")
    assert all(f.points == 0 and f.status == "not_scored" for f in result.factors)
    assert "Dishonest judgement debtor: answered yes" in result.knockout_reason

    broke = add_client(db, firm_type="tech", employees=10, rd_staff=5)
    add_statement(db, broke, 2025, total_assets_yuan=10_000_000, total_liabilities_yuan=16_000_000)
    result = score_client(db, broke, None, templates=shipped, today=TODAY)
    assert result.knocked_out  # net assets -600万 < -500万
    assert "Net assets below minus 5 million CNY: -600.00 10k CNY is below -500.00" in (
        result.knockout_reason
    )


# --------------------------------------------------------------------------- manufacturer


def _manufacturer(db) -> str:
    cid = add_client(
        db, firm_type="manufacturer", employees=800, rd_staff=120, invention_patents=30,
        utility_patents=90, founded_on="2010-03-01", green_loan_class="clean_energy",
        qualifications=["high_tech", "srdi_sme", "single_champion"],
        policy_programmes=["jiangsu_action_2025_2030"],
    )  # fmt: skip
    add_statement(
        db, cid, 2025, audited=1, revenue_yuan=1_200_000_000, net_profit_yuan=84_000_000,
        total_assets_yuan=1_500_000_000, total_liabilities_yuan=825_000_000,
        current_assets_yuan=900_000_000, current_liabilities_yuan=600_000_000,
        inventory_yuan=300_000_000, cash_yuan=200_000_000, rd_expense_yuan=48_000_000,
        operating_cash_flow_yuan=120_000_000,
    )  # fmt: skip
    add_statement(db, cid, 2024, audited=1, revenue_yuan=1_000_000_000)
    return cid


def test_manufacturer_golden(db, shipped):
    answers = {
        "capacity_utilisation": "good", "customer_quality": "strong",
        "product_certification": "full", "management_quality": "sound",
        "credit_history": "clean",
    }  # fmt: skip
    result = score_client(db, _manufacturer(db), None, answers, templates=shipped, today=TODAY)
    assert result.template.code == "manufacturer"
    assert _points(result) == {
        "debt_ratio": D("6.00"),  # 825/1500 = 55% in [50%, 60%) -> 80% x 7.5
        "current_ratio": D("3.60"),  # 900/600 = 1.5 in [1.3, 1.8) -> 80% x 4.5
        "quick_ratio": D("3.00"),  # (900-300)/600 = 1.0 -> 100% x 3
        "net_margin": D("4.80"),  # 84/1200 = 7% in [6%, 10%) -> 80% x 6
        "roe": D("3.83"),  # 84/675 = 12.44% in [10%, 15%) -> 85% x 4.5 = 3.825 -> 3.83
        "cash_flow_positive": D("4.50"),  # 100% x 4.5
        "revenue_scale": D("6.00"),  # 12亿 in [10亿, 30亿) -> 80% x 7.5
        "revenue_growth": D("6.00"),  # 1200/1000 - 1 = 20% in [10%, 25%) -> 80% x 7.5
        "capacity_utilisation": D("3.50"),  # good -> 70% x 5
        "customer_quality": D("5.00"),  # strong -> 100% x 5
        "rd_intensity": D("3.60"),  # 48/1200 = 4% in [3%, 5%) -> 60% x 6
        "invention_patents": D("3.15"),  # 30 in [20, 50) -> 70% x 4.5
        "product_certification": D("4.50"),  # full -> 100% x 4.5
        "founded_years": D("4.00"),  # 2010-03-01 to 2026-11-28 = 16 years -> 100% x 4
        "management_quality": D("6.00"),  # sound -> 100% x 6
        "policy_programmes": D("2.00"),  # 1 -> 50% x 4
        "green_loan": D("3.00"),  # yes -> 100% x 3
        "qualifications": D("3.00"),  # 30 + 30 + 70 = 130, capped at 100% x 3
        "credit_history": D("6.00"),  # clean -> 100% x 6
        "audited": D("4.00"),  # audited -> 100% x 4
    }
    assert result.total == D("85.48")  # 25.73 + 20.50 + 11.25 + 10.00 + 8.00 + 10.00
    assert result.grade == "AA"
    # min(12亿 x 25% = 3亿, 6.75亿 x 80% = 5.4亿) x 1.0 = 3亿, at the cap of 3亿.
    assert result.limit_yuan == 300_000_000
    _check_sums(result)


def test_manufacturer_without_statements_is_missing_not_zeroed_silently(db, shipped):
    cid = add_client(db, firm_type="manufacturer", invention_patents=8,
                     qualifications=["enterprise_tech_center"])  # fmt: skip
    result = score_client(db, cid, None, templates=shipped, today=TODAY)
    points = _points(result)
    assert points["revenue_growth"] == D("2.25")  # missing -> 30% x 7.5
    assert points["invention_patents"] == D("1.80")  # 8 in [5, 20) -> 40% x 4.5
    assert points["qualifications"] == D("0.90")  # 30% x 3
    assert sum(points.values()) == D("4.95") == result.total
    missing = {f.code: f for f in result.missing_factors}
    assert "debt_ratio" in missing and "founded_years" in missing
    assert "no financial statements on file" in missing["debt_ratio"].reason
    assert result.grade == "C" and result.limit_yuan == 0
    assert any("No basis for a limit" in line for line in result.limit_working)
    net = next(k for k in result.knockouts if k.code == "negative_net_assets")
    assert net.status == "missing" and not result.knocked_out


# --------------------------------------------------------------------------- project

PROJECT_ANSWERS = {
    "approvals": "main", "safety_permits": "pending", "offtake_contract": "take_or_pay",
    "price_mechanism": "partial", "sponsor_type": "soe_guarantee", "equity_ratio": "30",
    "dscr": "1.25", "epc": "strong", "dishonest_debtor": "no", "major_violation": "no",
    "unapproved_construction": "no", "project_investment_yuan": "1000000000",
}  # fmt: skip


def _project(db) -> str:
    cid = add_client(
        db, firm_type="project", registered_capital_yuan=300_000_000, tech_route="alk",
        green_loan_class="clean_energy",
        policy_programmes=["nea_pilot_2025", "jiangsu_action_2025_2030"],
    )  # fmt: skip
    add_statement(db, cid, 2025, revenue_yuan=0, total_assets_yuan=900_000_000,
                  total_liabilities_yuan=540_000_000)  # fmt: skip
    return cid


def test_project_golden(db, shipped):
    result = score_client(db, _project(db), None, PROJECT_ANSWERS, templates=shipped, today=TODAY)
    assert _points(result) == {
        "approvals": D("8.75"),  # main -> 70% x 12.5
        "safety_permits": D("3.75"),  # pending -> 60% x 6.25
        "pilot_programmes": D("6.25"),  # 100 + 50, capped -> 100% x 6.25
        "offtake_contract": D("12.00"),  # 100% x 12
        "price_mechanism": D("4.00"),  # 50% x 8
        "sponsor_type": D("10.00"),  # 100% x 10
        "equity_ratio": D("5.40"),  # 30% in [30, 40) -> 90% x 6
        "registered_capital": D("3.20"),  # 3亿 in [2亿, 5亿) -> 80% x 4
        "dscr": D("7.20"),  # 1.25 in [1.20, 1.30) -> 60% x 12
        "debt_ratio": D("5.60"),  # 540/900 = 60% in [60%, 70%) -> 70% x 8
        "epc": D("6.00"),  # 100% x 6
        "route_maturity": D("4.50"),  # alk -> 100% x 4.5
        "green_loan": D("4.50"),  # 100% x 4.5
    }
    assert result.total == D("81.15")  # 18.75 + 16.00 + 18.60 + 12.80 + 15.00
    assert result.grade == "AA"
    # min(10亿 x 70% = 7亿, 3亿 x 300% = 9亿) x 1.0 = 7亿 (cap 10亿).
    assert result.limit_yuan == 700_000_000
    assert result.factor("dscr").value == "1.25" and result.factor("dscr").source == "rm"
    _check_sums(result)


def test_project_limit_needs_the_investment_and_unapproved_construction_knocks_out(db, shipped):
    cid = _project(db)
    answers = {k: v for k, v in PROJECT_ANSWERS.items() if k != "project_investment_yuan"}
    result = score_client(db, cid, None, answers, templates=shipped, today=TODAY)
    assert result.total == D("81.15") and result.limit_yuan == 0
    assert "Total project investment: missing data, required for the limit" in (
        result.limit_working
    )
    result = score_client(db, cid, None, {**answers, "unapproved_construction": "yes"},
                          templates=shipped, today=TODAY)  # fmt: skip
    assert result.knocked_out and "Built without approval" in result.knockout_reason


def test_what_if_changes_the_score_but_is_never_saved(db, shipped):
    cid = _project(db)
    result = score_client(db, cid, None, PROJECT_ANSWERS, {"financial.debt_ratio": "0.5"},
                          templates=shipped, today=TODAY)  # fmt: skip
    assert result.factor("debt_ratio").points == D("8.00")  # 50% < 60% -> 100% x 8
    assert result.factor("debt_ratio").source == "what_if"
    assert result.total == D("83.55")
    user = make_user(db, "branch.head", "branch_head")
    with pytest.raises(ScoringInputError, match="what-if"):
        save_snapshot(db, user, result)
    assert history(db, cid) == []


def test_bad_inputs_are_refused_with_the_field(db, shipped):
    cid = _project(db)
    with pytest.raises(ScoringInputError) as info:
        score_client(db, cid, None, {"approvals": "maybe"}, templates=shipped, today=TODAY)
    assert info.value.field == "approvals" and "is not one of the levels" in info.value.message
    with pytest.raises(ScoringInputError) as info:
        score_client(db, cid, None, {"dscr": "abc"}, templates=shipped, today=TODAY)
    assert info.value.field == "dscr"
    with pytest.raises(ScoringInputError):
        score_client(db, cid, None, {"no_such_question": "yes"}, templates=shipped, today=TODAY)
    with pytest.raises(ScoringError) as lookup:
        score_client(db, "0" * 36, templates=shipped)
    assert lookup.value.code == "unknown_client"
    with pytest.raises(ScoringError) as lookup:
        score_client(db, cid, "nope", templates=shipped)
    assert lookup.value.code == "unknown_template"


# --------------------------------------------------------------------------- snapshots


def test_snapshot_is_saved_with_audit_and_permission(db, shipped):
    owner = make_user(db, "rm.owner", "rm")
    other = make_user(db, "rm.other", "rm")
    cid = _soec_developer(db)
    with write(db):
        db.conn.execute("UPDATE clients SET owner_id = ? WHERE id = ?", (owner.id, cid))
    result = score_client(db, cid, None, TECH_ANSWERS, templates=shipped, today=TODAY)
    with pytest.raises(PermissionDenied):
        save_snapshot(db, other, result)
    snapshot_id = save_snapshot(db, owner, result)
    stored = get_snapshot(db, snapshot_id)
    assert stored["total"] == "78.15" and stored["grade"] == "A"
    assert stored["suggested_limit_yuan"] == 10_000_000
    assert stored["template_hash"] == shipped.get("tech").sha256
    assert stored["updated_by"] == owner.id and stored["created_by_name"] == owner.display_name
    assert stored["inputs"]["answers"]["tech_level"] == "world"
    assert stored["inputs"]["values"]["profile.rd_staff_ratio"]["value"] == "0.5500"
    factors = {f["code"]: f for d in stored["factors"]["dimensions"] for f in d["factors"]}
    assert factors["rd_intensity"]["points"] == "3.75" and factors["rd_intensity"]["reason"]
    assert [h["id"] for h in history(db, cid)] == [snapshot_id]
    entry = db.conn.execute(
        "SELECT user_id, action FROM audit_log WHERE entity_id = ?", (snapshot_id,)
    ).fetchone()
    assert entry == (owner.id, "score.create")
    with pytest.raises(Exception, match="immutable"):
        db.conn.execute("UPDATE scorecard_results SET total = '99' WHERE id = ?", (snapshot_id,))
    assert repo.get_snapshot(db, snapshot_id)["total"] == "78.15"

"""Property tests over random clients and answers on the shipped templates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.scoring import get_snapshot, load_templates, save_snapshot, score_client
from desktop.core.scoring.engine import score_values
from desktop.core.scoring.inputs import COUNT, MONEY, RATIO, SOURCES, YEARS, client_inputs
from desktop.core.scoring.limits import compute_limit
from desktop.core.scoring.templates import builtin_dir, user_dir
from tests.core.scoring.conftest import TODAY, add_client, add_statement, make_user

pytestmark = pytest.mark.usefixtures("english_messages")

SHIPPED = load_templates([builtin_dir()])
TEMPLATES = st.sampled_from(SHIPPED.templates)
QUALS = ["high_tech", "tech_sme", "srdi_sme", "little_giant", "gazelle", "single_champion"]
POLICIES = ["nea_pilot_2025", "mlp_2021_2035", "jiangsu_action_2025_2030", "qinghai_measures"]
ROUTES = ["alk", "pem", "soec", "coal", "pemfc", "tube_trailer", "unknown_route"]
MONEY_ST = st.integers(min_value=0, max_value=5_000_000_000)
PROFILE_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def clients(draw):
    employees = draw(st.none() | st.integers(0, 3000))
    client = {
        "id": "c" * 36,
        "name": "测试",
        "firm_type": draw(st.sampled_from(["tech", "manufacturer", "project"])),
        "employees": employees,
        "rd_staff": None if employees is None else draw(st.integers(0, employees)),
        "invention_patents": draw(st.none() | st.integers(0, 300)),
        "utility_patents": draw(st.none() | st.integers(0, 300)),
        "registered_capital_yuan": draw(st.none() | MONEY_ST),
        "founded_on": draw(st.none() | st.dates(date(1990, 1, 1), TODAY).map(date.isoformat)),
        "qualifications": draw(st.lists(st.sampled_from(QUALS), unique=True)),
        "policy_programmes": draw(st.lists(st.sampled_from(POLICIES), unique=True)),
        "tech_route": draw(st.none() | st.sampled_from(ROUTES)),
        "green_loan_class": draw(st.none() | st.just("clean_energy")),
    }
    statements = []
    for year in draw(st.sampled_from([(), (2025,), (2024, 2025)])):
        assets = draw(MONEY_ST)
        current = draw(st.integers(0, assets))
        statements.append(
            {
                "fiscal_year": year,
                "audited": draw(st.integers(0, 1)),
                "revenue_yuan": draw(st.none() | MONEY_ST),
                "net_profit_yuan": draw(st.integers(-500_000_000, 500_000_000)),
                "total_assets_yuan": assets,
                "total_liabilities_yuan": draw(st.integers(0, 2 * assets + 1)),
                "current_assets_yuan": current,
                "current_liabilities_yuan": draw(st.integers(0, assets + 1)),
                "inventory_yuan": draw(st.integers(0, current)),
                "cash_yuan": draw(st.integers(0, current)),
                "rd_expense_yuan": draw(st.none() | st.integers(0, 100_000_000)),
                "operating_cash_flow_yuan": draw(st.integers(-100_000_000, 100_000_000)),
            }
        )
    return client_inputs(client, statements, TODAY)


@st.composite
def answers_for(draw, template, allow_knockout=False):
    out = {}
    for factor in template.judgement_factors():
        if draw(st.booleans()):
            if factor.kind == "choice":
                out[factor.code] = draw(st.sampled_from([c.code for c in factor.choices]))
            elif factor.kind == "bool":
                out[factor.code] = draw(st.booleans())
            else:
                out[factor.code] = str(draw(st.decimals("0", "60", places=2)))
    for ko in template.knockouts:
        if ko.is_judgement:
            out[ko.code] = draw(st.booleans()) if allow_knockout else False
    for item in template.rm_inputs:
        if draw(st.booleans()):
            out[item.code] = draw(MONEY_ST)
    return out


def _value_strategy(kind):
    if kind == MONEY:
        return st.integers(-1_000_000_000, 5_000_000_000)
    if kind == RATIO:
        return st.decimals("-2", "5", places=4)
    if kind in (COUNT, YEARS):
        return st.integers(0, 500)
    raise AssertionError(kind)


@given(data=st.data(), template=TEMPLATES, inputs=clients())
@PROFILE_SETTINGS
def test_monotonic_factors_never_lower_the_score_when_their_input_improves(data, template, inputs):
    factor = data.draw(
        st.sampled_from([f for f in template.factors if f.rule == "bands" and not f.is_judgement])
    )
    kind = SOURCES[factor.source].kind
    a = data.draw(_value_strategy(kind))
    b = data.draw(_value_strategy(kind))
    worse, better = (min(a, b), max(a, b))
    if factor.direction == "lower_better":
        worse, better = better, worse
    answers = data.draw(answers_for(template))
    low = score_values(template, inputs, answers, {factor.source: worse})
    high = score_values(template, inputs, answers, {factor.source: better})
    assert high.factor(factor.code).points >= low.factor(factor.code).points
    assert high.knocked_out or low.knocked_out or high.total >= low.total


@given(data=st.data(), template=TEMPLATES, inputs=clients())
@PROFILE_SETTINGS
def test_totals_grades_and_limits_are_consistent(data, template, inputs):
    result = score_values(template, inputs, data.draw(answers_for(template)))
    assert result.total == sum(d.points for d in result.dimensions)
    for dim in result.dimensions:
        assert dim.points == sum(f.points for f in dim.factors)
        assert Decimal(0) <= dim.points <= dim.max_points
        assert all(f.points.as_tuple().exponent == -2 for f in dim.factors)
    assert Decimal(0) <= result.total <= 100
    if result.knocked_out:
        return
    band = next(g for g in template.grades if g.grade == result.grade)
    assert band.min <= result.total and (result.total < band.max or result.total == 100)
    assert result.limit_yuan is not None and result.limit_yuan >= 0
    assert result.limit_yuan % 10_000 == 0
    if template.limit.cap_yuan is not None:
        assert result.limit_yuan <= template.limit.cap_yuan
    # For the same inputs, a better grade never gives a smaller limit.
    limits = [compute_limit(template, result.values, g.grade).amount_yuan for g in template.grades]
    assert limits == sorted(limits)


@given(data=st.data(), template=TEMPLATES, inputs=clients())
@PROFILE_SETTINGS
def test_knockouts_stop_scoring(data, template, inputs):
    answers = data.draw(answers_for(template, allow_knockout=True))
    result = score_values(template, inputs, answers)
    answered_yes = [k for k in template.knockouts if k.is_judgement and answers.get(k.code)]
    if answered_yes:
        assert result.knocked_out
    if result.knocked_out:
        assert result.grade is None and result.limit_yuan is None
        assert result.total == 0 and all(f.points == 0 for f in result.factors)
        assert result.knockout_reason
        for ko in answered_yes:
            assert ko.name() in result.knockout_reason


def test_a_changed_template_never_changes_an_existing_snapshot(db):
    source = (builtin_dir() / "tech.toml").read_text(encoding="utf-8")
    own = user_dir() / "bank_tech.toml"
    own.write_text(source.replace('code = "tech"', 'code = "bank_tech"'), encoding="utf-8")
    cid = add_client(db, firm_type="tech", employees=40, rd_staff=22, invention_patents=12)
    add_statement(db, cid, 2025, revenue_yuan=10_000_000, total_assets_yuan=20_000_000,
                  total_liabilities_yuan=5_000_000)  # fmt: skip
    user = make_user(db, "branch.head", "branch_head")
    first = score_client(db, cid, "bank_tech", today=TODAY)
    snapshot_id = save_snapshot(db, user, first)
    saved = get_snapshot(db, snapshot_id)
    assert saved["template_version"] == "2026.1"
    assert saved["factors"]["dimensions"][1]["factors"][0]["points"] == "8.00"

    # The bank edits its template: invention patents now need 15 for 80 %; version bumped.
    edited = (
        own.read_text(encoding="utf-8")
        .replace('version = "2026.1"', 'version = "2026.2"')
        .replace("{ min = 10, score = 80 }", "{ min = 15, score = 80 }")
    )
    own.write_text(edited, encoding="utf-8")
    second = score_client(db, cid, "bank_tech", today=TODAY)
    assert second.template.version == "2026.2"
    assert second.factor("invention_patents").points == Decimal("5.00")  # 12 in [3, 15) -> 50%
    assert second.template.sha256 != saved["template_hash"]

    again = get_snapshot(db, snapshot_id)
    assert again == saved
    assert again["total"] == str(first.total) and again["template_version"] == "2026.1"

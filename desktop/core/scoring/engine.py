"""Score one client on a template, explaining every point.

:func:`score_client` reads the client and scores it; :func:`score_values` is
the pure part the scoring page calls on every change (gather the inputs once
with :func:`~desktop.core.scoring.inputs.gather_inputs`, then rescore with new
answers or what-if overrides without touching the database).

Every factor gets its value, where the value came from, its points, its
maximum and a reason. Missing data is a visible ``missing`` state scored at the
factor's ``missing_score`` percent, with the reason. A knock-out stops the
score: no points, no grade, no limit, and the reason says why.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import sqlite_utils

from desktop.core import i18n
from desktop.core.i18n import translate
from desktop.core.scoring import limits
from desktop.core.scoring.inputs import (
    BOOL,
    CATEGORY,
    CHOICE,
    COUNT,
    MONEY,
    NUMBER,
    RATIO,
    SET,
    SOURCES,
    WHY_UNANSWERED,
    YEARS,
    ClientInputs,
    InputValue,
    gather_inputs,
    source_text,
    to_decimal,
    value_to_json,
)
from desktop.core.scoring.templates import (
    CENT,
    HUNDRED,
    RM,
    Factor,
    Knockout,
    Template,
    TemplateSet,
    load_templates,
)
from desktop.core.validation import ValidationError

SCORED, MISSING, NOT_SCORED = "scored", "missing", "not_scored"
CLEAR, TRIGGERED, UNANSWERED = "clear", "triggered", "unanswered"
_YES = {"yes", "y", "true", "1", "是", "有"}
_NO = {"no", "n", "false", "0", "否", "无"}


class ScoringError(LookupError):
    """The client or template cannot be found; ``message`` is translated."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class ScoringInputError(ValidationError):
    """An answer or what-if value is not acceptable (``field`` = its code)."""


# =========================================================================== results


@dataclass(frozen=True)
class FactorResult:
    dimension: str
    code: str
    name_zh: str
    name_en: str
    source_key: str
    source: str  # profile | financials | rm | what_if
    source_text: str
    value: Any  # JSON-able (Decimal as text, sets as sorted lists)
    value_text: str
    status: str  # scored | missing | not_scored
    points: Decimal
    max_points: Decimal
    reason: str

    def name(self, lang: str | None = None) -> str:
        return self.name_zh if (lang or i18n.language()) == "zh_CN" else self.name_en

    def to_json(self) -> dict:
        return {
            "dimension": self.dimension,
            "code": self.code,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "source_key": self.source_key,
            "source": self.source,
            "source_text": self.source_text,
            "value": self.value,
            "value_text": self.value_text,
            "status": self.status,
            "points": str(self.points),
            "max_points": str(self.max_points),
            "reason": self.reason,
        }


@dataclass(frozen=True)
class DimensionResult:
    code: str
    name_zh: str
    name_en: str
    points: Decimal
    max_points: Decimal
    factors: tuple[FactorResult, ...]

    def name(self, lang: str | None = None) -> str:
        return self.name_zh if (lang or i18n.language()) == "zh_CN" else self.name_en

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "points": str(self.points),
            "max_points": str(self.max_points),
            "factors": [f.to_json() for f in self.factors],
        }


@dataclass(frozen=True)
class KnockoutResult:
    code: str
    name_zh: str
    name_en: str
    status: str  # clear | triggered | unanswered | missing
    value: Any
    reason: str

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "status": self.status,
            "value": self.value,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class ScoreResult:
    client_id: str
    client_name: str
    uscc: str | None
    firm_type: str
    owner_id: str | None
    template: Template
    as_of: date
    dimensions: tuple[DimensionResult, ...]
    knockouts: tuple[KnockoutResult, ...]
    total: Decimal
    grade: str | None
    limit_yuan: int | None
    limit_working: tuple[str, ...]
    knocked_out: bool
    knockout_reason: str | None
    values: Mapping[str, InputValue]
    answers: Mapping[str, Any] = field(default_factory=dict)
    overrides: Mapping[str, Any] = field(default_factory=dict)

    @property
    def what_if(self) -> bool:
        return bool(self.overrides)

    @property
    def factors(self) -> tuple[FactorResult, ...]:
        return tuple(f for d in self.dimensions for f in d.factors)

    def factor(self, code: str) -> FactorResult | None:
        return next((f for f in self.factors if f.code == code), None)

    @property
    def missing_factors(self) -> tuple[FactorResult, ...]:
        return tuple(f for f in self.factors if f.status == MISSING)

    @property
    def pending_knockouts(self) -> tuple[KnockoutResult, ...]:
        """Knock-out checks not answered or without data (the score is provisional)."""
        return tuple(k for k in self.knockouts if k.status in (UNANSWERED, MISSING))

    def radar(self) -> list[tuple[str, Decimal]]:
        """(dimension name, percent of its maximum) for a radar chart."""
        return [
            (d.name(), (d.points * HUNDRED / d.max_points).quantize(CENT) if d.max_points else 0)
            for d in self.dimensions
        ]

    def inputs_json(self) -> dict:
        return {
            "as_of": self.as_of.isoformat(),
            "values": {k: v.to_json() for k, v in sorted(self.values.items())},
            "answers": {k: value_to_json(v) for k, v in sorted(self.answers.items())},
        }

    def factors_json(self) -> dict:
        t = self.template
        return {
            "template": {
                "code": t.code,
                "version": t.version,
                "sha256": t.sha256,
                "name_zh": t.name_zh,
                "name_en": t.name_en,
            },
            "language": i18n.language(),
            "dimensions": [d.to_json() for d in self.dimensions],
            "knockouts": [k.to_json() for k in self.knockouts],
        }

    def to_snapshot(self) -> dict:
        """The ``scorecard_results`` columns (JSON columns as objects)."""
        return {
            "client_id": self.client_id,
            "template_code": self.template.code,
            "template_version": self.template.version,
            "template_hash": self.template.sha256,
            "inputs": self.inputs_json(),
            "factors": self.factors_json(),
            "total": str(self.total),
            "grade": self.grade,
            "suggested_limit_yuan": self.limit_yuan,
            "limit_working": "\n".join(self.limit_working),
            "knocked_out": int(self.knocked_out),
            "knockout_reason": self.knockout_reason,
        }

    def to_json(self) -> dict:
        """Everything, JSON-able (the CLI's ``--json``)."""
        return {
            "client": {
                "id": self.client_id,
                "name": self.client_name,
                "uscc": self.uscc,
                "firm_type": self.firm_type,
            },
            **self.to_snapshot(),
            "limit_working": list(self.limit_working),
            "knocked_out": self.knocked_out,
            "what_if": self.what_if,
            "overrides": {k: value_to_json(v) for k, v in self.overrides.items()},
        }


# =========================================================================== display


def _taxonomy_name(kind: str, code: str) -> str:
    try:
        from desktop.core.taxonomy import load_taxonomy  # noqa: PLC0415

        return load_taxonomy().name(kind, code)
    except Exception:  # an unknown code is shown as it is
        return code


_SET_KIND = {"profile.qualifications": "qualification", "profile.policy_programmes": "policy"}
_CATEGORY_KIND = {"profile.segment": "segment", "profile.tech_route": "route"}


def plain(number: Decimal | int) -> str:
    """A number without exponent or trailing zeros: 90, 0.5, 1.35."""
    return format(Decimal(number).normalize(), "f")


# Ratios read as multiples (2.47), not percentages.
MULTIPLE_KEYS = frozenset({"financial.current_ratio", "financial.quick_ratio"})


def format_value(key: str, kind: str, value: Any, factor: Factor | None = None) -> str:
    """A value as the RM reads it: 1,234.56 万元, 45.23%, 5 年, 是/否, names."""
    if value is None:
        return translate("Scorecard", "missing")
    if kind == MONEY:
        return translate("Scorecard", "{amount} 10k CNY").format(amount=limits.wan(value))
    if kind == RATIO and key in MULTIPLE_KEYS:
        return f"{Decimal(value).quantize(CENT)}"
    if kind == RATIO:
        return f"{(Decimal(value) * 100).quantize(CENT)}%"
    if kind == YEARS:
        return translate("Scorecard", "{n} years").format(n=value)
    if kind == BOOL:
        return translate("Scorecard", "yes") if value else translate("Scorecard", "no")
    if kind == SET:
        codes = sorted(value)
        if not codes:
            return translate("Scorecard", "none")
        names = [_taxonomy_name(_SET_KIND.get(key, ""), c) for c in codes]
        return "、".join(names) if i18n.language() == "zh_CN" else ", ".join(names)
    if kind == CATEGORY:
        return _taxonomy_name(_CATEGORY_KIND.get(key, ""), str(value))
    if kind == CHOICE and factor is not None:
        choice = factor.choice(str(value))
        return choice.label() if choice else str(value)
    if kind == NUMBER and factor is not None and factor.unit():
        return f"{value} {factor.unit()}"
    return str(value)


def _band_text(factor: Factor, index: int) -> str:
    band = factor.bands[index]
    own = band.label_zh if i18n.language() == "zh_CN" else (band.label_en or band.label_zh)
    if own:
        return own

    def show(bound: Decimal) -> str:
        if factor.kind == RATIO and factor.source in MULTIPLE_KEYS:
            return plain(bound)
        if factor.kind == RATIO:
            return f"{plain(bound * 100)}%"
        if factor.kind == MONEY:
            return translate("Scorecard", "{amount} 10k CNY").format(amount=limits.wan(bound))
        return plain(bound)

    if index == 0:
        return f"< {show(factor.bands[1].min)}"
    if index == len(factor.bands) - 1:
        return f"≥ {show(band.min)}"
    return f"{show(band.min)} – {show(factor.bands[index + 1].min)}"


def factor_points(factor: Factor, score: Decimal) -> Decimal:
    return (factor.max_points * score / HUNDRED).quantize(CENT, rounding=ROUND_HALF_UP)


def _scored(what: str, score: Decimal, factor: Factor, points: Decimal) -> str:
    return translate("Scorecard", "{what} → {score}% of {max} = {points} points").format(
        what=what, score=plain(score), max=factor.max_points, points=points
    )


# =========================================================================== rules


def rule_score(factor: Factor, value: Any) -> tuple[Decimal, str]:
    """(score in percent, what matched) for a present value."""
    if factor.rule == "bands":
        number = Decimal(value)
        index = bisect.bisect_right([b.min for b in factor.bands[1:]], number)
        return factor.bands[index].score, _band_text(factor, index)
    if factor.rule == "map":
        if str(value) in factor.map:
            return factor.map[str(value)], format_value(factor.source, factor.kind, value)
        assert factor.default is not None
        return factor.default, translate("Scorecard", "other value")
    if factor.rule == "set":
        hits = sorted(code for code in value if code in factor.items)
        total = min(HUNDRED, sum((factor.items[c] for c in hits), Decimal(0)))
        if not hits:
            return total, translate("Scorecard", "none of the listed items")
        return total, format_value(factor.source, SET, frozenset(hits))
    if factor.rule == "yes_no":
        return (
            (factor.yes, translate("Scorecard", "yes"))
            if value
            else (factor.no, translate("Scorecard", "no"))
        )
    if factor.rule == "choice":
        choice = factor.choice(str(value))
        assert choice is not None
        return choice.score, choice.label()
    raise ValueError(f"unknown rule {factor.rule}")  # validated when loading


def _score_factor(factor: Factor, item: InputValue, stopped: bool) -> FactorResult:
    value_text = format_value(factor.source, factor.kind, item.value, factor)
    if stopped:
        status, points = NOT_SCORED, Decimal("0.00")
        reason = translate("Scorecard", "Not scored: knocked out")
    elif item.is_missing:
        status, points = MISSING, factor_points(factor, factor.missing_score)
        what = translate("Scorecard", "Missing data ({why})").format(why=item.missing_text())
        reason = _scored(what, factor.missing_score, factor, points)
    else:
        score, matched = rule_score(factor, item.value)
        status, points = SCORED, factor_points(factor, score)
        what = value_text if matched == value_text else f"{value_text}: {matched}"
        reason = _scored(what, score, factor, points)
    return FactorResult(
        dimension=factor.dimension,
        code=factor.code,
        name_zh=factor.name_zh,
        name_en=factor.name_en or factor.name_zh,
        source_key=item.key,
        source=item.source,
        source_text=source_text(item),
        value=value_to_json(item.value),
        value_text=value_text,
        status=status,
        points=points,
        max_points=factor.max_points,
        reason=reason,
    )


def check_knockout(ko: Knockout, item: InputValue) -> KnockoutResult:
    base = {"code": ko.code, "name_zh": ko.name_zh, "name_en": ko.name_en or ko.name_zh}
    if item.is_missing:
        status = UNANSWERED if ko.is_judgement else MISSING
        reason = translate("Scorecard", "{name}: not checked ({why})").format(
            name=ko.name(), why=item.missing_text()
        )
        return KnockoutResult(**base, status=status, value=None, reason=reason)
    if ko.is_judgement:
        hit = bool(item.value)
        shown = translate("Scorecard", "yes") if hit else translate("Scorecard", "no")
        reason = translate("Scorecard", "{name}: answered {answer}").format(
            name=ko.name(), answer=shown
        )
        return KnockoutResult(**base, status=TRIGGERED if hit else CLEAR, value=hit, reason=reason)
    value = Decimal(item.value)
    kind = SOURCES[ko.source].kind
    shown = format_value(ko.source, kind, item.value)
    if ko.below is not None and value < ko.below:
        reason = translate("Scorecard", "{name}: {value} is below {bound}").format(
            name=ko.name(), value=shown, bound=format_value(ko.source, kind, ko.below)
        )
        return KnockoutResult(**base, status=TRIGGERED, value=item.value, reason=reason)
    if ko.above is not None and value > ko.above:
        reason = translate("Scorecard", "{name}: {value} is above {bound}").format(
            name=ko.name(), value=shown, bound=format_value(ko.source, kind, ko.above)
        )
        return KnockoutResult(**base, status=TRIGGERED, value=item.value, reason=reason)
    reason = translate("Scorecard", "{name}: {value}, passed").format(name=ko.name(), value=shown)
    return KnockoutResult(**base, status=CLEAR, value=value_to_json(item.value), reason=reason)


# =========================================================================== answers


def _yes_no(code: str, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ScoringInputError(
        code,
        translate("Scorecard", "{code}: answer yes or no, not {value!r}").format(
            code=code, value=raw
        ),
        reason="yes_no",
    )


def _number(code: str, raw: Any, places: int) -> Decimal:
    try:
        value = to_decimal(raw)
    except (TypeError, ValueError):
        raise ScoringInputError(
            code,
            translate("Scorecard", "{code}: enter a number, not {value!r}").format(
                code=code, value=raw
            ),
            reason="number",
        ) from None
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _factor_answer(factor: Factor, raw: Any) -> Any:
    if factor.kind == CHOICE:
        choice = factor.choice(str(raw).strip())
        if choice is None:
            raise ScoringInputError(
                factor.code,
                translate(
                    "Scorecard", "{name}: '{value}' is not one of the levels {levels}"
                ).format(
                    name=factor.name(),
                    value=raw,
                    levels=", ".join(c.code for c in factor.choices),
                ),
                reason="choice",
            )
        return choice.code
    if factor.kind == BOOL:
        return _yes_no(factor.code, raw)
    return _number(factor.code, raw, factor.decimals)


def normalise_answers(template: Template, answers: Mapping[str, Any] | None) -> dict[str, Any]:
    """Check the RM's answers (by factor, knock-out or input code); None = unanswered."""
    out: dict[str, Any] = {}
    judgement = {f.code: f for f in template.judgement_factors()}
    knockouts = {k.code: k for k in template.knockouts if k.is_judgement}
    inputs = {r.code: r for r in template.rm_inputs}
    for code, raw in (answers or {}).items():
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        if code in judgement:
            out[code] = _factor_answer(judgement[code], raw)
        elif code in knockouts:
            out[code] = _yes_no(code, raw)
        elif code in inputs:
            spec = inputs[code]
            value = _number(code, raw, spec.decimals)
            if spec.minimum is not None and value < spec.minimum:
                raise ScoringInputError(
                    code,
                    translate("Scorecard", "{name}: must be at least {minimum}").format(
                        name=spec.name(), minimum=spec.minimum
                    ),
                    reason="range",
                )
            out[code] = int(value) if spec.unit == "yuan" else value
        else:
            raise ScoringInputError(
                code,
                translate("Scorecard", "'{code}' is not a question of template {template}").format(
                    code=code, template=template.code
                ),
                reason="unknown",
            )
    return out


def _override_value(key: str, kind: str, raw: Any) -> Any:
    if raw is None:
        return None
    if kind in (MONEY, COUNT, YEARS):
        value = _number(key, raw, 0)
        if kind != MONEY and value < 0:
            raise ScoringInputError(
                key, translate("Scorecard", "{code}: must not be negative").format(code=key)
            )
        return int(value)
    if kind == RATIO:
        return _number(key, raw, 4)
    if kind == BOOL:
        return _yes_no(key, raw)
    if kind == SET:
        if isinstance(raw, str):
            raw = [c for c in raw.replace("，", ",").split(",") if c.strip()]
        return frozenset(str(c).strip() for c in raw)
    return str(raw).strip()


def apply_overrides(
    template: Template, inputs: ClientInputs, overrides: Mapping[str, Any] | None
) -> tuple[ClientInputs, dict[str, Any]]:
    """What-if: replace values (keyed by source key, e.g. ``financial.debt_ratio``,
    or by a profile/financial factor's code). Only the named value changes:
    derived values (e.g. growth from revenue) are not recomputed."""
    changes: dict[str, InputValue] = {}
    applied: dict[str, Any] = {}
    for key, raw in (overrides or {}).items():
        factor = template.factor(key)
        source = factor.source if factor is not None else key
        if source == RM or source not in SOURCES:
            raise ScoringInputError(
                key,
                translate(
                    "Scorecard",
                    "'{code}' cannot be changed in a what-if: name a profile or financial value",
                ).format(code=key),
                reason="unknown",
            )
        value = _override_value(key, SOURCES[source].kind, raw)
        why = None if value is not None else "removed in the what-if"
        changes[source] = InputValue(source, value, "what_if", "", why)
        applied[source] = value
    return inputs.with_values(changes), applied


# =========================================================================== scoring


def _rm_value(code: str, answers: Mapping[str, Any]) -> InputValue:
    if code in answers:
        return InputValue(f"rm.{code}", answers[code], RM)
    return InputValue(f"rm.{code}", None, RM, "", WHY_UNANSWERED)


def score_values(
    template: Template,
    inputs: ClientInputs,
    answers: Mapping[str, Any] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> ScoreResult:
    """Score gathered inputs (pure; the scoring page calls it on every change)."""
    answered = normalise_answers(template, answers)
    inputs, applied = apply_overrides(template, inputs, overrides)
    used: dict[str, InputValue] = {}

    def value_of(source: str, code: str) -> InputValue:
        item = _rm_value(code, answered) if source == RM else inputs.get(source)
        used[item.key] = item
        return item

    knockouts = tuple(check_knockout(k, value_of(k.source, k.code)) for k in template.knockouts)
    triggered = [k for k in knockouts if k.status == TRIGGERED]
    stopped = bool(triggered)
    dimensions = []
    for dim in template.dimensions:
        factors = tuple(_score_factor(f, value_of(f.source, f.code), stopped) for f in dim.factors)
        dimensions.append(
            DimensionResult(
                code=dim.code,
                name_zh=dim.name_zh,
                name_en=dim.name_en or dim.name_zh,
                points=sum((f.points for f in factors), Decimal("0.00")),
                max_points=dim.weight.quantize(CENT),
                factors=factors,
            )
        )
    total = sum((d.points for d in dimensions), Decimal("0.00"))
    limit_values = {}
    for term in template.limit.terms:
        key = term.source
        limit_values[key] = (
            _rm_value(key[3:], answered) if key.startswith("rm.") else inputs.get(key)
        )
    pre = template.limit.pre_revenue_source
    limit_values[pre] = _rm_value(pre[3:], answered) if pre.startswith("rm.") else inputs.get(pre)
    used.update(limit_values)
    grade = None if stopped else template.grade_for(total).grade
    limit = limits.compute_limit(template, limit_values, grade)
    return ScoreResult(
        client_id=inputs.client_id,
        client_name=inputs.name,
        uscc=inputs.uscc,
        firm_type=inputs.firm_type,
        owner_id=inputs.owner_id,
        template=template,
        as_of=inputs.as_of,
        dimensions=tuple(dimensions),
        knockouts=knockouts,
        total=total,
        grade=grade,
        limit_yuan=limit.amount_yuan,
        limit_working=limit.working,
        knocked_out=stopped,
        knockout_reason="; ".join(k.reason for k in triggered) or None,
        values=used,
        answers=answered,
        overrides=applied,
    )


def choose_template(
    templates: TemplateSet, firm_type: str, template: Template | str | None = None
) -> Template:
    """The named template, or the first that applies to ``firm_type``."""
    if isinstance(template, str):
        found = templates.get(template)
        if found is None:
            raise ScoringError(
                translate(
                    "Scorecard", "Unknown scorecard template '{code}'. Known: {codes}"
                ).format(code=template, codes=", ".join(templates.codes()) or "-"),
                code="unknown_template",
            )
        return found
    if template is not None:
        return template
    found = templates.for_firm_type(firm_type)
    if found is None:
        raise ScoringError(
            translate("Scorecard", "No scorecard template applies to firm type '{type}'.").format(
                type=firm_type
            ),
            code="unknown_template",
        )
    return found


def score_client(
    db: sqlite_utils.Database,
    client_id: str,
    template: Template | str | None = None,
    answers: Mapping[str, Any] | None = None,
    overrides: Mapping[str, Any] | None = None,
    *,
    templates: TemplateSet | None = None,
    today: date | None = None,
) -> ScoreResult:
    """Score one live client. ``template``: a Template, a code, or None (by firm
    type); ``answers``: the RM's judgement by code; ``overrides``: what-if
    values (never saved). Raises :class:`ScoringError` for an unknown client or
    template and :class:`ScoringInputError` for a bad answer."""
    inputs = gather_inputs(db, client_id, today)
    if inputs is None:
        raise ScoringError(
            translate("Scorecard", "Client not found: {client}").format(client=client_id),
            code="unknown_client",
        )
    chosen = choose_template(templates or load_templates(), inputs.firm_type, template)
    return score_values(chosen, inputs, answers, overrides)

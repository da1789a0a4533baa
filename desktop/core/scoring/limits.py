"""The suggested pre-credit limit: a formula over values and the grade, with working.

Rule (per template ``[limit]``):

1. If the template has ``pre_revenue_base_yuan`` and the pre-revenue value
   (``financial.revenue_yuan`` by default) is missing or not above zero, the
   base is the amount for the grade (CITIC's 10 million CNY line for an SOEC
   developer without revenue is such a base); no multiplier is applied.
2. Otherwise each term is ``value x share``; the base is the smallest of them
   (a missing value is skipped, unless the term is ``required``: then no limit),
   times the grade's multiplier.
3. A result not above zero is 0 (no floor is applied to it); above
   ``cap_yuan`` it is capped; between 0 and ``floor_yuan`` it is lifted to the
   floor; finally it is rounded down to whole 万元.

All arithmetic is exact (int yuan and Decimal). Because multipliers and the
pre-revenue bases never fall as the grade rises (checked when the template is
loaded), the limit never falls as the grade rises for the same inputs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from desktop.core.i18n import translate
from desktop.core.money import yuan_to_wan_str
from desktop.core.scoring.inputs import InputValue, source_label
from desktop.core.scoring.templates import LimitTerm, Template

YUAN_PER_WAN = 10_000


@dataclass(frozen=True)
class LimitResult:
    amount_yuan: int | None
    working: tuple[str, ...]


def wan(amount: int | Decimal) -> str:
    return yuan_to_wan_str(Decimal(amount))


def percent(share: Decimal) -> str:
    return format((share * 100).normalize(), "f")


def term_label(template: Template, term: LimitTerm, lang: str | None = None) -> str:
    from desktop.core import i18n  # noqa: PLC0415

    lang = lang or i18n.language()
    own = term.label_zh if lang == "zh_CN" else (term.label_en or term.label_zh)
    if own:
        return own
    if term.source.startswith("rm."):
        code = term.source[3:]
        found = next((r for r in template.rm_inputs if r.code == code), None)
        return found.name(lang) if found else code
    return source_label(term.source, lang)


def round_down_wan(amount: Decimal) -> int:
    return int(amount // YUAN_PER_WAN) * YUAN_PER_WAN


def compute_limit(
    template: Template, values: Mapping[str, InputValue], grade: str | None
) -> LimitResult:
    """The suggested limit for ``grade`` (None = knocked out: no limit) and its working."""
    if grade is None:
        return LimitResult(None, (translate("Scorecard", "Knocked out: no pre-credit limit."),))
    rule = template.limit
    band = next(g for g in template.grades if g.grade == grade)
    lines: list[str] = []
    pre = values.get(rule.pre_revenue_source)
    pre_revenue = bool(rule.pre_revenue_base_yuan) and (
        pre is None or pre.value is None or pre.value <= 0
    )
    if pre_revenue:
        base = rule.pre_revenue_base_yuan.get(grade, 0)
        lines.append(
            translate(
                "Scorecard",
                "{label}: none yet; the pre-revenue base for grade {grade} is {base} 10k CNY",
            ).format(label=source_label(rule.pre_revenue_source), grade=grade, base=wan(base))
        )
        amount = Decimal(base)
    else:
        candidates: list[Decimal] = []
        for term in rule.terms:
            label = term_label(template, term)
            value = values.get(term.source)
            if value is None or value.value is None:
                if term.required:
                    lines.append(
                        translate(
                            "Scorecard", "{label}: missing data, required for the limit"
                        ).format(label=label)
                    )
                    lines.append(translate("Scorecard", "Suggested limit: 0 10k CNY"))
                    return LimitResult(0, tuple(lines))
                lines.append(
                    translate("Scorecard", "{label}: missing data, left out").format(label=label)
                )
                continue
            product = Decimal(value.value) * term.share
            lines.append(
                translate(
                    "Scorecard", "{label} {value} 10k CNY × {share}% = {result} 10k CNY"
                ).format(
                    label=label,
                    value=wan(value.value),
                    share=percent(term.share),
                    result=wan(product),
                )
            )
            candidates.append(product)
        if not candidates:
            lines.append(translate("Scorecard", "No basis for a limit: 0 10k CNY"))
            return LimitResult(0, tuple(lines))
        base_amount = min(candidates)
        if len(candidates) > 1:
            lines.append(
                translate("Scorecard", "The smaller: {value} 10k CNY").format(
                    value=wan(base_amount)
                )
            )
        amount = base_amount * band.multiplier
        lines.append(
            translate(
                "Scorecard", "× grade {grade} multiplier {multiplier} = {result} 10k CNY"
            ).format(
                grade=grade, multiplier=format(band.multiplier.normalize(), "f"), result=wan(amount)
            )
        )
    if amount <= 0:
        lines.append(translate("Scorecard", "Not above zero: suggested limit 0 10k CNY"))
        return LimitResult(0, tuple(lines))
    if rule.cap_yuan is not None and amount > rule.cap_yuan:
        amount = Decimal(rule.cap_yuan)
        lines.append(
            translate("Scorecard", "Capped at {cap} 10k CNY").format(cap=wan(rule.cap_yuan))
        )
    if rule.floor_yuan is not None and amount < rule.floor_yuan:
        amount = Decimal(rule.floor_yuan)
        lines.append(
            translate("Scorecard", "Raised to the floor of {floor} 10k CNY").format(
                floor=wan(rule.floor_yuan)
            )
        )
    result = round_down_wan(amount)
    lines.append(
        translate("Scorecard", "Rounded down to whole 10k CNY: {result} 10k CNY").format(
            result=wan(result)
        )
    )
    return LimitResult(result, tuple(lines))

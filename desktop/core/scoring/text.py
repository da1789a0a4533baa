"""A score as plain text lines (the CLI's table; also handy in logs)."""

from __future__ import annotations

import unicodedata

from desktop.core.i18n import translate
from desktop.core.money import yuan_to_wan_str
from desktop.core.scoring.engine import ScoreResult


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def result_lines(result: ScoreResult) -> list[str]:
    """Header, one line per factor (points, value, source, reason), dimension
    subtotals, knock-outs, total, grade and the limit working."""
    t = result.template
    lines = [
        f"{result.client_name}  {result.uscc or ''}",
        translate("Scorecard", "Template: {name} ({code} {version})").format(
            name=t.name(), code=t.code, version=t.version
        ),
        "",
    ]
    for dim in result.dimensions:
        lines.append(f"{_pad(dim.name(), 34)} {dim.points:>6} / {dim.max_points:>6}")
        for f in dim.factors:
            lines.append(
                f"  {_pad(f.name(), 32)} {f.points:>6} / {f.max_points:>6}  "
                f"{_pad(f.value_text, 18)} [{f.source_text}]"
            )
            lines.append(f"      {f.reason}")
    lines.append("")
    for ko in result.knockouts:
        lines.append(translate("Scorecard", "Knock-out check: {reason}").format(reason=ko.reason))
    lines.append("")
    if result.knocked_out:
        lines.append(
            translate("Scorecard", "KNOCKED OUT: {reason}").format(reason=result.knockout_reason)
        )
    else:
        lines.append(
            translate("Scorecard", "Total {total} / 100, grade {grade}").format(
                total=result.total, grade=result.grade
            )
        )
        lines.append(
            translate("Scorecard", "Suggested pre-credit limit: {amount} 10k CNY").format(
                amount=yuan_to_wan_str(result.limit_yuan or 0)
            )
        )
    lines.extend(f"  {line}" for line in result.limit_working)
    missing = len(result.missing_factors)
    if missing:
        lines.append(
            translate("Scorecard", "{n} factors have missing data or unanswered questions.").format(
                n=missing
            )
        )
    return lines

"""What changed between two scores: factor by factor, with the reasons.

Both sides are snapshot dicts as :func:`db.scorecards.get_snapshot` returns
them (or :meth:`ScoreResult.to_snapshot` builds them, e.g. for a what-if next
to the saved score), so a comparison never needs the templates: an old
snapshot shows what it showed when it was made.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from desktop.core import i18n
from desktop.core.i18n import translate

TEMPLATE, FACTOR_ADDED, FACTOR_REMOVED, INPUT, POINTS, TOTAL, GRADE, LIMIT, KNOCKOUT = (
    "template",
    "factor_added",
    "factor_removed",
    "input",
    "points",
    "total",
    "grade",
    "limit",
    "knockout",
)


@dataclass(frozen=True)
class Change:
    """One difference. ``kind`` is one of the constants above; ``code`` the
    factor or value concerned; ``text`` a sentence for the user."""

    kind: str
    code: str
    label: str
    before: Any
    after: Any
    text: str
    reason_before: str = ""
    reason_after: str = ""


@dataclass(frozen=True)
class SideBySideRow:
    dimension: str
    code: str
    label: str
    value_a: str
    points_a: str
    value_b: str
    points_b: str
    changed: bool


def _as_snapshot(item: Any) -> Mapping[str, Any]:
    return item.to_snapshot() if hasattr(item, "to_snapshot") else item


def _name(node: Mapping[str, Any]) -> str:
    zh, en = node.get("name_zh", ""), node.get("name_en", "")
    return zh if i18n.language() == "zh_CN" else (en or zh)


def _factors(snapshot: Mapping[str, Any]) -> dict[str, dict]:
    out = {}
    for dim in snapshot["factors"].get("dimensions", []):
        for factor in dim.get("factors", []):
            out[factor["code"]] = {**factor, "_dimension_name": _name(dim)}
    return out


def compare(snapshot_a: Any, snapshot_b: Any) -> list[Change]:
    """Changes from ``snapshot_a`` (before) to ``snapshot_b`` (after)."""
    a, b = _as_snapshot(snapshot_a), _as_snapshot(snapshot_b)
    changes: list[Change] = []
    ta = (a["template_code"], a["template_version"], a["template_hash"])
    tb = (b["template_code"], b["template_version"], b["template_hash"])
    if ta != tb:
        what = (
            translate("Scorecard", "Template changed: {before} → {after}")
            if ta[:2] != tb[:2]
            else translate("Scorecard", "Template file changed (same code and version): {before}")
        )
        changes.append(
            Change(
                TEMPLATE,
                "",
                translate("Scorecard", "Template"),
                f"{ta[0]} {ta[1]}",
                f"{tb[0]} {tb[1]}",
                what.format(before=f"{ta[0]} {ta[1]}", after=f"{tb[0]} {tb[1]}"),
            )
        )
    fa, fb = _factors(a), _factors(b)
    for code, factor in fb.items():
        if code not in fa:
            changes.append(
                Change(
                    FACTOR_ADDED,
                    code,
                    _name(factor),
                    None,
                    factor["points"],
                    translate("Scorecard", "{factor}: new factor, {points} points").format(
                        factor=_name(factor), points=factor["points"]
                    ),
                    "",
                    factor["reason"],
                )
            )
    for code, before in fa.items():
        after = fb.get(code)
        label = _name(before)
        if after is None:
            changes.append(
                Change(
                    FACTOR_REMOVED,
                    code,
                    label,
                    before["points"],
                    None,
                    translate(
                        "Scorecard", "{factor}: factor dropped ({points} points before)"
                    ).format(factor=label, points=before["points"]),
                    before["reason"],
                    "",
                )
            )
            continue
        if before["value"] != after["value"] or before["source"] != after["source"]:
            changes.append(
                Change(
                    INPUT,
                    code,
                    label,
                    before["value_text"],
                    after["value_text"],
                    translate("Scorecard", "{factor}: value {before} → {after}").format(
                        factor=label, before=before["value_text"], after=after["value_text"]
                    ),
                    before["reason"],
                    after["reason"],
                )
            )
        if Decimal(before["points"]) != Decimal(after["points"]):
            delta = Decimal(after["points"]) - Decimal(before["points"])
            changes.append(
                Change(
                    POINTS,
                    code,
                    label,
                    before["points"],
                    after["points"],
                    translate(
                        "Scorecard",
                        "{factor}: {before} → {after} points ({delta:+}); now: {reason}",
                    ).format(
                        factor=label,
                        before=before["points"],
                        after=after["points"],
                        delta=delta,
                        reason=after["reason"],
                    ),
                    before["reason"],
                    after["reason"],
                )
            )
    factor_keys = {f["source_key"] for f in fb.values()} | {f["source_key"] for f in fa.values()}
    va = a["inputs"].get("values", {})
    vb = b["inputs"].get("values", {})
    for key in sorted(set(va) | set(vb)):
        if key in factor_keys:
            continue
        before = (va.get(key) or {}).get("value")
        after = (vb.get(key) or {}).get("value")
        if before != after:
            changes.append(
                Change(
                    INPUT,
                    key,
                    key,
                    before,
                    after,
                    translate("Scorecard", "{value}: {before} → {after}").format(
                        value=key, before=before, after=after
                    ),
                )
            )
    for kind, column, label in (
        (TOTAL, "total", translate("Scorecard", "Total")),
        (GRADE, "grade", translate("Scorecard", "Grade")),
        (LIMIT, "suggested_limit_yuan", translate("Scorecard", "Suggested limit (yuan)")),
    ):
        if a.get(column) != b.get(column):
            changes.append(
                Change(
                    kind,
                    column,
                    label,
                    a.get(column),
                    b.get(column),
                    f"{label}: {a.get(column)} → {b.get(column)}",
                )
            )
    if bool(a.get("knocked_out")) != bool(b.get("knocked_out")) or a.get(
        "knockout_reason"
    ) != b.get("knockout_reason"):
        changes.append(
            Change(
                KNOCKOUT,
                "knockout",
                translate("Scorecard", "Knock-out"),
                a.get("knockout_reason"),
                b.get("knockout_reason"),
                translate("Scorecard", "Knock-out: {before} → {after}").format(
                    before=a.get("knockout_reason") or "-", after=b.get("knockout_reason") or "-"
                ),
            )
        )
    return changes


def side_by_side(snapshot_a: Any, snapshot_b: Any) -> list[SideBySideRow]:
    """Every factor of either side, in the order of ``snapshot_b`` then the dropped ones."""
    a, b = _as_snapshot(snapshot_a), _as_snapshot(snapshot_b)
    fa, fb = _factors(a), _factors(b)
    rows = []
    for code in [*fb, *(c for c in fa if c not in fb)]:
        left, right = fa.get(code), fb.get(code)
        node = right or left
        assert node is not None
        rows.append(
            SideBySideRow(
                dimension=node["_dimension_name"],
                code=code,
                label=_name(node),
                value_a=left["value_text"] if left else "",
                points_a=left["points"] if left else "",
                value_b=right["value_text"] if right else "",
                points_b=right["points"] if right else "",
                changed=left is None
                or right is None
                or left["value"] != right["value"]
                or left["points"] != right["points"],
            )
        )
    return rows

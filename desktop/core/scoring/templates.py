"""Scorecard templates: TOML data files, loaded and checked.

A template (see ``resources/scorecards/*.toml`` for documented examples) has a
code, a version, names, the firm types it applies to, a rationale, dimensions
whose weights add up to 100, factors inside each dimension, knock-out rules,
grade bands covering 0-100 and a limit rule. Shipped templates live in
``resources/scorecards/``; the bank's own go into ``<data dir>/scorecards/``.

Points are exact: a factor's maximum is ``dimension weight x factor weight /
100`` (or its ``points``), a rule gives a score in percent of that maximum, and
points are rounded half-up to 2 decimals. A template that does not parse or
does not add up raises :class:`TemplateError` listing every problem with the
file and line; :func:`load_templates` returns the valid templates and the
problems, so the app keeps running.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.core import i18n, paths
from desktop.core.i18n import translate
from desktop.core.scoring.inputs import (
    BOOL,
    CATEGORY,
    CHOICE,
    KIND_SCALE,
    MONEY,
    NUMBER,
    NUMERIC_KINDS,
    SET,
    SOURCES,
    to_decimal,
)

FIRM_TYPES = ("tech", "manufacturer", "project")
RULES = ("bands", "map", "set", "yes_no", "choice")
DIRECTIONS = ("higher_better", "lower_better")
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
RM = "rm"
USER_FOLDER = "scorecards"
_CODE_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_\-]{0,63}$")

# Kinds each rule accepts.
_RULE_KINDS = {
    "bands": NUMERIC_KINDS,
    "map": frozenset({CATEGORY}),
    "set": frozenset({SET}),
    "yes_no": frozenset({BOOL}),
    "choice": frozenset({CHOICE}),
}

_TOP_KEYS = {
    "code",
    "version",
    "name_zh",
    "name_en",
    "firm_types",
    "rationale_zh",
    "rationale_en",
    "missing_score",
    "dimensions",
    "knockouts",
    "rm_inputs",
    "grades",
    "limit",
}
_DIMENSION_KEYS = {"code", "name_zh", "name_en", "weight", "factors", "note_zh", "note_en"}
_FACTOR_KEYS = {
    "code",
    "name_zh",
    "name_en",
    "source",
    "weight",
    "points",
    "rule",
    "direction",
    "bands",
    "map",
    "default",
    "items",
    "yes",
    "no",
    "choices",
    "question_zh",
    "question_en",
    "guidance_zh",
    "guidance_en",
    "input",
    "decimals",
    "unit_zh",
    "unit_en",
    "missing_score",
    "note_zh",
    "note_en",
}
_BAND_KEYS = {"min", "score", "label_zh", "label_en"}
_CHOICE_KEYS = {"code", "label_zh", "label_en", "score"}
_KNOCKOUT_KEYS = {
    "code",
    "name_zh",
    "name_en",
    "source",
    "below",
    "above",
    "question_zh",
    "question_en",
    "guidance_zh",
    "guidance_en",
}
_RM_INPUT_KEYS = {
    "code",
    "name_zh",
    "name_en",
    "unit",
    "decimals",
    "guidance_zh",
    "guidance_en",
    "minimum",
}
_GRADE_KEYS = {"grade", "min", "max", "multiplier", "label_zh", "label_en"}
_LIMIT_KEYS = {
    "terms",
    "floor_yuan",
    "cap_yuan",
    "pre_revenue_base_yuan",
    "pre_revenue_source",
    "note_zh",
    "note_en",
}
_TERM_KEYS = {"source", "share", "label_zh", "label_en", "required"}


def _pick(zh: str, en: str, lang: str | None = None) -> str:
    return zh if (lang or i18n.language()) == "zh_CN" else (en or zh)


# =========================================================================== model


@dataclass(frozen=True)
class Band:
    min: Decimal | None  # None for the first band (everything below the next one)
    score: Decimal
    label_zh: str = ""
    label_en: str = ""


@dataclass(frozen=True)
class Choice:
    code: str
    label_zh: str
    label_en: str
    score: Decimal

    def label(self, lang: str | None = None) -> str:
        return _pick(self.label_zh, self.label_en, lang)


@dataclass(frozen=True)
class Factor:
    code: str
    name_zh: str
    name_en: str
    dimension: str
    source: str  # a key of inputs.SOURCES, or 'rm'
    kind: str  # value kind (inputs.* constants)
    rule: str
    max_points: Decimal
    missing_score: Decimal
    direction: str | None = None
    bands: tuple[Band, ...] = ()
    map: Mapping[str, Decimal] = field(default_factory=dict)
    default: Decimal | None = None
    items: Mapping[str, Decimal] = field(default_factory=dict)
    yes: Decimal = HUNDRED
    no: Decimal = Decimal(0)
    choices: tuple[Choice, ...] = ()
    question_zh: str = ""
    question_en: str = ""
    guidance_zh: str = ""
    guidance_en: str = ""
    decimals: int = 2
    unit_zh: str = ""
    unit_en: str = ""

    @property
    def is_judgement(self) -> bool:
        return self.source == RM

    @property
    def scale(self) -> int:
        """Decimal places the value is compared at."""
        return self.decimals if self.kind == NUMBER else KIND_SCALE.get(self.kind, 0)

    def name(self, lang: str | None = None) -> str:
        return _pick(self.name_zh, self.name_en, lang)

    def question(self, lang: str | None = None) -> str:
        return _pick(self.question_zh, self.question_en, lang) or self.name(lang)

    def guidance(self, lang: str | None = None) -> str:
        return _pick(self.guidance_zh, self.guidance_en, lang)

    def unit(self, lang: str | None = None) -> str:
        return _pick(self.unit_zh, self.unit_en, lang)

    def choice(self, code: str) -> Choice | None:
        return next((c for c in self.choices if c.code == code), None)


@dataclass(frozen=True)
class Dimension:
    code: str
    name_zh: str
    name_en: str
    weight: Decimal
    factors: tuple[Factor, ...]

    def name(self, lang: str | None = None) -> str:
        return _pick(self.name_zh, self.name_en, lang)


@dataclass(frozen=True)
class Knockout:
    code: str
    name_zh: str
    name_en: str
    source: str  # 'rm' (a yes/no question; 'yes' knocks out) or a numeric source key
    below: Decimal | None = None
    above: Decimal | None = None
    question_zh: str = ""
    question_en: str = ""
    guidance_zh: str = ""
    guidance_en: str = ""

    @property
    def is_judgement(self) -> bool:
        return self.source == RM

    def name(self, lang: str | None = None) -> str:
        return _pick(self.name_zh, self.name_en, lang)

    def question(self, lang: str | None = None) -> str:
        return _pick(self.question_zh, self.question_en, lang) or self.name(lang)

    def guidance(self, lang: str | None = None) -> str:
        return _pick(self.guidance_zh, self.guidance_en, lang)


@dataclass(frozen=True)
class RmInput:
    """A number the RM enters that no factor scores but the limit rule uses."""

    code: str
    name_zh: str
    name_en: str
    unit: str  # 'yuan' | 'number'
    decimals: int = 0
    minimum: Decimal | None = None
    guidance_zh: str = ""
    guidance_en: str = ""

    @property
    def key(self) -> str:
        return f"rm.{self.code}"

    def name(self, lang: str | None = None) -> str:
        return _pick(self.name_zh, self.name_en, lang)

    def guidance(self, lang: str | None = None) -> str:
        return _pick(self.guidance_zh, self.guidance_en, lang)


@dataclass(frozen=True)
class GradeBand:
    grade: str
    min: Decimal
    max: Decimal
    multiplier: Decimal

    def contains(self, total: Decimal, top: bool = False) -> bool:
        return self.min <= total < self.max or (top and total == self.max)


@dataclass(frozen=True)
class LimitTerm:
    source: str  # a money source key or 'rm.<input code>'
    share: Decimal
    label_zh: str = ""
    label_en: str = ""
    required: bool = False


@dataclass(frozen=True)
class LimitRule:
    terms: tuple[LimitTerm, ...]
    floor_yuan: int | None = None
    cap_yuan: int | None = None
    pre_revenue_source: str = "financial.revenue_yuan"
    pre_revenue_base_yuan: Mapping[str, int] = field(default_factory=dict)
    note_zh: str = ""
    note_en: str = ""


@dataclass(frozen=True)
class Template:
    code: str
    version: str
    name_zh: str
    name_en: str
    firm_types: tuple[str, ...]
    rationale_zh: str
    rationale_en: str
    dimensions: tuple[Dimension, ...]
    knockouts: tuple[Knockout, ...]
    rm_inputs: tuple[RmInput, ...]
    grades: tuple[GradeBand, ...]  # ascending by min
    limit: LimitRule
    path: Path
    sha256: str
    builtin: bool = False

    def name(self, lang: str | None = None) -> str:
        return _pick(self.name_zh, self.name_en, lang)

    def rationale(self, lang: str | None = None) -> str:
        return _pick(self.rationale_zh, self.rationale_en, lang)

    @property
    def factors(self) -> tuple[Factor, ...]:
        return tuple(f for d in self.dimensions for f in d.factors)

    def factor(self, code: str) -> Factor | None:
        return next((f for f in self.factors if f.code == code), None)

    def judgement_factors(self) -> tuple[Factor, ...]:
        """The factors the RM answers (for the scoring page's questions)."""
        return tuple(f for f in self.factors if f.is_judgement)

    def grade_for(self, total: Decimal) -> GradeBand:
        for i, band in enumerate(self.grades):
            if band.contains(total, top=i == len(self.grades) - 1):
                return band
        raise ValueError(f"total {total} outside the grade bands")  # validated: cannot happen

    def grade_rank(self, grade: str) -> int:
        """0 for the lowest grade."""
        return [g.grade for g in self.grades].index(grade)


# =========================================================================== errors


@dataclass(frozen=True)
class TemplateProblem:
    file: Path
    line: int | None
    problem: str

    def __str__(self) -> str:
        if self.line is None:
            return translate("Scorecard", "{file}: {problem}").format(
                file=self.file, problem=self.problem
            )
        return translate("Scorecard", "{file}, line {line}: {problem}").format(
            file=self.file, line=self.line, problem=self.problem
        )


class TemplateError(ValueError):
    """A template file was refused; ``problems`` names the file, line and problem of each."""

    def __init__(self, problems: Sequence[TemplateProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# =========================================================================== line finder

_HEADER_ARRAY = re.compile(r"^\[\[\s*([^\[\]]+?)\s*\]\]")
_HEADER_TABLE = re.compile(r"^\[\s*([^\[\]]+?)\s*\]")
_KEY = re.compile(r"^([A-Za-z0-9_\-\"'.]+)\s*=\s*(.*)$")
_INLINE_KEY = re.compile(r"([A-Za-z0-9_\-]+)\s*=")


def _bracket_depth(text: str) -> int:
    depth, quote = 0, ""
    for ch in text:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            break
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
    return depth


class LineFinder:
    """Maps a key path such as ``('dimensions', 1, 'factors', 0, 'weight')`` to
    the line of the TOML source where it is written (best effort: falls back to
    the enclosing table)."""

    def __init__(self, text: str) -> None:
        self.lines: dict[tuple, int] = {}
        table: tuple = ()
        counters: dict[tuple, int] = {}
        multiline = ""
        array_path: tuple | None = None
        array_depth = 0
        array_index = 0
        for number, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if multiline:
                if multiline in line:
                    multiline = ""
                continue
            if array_path is not None:
                if line.startswith("{"):
                    self._inline((*array_path, array_index), line, number)
                    array_index += 1
                array_depth += _bracket_depth(line)
                if array_depth <= 0:
                    array_path = None
                continue
            if not line or line.startswith("#"):
                continue
            if match := _HEADER_ARRAY.match(line):
                table = self._resolve(match.group(1), counters, array=True)
                self.lines.setdefault(table, number)
                continue
            if match := _HEADER_TABLE.match(line):
                table = self._resolve(match.group(1), counters, array=False)
                self.lines.setdefault(table, number)
                continue
            if match := _KEY.match(line):
                parts = tuple(p.strip("\"'") for p in match.group(1).split("."))
                path = table + parts
                self.lines.setdefault(path, number)
                value = match.group(2).strip()
                for quote in ('"""', "'''"):
                    if value.startswith(quote) and value.count(quote) == 1:
                        multiline = quote
                depth = _bracket_depth(value)
                if value.startswith("[") and depth > 0:
                    array_path, array_depth, array_index = path, depth, 0
                    inner = value[1:].strip()
                    if inner.startswith("{"):
                        self._inline((*path, 0), inner, number)
                        array_index = 1
                elif value.startswith("{"):
                    self._inline(path, value, number)
                elif value.startswith("["):
                    for i, _ in enumerate(re.findall(r"\{[^{}]*\}", value)):
                        self.lines.setdefault((*path, i), number)

    def _inline(self, path: tuple, text: str, number: int) -> None:
        self.lines.setdefault(path, number)
        for key in _INLINE_KEY.findall(text):
            self.lines.setdefault((*path, key), number)

    @staticmethod
    def _resolve(name: str, counters: dict[tuple, int], *, array: bool) -> tuple:
        parts = [p.strip().strip("\"'") for p in name.split(".")]
        resolved: tuple = ()
        for i, part in enumerate(parts):
            resolved += (part,)
            last = i == len(parts) - 1
            if last and array:
                index = counters.get(resolved, 0)
                counters[resolved] = index + 1
                resolved += (index,)
            elif not last and resolved in counters:
                resolved += (counters[resolved] - 1,)
        return resolved

    def line(self, path: Sequence[Any]) -> int | None:
        key = tuple(path)
        while key:
            if key in self.lines:
                return self.lines[key]
            inside = [line for k, line in self.lines.items() if k[: len(key)] == key]
            if inside:
                return min(inside)
            key = key[:-1]
        return None


# =========================================================================== reader


class _Reader:
    """Walks the parsed TOML, building the model and collecting problems."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.finder = LineFinder(text)
        self.problems: list[TemplateProblem] = []
        self.factor_codes: list[tuple[str, tuple]] = []

    def fail(self, where: Sequence[Any], problem: str) -> None:
        self.problems.append(TemplateProblem(self.path, self.finder.line(where), problem))

    # ---------------------------------------------------------------- primitives

    def unknown_keys(self, node: Mapping[str, Any], allowed: set[str], where: tuple) -> None:
        for key in node:
            if key not in allowed:
                self.fail(
                    (*where, key),
                    translate("Scorecard", "unknown key '{key}' (allowed: {allowed})").format(
                        key=key, allowed=", ".join(sorted(allowed))
                    ),
                )

    def text(self, node: Mapping[str, Any], key: str, where: tuple, *, required=True) -> str:
        value = node.get(key)
        if value is None:
            if required:
                self.fail(where, translate("Scorecard", "'{key}' is missing").format(key=key))
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail((*where, key), translate("Scorecard", "'{key}' must be text").format(key=key))
            return ""
        return value.strip()

    def code(self, node: Mapping[str, Any], where: tuple, key: str = "code") -> str:
        value = self.text(node, key, where)
        if value and not _CODE_RE.match(value):
            self.fail(
                (*where, key),
                translate(
                    "Scorecard",
                    "'{key}' = '{value}' must start with a letter and use only letters, "
                    "digits, '_' and '-'",
                ).format(key=key, value=value),
            )
        return value

    def number(
        self,
        node: Mapping[str, Any],
        key: str,
        where: tuple,
        *,
        required: bool = True,
        low: Decimal | None = None,
        high: Decimal | None = None,
    ) -> Decimal | None:
        raw = node.get(key)
        if raw is None:
            if required:
                self.fail(where, translate("Scorecard", "'{key}' is missing").format(key=key))
            return None
        try:
            value = to_decimal(raw)
        except (TypeError, ValueError):
            self.fail(
                (*where, key),
                translate("Scorecard", "'{key}' must be a number, not {value!r}").format(
                    key=key, value=raw
                ),
            )
            return None
        if (low is not None and value < low) or (high is not None and value > high):
            self.fail(
                (*where, key),
                translate("Scorecard", "'{key}' = {value} is outside {low}..{high}").format(
                    key=key,
                    value=value,
                    low="" if low is None else low,
                    high="" if high is None else high,
                ),
            )
        return value

    def score(self, node: Mapping[str, Any], key: str, where: tuple, *, required=True):
        return self.number(node, key, where, required=required, low=Decimal(0), high=HUNDRED)

    def tables(self, node: Mapping[str, Any], key: str, where: tuple) -> list[Mapping]:
        value = node.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(
                (*where, key),
                translate("Scorecard", "'{key}' must be a list of tables").format(key=key),
            )
            return []
        return value

    def unique(self, codes: list[tuple[str, tuple]], what: str) -> None:
        seen: set[str] = set()
        for code, where in codes:
            if code and code in seen:
                self.fail(
                    where,
                    translate("Scorecard", "duplicate {what} code '{code}'").format(
                        what=what, code=code
                    ),
                )
            seen.add(code)

    # ---------------------------------------------------------------- template

    def template(self, data: Mapping[str, Any], raw: bytes, builtin: bool) -> Template | None:
        self.unknown_keys(data, _TOP_KEYS, ())
        code = self.code(data, ())
        version = data.get("version")
        if isinstance(version, int | float) and not isinstance(version, bool):
            version = str(version)
        if not isinstance(version, str) or not version.strip():
            self.fail(("version",), translate("Scorecard", "'version' is missing"))
            version = ""
        firm_types = data.get("firm_types")
        if (
            not isinstance(firm_types, list)
            or not firm_types
            or any(t not in FIRM_TYPES for t in firm_types)
        ):
            self.fail(
                ("firm_types",),
                translate("Scorecard", "'firm_types' must list some of: {types}").format(
                    types=", ".join(FIRM_TYPES)
                ),
            )
            firm_types = []
        default_missing = self.score(data, "missing_score", (), required=False) or Decimal(0)
        rm_inputs = self.rm_inputs(data)
        dimensions = self.dimensions(data, default_missing)
        knockouts = self.knockouts(data)
        grades = self.grades(data)
        limit = self.limit(data, grades, rm_inputs)
        answer_codes = list(self.factor_codes)
        answer_codes += [(k.code, ("knockouts", i, "code")) for i, k in enumerate(knockouts)]
        answer_codes += [(r.code, ("rm_inputs", i, "code")) for i, r in enumerate(rm_inputs)]
        self.unique(answer_codes, translate("Scorecard", "factor"))
        if self.problems:
            return None
        return Template(
            code=code,
            version=version.strip(),
            name_zh=self.text(data, "name_zh", ()),
            name_en=self.text(data, "name_en", (), required=False),
            firm_types=tuple(firm_types),
            rationale_zh=self.text(data, "rationale_zh", ()),
            rationale_en=self.text(data, "rationale_en", (), required=False),
            dimensions=tuple(dimensions),
            knockouts=tuple(knockouts),
            rm_inputs=tuple(rm_inputs),
            grades=tuple(grades),
            limit=limit,
            path=self.path,
            sha256=hashlib.sha256(raw).hexdigest(),
            builtin=builtin,
        )

    # ---------------------------------------------------------------- dimensions

    def dimensions(self, data: Mapping[str, Any], default_missing: Decimal) -> list[Dimension]:
        nodes = self.tables(data, "dimensions", ())
        if not nodes:
            self.fail(("dimensions",), translate("Scorecard", "the template has no dimensions"))
            return []
        dims: list[Dimension] = []
        codes: list[tuple[str, tuple]] = []
        total = Decimal(0)
        for i, node in enumerate(nodes):
            where = ("dimensions", i)
            self.unknown_keys(node, _DIMENSION_KEYS, where)
            code = self.code(node, where)
            codes.append((code, (*where, "code")))
            self.text(node, "name_zh", where)
            weight = self.number(node, "weight", where, low=Decimal(0)) or Decimal(0)
            if weight <= 0:
                self.fail((*where, "weight"), translate("Scorecard", "'weight' must be above 0"))
            total += weight
            factors = self.factors(node, where, code, weight, default_missing)
            dims.append(
                Dimension(
                    code=code,
                    name_zh=str(node.get("name_zh", "")),
                    name_en=str(node.get("name_en", "")),
                    weight=weight,
                    factors=tuple(factors),
                )
            )
        if total != HUNDRED:
            self.fail(
                ("dimensions", len(nodes) - 1, "weight"),
                translate(
                    "Scorecard", "dimension weights add up to {total}, they must add up to 100"
                ).format(total=total),
            )
        self.unique(codes, translate("Scorecard", "dimension"))
        return dims

    def factors(
        self,
        node: Mapping[str, Any],
        where: tuple,
        dimension: str,
        weight: Decimal,
        default_missing: Decimal,
    ) -> list[Factor]:
        nodes = self.tables(node, "factors", where)
        if not nodes:
            self.fail(
                where,
                translate("Scorecard", "dimension '{code}' has no factors").format(code=dimension),
            )
            return []
        by_weight = [("weight" in f) for f in nodes]
        by_points = [("points" in f) for f in nodes]
        factors = []
        total = Decimal(0)
        for j, fnode in enumerate(nodes):
            fwhere = (*where, "factors", j)
            if by_weight[j] == by_points[j]:
                self.fail(
                    fwhere,
                    translate(
                        "Scorecard",
                        "a factor needs exactly one of 'weight' (percent of the "
                        "dimension) or 'points'",
                    ),
                )
                max_points = Decimal(0)
            elif by_weight[j]:
                share = self.number(fnode, "weight", fwhere, low=Decimal(0), high=HUNDRED)
                max_points = (weight * (share or 0) / HUNDRED) if share else Decimal(0)
            else:
                max_points = self.number(fnode, "points", fwhere, low=Decimal(0)) or Decimal(0)
            if max_points != max_points.quantize(CENT):
                self.fail(
                    fwhere,
                    translate(
                        "Scorecard",
                        "the factor's maximum of {points} points is not a whole number of "
                        "hundredths",
                    ).format(points=max_points),
                )
            total += max_points
            factor = self.factor(
                fnode, fwhere, dimension, max_points.quantize(CENT), default_missing
            )
            if factor is not None:
                factors.append(factor)
        if any(by_weight) and any(by_points):
            self.fail(
                where,
                translate(
                    "Scorecard", "mix of 'weight' and 'points' among the factors of one dimension"
                ),
            )
        elif total != weight:
            self.fail(
                (*where, "factors"),
                translate(
                    "Scorecard",
                    "factors of dimension '{code}' give {total} points, the dimension weight "
                    "is {weight} (factor weights must add up to 100)",
                ).format(code=dimension, total=total, weight=weight),
            )
        self.factor_codes.extend(
            (str(f.get("code", "")), (*where, "factors", j, "code")) for j, f in enumerate(nodes)
        )
        return factors

    def factor(
        self,
        node: Mapping[str, Any],
        where: tuple,
        dimension: str,
        max_points: Decimal,
        default_missing: Decimal,
    ) -> Factor | None:
        self.unknown_keys(node, _FACTOR_KEYS, where)
        code = self.code(node, where)
        self.text(node, "name_zh", where)
        source = node.get("source")
        rule = node.get("rule")
        kind = ""
        if source == RM:
            kind = {"choice": CHOICE, "yes_no": BOOL, "bands": NUMBER}.get(rule or "", "")
        elif isinstance(source, str) and source in SOURCES:
            kind = SOURCES[source].kind
        else:
            self.fail(
                (*where, "source"),
                translate(
                    "Scorecard",
                    "unknown source '{source}': use 'rm' or one of the profile/financial "
                    "values (e.g. profile.invention_patents, financial.debt_ratio)",
                ).format(source=source),
            )
        if rule is None:
            self.fail(
                where,
                translate("Scorecard", "factor '{code}' has no 'rule' ({rules})").format(
                    code=code, rules=", ".join(RULES)
                ),
            )
            return None
        if rule not in RULES:
            self.fail(
                (*where, "rule"),
                translate("Scorecard", "unknown rule '{rule}' ({rules})").format(
                    rule=rule, rules=", ".join(RULES)
                ),
            )
            return None
        if kind and kind not in _RULE_KINDS[rule]:
            self.fail(
                (*where, "rule"),
                translate(
                    "Scorecard", "rule '{rule}' cannot score '{source}' (a {kind} value)"
                ).format(rule=rule, source=source, kind=kind),
            )
            return None
        if source == RM and not kind:
            self.fail(
                (*where, "rule"),
                translate(
                    "Scorecard", "a judgement factor uses rule 'choice', 'yes_no' or 'bands'"
                ),
            )
            return None
        missing = self.score(node, "missing_score", where, required=False)
        extra: dict[str, Any] = {}
        decimals = 2
        if rule == "bands":
            if source == RM:
                decimals = (
                    int(node.get("decimals", 2)) if isinstance(node.get("decimals", 2), int) else 2
                )
            scale = decimals if source == RM else KIND_SCALE.get(kind, 0)
            extra.update(self.bands(node, where, scale))
        elif rule == "map":
            table = node.get("map")
            if not isinstance(table, dict) or not table:
                self.fail(
                    (*where, "map"),
                    translate("Scorecard", "'map' must be a table of value = score"),
                )
                table = {}
            extra["map"] = {
                str(k): self.score(table, k, (*where, "map")) or Decimal(0) for k in table
            }
            extra["default"] = self.score(node, "default", where)
        elif rule == "set":
            table = node.get("items")
            if not isinstance(table, dict) or not table:
                self.fail(
                    (*where, "items"),
                    translate("Scorecard", "'items' must be a table of code = score"),
                )
                table = {}
            extra["items"] = {
                str(k): self.score(table, k, (*where, "items")) or Decimal(0) for k in table
            }
        elif rule == "yes_no":
            extra["yes"] = self.score(node, "yes", where)
            extra["no"] = self.score(node, "no", where)
        elif rule == "choice":
            extra["choices"] = self.choices(node, where)
        if source == RM:
            self.text(node, "guidance_zh", where)
        if self.problems:
            return None
        return Factor(
            code=code,
            name_zh=str(node["name_zh"]),
            name_en=str(node.get("name_en", "")),
            dimension=dimension,
            source=str(source),
            kind=kind,
            rule=rule,
            max_points=max_points,
            missing_score=default_missing if missing is None else missing,
            direction=node.get("direction"),
            question_zh=str(node.get("question_zh", "")),
            question_en=str(node.get("question_en", "")),
            guidance_zh=str(node.get("guidance_zh", "")),
            guidance_en=str(node.get("guidance_en", "")),
            decimals=decimals,
            unit_zh=str(node.get("unit_zh", "")),
            unit_en=str(node.get("unit_en", "")),
            **extra,
        )

    def bands(self, node: Mapping[str, Any], where: tuple, scale: int) -> dict[str, Any]:
        direction = node.get("direction")
        if direction not in DIRECTIONS:
            self.fail(
                (*where, "direction"),
                translate(
                    "Scorecard",
                    "numeric bands need 'direction' = 'higher_better' or 'lower_better'",
                ),
            )
        nodes = self.tables(node, "bands", where)
        if len(nodes) < 2:
            self.fail((*where, "bands"), translate("Scorecard", "'bands' needs at least 2 bands"))
            return {"bands": ()}
        bands: list[Band] = []
        for k, band in enumerate(nodes):
            bwhere = (*where, "bands", k)
            self.unknown_keys(band, _BAND_KEYS, bwhere)
            score = self.score(band, "score", bwhere) or Decimal(0)
            low = None
            if k == 0:
                if "min" in band:
                    self.fail(
                        (*bwhere, "min"),
                        translate(
                            "Scorecard",
                            "the first band has no 'min': it covers every value below "
                            "the second band",
                        ),
                    )
            else:
                low = self.number(band, "min", bwhere)
                if low is not None and low != low.quantize(Decimal(1).scaleb(-scale)):
                    self.fail(
                        (*bwhere, "min"),
                        translate(
                            "Scorecard", "band bound {value} has more than {places} decimal places"
                        ).format(value=low, places=scale),
                    )
                previous = bands[-1].min if bands else None
                if low is not None and previous is not None and low <= previous:
                    self.fail(
                        (*bwhere, "min"),
                        translate(
                            "Scorecard",
                            "band bounds must increase: {value} is not above "
                            "{previous} (overlapping bands)",
                        ).format(value=low, previous=previous),
                    )
            if bands and direction in DIRECTIONS:
                before = bands[-1].score
                wrong = score < before if direction == "higher_better" else score > before
                if wrong:
                    self.fail(
                        (*bwhere, "score"),
                        translate(
                            "Scorecard",
                            "band scores contradict direction '{direction}': {score} "
                            "after {before}",
                        ).format(direction=direction, score=score, before=before),
                    )
            bands.append(
                Band(low, score, str(band.get("label_zh", "")), str(band.get("label_en", "")))
            )
        return {"bands": tuple(bands)}

    def choices(self, node: Mapping[str, Any], where: tuple) -> tuple[Choice, ...]:
        nodes = self.tables(node, "choices", where)
        if len(nodes) < 2:
            self.fail(
                (*where, "choices"), translate("Scorecard", "'choices' needs at least 2 levels")
            )
        out = []
        for k, choice in enumerate(nodes):
            cwhere = (*where, "choices", k)
            self.unknown_keys(choice, _CHOICE_KEYS, cwhere)
            code = self.code(choice, cwhere)
            label = self.text(choice, "label_zh", cwhere)
            score = self.score(choice, "score", cwhere) or Decimal(0)
            out.append(Choice(code, label, str(choice.get("label_en", "")), score))
        self.unique(
            [(c.code, (*where, "choices", k)) for k, c in enumerate(out)],
            translate("Scorecard", "choice"),
        )
        return tuple(out)

    # ---------------------------------------------------------------- knock-outs, inputs

    def knockouts(self, data: Mapping[str, Any]) -> list[Knockout]:
        out = []
        for i, node in enumerate(self.tables(data, "knockouts", ())):
            where = ("knockouts", i)
            self.unknown_keys(node, _KNOCKOUT_KEYS, where)
            code = self.code(node, where)
            self.text(node, "name_zh", where)
            source = node.get("source")
            below = above = None
            if source == RM:
                self.text(node, "question_zh", where)
            elif (
                isinstance(source, str)
                and source in SOURCES
                and SOURCES[source].kind in (NUMERIC_KINDS)
            ):
                below = self.number(node, "below", where, required=False)
                above = self.number(node, "above", where, required=False)
                if below is None and above is None:
                    self.fail(
                        where,
                        translate("Scorecard", "a numeric knock-out needs 'below' or 'above'"),
                    )
            else:
                self.fail(
                    (*where, "source"),
                    translate(
                        "Scorecard",
                        "unknown knock-out source '{source}': use 'rm' or a numeric "
                        "profile/financial value",
                    ).format(source=source),
                )
            out.append(
                Knockout(
                    code=code,
                    name_zh=str(node.get("name_zh", "")),
                    name_en=str(node.get("name_en", "")),
                    source=str(source),
                    below=below,
                    above=above,
                    question_zh=str(node.get("question_zh", "")),
                    question_en=str(node.get("question_en", "")),
                    guidance_zh=str(node.get("guidance_zh", "")),
                    guidance_en=str(node.get("guidance_en", "")),
                )
            )
        return out

    def rm_inputs(self, data: Mapping[str, Any]) -> list[RmInput]:
        out = []
        for i, node in enumerate(self.tables(data, "rm_inputs", ())):
            where = ("rm_inputs", i)
            self.unknown_keys(node, _RM_INPUT_KEYS, where)
            code = self.code(node, where)
            self.text(node, "name_zh", where)
            unit = node.get("unit", "yuan")
            if unit not in ("yuan", "number"):
                self.fail(
                    (*where, "unit"), translate("Scorecard", "'unit' must be 'yuan' or 'number'")
                )
            decimals = node.get("decimals", 0 if unit == "yuan" else 2)
            out.append(
                RmInput(
                    code=code,
                    name_zh=str(node.get("name_zh", "")),
                    name_en=str(node.get("name_en", "")),
                    unit=str(unit),
                    decimals=decimals if isinstance(decimals, int) else 0,
                    minimum=self.number(node, "minimum", where, required=False),
                    guidance_zh=str(node.get("guidance_zh", "")),
                    guidance_en=str(node.get("guidance_en", "")),
                )
            )
        return out

    # ---------------------------------------------------------------- grades and limit

    def grades(self, data: Mapping[str, Any]) -> list[GradeBand]:
        nodes = self.tables(data, "grades", ())
        if len(nodes) < 2:
            self.fail(("grades",), translate("Scorecard", "'grades' needs at least 2 bands"))
            return []
        bands: list[tuple[GradeBand, tuple]] = []
        for i, node in enumerate(nodes):
            where = ("grades", i)
            self.unknown_keys(node, _GRADE_KEYS, where)
            grade = self.text(node, "grade", where)
            low = self.number(node, "min", where, low=Decimal(0), high=HUNDRED)
            high = self.number(node, "max", where, low=Decimal(0), high=HUNDRED)
            mult = self.number(node, "multiplier", where, low=Decimal(0))
            if low is None or high is None or mult is None:
                continue
            if mult != mult.quantize(Decimal("0.0001")):
                self.fail(
                    (*where, "multiplier"),
                    translate("Scorecard", "'multiplier' has more than 4 decimal places"),
                )
            if high <= low:
                self.fail(
                    (*where, "max"),
                    translate(
                        "Scorecard", "grade {grade}: 'max' {high} must be above 'min' {low}"
                    ).format(grade=grade, high=high, low=low),
                )
            bands.append((GradeBand(grade, low, high, mult), where))
        self.unique([(b.grade, w) for b, w in bands], translate("Scorecard", "grade"))
        bands.sort(key=lambda bw: bw[0].min)
        if bands and bands[0][0].min != 0:
            self.fail(
                bands[0][1],
                translate(
                    "Scorecard",
                    "grade bands must start at 0; the lowest starts at {low} (missing band)",
                ).format(low=bands[0][0].min),
            )
        if bands and bands[-1][0].max != HUNDRED:
            self.fail(
                bands[-1][1],
                translate(
                    "Scorecard",
                    "grade bands must end at 100; the highest ends at {high} (missing band)",
                ).format(high=bands[-1][0].max),
            )
        for (before, _w), (band, where) in itertools.pairwise(bands):
            if band.min < before.max:
                self.fail(
                    (*where, "min"),
                    translate(
                        "Scorecard", "grade {grade} overlaps grade {other}: {low} is below {high}"
                    ).format(grade=band.grade, other=before.grade, low=band.min, high=before.max),
                )
            elif band.min > before.max:
                self.fail(
                    (*where, "min"),
                    translate(
                        "Scorecard",
                        "gap between grade {other} (to {high}) and grade {grade} "
                        "(from {low}): missing band",
                    ).format(grade=band.grade, other=before.grade, low=band.min, high=before.max),
                )
            if band.multiplier < before.multiplier:
                self.fail(
                    (*where, "multiplier"),
                    translate(
                        "Scorecard", "grade {grade} has a lower multiplier than the grade below it"
                    ).format(grade=band.grade),
                )
        return [b for b, _w in bands]

    def _money(self, node: Mapping[str, Any], key: str, where: tuple) -> int | None:
        value = self.number(node, key, where, required=False, low=Decimal(0))
        if value is None:
            return None
        if value != value.to_integral_value():
            self.fail(
                (*where, key), translate("Scorecard", "'{key}' must be whole yuan").format(key=key)
            )
        return int(value)

    def limit(
        self, data: Mapping[str, Any], grades: list[GradeBand], rm_inputs: list[RmInput]
    ) -> LimitRule:
        node = data.get("limit")
        if not isinstance(node, dict):
            self.fail((), translate("Scorecard", "the template has no [limit] table"))
            return LimitRule(terms=())
        where = ("limit",)
        self.unknown_keys(node, _LIMIT_KEYS, where)
        money_sources = {k for k, s in SOURCES.items() if s.kind == MONEY}
        money_sources |= {r.key for r in rm_inputs if r.unit == "yuan"}
        terms = []
        for i, term in enumerate(self.tables(node, "terms", where)):
            twhere = (*where, "terms", i)
            self.unknown_keys(term, _TERM_KEYS, twhere)
            source = term.get("source")
            if source not in money_sources:
                self.fail(
                    (*twhere, "source"),
                    translate(
                        "Scorecard",
                        "unknown limit source '{source}': use a money value such as "
                        "financial.revenue_yuan or rm.<input code>",
                    ).format(source=source),
                )
            share = self.number(term, "share", twhere, low=Decimal(0)) or Decimal(0)
            if share != share.quantize(Decimal("0.0001")):
                self.fail(
                    (*twhere, "share"),
                    translate("Scorecard", "'share' has more than 4 decimal places"),
                )
            terms.append(
                LimitTerm(
                    str(source),
                    share,
                    str(term.get("label_zh", "")),
                    str(term.get("label_en", "")),
                    bool(term.get("required")),
                )
            )
        floor = self._money(node, "floor_yuan", where)
        cap = self._money(node, "cap_yuan", where)
        if floor is not None and cap is not None and floor > cap:
            self.fail(
                (*where, "floor_yuan"), translate("Scorecard", "'floor_yuan' is above 'cap_yuan'")
            )
        base: dict[str, int] = {}
        table = node.get("pre_revenue_base_yuan", {})
        if not isinstance(table, dict):
            self.fail(
                (*where, "pre_revenue_base_yuan"),
                translate("Scorecard", "'pre_revenue_base_yuan' must be a table of grade = yuan"),
            )
            table = {}
        known = [g.grade for g in grades]
        for grade in table:
            if grade not in known:
                self.fail(
                    (*where, "pre_revenue_base_yuan", grade),
                    translate("Scorecard", "unknown grade '{grade}'").format(grade=grade),
                )
            amount = self._money(table, grade, (*where, "pre_revenue_base_yuan"))
            base[grade] = amount or 0
        ranked = [base.get(g, 0) for g in known]
        if any(b < a for a, b in itertools.pairwise(ranked)):
            self.fail(
                (*where, "pre_revenue_base_yuan"),
                translate("Scorecard", "the pre-revenue base must not fall as the grade rises"),
            )
        pre_source = node.get("pre_revenue_source", "financial.revenue_yuan")
        if pre_source not in money_sources:
            self.fail(
                (*where, "pre_revenue_source"),
                translate(
                    "Scorecard",
                    "unknown limit source '{source}': use a money value such as "
                    "financial.revenue_yuan or rm.<input code>",
                ).format(source=pre_source),
            )
        if not terms and not base:
            self.fail(
                where,
                translate("Scorecard", "the limit rule needs 'terms' or 'pre_revenue_base_yuan'"),
            )
        return LimitRule(
            terms=tuple(terms),
            floor_yuan=floor,
            cap_yuan=cap,
            pre_revenue_source=str(pre_source),
            pre_revenue_base_yuan=base,
            note_zh=str(node.get("note_zh", "")),
            note_en=str(node.get("note_en", "")),
        )


# =========================================================================== loading


def builtin_dir() -> Path:
    return paths.resource("scorecards")


def user_dir(create: bool = True) -> Path:
    """The bank's own templates: ``<data dir>/scorecards``."""
    folder = paths.data_dir() / USER_FOLDER
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def parse_template(raw: bytes, path: Path, *, builtin: bool = False) -> Template:
    """Parse and check template bytes; raises :class:`TemplateError`."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TemplateError(
            [
                TemplateProblem(
                    path,
                    None,
                    translate("Scorecard", "not UTF-8 text ({problem})").format(problem=exc),
                )
            ]
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        raise TemplateError(
            [
                TemplateProblem(
                    path,
                    int(found.group(1)) if found else None,
                    translate("Scorecard", "not valid TOML: {problem}").format(problem=exc),
                )
            ]
        ) from None
    reader = _Reader(path, text)
    template = reader.template(data, raw, builtin)
    if template is None or reader.problems:
        raise TemplateError(reader.problems)
    return template


def load_template(path: Path, *, builtin: bool = False) -> Template:
    """Read one template file; raises :class:`TemplateError` (also for an unreadable file)."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise TemplateError(
            [
                TemplateProblem(
                    Path(path),
                    None,
                    translate("Scorecard", "cannot read the file ({problem})").format(
                        problem=exc.strerror or exc
                    ),
                )
            ]
        ) from None
    return parse_template(raw, Path(path), builtin=builtin)


@dataclass(frozen=True)
class TemplateSet:
    """The valid templates (shipped first) and the problems of the refused ones."""

    templates: tuple[Template, ...]
    problems: tuple[TemplateProblem, ...]

    def get(self, code: str) -> Template | None:
        return next((t for t in self.templates if t.code == code), None)

    def for_firm_type(self, firm_type: str) -> Template | None:
        """The first template applying to ``firm_type`` (shipped before the bank's own)."""
        return next((t for t in self.templates if firm_type in t.firm_types), None)

    def codes(self) -> list[str]:
        return [t.code for t in self.templates]


def load_templates(folders: Iterable[Path] | None = None) -> TemplateSet:
    """Load every ``*.toml`` of the shipped folder and the user folder (or ``folders``).

    A file that fails is skipped and reported; a template whose code is already
    taken by an earlier file is refused as a duplicate.
    """
    if folders is None:
        sources = [(builtin_dir(), True), (user_dir(), False)]
    else:
        sources = [(Path(f), Path(f) == builtin_dir()) for f in folders]
    templates: list[Template] = []
    problems: list[TemplateProblem] = []
    seen: dict[str, Path] = {}
    for folder, builtin in sources:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                template = load_template(path, builtin=builtin)
            except TemplateError as exc:
                problems.extend(exc.problems)
                continue
            if template.code in seen:
                problems.append(
                    TemplateProblem(
                        path,
                        LineFinder(path.read_text(encoding="utf-8")).line(("code",)),
                        translate(
                            "Scorecard",
                            "duplicate template code '{code}', already defined in {other}",
                        ).format(code=template.code, other=seen[template.code]),
                    )
                )
                continue
            seen[template.code] = path
            templates.append(template)
    return TemplateSet(tuple(templates), tuple(problems))

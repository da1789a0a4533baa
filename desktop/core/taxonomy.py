"""Reference data: the hydrogen value chain, policy programmes, qualifications,
guarantee schemes, credit products and lost-deal reasons.

The data lives in ``resources/reference/*.toml`` (editable without code);
:func:`load_taxonomy` parses and checks it once and caches the result. A
malformed file raises :class:`TaxonomyError` naming the file and the entry.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core import i18n, paths
from desktop.core.i18n import translate

# The enums of the database schema (db/migrations.py CHECK constraints).
SEGMENT_CODES = ("production", "storage", "transport", "refuelling", "fuel_cell", "application")
FIRM_TYPES = ("tech", "manufacturer", "project")
POLICY_LEVELS = ("national", "provincial", "municipal", "zone")

TAXONOMY_FILE = "taxonomy.toml"
POLICIES_FILE = "policies.toml"
PRODUCTS_FILE = "products.toml"


class TaxonomyError(ValueError):
    """A reference data file is missing or malformed."""

    def __init__(self, path: Path, problem: str) -> None:
        message = translate("Taxonomy", "Reference data file {file} is invalid: {problem}").format(
            file=path, problem=problem
        )
        super().__init__(message)
        self.path = path
        self.problem = problem


def _pick(obj: Any, lang: str | None) -> str:
    lang = i18n.language() if lang is None else lang
    return obj.name_zh if lang.lower().startswith("zh") else obj.name_en


@dataclass(frozen=True)
class Route:
    code: str
    segment: str
    name_zh: str
    name_en: str

    def name(self, lang: str | None = None) -> str:
        return _pick(self, lang)


@dataclass(frozen=True)
class Segment:
    code: str
    short_zh: str
    name_zh: str
    name_en: str
    firm_types: tuple[str, ...]
    routes: tuple[Route, ...]

    def name(self, lang: str | None = None) -> str:
        return _pick(self, lang)


@dataclass(frozen=True)
class Policy:
    code: str
    name_zh: str
    name_en: str
    level: str
    issuer_zh: str
    issued: str
    provinces: tuple[str, ...]
    cities: tuple[str, ...]
    segments: tuple[str, ...]
    summary_zh: str
    summary_en: str
    title_known: bool = True

    def name(self, lang: str | None = None) -> str:
        return _pick(self, lang)

    @property
    def nationwide(self) -> bool:
        return not self.provinces

    def applies_to(self, province: str, city: str = "", segment: str = "") -> bool:
        """Whether a client in ``province``/``city`` on ``segment`` may belong."""
        if self.provinces and province not in self.provinces:
            return False
        if self.cities and city not in self.cities:
            return False
        return not (self.segments and segment and segment not in self.segments)


@dataclass(frozen=True)
class Qualification:
    code: str
    name_zh: str
    name_en: str
    firm_types: tuple[str, ...]

    def name(self, lang: str | None = None) -> str:
        return _pick(self, lang)


@dataclass(frozen=True)
class GuaranteeScheme:
    code: str
    name_zh: str
    name_en: str
    max_amount_yuan: int | None
    max_fee_bp: int | None
    summary_zh: str
    summary_en: str

    def name(self, lang: str | None = None) -> str:
        return _pick(self, lang)


@dataclass(frozen=True)
class Product:
    code: str
    name_zh: str
    name_en: str
    firm_types: tuple[str, ...]
    min_amount_yuan: int
    max_amount_yuan: int
    tenor_months: tuple[int, ...]

    def name(self, lang: str | None = None) -> str:
        return _pick(self, lang)


@dataclass(frozen=True)
class LostReason:
    code: str
    name_zh: str
    name_en: str

    def name(self, lang: str | None = None) -> str:
        return _pick(self, lang)


@dataclass(frozen=True)
class Taxonomy:
    segments: tuple[Segment, ...]
    policies: tuple[Policy, ...]
    qualifications: tuple[Qualification, ...]
    guarantee_schemes: tuple[GuaranteeScheme, ...]
    products: tuple[Product, ...]
    lost_reasons: tuple[LostReason, ...]
    _index: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for kind, items in (
            ("segment", self.segments),
            ("route", self.routes),
            ("policy", self.policies),
            ("qualification", self.qualifications),
            ("guarantee_scheme", self.guarantee_schemes),
            ("product", self.products),
            ("lost_reason", self.lost_reasons),
        ):
            for item in items:
                self._index[(kind, item.code)] = item

    @property
    def routes(self) -> tuple[Route, ...]:
        return tuple(route for segment in self.segments for route in segment.routes)

    def _get(self, kind: str, code: str) -> Any:
        try:
            return self._index[(kind, code)]
        except KeyError:
            raise KeyError(f"unknown {kind} code {code!r}") from None

    def segment(self, code: str) -> Segment:
        return self._get("segment", code)

    def route(self, code: str) -> Route:
        return self._get("route", code)

    def policy(self, code: str) -> Policy:
        return self._get("policy", code)

    def qualification(self, code: str) -> Qualification:
        return self._get("qualification", code)

    def guarantee_scheme(self, code: str) -> GuaranteeScheme:
        return self._get("guarantee_scheme", code)

    def product(self, code: str) -> Product:
        return self._get("product", code)

    def lost_reason(self, code: str) -> LostReason:
        return self._get("lost_reason", code)

    def has(self, kind: str, code: str) -> bool:
        return (kind, code) in self._index

    def name(self, kind: str, code: str, lang: str | None = None) -> str:
        """Display name of any item; an unknown code is shown as itself."""
        item = self._index.get((kind, code))
        return code if item is None else item.name(lang)

    def routes_for(self, segment: str) -> tuple[Route, ...]:
        return self.segment(segment).routes

    def policies_for(self, province: str, city: str = "", segment: str = "") -> list[Policy]:
        return [p for p in self.policies if p.applies_to(province, city, segment)]


# --------------------------------------------------------------------------- parsing


class _Reader:
    """Typed access to one TOML file with errors that name the file and entry."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with path.open("rb") as fh:
                self.data = tomllib.load(fh)
        except FileNotFoundError:
            raise TaxonomyError(path, "file not found") from None
        except tomllib.TOMLDecodeError as exc:
            raise TaxonomyError(path, f"not valid TOML ({exc})") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise TaxonomyError(path, f"cannot be read ({exc})") from None

    def fail(self, problem: str) -> TaxonomyError:
        return TaxonomyError(self.path, problem)

    def table_list(self, key: str) -> list[Mapping[str, Any]]:
        items = self.data.get(key)
        if not isinstance(items, list) or not items:
            raise self.fail(f"needs a non-empty [[{key}]] list")
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise self.fail(f"{key}[{i}] must be a table")
        return items

    def text(self, entry: Mapping[str, Any], key: str, where: str, default: str | None = None):
        value = entry.get(key, default)
        if not isinstance(value, str) or (default is None and not value.strip()):
            raise self.fail(f"{where}: '{key}' must be non-empty text")
        return value

    def texts(self, entry: Mapping[str, Any], key: str, where: str, allowed=None):
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(f"{where}: '{key}' must be a list of text")
        if allowed is not None:
            for v in value:
                if v not in allowed:
                    raise self.fail(f"{where}: '{key}' has unknown value {v!r}")
        return tuple(value)

    def integer(self, entry: Mapping[str, Any], key: str, where: str, *, optional=False):
        value = entry.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(f"{where}: '{key}' must be a non-negative integer")
        return value


def _unique(reader: _Reader, kind: str, codes: Iterable[str]) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise reader.fail(f"duplicate {kind} code {code!r}")
        seen.add(code)


def _parse_taxonomy(reader: _Reader) -> tuple[Segment, ...]:
    segments = []
    for i, entry in enumerate(reader.table_list("segments")):
        where = f"segments[{i}]"
        code = reader.text(entry, "code", where)
        where = f"segment {code!r}"
        if code not in SEGMENT_CODES:
            raise reader.fail(f"{where}: unknown segment code; expected one of {SEGMENT_CODES}")
        raw_routes = entry.get("routes")
        if not isinstance(raw_routes, list) or not raw_routes:
            raise reader.fail(f"{where}: needs a non-empty 'routes' list")
        routes = []
        for j, raw in enumerate(raw_routes):
            if not isinstance(raw, dict):
                raise reader.fail(f"{where}: routes[{j}] must be a table")
            route_where = f"{where} routes[{j}]"
            routes.append(
                Route(
                    code=reader.text(raw, "code", route_where),
                    segment=code,
                    name_zh=reader.text(raw, "name_zh", route_where),
                    name_en=reader.text(raw, "name_en", route_where),
                )
            )
        segments.append(
            Segment(
                code=code,
                short_zh=reader.text(entry, "short_zh", where),
                name_zh=reader.text(entry, "name_zh", where),
                name_en=reader.text(entry, "name_en", where),
                firm_types=reader.texts(entry, "firm_types", where, FIRM_TYPES),
                routes=tuple(routes),
            )
        )
    _unique(reader, "segment", (s.code for s in segments))
    _unique(reader, "route", (r.code for s in segments for r in s.routes))
    missing = set(SEGMENT_CODES) - {s.code for s in segments}
    if missing:
        raise reader.fail(f"segments missing: {sorted(missing)}")
    return tuple(segments)


def _parse_policies(reader: _Reader):
    policies = []
    for i, entry in enumerate(reader.table_list("policies")):
        where = f"policies[{i}]"
        code = reader.text(entry, "code", where)
        where = f"policy {code!r}"
        level = reader.text(entry, "level", where)
        if level not in POLICY_LEVELS:
            raise reader.fail(f"{where}: 'level' must be one of {POLICY_LEVELS}")
        title_known = entry.get("title_known", True)
        if not isinstance(title_known, bool):
            raise reader.fail(f"{where}: 'title_known' must be true or false")
        policies.append(
            Policy(
                code=code,
                name_zh=reader.text(entry, "name_zh", where),
                name_en=reader.text(entry, "name_en", where),
                level=level,
                issuer_zh=reader.text(entry, "issuer_zh", where, ""),
                issued=reader.text(entry, "issued", where, ""),
                provinces=reader.texts(entry, "provinces", where),
                cities=reader.texts(entry, "cities", where),
                segments=reader.texts(entry, "segments", where, SEGMENT_CODES),
                summary_zh=reader.text(entry, "summary_zh", where, ""),
                summary_en=reader.text(entry, "summary_en", where, ""),
                title_known=title_known,
            )
        )
    qualifications = []
    for i, entry in enumerate(reader.table_list("qualifications")):
        where = f"qualifications[{i}]"
        qualifications.append(
            Qualification(
                code=reader.text(entry, "code", where),
                name_zh=reader.text(entry, "name_zh", where),
                name_en=reader.text(entry, "name_en", where),
                firm_types=reader.texts(entry, "firm_types", where, FIRM_TYPES),
            )
        )
    schemes = []
    for i, entry in enumerate(reader.table_list("guarantee_schemes")):
        where = f"guarantee_schemes[{i}]"
        schemes.append(
            GuaranteeScheme(
                code=reader.text(entry, "code", where),
                name_zh=reader.text(entry, "name_zh", where),
                name_en=reader.text(entry, "name_en", where),
                max_amount_yuan=reader.integer(entry, "max_amount_yuan", where, optional=True),
                max_fee_bp=reader.integer(entry, "max_fee_bp", where, optional=True),
                summary_zh=reader.text(entry, "summary_zh", where, ""),
                summary_en=reader.text(entry, "summary_en", where, ""),
            )
        )
    _unique(reader, "policy", (p.code for p in policies))
    _unique(reader, "qualification", (q.code for q in qualifications))
    _unique(reader, "guarantee scheme", (g.code for g in schemes))
    return tuple(policies), tuple(qualifications), tuple(schemes)


def _parse_products(reader: _Reader):
    products = []
    for i, entry in enumerate(reader.table_list("products")):
        where = f"products[{i}]"
        low = reader.integer(entry, "min_amount_yuan", where)
        high = reader.integer(entry, "max_amount_yuan", where)
        if low > high:
            raise reader.fail(f"{where}: min_amount_yuan is above max_amount_yuan")
        tenors = entry.get("tenor_months", [])
        if not isinstance(tenors, list) or not all(
            isinstance(t, int) and not isinstance(t, bool) and 1 <= t <= 360 for t in tenors
        ):
            raise reader.fail(f"{where}: 'tenor_months' must be a list of months (1-360)")
        products.append(
            Product(
                code=reader.text(entry, "code", where),
                name_zh=reader.text(entry, "name_zh", where),
                name_en=reader.text(entry, "name_en", where),
                firm_types=reader.texts(entry, "firm_types", where, FIRM_TYPES),
                min_amount_yuan=low,
                max_amount_yuan=high,
                tenor_months=tuple(tenors),
            )
        )
    reasons = []
    for i, entry in enumerate(reader.table_list("lost_reasons")):
        where = f"lost_reasons[{i}]"
        reasons.append(
            LostReason(
                code=reader.text(entry, "code", where),
                name_zh=reader.text(entry, "name_zh", where),
                name_en=reader.text(entry, "name_en", where),
            )
        )
    _unique(reader, "product", (p.code for p in products))
    _unique(reader, "lost reason", (r.code for r in reasons))
    return tuple(products), tuple(reasons)


def read_taxonomy(directory: Path) -> Taxonomy:
    """Parse and check the reference files in ``directory`` (no caching)."""
    segments = _parse_taxonomy(_Reader(directory / TAXONOMY_FILE))
    policies_reader = _Reader(directory / POLICIES_FILE)
    policies, qualifications, schemes = _parse_policies(policies_reader)
    segment_codes = {s.code for s in segments}
    for policy in policies:
        for code in policy.segments:
            if code not in segment_codes:  # pragma: no cover - SEGMENT_CODES already checked
                raise policies_reader.fail(f"policy {policy.code!r}: unknown segment {code!r}")
    products, reasons = _parse_products(_Reader(directory / PRODUCTS_FILE))
    return Taxonomy(
        segments=segments,
        policies=policies,
        qualifications=qualifications,
        guarantee_schemes=schemes,
        products=products,
        lost_reasons=reasons,
    )


@functools.cache
def _cached(directory: Path) -> Taxonomy:
    return read_taxonomy(directory)


def reference_dir() -> Path:
    return paths.resource("reference")


def load_taxonomy(directory: Path | None = None) -> Taxonomy:
    """The reference data, parsed once per folder (default: bundled resources)."""
    return _cached(Path(directory) if directory is not None else reference_dir())


def segment_name(code: str, lang: str | None = None) -> str:
    """Display name of a value-chain segment (``lang`` defaults to the UI language)."""
    return load_taxonomy().name("segment", code, lang)


def route_name(code: str, lang: str | None = None) -> str:
    return load_taxonomy().name("route", code, lang)


def policy_name(code: str, lang: str | None = None) -> str:
    return load_taxonomy().name("policy", code, lang)


def qualification_name(code: str, lang: str | None = None) -> str:
    return load_taxonomy().name("qualification", code, lang)


def product_name(code: str, lang: str | None = None) -> str:
    return load_taxonomy().name("product", code, lang)


def lost_reason_name(code: str, lang: str | None = None) -> str:
    return load_taxonomy().name("lost_reason", code, lang)

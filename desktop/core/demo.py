"""A realistic, clearly fictional demo portfolio for training and screenshots.

:func:`generate_demo` fills an empty, migrated database with bank users and
hydrogen clients spread over the value chain and the provinces of the seed
article: contacts, three years of financial statements, visits and calls,
and deals in every pipeline stage with their stage history. Company names are
built from invented brand syllables and end in "（演示）".

The output depends only on ``seed`` and ``today`` (record ids included), and
the whole portfolio is written in one transaction with prepared bulk
INSERTs, so 100,000 clients take seconds, not minutes.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import json
import math
import random
import time
import tomllib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from db import audit, search
from db.connection import write
from desktop.core import paths
from desktop.core.i18n import translate
from desktop.core.taxonomy import Taxonomy, TaxonomyError, load_taxonomy
from desktop.core.validation import make_uscc, resident_id_check_char

DEFAULT_SEED = 20251128
DEFAULT_TODAY = date(2026, 11, 28)
MAX_CLIENTS = 1_000_000
CHUNK = 2_000
FISCAL_YEARS = (2023, 2024, 2025)

STAGE_PATH = (
    "need",
    "solution",
    "materials",
    "review",
    "approved",
    "contract",
    "disbursed",
    "post_loan",
)
ALL_STAGES = (*STAGE_PATH, "lost")
_STAGE_WEIGHTS = (14, 12, 12, 10, 8, 7, 12, 15, 10)
_EARLY_STAGES = ("need", "solution", "materials", "review", "lost")
_EARLY_WEIGHTS = (30, 25, 20, 10, 15)

# Technology routes where a start-up often has no revenue yet (the seed's SOEC firm).
_FRONTIER_ROUTES = frozenset({"soec", "aem", "sofc", "solid_state", "lohc", "liquid"})

_DEMO_USERS = (
    ("demo", "演示客户经理", "rm"),
    ("rm.lin", "林晓岚", "rm"),
    ("rm.wang", "王振宇", "rm"),
    ("rm.chen", "陈思琪", "rm"),
    ("rm.zhao", "赵一帆", "rm"),
    ("reviewer", "周敏（审查员）", "reviewer"),
    ("branch.head", "郑国华（支行行长）", "branch_head"),
    ("admin", "系统管理员", "admin"),
)


def _columns(names: str) -> tuple[str, ...]:
    """Column list of an INSERT; every shared table ends with the common columns."""
    return (*names.split(), "created_at", "updated_at", "updated_by", "version")


_TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "clients": _columns(
        "id name uscc legal_rep registered_capital_yuan founded_on province city address "
        "firm_type segment tech_route qualifications employees rd_staff invention_patents "
        "utility_patents software_copyrights key_patents policy_programmes owner_id status "
        "notes"
    ),
    "contacts": _columns("id client_id name role mobile id_number email consent consent_on"),
    "financial_statements": _columns(
        "id client_id fiscal_year audited revenue_yuan net_profit_yuan total_assets_yuan "
        "total_liabilities_yuan current_assets_yuan current_liabilities_yuan inventory_yuan "
        "cash_yuan rd_expense_yuan operating_cash_flow_yuan"
    ),
    "activities": _columns(
        "id client_id kind occurred_on people_met summary next_follow_up follow_up_done owner_id"
    ),
    "deals": _columns(
        "id client_id title product amount_yuan tenor_months rate_bp pricing_note purpose "
        "guarantee_scheme stage stage_changed_at lost_reason expected_close_on owner_id"
    ),
    "deal_stage_history": _columns("id deal_id from_stage to_stage changed_at changed_by note"),
    "deal_securities": _columns("id deal_id kind description provider value_yuan"),
}
# Parents before children, so every foreign key resolves as rows go in.
_TABLE_ORDER = tuple(_TABLE_COLUMNS)


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`generate_demo` wrote."""

    seed: int
    today: date
    users: int
    clients: int
    contacts: int
    financial_statements: int
    activities: int
    deals: int
    deal_stage_history: int
    deal_securities: int
    elapsed_seconds: float

    @property
    def counts(self) -> dict[str, int]:
        """Rows written per table."""
        skip = {"seed", "today", "elapsed_seconds"}
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in skip}


# --------------------------------------------------------------------------- demo data file


def demo_data_path() -> Path:
    return paths.resource("demo", "demo_data.toml")


@functools.cache
def load_demo_data(path: Path | None = None) -> dict[str, Any]:
    """The name parts, places and texts of ``resources/demo/demo_data.toml``."""
    path = demo_data_path() if path is None else path
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise TaxonomyError(path, "file not found") from None
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as exc:
        raise TaxonomyError(path, f"not valid TOML ({exc})") from None
    required = (
        "name_suffix",
        "regions",
        "brand_first",
        "brand_second",
        "industry_words",
        "legal_forms",
        "people",
        "street_names",
        "park_names",
        "mobile_prefixes",
        "patent_subjects",
        "texts",
        "stage_notes",
        "security_texts",
    )
    missing = [key for key in required if key not in data]
    if missing:
        raise TaxonomyError(path, f"missing keys: {', '.join(missing)}")
    for i, region in enumerate(data["regions"]):
        for key in ("province", "weight", "id_codes", "cities"):
            if key not in region:
                raise TaxonomyError(path, f"regions[{i}] lacks '{key}'")
        for city in region["cities"]:
            code = city.get("code", "")
            if not (isinstance(code, str) and len(code) == 6 and code.isdigit()):
                raise TaxonomyError(path, f"regions[{i}]: city code {code!r} is not 6 digits")
    return data


# --------------------------------------------------------------------------- generator


def _cumulative(weights: Sequence[float]) -> list[float]:
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


_CN_PATENT_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


class _FastRandom(random.Random):
    """``random.Random`` with cheaper integer and choice draws (the library
    versions go through rejection sampling in Python, several times slower;
    the tiny bias of ``int(random() * n)`` does not matter for demo data)."""

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None:
            start, stop = 0, start
        return start + int(self.random() * (stop - start))

    def choice(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.random() * len(seq))]


class _Generator:
    """Builds row tuples; every random draw comes from seeded generators."""

    def __init__(self, seed: int, today: date, taxonomy: Taxonomy, data: dict[str, Any]):
        self.rng = _FastRandom(seed)
        # Record ids: a counter in the leading 48 bits keeps every B-tree insert an
        # append (like UUIDv7 / ULID), random version-4 tails keep them unguessable.
        id_rng = random.Random(seed * 7919 + 1)
        self._id_next = id_rng.getrandbits(46) | (1 << 46)
        self._id_tails = [
            f"4{id_rng.getrandbits(12):03x}-{0x8000 | id_rng.getrandbits(14):04x}-"
            f"{id_rng.getrandbits(48):012x}"
            for _ in range(4096)
        ]
        self.today = today
        self.tax = taxonomy
        self.data = data
        # Day strings: index = days before today (negative = in the future).
        self._day0 = 400
        self._days = [(today - timedelta(days=i)).isoformat() for i in range(-self._day0, 60 * 366)]
        self._tods = [
            f"T{h:02d}:{m:02d}:{s:02d}.000Z"
            for h in range(1, 10)
            for m in (5, 20, 35, 50)
            for s in (0, 30)
        ]
        self._n_tods = len(self._tods)
        self._random = self.rng.random

        self.regions = data["regions"]
        self.region_cw = _cumulative([r["weight"] for r in self.regions])
        self.city_cw = [_cumulative([c["weight"] for c in r["cities"]]) for r in self.regions]
        self.id_codes = [code for r in self.regions for code in r["id_codes"]]

        self.segments = {s.code: s for s in taxonomy.segments}
        self.routes = taxonomy.routes
        seg_weight = {
            "production": 25, "storage": 15, "transport": 10,
            "refuelling": 12, "fuel_cell": 18, "application": 20,
        }  # fmt: skip
        self.firm_types = ("tech", "manufacturer", "project")
        self.firm_cw = _cumulative((45, 35, 20))
        self.segments_for = {}
        for firm in self.firm_types:
            segs = [s.code for s in taxonomy.segments if firm in s.firm_types]
            self.segments_for[firm] = (segs, _cumulative([seg_weight[s] for s in segs]))
        self.products_for = {
            firm: [p for p in taxonomy.products if firm in p.firm_types] for firm in self.firm_types
        }
        self.quals_for = {
            firm: [q.code for q in taxonomy.qualifications if firm in q.firm_types]
            for firm in self.firm_types
        }
        self.lost_reasons = [r.code for r in taxonomy.lost_reasons]
        scheme = taxonomy.guarantee_schemes[0]
        self.scheme_code = scheme.code
        self.scheme_cap = scheme.max_amount_yuan or 30_000_000

        people = data["people"]
        self.surnames = people["surnames"]
        self.given = people["given"]
        self.contact_roles = people["contact_roles"]
        self.legal_rep_role = people["legal_rep_role"]
        self.brands = [a + b for a in data["brand_first"] for b in data["brand_second"]]
        self.used_names: set[str] = set()
        self.used_org: set[str] = set()
        self.texts = data["texts"]
        self.stage_notes = data["stage_notes"]
        self.security_texts = data["security_texts"]
        self._json_cache: dict[tuple[str, ...], str] = {(): "[]"}
        self._policy_cache: dict[tuple[str, str, str], list[tuple[str, float]]] = {}
        self.status_cw = _cumulative((30, 45, 15, 10))
        self.stage_cw = _cumulative(_STAGE_WEIGHTS)
        self.early_cw = _cumulative(_EARLY_WEIGHTS)
        self.user_ids: dict[str, str] = {}
        self.rm_ids: list[str] = []
        self.rm_cw: list[float] = []

    # ---------------------------------------------------------------- small helpers

    def new_id(self) -> str:
        n = self._id_next
        self._id_next = n + 1
        return f"{n >> 16:08x}-{n & 0xFFFF:04x}-{self._id_tails[n & 4095]}"

    def day(self, days_ago: int) -> str:
        return self._days[days_ago + self._day0]

    def stamp(self, days_ago: int) -> str:
        """A time on that day (09:00-18:00 Beijing time, stored as UTC)."""
        return self._days[days_ago + self._day0] + self._tods[int(self._random() * self._n_tods)]

    def pick(self, items: Sequence[Any], cw: Sequence[float]) -> Any:
        return items[bisect.bisect(cw, self.rng.random() * cw[-1])]

    def loguniform(self, low: float, high: float) -> float:
        return math.exp(self.rng.uniform(math.log(low), math.log(high)))

    def json_list(self, codes: Sequence[str]) -> str:
        key = tuple(codes)
        text = self._json_cache.get(key)
        if text is None:
            text = json.dumps(list(key), ensure_ascii=False)
            self._json_cache[key] = text
        return text

    def person(self) -> str:
        rng = self.rng
        return rng.choice(self.surnames) + rng.choice(self.given)

    def mobile(self) -> str:
        return self.rng.choice(self.data["mobile_prefixes"]) + f"{self.rng.randrange(10**8):08d}"

    def resident_id(self) -> str:
        rng = self.rng
        born = self.today - timedelta(days=rng.randint(28 * 365, 62 * 365))
        first17 = f"{rng.choice(self.id_codes)}{born:%Y%m%d}{rng.randrange(1, 1000):03d}"
        return first17 + resident_id_check_char(first17)

    def org_body(self) -> str:
        """An unused 8-character organization code body (newer codes start "MA")."""
        rng = self.rng
        alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        while True:
            body = "MA" + "".join(rng.choices(alphabet, k=6))
            if body not in self.used_org:
                self.used_org.add(body)
                return body

    def patent_number(self, year: int) -> str:
        serial = f"{year}1{self.rng.randrange(10**7):07d}"
        total = sum(int(d) * w for d, w in zip(serial, _CN_PATENT_WEIGHTS, strict=True))
        check = total % 11
        return f"ZL{serial}.{'X' if check == 10 else check}"

    # ---------------------------------------------------------------- users

    def users(self, existing: dict[str, str]) -> list[tuple]:
        rows = []
        created = self.stamp(720)
        for username, display, role in _DEMO_USERS:
            user_id = existing.get(username.lower())
            if user_id is None:
                user_id = self.new_id()
                rows.append(
                    (user_id, username, display, role, None, 0, None, 1, created, created,
                     "system", 1)
                )  # fmt: skip
            self.user_ids[username] = user_id
        self.rm_ids = [self.user_ids[u] for u, _d, r in _DEMO_USERS if r == "rm"]
        self.rm_cw = _cumulative([4] + [2] * (len(self.rm_ids) - 1))
        return rows

    # ---------------------------------------------------------------- one client

    def client(self, index: int, out: dict[str, list[tuple]]) -> None:
        rng = self.rng
        tax = self.tax
        routes = self.routes
        # The first clients walk through every technology route and region so
        # that even a small portfolio covers the whole value chain.
        pre_revenue = False
        if index < len(routes):
            route = routes[index]
            segment = route.segment
            firm = rng.choice(self.segments[segment].firm_types)
            if route.code == "soec":
                firm, pre_revenue = "tech", True
        else:
            firm = self.pick(self.firm_types, self.firm_cw)
            segs, seg_cw = self.segments_for[firm]
            segment = self.pick(segs, seg_cw)
            route = rng.choice(self.segments[segment].routes)
        if index < len(self.regions):
            region_i = index
        else:
            region_i = self.pick(range(len(self.regions)), self.region_cw)
        region = self.regions[region_i]
        city = self.pick(region["cities"], self.city_cw[region_i])
        province = region["province"]
        owner = self.rm_ids[0] if index < 3 else self.pick(self.rm_ids, self.rm_cw)
        status = (
            "active"
            if index < len(ALL_STAGES)
            else self.pick(("prospect", "active", "dormant", "exited"), self.status_cw)
        )

        # Name: city + invented brand + industry word + legal form + （演示）.
        brand = rng.choice(self.brands)
        word_key = "project" if firm == "project" else segment
        city_short = city["name"].removesuffix("市")
        if len(city_short) > 4:
            city_short = province.removesuffix("省").removesuffix("自治区")
        base = (
            city_short
            + brand
            + rng.choice(self.data["industry_words"][word_key])
            + rng.choice(self.data["legal_forms"][firm])
        )
        name = base + self.data["name_suffix"]
        number = 2
        while name in self.used_names:
            name = f"{base}（演示{number}）"
            number += 1
        self.used_names.add(name)
        uscc = make_uscc(city["code"], self.org_body())

        # Size and history by firm type.
        if firm == "tech":
            founded = date(rng.randint(2012, 2024), rng.randint(1, 12), rng.randint(1, 28))
            capital = round(self.loguniform(5e6, 5e7), -5)
            employees = rng.randint(15, 300)
            rd_staff = int(employees * rng.uniform(0.3, 0.65))
            inventions, utilities = rng.randint(2, 60), rng.randint(3, 80)
            software = rng.randint(0, 20)
            if not pre_revenue:
                chance = 0.6 if route.code in _FRONTIER_ROUTES else 0.12
                pre_revenue = rng.random() < chance or founded.year >= 2024
        elif firm == "manufacturer":
            founded = date(rng.randint(2000, 2020), rng.randint(1, 12), rng.randint(1, 28))
            capital = round(self.loguniform(5e7, 5e8), -5)
            employees = rng.randint(200, 3000)
            rd_staff = int(employees * rng.uniform(0.08, 0.22))
            inventions, utilities = rng.randint(10, 200), rng.randint(20, 400)
            software = rng.randint(0, 30)
        else:
            founded = date(rng.randint(2019, 2024), rng.randint(1, 12), rng.randint(1, 28))
            capital = round(self.loguniform(1e8, 1e9), -5)
            employees = rng.randint(10, 120)
            rd_staff = int(employees * rng.uniform(0.0, 0.1))
            inventions, utilities = rng.randint(0, 3), rng.randint(0, 10)
            software = rng.randint(0, 3)

        quals: list[str] = []
        if firm != "project":
            candidates = self.quals_for[firm]
            for code in candidates:
                if code == "little_giant" and "srdi_sme" not in quals:
                    continue
                if rng.random() < (0.65 if code == "high_tech" else 0.25):
                    quals.append(code)
        key = (province, city["name"], segment)
        options = self._policy_cache.get(key)
        if options is None:
            options = [
                (p.code, 0.12 if p.code == "nea_pilot_2025" else 0.35)
                for p in tax.policies_for(*key)
            ]
            self._policy_cache[key] = options
        policies = [code for code, chance in options if rng.random() < chance]

        key_patents = "[]"
        if firm != "project" and rng.random() < 0.5:
            subjects = self.data["patent_subjects"][segment]
            patents = []
            for _ in range(rng.randint(1, 3)):
                subject = rng.choice(subjects)
                title = rng.choice(
                    (f"一种{subject}及其制备方法", f"一种{subject}的控制方法", f"{subject}装置")
                )
                year = rng.randint(max(founded.year, 2012), 2025)
                patents.append({"number": self.patent_number(year), "title": title})
            key_patents = json.dumps(patents, ensure_ascii=False)

        client_id = self.new_id()
        legal_rep = self.person()
        address = (
            f"{province if province != city['name'] else ''}{city['name']}{city['district']}"
            f"{rng.choice(self.data['street_names'])}{rng.randint(1, 999)}号"
            f"{rng.choice(self.data['park_names'])}{rng.randint(1, 12)}栋（演示地址）"
        )

        # Deals first: their history decides how long the client has been on file.
        deal_specs = self._deal_specs(index, status)
        on_file = rng.randint(60, 900)
        for spec in deal_specs:
            on_file = max(on_file, spec[1] + rng.randint(0, 30))
        on_file = min(on_file, (self.today - founded).days)
        created = self.stamp(on_file)

        contacts = self._contacts(
            client_id=client_id, legal_rep=legal_rep, on_file=on_file, owner=owner,
            rows=out["contacts"],
        )  # fmt: skip
        last_touch = self._activities(
            index=index, client_id=client_id, contacts=contacts, owner=owner, on_file=on_file,
            rows=out["activities"],
        )  # fmt: skip
        self._financials(
            client_id=client_id, firm=firm, founded=founded, pre_revenue=pre_revenue,
            capital=capital, on_file=on_file, owner=owner, out=out,
        )  # fmt: skip
        for stage, start_ago, gaps in deal_specs:
            self._deal(
                client_id=client_id, brand=brand, firm=firm, owner=owner, stage=stage,
                start_ago=start_ago, gaps=gaps, out=out,
            )  # fmt: skip

        updated = self.stamp(last_touch) if last_touch < on_file else created
        out["clients"].append(
            (client_id, name, uscc, legal_rep, int(capital), founded.isoformat(), province,
             city["name"], address, firm, segment, route.code, self.json_list(quals), employees,
             rd_staff, inventions, utilities, software, key_patents, self.json_list(policies),
             owner, status, rng.choice(self.texts["client_notes"]), created, updated, owner, 1)
        )  # fmt: skip

    # ---------------------------------------------------------------- children

    def _contacts(self, *, client_id, legal_rep, on_file, owner, rows) -> list[str]:
        rng = self.rng
        names = [legal_rep]
        roles = [self.legal_rep_role]
        for role in rng.sample(self.contact_roles, rng.randint(0, 2)):
            names.append(self.person())
            roles.append(role)
        stamp = self.stamp(on_file)
        for i, (name, role) in enumerate(zip(names, roles, strict=True)):
            id_number = self.resident_id() if rng.random() < (0.6 if i == 0 else 0.1) else None
            email = f"contact{len(rows) + 1:07d}@h2demo.example" if rng.random() < 0.4 else None
            if rng.random() < 0.7:
                consent, consent_on = 1, self.day(rng.randint(0, on_file))
            else:
                consent, consent_on = 0, None
            rows.append(
                (self.new_id(), client_id, name, role, self.mobile(), id_number, email, consent,
                 consent_on, stamp, stamp, owner, 1)
            )  # fmt: skip
        return names

    def _activities(self, *, index, client_id, contacts, owner, on_file, rows) -> int:
        """Visits and calls; returns how many days ago the latest one was."""
        rng = self.rng
        texts = self.texts
        count = rng.randint(1, 3)
        ago = sorted((rng.randint(0, on_file) for _ in range(count)), reverse=True)
        for i, days_ago in enumerate(ago):
            kind = self.pick(("visit", "call", "meeting", "note"), (4, 7, 9, 10))
            latest = i == count - 1
            follow_up, done = None, 0
            if latest or rng.random() < 0.5:
                after = rng.randint(7, 45)
                if index == 0 and latest:
                    after = days_ago  # one follow-up due today for the demo user
                if index == 1 and latest:
                    after = max(days_ago - 5, 0)  # and one overdue
                follow_ago = days_ago - after
                follow_up = self.day(follow_ago)
                # Older follow-ups were handled; the last week's may still be open.
                done = int(follow_ago > 7) if latest else int(follow_ago > 0)
            met = "、".join(contacts[: rng.randint(1, len(contacts))]) if kind != "note" else ""
            stamp = self.stamp(days_ago)
            rows.append(
                (self.new_id(), client_id, kind, self.day(days_ago), met,
                 rng.choice(texts[kind]), follow_up, done, owner, stamp, stamp, owner, 1)
            )  # fmt: skip
        return ago[-1]

    def _financials(self, *, client_id, firm, founded, pre_revenue, capital, on_file, owner, out):
        rng = self.rng
        rows = out["financial_statements"]
        stamp = self.stamp(min(on_file, rng.randint(0, 200)))
        if firm == "tech":
            revenue = 0.0 if pre_revenue else self.loguniform(3e6, 2e8)
            growth = (1.1, 2.0)
            assets = max(revenue * rng.uniform(0.8, 2.5), capital * rng.uniform(0.9, 2.5))
            leverage = rng.uniform(0.15, 0.6)
            current_share = rng.uniform(0.45, 0.85)
            margin = rng.uniform(-0.6, 0.18)
            rd_share = rng.uniform(0.08, 0.3)
        elif firm == "manufacturer":
            revenue = self.loguniform(1.5e8, 6e9)
            growth = (0.9, 1.4)
            assets = revenue * rng.uniform(0.8, 1.6)
            leverage = rng.uniform(0.3, 0.7)
            current_share = rng.uniform(0.4, 0.7)
            margin = rng.uniform(-0.05, 0.12)
            rd_share = rng.uniform(0.03, 0.08)
        else:
            revenue = 0.0 if rng.random() < 0.3 else self.loguniform(5e6, 3e8)
            growth = (1.0, 3.0)
            assets = max(capital * rng.uniform(1.5, 4.0), revenue * 3)
            leverage = rng.uniform(0.5, 0.8)
            current_share = rng.uniform(0.05, 0.25)
            margin = rng.uniform(-0.2, 0.15)
            rd_share = rng.uniform(0.0, 0.02)
        for year in reversed(FISCAL_YEARS):
            if year < founded.year:
                break
            if revenue > 0:
                net_profit = revenue * margin
                rd_expense = revenue * rd_share
            else:
                net_profit = -self.loguniform(3e6, 3e7) if firm == "tech" else -assets * 0.01
                rd_expense = self.loguniform(3e6, 2.5e7) if firm == "tech" else 0.0
            liabilities = assets * leverage
            current_assets = assets * current_share
            current_liabilities = liabilities * rng.uniform(0.4, 0.9)
            inventory = current_assets * rng.uniform(0.02, 0.35)
            cash = current_assets * rng.uniform(0.15, 0.55)
            cash_flow = net_profit * rng.uniform(0.4, 1.4) + assets * rng.uniform(-0.03, 0.05)
            rows.append(
                (self.new_id(), client_id, year, int(year < 2025 or rng.random() < 0.7),
                 int(revenue), int(net_profit), int(assets), int(liabilities),
                 int(current_assets), int(current_liabilities), int(inventory), int(cash),
                 int(rd_expense), int(cash_flow), stamp, stamp, owner, 1)
            )  # fmt: skip
            # One year earlier: smaller, and a little different.
            revenue /= rng.uniform(*growth)
            assets /= rng.uniform(1.0, 1.3)
            margin = min(margin + rng.uniform(-0.08, 0.05), 0.25)

    def _deal_specs(self, index: int, status: str) -> list[tuple[str, int, list[int]]]:
        """(stage, days ago the deal started, gaps between stage changes)."""
        rng = self.rng
        if index < len(ALL_STAGES):
            stages = [ALL_STAGES[index]]  # every stage appears even in a tiny portfolio
        elif status == "prospect":
            stages = [self.pick(_EARLY_STAGES, self.early_cw)] if rng.random() < 0.6 else []
        elif status == "active":
            count = 2 if rng.random() < 0.2 else 1
            stages = [self.pick(ALL_STAGES, self.stage_cw) for _ in range(count)]
        else:
            stages = [rng.choice(("post_loan", "post_loan", "lost"))] if rng.random() < 0.6 else []
        specs = []
        for stage in stages:
            # A lost deal drops out after need .. approved.
            steps = rng.randint(1, 5) if stage == "lost" else STAGE_PATH.index(stage) + 1
            gaps = [rng.randint(3, 25) for _ in range(steps)]  # gaps[0]: before creation
            end_ago = (
                rng.randint(0, 40) if stage not in ("post_loan", "lost") else rng.randint(0, 240)
            )
            specs.append((stage, end_ago + sum(gaps[1:]), gaps))
        return specs

    def _deal(self, *, client_id, brand, firm, owner, stage, start_ago, gaps, out) -> None:
        rng = self.rng
        product = rng.choice(self.products_for[firm])
        amount = int(
            round(self.loguniform(max(product.min_amount_yuan, 5e6), product.max_amount_yuan), -5)
        )
        tenor = rng.choice(product.tenor_months)
        rate_bp = rng.randint(260, 420)
        lpr, term = (350, "5年期") if tenor > 60 else (300, "1年期")
        spread = rate_bp - lpr
        pricing = f"{term}LPR{'+' if spread >= 0 else '-'}{abs(spread)}BP"
        scheme = None
        if firm == "tech" and amount <= self.scheme_cap and rng.random() < 0.3:
            scheme = self.scheme_code
        deal_id = self.new_id()
        reviewer = self.user_ids["reviewer"]
        head = self.user_ids["branch.head"]

        # Stage history: None -> need -> ... -> stage (or -> lost).
        if stage == "lost":
            path = [*STAGE_PATH[: len(gaps)], "lost"]
            path_gaps = [*gaps, rng.randint(3, 20)]
        else:
            path = list(STAGE_PATH[: STAGE_PATH.index(stage) + 1])
            path_gaps = gaps
        ago = start_ago
        history = out["deal_stage_history"]
        previous = None
        changed = changed_by = ""
        for step, (to_stage, gap) in enumerate(zip(path, path_gaps, strict=True)):
            if step:
                ago = max(ago - gap, 0)
            changed = self.stamp(ago)
            changed_by = (
                head
                if to_stage == "approved"
                else (reviewer if to_stage == "review" and rng.random() < 0.5 else owner)
            )
            history.append(
                (self.new_id(), deal_id, previous, to_stage, changed, changed_by,
                 self.stage_notes[to_stage], changed, changed, changed_by, 1)
            )  # fmt: skip
            previous = to_stage
        created = history[-len(path)][4]
        if stage in ("disbursed", "post_loan"):
            expected_close = self.day(ago + rng.randint(0, 10))
        elif stage == "lost":
            expected_close = None
        else:
            expected_close = self.day(-rng.randint(10, 120))
        lost_reason = rng.choice(self.lost_reasons) if stage == "lost" else None
        title = f"{brand}{product.name_zh}{amount // 10_000:,}万元"  # amount: whole 10万
        out["deals"].append(
            (deal_id, client_id, title, product.code, amount, tenor, rate_bp, pricing,
             rng.choice(self.texts["deal_purpose"]), scheme, stage, changed, lost_reason,
             expected_close, owner, created, changed, changed_by, len(path))
        )  # fmt: skip

        if scheme:
            kind, value, provider = "guarantee_scheme", amount, "省级融资担保有限公司（演示）"
        elif product.code == "ip_pledge_loan":
            kind, value, provider = "pledge", amount * 2, ""
        elif firm == "tech":
            kind, value, provider = "credit", None, ""
        elif firm == "project" or rng.random() < 0.5:
            kind, value, provider = "mortgage", int(amount * rng.uniform(1.2, 2.0)), ""
        else:
            kind, value, provider = "guarantee", amount, "控股股东（演示）"
        out["deal_securities"].append(
            (self.new_id(), deal_id, kind, self.security_texts[kind], provider, value, created,
             created, owner, 1)
        )  # fmt: skip


# --------------------------------------------------------------------------- entry point


def _chunks(generator: _Generator, clients: int) -> Iterator[tuple[int, dict[str, list[tuple]]]]:
    """Rows for ``CHUNK`` clients at a time: (clients done, rows per table)."""
    for first in range(0, clients, CHUNK):
        out: dict[str, list[tuple]] = {table: [] for table in _TABLE_ORDER}
        last = min(first + CHUNK, clients)
        for index in range(first, last):
            generator.client(index, out)
        yield last, out


def _insert_sql(table: str) -> str:
    columns = _TABLE_COLUMNS[table]
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


def generate_demo(
    db: sqlite_utils.Database,
    *,
    clients: int = 60,
    seed: int = DEFAULT_SEED,
    today: date = DEFAULT_TODAY,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Write the demo portfolio into ``db`` (migrated and without clients).

    Deterministic for a given ``seed`` and ``today``. Runs in one transaction:
    on any error (or an exception raised by ``progress``, e.g. to cancel)
    nothing is written. Raises :class:`ValueError` if ``clients`` is out of
    range or the database already holds clients.
    """
    if (
        isinstance(clients, bool)
        or not isinstance(clients, int)
        or not (1 <= clients <= MAX_CLIENTS)
    ):
        raise ValueError(
            translate("Demo", "The number of demo clients must be between 1 and {max}.").format(
                max=MAX_CLIENTS
            )
        )
    started = time.perf_counter()
    generator = _Generator(seed, today, load_taxonomy(), load_demo_data())
    summary = _write(db, generator, clients=clients, seed=seed, today=today, progress=progress)
    return dataclasses.replace(summary, elapsed_seconds=time.perf_counter() - started)


def _write(
    db: sqlite_utils.Database,
    generator: _Generator,
    *,
    clients: int,
    seed: int,
    today: date,
    progress: Callable[[int, int], None] | None,
) -> DemoSummary:
    conn = db.conn
    counts = dict.fromkeys(_TABLE_ORDER, 0)
    with write(db):
        if conn.execute("SELECT 1 FROM clients LIMIT 1").fetchone():
            raise ValueError(
                translate(
                    "Demo",
                    "The database already holds clients; the demo portfolio can only be "
                    "written into an empty database.",
                )
            )
        existing = {
            username.lower(): user_id
            for user_id, username in conn.execute("SELECT id, username FROM users")
        }
        user_rows = generator.users(existing)
        conn.executemany(
            "INSERT INTO users (id, username, display_name, role, password_hash, "
            "failed_attempts, locked_until, active, created_at, updated_at, updated_by, "
            "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            user_rows,
        )
        statements = {table: _insert_sql(table) for table in _TABLE_ORDER}
        if progress is not None:
            progress(0, clients)
        # Index triggers paused during the bulk insert; one rebuild at the end.
        with search.bulk_load(db):
            for done, out in _chunks(generator, clients):
                for table in _TABLE_ORDER:
                    conn.executemany(statements[table], out[table])
                    counts[table] += len(out[table])
                if progress is not None:
                    progress(done, clients)
        audit.record(
            db,
            user_id=generator.user_ids["admin"],
            action="demo.generate",
            entity="database",
            after={"seed": seed, "today": today.isoformat(), "users": len(user_rows), **counts},
            reason="demo portfolio",
        )
    return DemoSummary(seed=seed, today=today, users=len(user_rows), elapsed_seconds=0.0, **counts)

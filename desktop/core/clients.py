"""Client profiles: validation and services for clients, contacts, financial
statements and activities (no Qt).

Every ``validate_*`` function checks *all* fields at once and raises
:class:`ClientValidationError` whose ``errors`` list one :class:`FieldError`
per field (a translated message each), so a form can mark every problem at
once; nothing is written until the input is clean. Services check the user's
permission (:func:`desktop.core.security.require`), write in one transaction
and are audited; edits use optimistic locking (``expected_version``) and raise
:class:`db.errors.ConflictError` when someone else saved first.

Field names in errors are the keys of the input mapping (``registered_capital_wan``
if the capital was given in 万元, ``registered_capital_yuan`` if in yuan; for
statements ``revenue_wan`` / ``revenue_yuan`` likewise).
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import sqlite_utils

from db import clients as repo
from db.versioned import soft_delete, update_versioned
from desktop.core import security
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.privacy import MASKED_CONTACT_FIELDS, mask_row
from desktop.core.session import CurrentUser
from desktop.core.taxonomy import FIRM_TYPES, load_taxonomy
from desktop.core.validation import (
    MAX_AMOUNT_YUAN,
    ValidationError,
    parse_amount_wan,
    validate_email,
    validate_founding_date,
    validate_mobile,
    validate_resident_id,
    validate_uscc,
)

CLIENT_STATUSES = ("prospect", "active", "dormant", "exited")
ACTIVITY_KINDS = ("visit", "call", "meeting", "note")
PATENT_KINDS = ("invention", "utility", "design", "software")

# Green-loan classification: the six industry groups of the Green Industry
# Guidance Catalogue (绿色产业指导目录) used by green-loan statistics.
GREEN_LOAN_CLASSES: dict[str, tuple[str, str]] = {
    "energy_saving": ("节能环保产业", "Energy saving and environmental protection"),
    "clean_production": ("清洁生产产业", "Clean production"),
    "clean_energy": ("清洁能源产业", "Clean energy"),
    "ecological": ("生态环境产业", "Ecological environment"),
    "green_infrastructure": ("基础设施绿色升级", "Green upgrading of infrastructure"),
    "green_services": ("绿色服务", "Green services"),
}

MAX_NAME = 200
MAX_SHORT = 100
MAX_ADDRESS = 300
MAX_NOTES = 10_000
MAX_EMPLOYEES = 2_000_000
MAX_PATENTS = 1_000_000
MAX_KEY_PATENTS = 100
EARLIEST_FISCAL_YEAR = 1990
# R&D expense above this multiple of revenue is almost surely a unit mistake.
RD_REVENUE_LIMIT = 10

# Pre-marked English messages (extracted by lupdate, translated at use).
_REQUIRED = QT_TRANSLATE_NOOP("Clients", "This field is required.")
_TOO_LONG = QT_TRANSLATE_NOOP("Clients", "At most {max} characters.")
_NOT_TEXT = QT_TRANSLATE_NOOP("Clients", "Must be text.")


# =========================================================================== errors


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class ClientValidationError(ValueError):
    """Input that cannot be saved; ``errors`` names every field and why."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("\n".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors

    def by_field(self) -> dict[str, str]:
        """Messages per field (several messages for one field joined by new lines)."""
        out: dict[str, str] = {}
        for error in self.errors:
            out[error.field] = (
                f"{out[error.field]}\n{error.message}" if error.field in out else error.message
            )
        return out


class DuplicateClientError(ValueError):
    """Another live client already has this USCC."""

    def __init__(self, existing_id: str, existing_name: str, uscc: str = "") -> None:
        message = translate(
            "Clients", "A client with this Unified Social Credit Code already exists: {name}."
        ).format(name=existing_name)
        super().__init__(message)
        self.message = message
        self.existing_id = existing_id
        self.existing_name = existing_name
        self.uscc = uscc


class NotFoundError(LookupError):
    """The record does not exist (any more)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# =========================================================================== helpers


class _Errors:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []
        self.fields: set[str] = set()

    def add(self, field: str, message: str) -> None:
        self.errors.append(FieldError(field, message))
        self.fields.add(field)

    def from_validation(self, field: str, exc: ValidationError) -> None:
        self.add(field, exc.message)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ClientValidationError(self.errors)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(
    errs: _Errors,
    data: Mapping[str, Any],
    field: str,
    *,
    max_len: int,
    required: bool = False,
    default: str | None = None,
) -> str | None:
    value = data.get(field)
    if _blank(value):
        if required:
            errs.add(field, translate("Clients", _REQUIRED))
        return default
    if not isinstance(value, str):
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            value = str(value)
        else:
            errs.add(field, translate("Clients", _NOT_TEXT))
            return default
    text = unicodedata.normalize("NFC", value).strip()
    if "\x00" in text:
        errs.add(field, translate("Clients", "Contains an invalid character."))
        return default
    if len(text) > max_len:
        errs.add(field, translate("Clients", _TOO_LONG).format(max=max_len))
        return default
    return text


def _count(errs: _Errors, data: Mapping[str, Any], field: str, *, maximum: int) -> int | None:
    value = data.get(field)
    if _blank(value):
        return None
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float | Decimal) and value == int(value):
        number = int(value)
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().replace(",", "")
        if re.fullmatch(r"-?\d+", text):
            number = int(text)
    if number is None:
        errs.add(field, translate("Clients", "Enter a whole number."))
        return None
    if number < 0:
        errs.add(field, translate("Clients", "Must not be negative."))
        return None
    if number > maximum:
        errs.add(field, translate("Clients", "Must not be more than {max}.").format(max=maximum))
        return None
    return number


def _bool(errs: _Errors, data: Mapping[str, Any], field: str) -> bool:
    value = data.get(field)
    if _blank(value):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        folded = value.strip().casefold()
        if folded in ("1", "true", "yes", "y", "是", "有", "已审计", "同意"):
            return True
        if folded in ("0", "false", "no", "n", "否", "无", "未审计", "不同意"):
            return False
    errs.add(field, translate("Clients", "Choose yes or no."))
    return False


_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")


def _date(
    errs: _Errors,
    data: Mapping[str, Any],
    field: str,
    *,
    today: date,
    not_future: bool = True,
) -> date | None:
    value = data.get(field)
    if _blank(value):
        return None
    parsed: date | None = None
    if isinstance(value, date):
        parsed = value
    elif isinstance(value, str):
        match = _DATE.fullmatch(unicodedata.normalize("NFKC", value).strip()[:10])
        if match and len(unicodedata.normalize("NFKC", value).strip()) <= 10:
            try:
                parsed = date(*(int(part) for part in match.groups()))
            except ValueError:
                parsed = None
    if parsed is None:
        errs.add(
            field,
            translate("Clients", "{value} is not a real date (YYYY-MM-DD).").format(value=value),
        )
        return None
    if not_future and parsed > today:
        errs.add(
            field,
            translate("Clients", "The date {value} is in the future.").format(
                value=parsed.isoformat()
            ),
        )
        return None
    if parsed.year < 1900:
        errs.add(
            field,
            translate("Clients", "The date {value} is before 1900.").format(
                value=parsed.isoformat()
            ),
        )
        return None
    return parsed


def _code_list(errs: _Errors, data: Mapping[str, Any], field: str, known: set[str]) -> list[str]:
    value = data.get(field)
    if _blank(value):
        return []
    if isinstance(value, str):
        try:
            decoded = json.loads(value)
        except ValueError:
            decoded = [part.strip() for part in re.split(r"[,，;；、]", value) if part.strip()]
        value = decoded
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        errs.add(field, translate("Clients", "Must be a list of codes."))
        return []
    unknown = [v for v in value if v not in known]
    if unknown:
        errs.add(
            field,
            translate("Clients", "Unknown entries: {codes}.").format(codes=", ".join(unknown)),
        )
        return []
    return list(dict.fromkeys(value))


def _yuan_int(value: Any) -> int | None:
    """An integer number of yuan from int/Decimal/text; None if not an integer."""
    if isinstance(value, bool | float):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        return int(value) if value.is_finite() and value == value.to_integral_value() else None
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().replace(",", "")
        if text.endswith("元"):
            text = text[:-1].strip()
        if re.fullmatch(r"-?\d+", text):
            return int(text)
    return None


def _amount(
    errs: _Errors, data: Mapping[str, Any], base: str, *, signed: bool = False
) -> tuple[bool, int | None]:
    """(given, yuan) from ``<base>_wan`` (万元) or ``<base>_yuan``."""
    wan_key, yuan_key = f"{base}_wan", f"{base}_yuan"
    if wan_key in data and not _blank(data[wan_key]):
        raw = data[wan_key]
        if isinstance(raw, float):
            raw = repr(raw)
        negative = False
        if signed:
            text = unicodedata.normalize("NFKC", str(raw)).strip()
            if text.startswith("-"):
                negative, raw = True, text[1:]
        try:
            yuan = parse_amount_wan(raw, field=wan_key)
        except (ValidationError, TypeError) as exc:
            message = exc.message if isinstance(exc, ValidationError) else str(exc)
            errs.add(wan_key, message)
            return True, None
        return True, -yuan if negative else yuan
    if yuan_key in data and not _blank(data[yuan_key]):
        yuan = _yuan_int(data[yuan_key])
        if yuan is None:
            errs.add(yuan_key, translate("Clients", "Enter a whole number of yuan."))
            return True, None
        if yuan < 0 and not signed:
            errs.add(yuan_key, translate("Clients", "Must not be negative."))
            return True, None
        if abs(yuan) > MAX_AMOUNT_YUAN:
            errs.add(
                yuan_key,
                translate("Clients", "The amount is too large (at most 100,000,000 万元)."),
            )
            return True, None
        return True, yuan
    return (wan_key in data or yuan_key in data), None


def _amount_field(data: Mapping[str, Any], base: str) -> str:
    """The input key an amount came from (for error messages)."""
    wan_key = f"{base}_wan"
    return wan_key if wan_key in data and not _blank(data[wan_key]) else f"{base}_yuan"


def _today(today: date | None) -> date:
    return today or date.today()


# =========================================================================== clients


def _key_patents(errs: _Errors, data: Mapping[str, Any]) -> list[dict]:
    field = "key_patents"
    value = data.get(field)
    if _blank(value):
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            errs.add(field, translate("Clients", "Must be a list of patents."))
            return []
    if not isinstance(value, list | tuple):
        errs.add(field, translate("Clients", "Must be a list of patents."))
        return []
    if len(value) > MAX_KEY_PATENTS:
        errs.add(
            field, translate("Clients", "At most {max} key patents.").format(max=MAX_KEY_PATENTS)
        )
        return []
    out = []
    for position, item in enumerate(value, start=1):
        if not isinstance(item, Mapping):
            errs.add(
                field,
                translate("Clients", "Patent {n}: must have a title, number and kind.").format(
                    n=position
                ),
            )
            continue
        title = item.get("title")
        number = item.get("number") or ""
        kind = item.get("kind") or ""
        if _blank(title) or not isinstance(title, str):
            errs.add(
                field, translate("Clients", "Patent {n}: the title is required.").format(n=position)
            )
            continue
        if not isinstance(number, str) or len(number) > MAX_SHORT or len(title) > MAX_NAME:
            errs.add(
                field,
                translate("Clients", "Patent {n}: the title or number is too long.").format(
                    n=position
                ),
            )
            continue
        if kind not in ("", *PATENT_KINDS):
            errs.add(
                field,
                translate("Clients", "Patent {n}: unknown kind {kind}.").format(
                    n=position, kind=kind
                ),
            )
            continue
        patent = {"title": title.strip(), "number": number.strip()}
        if kind:
            patent["kind"] = kind
        out.append(patent)
    return out


def validate_client(
    data: Mapping[str, Any],
    *,
    today: date | None = None,
    db: sqlite_utils.Database | None = None,
) -> dict:
    """Normalised column values of a client, or :class:`ClientValidationError`
    listing every problem. With ``db`` the owner must be an existing active user.

    USCC is required unless the status is ``prospect``; lower case and
    full-width characters are normalised. Registered capital may be given as
    ``registered_capital_wan`` (万元 text/number) or ``registered_capital_yuan``.
    """
    day = _today(today)
    errs = _Errors()
    tax = load_taxonomy()
    out: dict[str, Any] = {}

    out["name"] = _text(errs, data, "name", max_len=MAX_NAME, required=True)

    status = data.get("status")
    if _blank(status):
        status = "prospect"
    if status not in CLIENT_STATUSES:
        errs.add("status", translate("Clients", "Choose a status from the list."))
        status = None
    out["status"] = status

    raw_uscc = data.get("uscc")
    out["uscc"] = None
    if _blank(raw_uscc):
        if status not in (None, "prospect"):
            errs.add(
                "uscc",
                translate(
                    "Clients",
                    "The Unified Social Credit Code is required unless the client is a prospect.",
                ),
            )
    elif not isinstance(raw_uscc, str):
        errs.add("uscc", translate("Clients", _NOT_TEXT))
    else:
        try:
            out["uscc"] = validate_uscc(raw_uscc)
        except ValidationError as exc:
            errs.from_validation("uscc", exc)

    out["legal_rep"] = _text(errs, data, "legal_rep", max_len=MAX_SHORT)
    _given, out["registered_capital_yuan"] = _amount(errs, data, "registered_capital")

    out["founded_on"] = None
    if not _blank(data.get("founded_on")):
        try:
            out["founded_on"] = validate_founding_date(data["founded_on"], day).isoformat()
        except ValidationError as exc:
            errs.from_validation("founded_on", exc)
        except (TypeError, ValueError):
            errs.add(
                "founded_on",
                translate("Clients", "{value} is not a real date (YYYY-MM-DD).").format(
                    value=data["founded_on"]
                ),
            )

    out["province"] = _text(errs, data, "province", max_len=50)
    out["city"] = _text(errs, data, "city", max_len=50)
    out["address"] = _text(errs, data, "address", max_len=MAX_ADDRESS)

    firm_type = data.get("firm_type")
    if _blank(firm_type):
        errs.add("firm_type", translate("Clients", _REQUIRED))
        firm_type = None
    elif firm_type not in FIRM_TYPES:
        errs.add("firm_type", translate("Clients", "Choose an enterprise type from the list."))
        firm_type = None
    out["firm_type"] = firm_type

    segment = data.get("segment")
    if _blank(segment):
        segment = None
    elif not isinstance(segment, str) or not tax.has("segment", segment):
        errs.add("segment", translate("Clients", "Choose a value-chain segment from the list."))
        segment = None
    out["segment"] = segment

    route = data.get("tech_route")
    if _blank(route):
        route = None
    elif not isinstance(route, str) or not tax.has("route", route):
        errs.add("tech_route", translate("Clients", "Choose a technology route from the list."))
        route = None
    elif segment is None and "segment" not in errs.fields:
        errs.add("segment", translate("Clients", "Choose the segment of the technology route."))
        route = None
    elif segment is not None and tax.route(route).segment != segment:
        errs.add(
            "tech_route",
            translate(
                "Clients", "The technology route {route} does not belong to {segment}."
            ).format(route=tax.name("route", route), segment=tax.name("segment", segment)),
        )
        route = None
    out["tech_route"] = route

    out["qualifications"] = _code_list(
        errs, data, "qualifications", {q.code for q in tax.qualifications}
    )
    out["policy_programmes"] = _code_list(
        errs, data, "policy_programmes", {p.code for p in tax.policies}
    )

    out["employees"] = _count(errs, data, "employees", maximum=MAX_EMPLOYEES)
    out["rd_staff"] = _count(errs, data, "rd_staff", maximum=MAX_EMPLOYEES)
    if (
        out["employees"] is not None
        and out["rd_staff"] is not None
        and out["rd_staff"] > out["employees"]
    ):
        errs.add("rd_staff", translate("Clients", "R&D staff cannot exceed the employees."))
        out["rd_staff"] = None
    for field in ("invention_patents", "utility_patents", "software_copyrights"):
        out[field] = _count(errs, data, field, maximum=MAX_PATENTS)
    out["key_patents"] = _key_patents(errs, data)

    green = data.get("green_loan_class")
    if _blank(green):
        green = None
    elif green not in GREEN_LOAN_CLASSES:
        errs.add(
            "green_loan_class",
            translate("Clients", "Choose a green-loan classification from the list."),
        )
        green = None
    out["green_loan_class"] = green

    owner = data.get("owner_id")
    if _blank(owner):
        owner = None
    elif not isinstance(owner, str) or (db is not None and not repo.user_exists(db, owner)):
        errs.add("owner_id", translate("Clients", "The owner is not an active user."))
        owner = None
    out["owner_id"] = owner

    out["notes"] = _text(errs, data, "notes", max_len=MAX_NOTES, default="") or ""

    errs.raise_if_any()
    return out


def _decoded(row: dict | None) -> dict | None:
    return repo.decode_client(row)


def get_client(db: sqlite_utils.Database, client_id: str) -> dict | None:
    """The live client with JSON lists decoded, or None."""
    return _decoded(repo.get_row(db, "clients", client_id))


def _require_client(db: sqlite_utils.Database, client_id: str) -> dict:
    row = get_client(db, client_id)
    if row is None:
        raise NotFoundError(translate("Clients", "This client no longer exists."))
    return row


def _check_duplicate(
    db: sqlite_utils.Database, uscc: str | None, exclude_id: str | None = None
) -> None:
    if uscc:
        existing = repo.client_with_uscc(db, uscc, exclude_id=exclude_id)
        if existing is not None:
            raise DuplicateClientError(existing["id"], existing["name"], uscc)


def find_by_uscc(db: sqlite_utils.Database, uscc: str) -> dict | None:
    """The live client with this USCC (any spelling: lower case, full width), or None."""
    try:
        code = validate_uscc(uscc)
    except ValidationError:
        return None
    found = repo.client_with_uscc(db, code)
    return None if found is None else get_client(db, found["id"])


def _integrity(db: sqlite_utils.Database, exc: sqlite3.IntegrityError, uscc: str | None):
    if uscc and "uscc" in str(exc).lower():
        _check_duplicate(db, uscc)
    raise exc


def create_client(
    db: sqlite_utils.Database,
    user: CurrentUser,
    data: Mapping[str, Any],
    *,
    today: date | None = None,
    reason: str = "",
) -> dict:
    """Validate and insert a client (audited ``client.create``); the owner
    defaults to the user. Raises ClientValidationError, DuplicateClientError,
    PermissionDenied."""
    security.require(user, "client.create")
    values = dict(data)
    if _blank(values.get("owner_id")):
        values["owner_id"] = user.id
    clean = validate_client(values, today=today, db=db)
    if clean["owner_id"] != user.id:
        security.require(user, "client.edit_any")
    _check_duplicate(db, clean["uscc"])
    try:
        row = repo.insert_row(
            db, "clients", repo.encode_json_columns(clean), user.id, reason=reason
        )
    except sqlite3.IntegrityError as exc:
        _integrity(db, exc, clean["uscc"])
    return _decoded(row)  # type: ignore[return-value]


def _input_keys(data: Mapping[str, Any]) -> set[str]:
    keys = set(data)
    if keys & {"registered_capital_wan", "registered_capital_yuan"}:
        keys.add("registered_capital_yuan")
    return keys


def update_client(
    db: sqlite_utils.Database,
    user: CurrentUser,
    client_id: str,
    expected_version: int,
    data: Mapping[str, Any],
    *,
    today: date | None = None,
    reason: str = "",
) -> dict:
    """Change the fields given in ``data`` (the rest stay), validated together
    with the current values; ConflictError if the client changed since
    ``expected_version``. Changing the owner needs ``client.edit_any``."""
    current = _require_client(db, client_id)
    security.require(user, "client.edit_own", owner_id=current["owner_id"])
    merged = {k: v for k, v in current.items() if k in repo.CLIENT_COLUMNS}
    if "registered_capital_wan" in data:
        merged.pop("registered_capital_yuan", None)
    merged.update(data)
    clean = validate_client(merged, today=today, db=db)
    keys = _input_keys(data)
    changes = {k: v for k, v in clean.items() if k in keys}
    if "owner_id" in changes and changes["owner_id"] != current["owner_id"]:
        security.require(user, "client.edit_any")
    if not changes:
        return current
    _check_duplicate(db, changes.get("uscc"), exclude_id=client_id)
    try:
        row = update_versioned(
            db,
            "clients",
            client_id,
            expected_version,
            repo.encode_json_columns(changes),
            user.id,
            reason=reason,
        )
    except sqlite3.IntegrityError as exc:
        _integrity(db, exc, changes.get("uscc"))
    return _decoded(row)  # type: ignore[return-value]


def delete_client(
    db: sqlite_utils.Database,
    user: CurrentUser,
    client_id: str,
    expected_version: int,
    *,
    reason: str = "",
) -> dict:
    """Soft-delete a client (audited ``client.delete``)."""
    current = _require_client(db, client_id)
    security.require(user, "client.edit_own", owner_id=current["owner_id"])
    return soft_delete(db, "clients", client_id, expected_version, user.id, reason=reason)


def _require_client_edit(db: sqlite_utils.Database, user: CurrentUser, client_id: str) -> None:
    exists, owner = repo.client_owner(db, client_id)
    if not exists:
        raise NotFoundError(translate("Clients", "This client no longer exists."))
    security.require(user, "client.edit_own", owner_id=owner)


def _require_child(db: sqlite_utils.Database, table: str, record_id: str) -> dict:
    row = repo.get_row(db, table, record_id)
    if row is None:
        raise NotFoundError(translate("Clients", "This record no longer exists."))
    return row


def _update_child(
    db: sqlite_utils.Database,
    user: CurrentUser,
    table: str,
    record_id: str,
    expected_version: int,
    *,
    data: Mapping[str, Any],
    columns: tuple[str, ...],
    validate: Callable[[Mapping[str, Any]], dict],
    always: tuple[str, ...] = (),
) -> dict:
    """Partial update of a client's contact/activity: the stored values merged
    with ``data`` are validated whole; only the given fields (plus ``always``,
    fields derived from others) that really change are written, versioned."""
    current = _require_child(db, table, record_id)
    _require_client_edit(db, user, current["client_id"])
    clean = validate({k: current[k] for k in columns} | dict(data))
    changes = {k: v for k, v in clean.items() if (k in data or k in always) and current[k] != v}
    if not changes:
        return current
    return update_versioned(db, table, record_id, expected_version, changes, user.id)


def _delete_child(
    db: sqlite_utils.Database,
    user: CurrentUser,
    table: str,
    record_id: str,
    expected_version: int,
) -> dict:
    current = _require_child(db, table, record_id)
    _require_client_edit(db, user, current["client_id"])
    return soft_delete(db, table, record_id, expected_version, user.id)


# =========================================================================== contacts


def validate_contact(data: Mapping[str, Any], *, today: date | None = None) -> dict:
    """Normalised contact values: name required; mobile, resident ID and
    e-mail checked when given; consent and its date go together."""
    day = _today(today)
    errs = _Errors()
    out: dict[str, Any] = {
        "name": _text(errs, data, "name", max_len=MAX_SHORT, required=True),
        "role": _text(errs, data, "role", max_len=MAX_SHORT),
    }
    for field, check in (
        ("mobile", validate_mobile),
        ("id_number", lambda v: validate_resident_id(v, today=day)),
        ("email", validate_email),
    ):
        value = data.get(field)
        out[field] = None
        if _blank(value):
            continue
        try:
            out[field] = check(str(value))
        except ValidationError as exc:
            errs.from_validation(field, exc)
    consent = _bool(errs, data, "consent")
    consent_on = _date(errs, data, "consent_on", today=day)
    if consent and consent_on is None and "consent_on" not in errs.fields:
        errs.add("consent_on", translate("Clients", "Enter the date the contact gave consent."))
    if consent_on is not None and not consent and "consent" not in errs.fields:
        errs.add("consent", translate("Clients", "A consent date needs the consent to be ticked."))
    out["consent"] = int(consent)
    out["consent_on"] = consent_on.isoformat() if consent_on else None
    errs.raise_if_any()
    return out


def add_contact(
    db: sqlite_utils.Database,
    user: CurrentUser,
    client_id: str,
    data: Mapping[str, Any],
    *,
    today: date | None = None,
) -> dict:
    _require_client_edit(db, user, client_id)
    clean = validate_contact(data, today=today)
    return repo.insert_row(db, "contacts", {"client_id": client_id, **clean}, user.id)


def update_contact(
    db: sqlite_utils.Database,
    user: CurrentUser,
    contact_id: str,
    expected_version: int,
    data: Mapping[str, Any],
    *,
    today: date | None = None,
) -> dict:
    return _update_child(
        db,
        user,
        "contacts",
        contact_id,
        expected_version,
        data=data,
        columns=repo.CONTACT_COLUMNS,
        validate=lambda merged: validate_contact(merged, today=today),
        always=("consent_on",),  # follows the consent flag
    )


def delete_contact(
    db: sqlite_utils.Database, user: CurrentUser, contact_id: str, expected_version: int
) -> dict:
    return _delete_child(db, user, "contacts", contact_id, expected_version)


def list_contacts(
    db: sqlite_utils.Database,
    client_id: str,
    *,
    reveal: bool = False,
    user: CurrentUser | None = None,
    reason: str = "",
) -> list[dict]:
    """Live contacts of the client, mobile and ID number masked.

    ``reveal=True`` shows the full values: it needs ``user`` and a ``reason``
    and goes through :func:`desktop.core.security.unmask` (permission
    ``personal.unmask``; every revealed field is audited).
    """
    rows = repo.contacts_of(db, client_id)
    if not reveal:
        return [mask_row(row, MASKED_CONTACT_FIELDS) for row in rows]
    if user is None:
        raise ValueError("reveal=True needs the user and a reason")
    out = []
    for row in rows:
        shown = dict(row)
        for field in MASKED_CONTACT_FIELDS:
            if row[field]:
                shown[field] = security.unmask(db, user, "contacts", row["id"], field, reason)
        out.append(shown)
    return out


# =========================================================================== statements

STATEMENT_AMOUNTS = (
    "revenue",
    "net_profit",
    "total_assets",
    "total_liabilities",
    "current_assets",
    "current_liabilities",
    "inventory",
    "cash",
    "rd_expense",
    "operating_cash_flow",
)
SIGNED_AMOUNTS = frozenset({"net_profit", "operating_cash_flow"})


def validate_statement(data: Mapping[str, Any], *, today: date | None = None) -> dict:
    """Normalised statement values (amounts as int yuan, from ``<name>_wan``
    or ``<name>_yuan``); checks that the statement is internally consistent."""
    day = _today(today)
    errs = _Errors()
    out: dict[str, Any] = {}
    year = _count(errs, data, "fiscal_year", maximum=9999)
    if year is None and "fiscal_year" not in errs.fields:
        errs.add("fiscal_year", translate("Clients", _REQUIRED))
    elif year is not None and not (EARLIEST_FISCAL_YEAR <= year <= day.year):
        errs.add(
            "fiscal_year",
            translate("Clients", "The fiscal year must be between {low} and {high}.").format(
                low=EARLIEST_FISCAL_YEAR, high=day.year
            ),
        )
        year = None
    out["fiscal_year"] = year
    out["audited"] = int(_bool(errs, data, "audited"))
    for base in STATEMENT_AMOUNTS:
        _given, out[f"{base}_yuan"] = _amount(errs, data, base, signed=base in SIGNED_AMOUNTS)

    def check(small: str, large: str, message: str) -> None:
        a, b = out[f"{small}_yuan"], out[f"{large}_yuan"]
        if a is not None and b is not None and a > b:
            errs.add(_amount_field(data, small), message)

    check(
        "current_assets",
        "total_assets",
        translate("Clients", "Current assets cannot exceed total assets."),
    )
    check(
        "current_liabilities",
        "total_liabilities",
        translate("Clients", "Current liabilities cannot exceed total liabilities."),
    )
    inventory, cash, current = (
        out["inventory_yuan"],
        out["cash_yuan"],
        out["current_assets_yuan"],
    )
    if inventory is not None and current is not None and inventory > current:
        errs.add(
            _amount_field(data, "inventory"),
            translate("Clients", "Inventory cannot exceed current assets."),
        )
    elif cash is not None and current is not None and cash > current:
        errs.add(
            _amount_field(data, "cash"),
            translate("Clients", "Cash cannot exceed current assets."),
        )
    elif (
        inventory is not None
        and cash is not None
        and current is not None
        and inventory + cash > current
    ):
        errs.add(
            _amount_field(data, "current_assets"),
            translate("Clients", "Inventory plus cash cannot exceed current assets."),
        )
    rd, revenue = out["rd_expense_yuan"], out["revenue_yuan"]
    if rd is not None and revenue and rd > RD_REVENUE_LIMIT * revenue:
        errs.add(
            _amount_field(data, "rd_expense"),
            translate(
                "Clients",
                "R&D expense is more than {n} times revenue; check the units (万元 or yuan).",
            ).format(n=RD_REVENUE_LIMIT),
        )
    errs.raise_if_any()
    return out


def save_statement(
    db: sqlite_utils.Database,
    user: CurrentUser,
    client_id: str,
    data: Mapping[str, Any],
    *,
    statement_id: str | None = None,
    expected_version: int | None = None,
    today: date | None = None,
) -> dict:
    """Insert (``statement_id`` None) or update one statement; one per client and year."""
    _require_client_edit(db, user, client_id)
    clean = validate_statement(data, today=today)
    existing = repo.statement_for_year(db, client_id, clean["fiscal_year"])
    if existing is not None and existing["id"] != statement_id:
        raise ClientValidationError(
            [
                FieldError(
                    "fiscal_year",
                    translate(
                        "Clients", "There is already a statement for {year}; edit that one."
                    ).format(year=clean["fiscal_year"]),
                )
            ]
        )
    if statement_id is None:
        return repo.insert_row(
            db, "financial_statements", {"client_id": client_id, **clean}, user.id
        )
    current = _require_child(db, "financial_statements", statement_id)
    if current["client_id"] != client_id:
        raise NotFoundError(translate("Clients", "This record no longer exists."))
    if expected_version is None:
        raise ValueError("expected_version is required to update a statement")
    changes = {k: v for k, v in clean.items() if current[k] != v}
    if not changes:
        return current
    return update_versioned(
        db, "financial_statements", statement_id, expected_version, changes, user.id
    )


def delete_statement(
    db: sqlite_utils.Database, user: CurrentUser, statement_id: str, expected_version: int
) -> dict:
    return _delete_child(db, user, "financial_statements", statement_id, expected_version)


def list_statements(db: sqlite_utils.Database, client_id: str) -> list[dict]:
    """Live statements, oldest year first."""
    return repo.statements_of(db, client_id)


# =========================================================================== activities


def validate_activity(data: Mapping[str, Any], *, today: date | None = None) -> dict:
    """Kind, date (not in the future), people met, summary, next follow-up
    (not before the activity) and whether the follow-up is done."""
    day = _today(today)
    errs = _Errors()
    kind = data.get("kind")
    if _blank(kind):
        errs.add("kind", translate("Clients", _REQUIRED))
        kind = None
    elif kind not in ACTIVITY_KINDS:
        errs.add("kind", translate("Clients", "Choose visit, call, meeting or note."))
        kind = None
    occurred = _date(errs, data, "occurred_on", today=day)
    if occurred is None and "occurred_on" not in errs.fields:
        errs.add("occurred_on", translate("Clients", _REQUIRED))
    follow = _date(errs, data, "next_follow_up", today=day, not_future=False)
    if follow is not None and occurred is not None and follow < occurred:
        errs.add(
            "next_follow_up",
            translate("Clients", "The follow-up cannot be before the activity."),
        )
    out = {
        "kind": kind,
        "occurred_on": occurred.isoformat() if occurred else None,
        "people_met": _text(errs, data, "people_met", max_len=500, default="") or "",
        "summary": _text(errs, data, "summary", max_len=MAX_NOTES, default="") or "",
        "next_follow_up": follow.isoformat() if follow else None,
        "follow_up_done": int(_bool(errs, data, "follow_up_done")),
    }
    owner = data.get("owner_id")
    out["owner_id"] = None if _blank(owner) else owner
    errs.raise_if_any()
    return out


def add_activity(
    db: sqlite_utils.Database,
    user: CurrentUser,
    client_id: str,
    data: Mapping[str, Any],
    *,
    today: date | None = None,
) -> dict:
    _require_client_edit(db, user, client_id)
    clean = validate_activity(data, today=today)
    if clean["owner_id"] is None:
        clean["owner_id"] = user.id
    return repo.insert_row(db, "activities", {"client_id": client_id, **clean}, user.id)


def update_activity(
    db: sqlite_utils.Database,
    user: CurrentUser,
    activity_id: str,
    expected_version: int,
    data: Mapping[str, Any],
    *,
    today: date | None = None,
) -> dict:
    return _update_child(
        db,
        user,
        "activities",
        activity_id,
        expected_version,
        data=data,
        columns=repo.ACTIVITY_COLUMNS,
        validate=lambda merged: validate_activity(merged, today=today),
    )


def delete_activity(
    db: sqlite_utils.Database, user: CurrentUser, activity_id: str, expected_version: int
) -> dict:
    return _delete_child(db, user, "activities", activity_id, expected_version)


def list_activities(db: sqlite_utils.Database, client_id: str) -> list[dict]:
    """Live activities of the client, latest first."""
    return repo.activities_of(db, client_id)


def follow_ups_due(
    db: sqlite_utils.Database,
    *,
    on: date | None = None,
    owner_id: str | None = None,
    limit: int | None = None,
) -> list[dict]:
    """Open follow-ups due on or before ``on`` (default today) across live
    clients, most overdue first; each row has the activity's columns plus
    ``client_name`` and ``days_overdue`` (0 = due today)."""
    return repo.follow_ups_due(
        db, on=(on or date.today()).isoformat(), owner_id=owner_id, limit=limit
    )


def complete_follow_up(
    db: sqlite_utils.Database, user: CurrentUser, activity_id: str, expected_version: int
) -> dict:
    """Mark the follow-up of an activity done (audited ``activity.follow_up_done``)."""
    current = _require_child(db, "activities", activity_id)
    _require_client_edit(db, user, current["client_id"])
    return update_versioned(
        db,
        "activities",
        activity_id,
        expected_version,
        {"follow_up_done": 1},
        user.id,
        action="activity.follow_up_done",
    )


def green_loan_class_name(code: str, lang: str = "zh_CN") -> str:
    names = GREEN_LOAN_CLASSES.get(code)
    if names is None:
        return code
    return names[0] if lang.lower().startswith("zh") else names[1]

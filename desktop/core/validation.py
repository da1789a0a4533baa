"""Validators for the identifiers and values a relationship manager types in.

Every ``validate_*`` function returns the normalized value or raises
:class:`ValidationError`, whose ``field`` names the field (``'uscc'``,
``'resident_id'``...) and whose message says why, in the user's language.
``is_valid_*`` functions answer yes/no without raising.

Standards implemented:

* Unified Social Credit Code (统一社会信用代码), GB 32100-2015, with the
  organization code inside it (组织机构代码), GB 11714-1997;
* Resident identity number (公民身份号码), GB 11643-1999.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

from db.audit import mask_email, mask_mobile
from desktop.core.i18n import translate


class ValidationError(ValueError):
    """A value the user entered is not acceptable.

    ``field`` is a stable code for the field (``'uscc'``, ``'mobile'``...),
    ``reason`` a stable code for the rule that failed (``'length'``,
    ``'character'``, ``'check'``...) and ``message`` the translated sentence
    to show the user.
    """

    def __init__(self, field: str, message: str, *, reason: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.reason = reason


# --------------------------------------------------------------------------- helpers


def _compact(text: str, strip: str = "") -> str:
    """NFKC (full-width to half-width), then drop whitespace and ``strip`` chars."""
    text = unicodedata.normalize("NFKC", str(text))
    return "".join(ch for ch in text if not ch.isspace() and ch not in strip)


# --------------------------------------------------------------------------- USCC

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_VALUE = {ch: i for i, ch in enumerate(USCC_ALPHABET)}

ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def uscc_check_char(first17: str) -> str:
    """The 18th (check) character for the first 17 characters of a USCC."""
    if len(first17) != 17:
        raise ValueError(f"need 17 characters, got {len(first17)}")
    try:
        total = sum(_USCC_VALUE[ch] * w for ch, w in zip(first17, USCC_WEIGHTS, strict=True))
    except KeyError as exc:
        raise ValueError(f"illegal USCC character {exc.args[0]!r}") from None
    check = 31 - total % 31
    return USCC_ALPHABET[0 if check == 31 else check]


def org_code_check_char(body8: str) -> str:
    """GB 11714 check character for the 8-character body of an organization code."""
    if len(body8) != 8:
        raise ValueError(f"need 8 characters, got {len(body8)}")
    total = 0
    for ch, weight in zip(body8, ORG_CODE_WEIGHTS, strict=True):
        if ch.isdigit() and ch.isascii():
            value = int(ch)
        elif "A" <= ch <= "Z":
            value = ord(ch) - ord("A") + 10
        else:
            raise ValueError(f"illegal organization code character {ch!r}")
        total += value * weight
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def make_uscc(
    admin_code: str, org_body: str, *, authority: str = "9", entity_type: str = "1"
) -> str:
    """Build a valid USCC: registration authority (``9`` = market regulator),
    entity type (``1`` = enterprise), 6-digit administrative division code,
    9-character organization code (``org_body`` + its GB 11714 check character)
    and the GB 32100 check character."""
    if len(admin_code) != 6 or not admin_code.isdigit():
        raise ValueError(f"administrative division code must be 6 digits: {admin_code!r}")
    if len(org_body) != 8 or any(ch not in _USCC_VALUE for ch in org_body):
        raise ValueError(f"organization code body must be 8 USCC characters: {org_body!r}")
    first17 = authority + entity_type + admin_code + org_body + org_code_check_char(org_body)
    return first17 + uscc_check_char(first17)


def normalize_uscc(text: str) -> str:
    """Strip spaces and dashes, full-width to half-width, upper-case."""
    return _compact(text, "-").upper()


def _uscc_problem(code: str) -> ValidationError | None:
    field = "uscc"
    if not code:
        return ValidationError(
            field,
            translate("Validation", "The Unified Social Credit Code is empty."),
            reason="empty",
        )
    if len(code) != 18:
        return ValidationError(
            field,
            translate(
                "Validation",
                "The Unified Social Credit Code must have 18 characters, not {count}.",
            ).format(count=len(code)),
            reason="length",
        )
    for position, ch in enumerate(code, start=1):
        if ch not in _USCC_VALUE:
            return ValidationError(
                field,
                translate(
                    "Validation",
                    "The Unified Social Credit Code contains the illegal character "
                    "'{char}' at position {position}.",
                ).format(char=ch, position=position),
                reason="character",
            )
    if not code[2:8].isdigit():
        return ValidationError(
            field,
            translate(
                "Validation",
                "Positions 3 to 8 of the Unified Social Credit Code (the administrative "
                "division code) must be digits.",
            ),
            reason="division",
        )
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        return ValidationError(
            field,
            translate(
                "Validation",
                "The check character of the Unified Social Credit Code is wrong: "
                "expected {expected}, found {found}.",
            ).format(expected=expected, found=code[17]),
            reason="check",
        )
    return None


def validate_uscc(text: str) -> str:
    """The normalized USCC, or :class:`ValidationError` saying what is wrong."""
    code = normalize_uscc(text)
    problem = _uscc_problem(code)
    if problem is not None:
        raise problem
    return code


def is_valid_uscc(text: str) -> bool:
    return _uscc_problem(normalize_uscc(text)) is None


# --------------------------------------------------------------------------- resident ID

RESIDENT_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
RESIDENT_ID_CHECK = "10X98765432"


def resident_id_check_char(first17: str) -> str:
    """The 18th (check) character for the first 17 digits of a resident ID."""
    if len(first17) != 17 or not (first17.isascii() and first17.isdigit()):
        raise ValueError(f"need 17 digits, got {first17!r}")
    total = sum(int(ch) * w for ch, w in zip(first17, RESIDENT_ID_WEIGHTS, strict=True))
    return RESIDENT_ID_CHECK[total % 11]


def normalize_resident_id(text: str) -> str:
    return _compact(text, "-").upper()


def _resident_id_problem(number: str, today: date | None) -> ValidationError | None:
    field = "resident_id"
    if not number:
        return ValidationError(
            field, translate("Validation", "The resident ID number is empty."), reason="empty"
        )
    if len(number) != 18:
        return ValidationError(
            field,
            translate(
                "Validation", "The resident ID number must have 18 characters, not {count}."
            ).format(count=len(number)),
            reason="length",
        )
    body = number[:17]
    if not (body.isascii() and body.isdigit()) or number[17] not in "0123456789X":
        return ValidationError(
            field,
            translate(
                "Validation",
                "The resident ID number must be 17 digits followed by a digit or X.",
            ),
            reason="character",
        )
    raw = number[6:14]
    try:
        born = date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    except ValueError:
        born = None
    if born is None or born.year < 1850:
        return ValidationError(
            field,
            translate(
                "Validation", "The resident ID number contains an impossible birth date {date}."
            ).format(date=raw),
            reason="birth_date",
        )
    if born > (today or date.today()):
        return ValidationError(
            field,
            translate(
                "Validation", "The birth date {date} in the resident ID number is in the future."
            ).format(date=born.isoformat()),
            reason="birth_date",
        )
    expected = resident_id_check_char(body)
    if number[17] != expected:
        return ValidationError(
            field,
            translate(
                "Validation",
                "The check character of the resident ID number is wrong: "
                "expected {expected}, found {found}.",
            ).format(expected=expected, found=number[17]),
            reason="check",
        )
    return None


def validate_resident_id(text: str, *, today: date | None = None) -> str:
    """The normalized resident ID (``x`` -> ``X``), or :class:`ValidationError`."""
    number = normalize_resident_id(text)
    problem = _resident_id_problem(number, today)
    if problem is not None:
        raise problem
    return number


def is_valid_resident_id(text: str, *, today: date | None = None) -> bool:
    return _resident_id_problem(normalize_resident_id(text), today) is None


# --------------------------------------------------------------------------- mobile

_MOBILE = re.compile(r"1[3-9]\d{9}")


def normalize_mobile(text: str) -> str:
    """Drop spaces, dashes, dots, brackets and a +86 / 0086 country prefix."""
    digits = _compact(text, "-.()")
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits


def validate_mobile(text: str) -> str:
    """An 11-digit mainland China mobile number, or :class:`ValidationError`."""
    number = normalize_mobile(text)
    if not number:
        raise ValidationError(
            "mobile", translate("Validation", "The mobile number is empty."), reason="empty"
        )
    if not (number.isascii() and _MOBILE.fullmatch(number)):
        raise ValidationError(
            "mobile",
            translate(
                "Validation",
                "{value} is not a mainland China mobile number (11 digits starting with 13 to 19).",
            ).format(value=mask_mobile(str(text).strip())),  # messages reach logs and reports
            reason="format",
        )
    return number


def is_valid_mobile(text: str) -> bool:
    try:
        validate_mobile(text)
    except ValidationError:
        return False
    return True


# --------------------------------------------------------------------------- e-mail

_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_EMAIL_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


def validate_email(text: str) -> str:
    """A plausible e-mail address (local part as typed, domain lower-cased)."""
    value = unicodedata.normalize("NFKC", str(text)).strip()
    if not value:
        raise ValidationError(
            "email", translate("Validation", "The e-mail address is empty."), reason="empty"
        )
    local, at, domain = value.rpartition("@")
    labels = domain.split(".")
    ok = (
        at == "@"
        and len(value) <= 254
        and len(local) <= 64
        and _EMAIL_LOCAL.fullmatch(local) is not None
        and len(labels) >= 2
        and all(_EMAIL_LABEL.fullmatch(label) for label in labels)
        and not labels[-1].isdigit()
    )
    if not ok:
        raise ValidationError(
            "email",
            translate("Validation", "{value} is not a valid e-mail address.").format(
                value=mask_email(value)  # messages reach logs and reports
            ),
            reason="format",
        )
    return f"{local}@{domain.lower()}"


# --------------------------------------------------------------------------- amounts

MAX_AMOUNT_YUAN = 10**12
_YUAN_PER_WAN = Decimal(10_000)


def parse_amount_wan(text: str | int | float | Decimal, *, field: str = "amount") -> int:
    """An amount typed in 万元 (``'1,234.56'``, optionally ending in 万元/万)
    as whole yuan. At most four decimals (one yuan), never negative, at most
    10^12 yuan."""
    if isinstance(text, bool):
        raise TypeError("amount must be text or a number, not bool")
    shown = repr(text) if isinstance(text, float) else str(text)
    value = unicodedata.normalize("NFKC", shown).strip()
    for suffix in ("万元", "万"):
        if value.endswith(suffix):
            value = value[: -len(suffix)].strip()
            break
    value = value.replace(",", "").replace(" ", "")
    if not value:
        raise ValidationError(
            field, translate("Validation", "The amount is empty."), reason="empty"
        )
    try:
        amount = Decimal(value)
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite():
        raise ValidationError(
            field,
            translate("Validation", "{value} is not a number.").format(value=shown.strip()),
            reason="format",
        )
    if amount < 0:
        raise ValidationError(
            field, translate("Validation", "The amount must not be negative."), reason="negative"
        )
    yuan = amount * _YUAN_PER_WAN
    if yuan > MAX_AMOUNT_YUAN:
        raise ValidationError(
            field,
            translate("Validation", "The amount is too large (at most 100,000,000 万元)."),
            reason="too_large",
        )
    if yuan != yuan.to_integral_value():
        raise ValidationError(
            field,
            translate(
                "Validation",
                "{value} 万元 has more than four decimal places; amounts are kept in whole yuan.",
            ).format(value=shown.strip()),
            reason="precision",
        )
    return int(yuan)


# --------------------------------------------------------------------------- dates

_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
EARLIEST_FOUNDING = date(1900, 1, 1)


def validate_founding_date(value: str | date, today: date | None = None) -> date:
    """A founding date as ``YYYY-MM-DD`` (``/`` and ``.`` also accepted),
    not in the future and not before 1900."""
    field = "founded_on"
    if isinstance(value, date):
        founded: date | None = value
        shown = value.isoformat()
    else:
        shown = unicodedata.normalize("NFKC", str(value)).strip()
        if not shown:
            raise ValidationError(
                field, translate("Validation", "The founding date is empty."), reason="empty"
            )
        match = _DATE.fullmatch(shown)
        founded = None
        if match:
            try:
                founded = date(*(int(part) for part in match.groups()))
            except ValueError:
                founded = None
    if founded is None:
        raise ValidationError(
            field,
            translate(
                "Validation", "The founding date {value} is not a real date (YYYY-MM-DD)."
            ).format(value=shown),
            reason="format",
        )
    if founded > (today or date.today()):
        raise ValidationError(
            field,
            translate("Validation", "The founding date {value} is in the future.").format(
                value=founded.isoformat()
            ),
            reason="future",
        )
    if founded < EARLIEST_FOUNDING:
        raise ValidationError(
            field,
            translate("Validation", "The founding date {value} is before 1900.").format(
                value=founded.isoformat()
            ),
            reason="too_early",
        )
    return founded

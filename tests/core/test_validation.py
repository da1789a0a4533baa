"""Validators: USCC, resident ID, mobile, e-mail, amounts in 万元, founding dates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc

from db.audit import mask_mobile
from desktop.core import i18n
from desktop.core.validation import (
    USCC_ALPHABET,
    ValidationError,
    is_valid_mobile,
    is_valid_resident_id,
    is_valid_uscc,
    make_uscc,
    normalize_mobile,
    normalize_uscc,
    org_code_check_char,
    parse_amount_wan,
    resident_id_check_char,
    uscc_check_char,
    validate_email,
    validate_founding_date,
    validate_mobile,
    validate_resident_id,
    validate_uscc,
)

VALID_USCC = "91350100M000100Y43"
VALID_RID = "11010519491231002X"
TODAY = date(2026, 11, 28)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Messages in the English source language so tests can read them."""
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


# --------------------------------------------------------------------------- USCC


def test_design_example_is_valid() -> None:
    assert is_valid_uscc(VALID_USCC)
    assert validate_uscc(VALID_USCC) == VALID_USCC
    assert uscc_check_char(VALID_USCC[:17]) == "3"
    assert stdnum_uscc.is_valid(VALID_USCC)


def test_every_single_character_change_is_rejected() -> None:
    changed = 0
    for position, original in enumerate(VALID_USCC):
        for replacement in USCC_ALPHABET:
            if replacement == original:
                continue
            candidate = VALID_USCC[:position] + replacement + VALID_USCC[position + 1 :]
            assert not is_valid_uscc(candidate), candidate
            with pytest.raises(ValidationError) as info:
                validate_uscc(candidate)
            assert info.value.field == "uscc"
            assert info.value.reason in ("check", "division")
            changed += 1
    assert changed == 18 * 30


@pytest.mark.parametrize(
    "text",
    [
        "91350100m000100y43",
        " 9135 0100 M000 100Y 43 ",
        "91350100-M000100Y4-3",
        "９１３５０１００Ｍ０００１００Ｙ４３",  # full-width, as typed with a Chinese IME
        "９１３５０１００ｍ０００１００ｙ４３",
    ],
)
def test_uscc_is_normalized(text: str) -> None:
    assert normalize_uscc(text) == VALID_USCC
    assert validate_uscc(text) == VALID_USCC


def test_uscc_length_error_says_how_many() -> None:
    with pytest.raises(ValidationError) as info:
        validate_uscc("91350100M000100Y4")
    assert info.value.reason == "length"
    assert "18" in str(info.value) and "17" in str(info.value)


def test_uscc_empty() -> None:
    with pytest.raises(ValidationError) as info:
        validate_uscc("   ")
    assert info.value.reason == "empty"


@pytest.mark.parametrize(("char", "position"), [("I", 9), ("O", 12), ("Z", 17), ("S", 18)])
def test_uscc_illegal_character_is_named(char: str, position: int) -> None:
    text = VALID_USCC[: position - 1] + char + VALID_USCC[position:]
    with pytest.raises(ValidationError) as info:
        validate_uscc(text)
    assert info.value.reason == "character"
    assert f"'{char}'" in str(info.value)
    assert f"position {position}" in str(info.value)


def test_uscc_wrong_check_digit_names_the_expected_one() -> None:
    with pytest.raises(ValidationError) as info:
        validate_uscc("91350100M000100Y44")
    assert info.value.reason == "check"
    assert "expected 3" in str(info.value)
    assert "found 4" in str(info.value)


def test_uscc_division_code_must_be_digits() -> None:
    first17 = "9135A100M000100Y4"
    text = first17 + uscc_check_char(first17)
    with pytest.raises(ValidationError) as info:
        validate_uscc(text)
    assert info.value.reason == "division"


def test_check_char_31_maps_to_zero() -> None:
    # Search a body whose weighted sum is divisible by 31: its check char is '0'.
    for n in range(10_000):
        first17 = f"91350100MA{n:07d}"
        total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _weights(), strict=True))
        if total % 31 == 0:
            assert uscc_check_char(first17) == "0"
            assert is_valid_uscc(first17 + "0")
            return
    pytest.fail("no body with sum divisible by 31 found")


def _weights() -> tuple[int, ...]:
    return (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def test_uscc_check_char_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="17"):
        uscc_check_char("123")
    with pytest.raises(ValueError, match="illegal"):
        uscc_check_char("9135010OM000100Y4")


def test_org_code_check_char_matches_the_example() -> None:
    # Positions 9-17 of the example are the organization code M000100Y-4.
    assert org_code_check_char("M000100Y") == "4"
    with pytest.raises(ValueError):
        org_code_check_char("M000100")
    with pytest.raises(ValueError):
        org_code_check_char("M000100*")


def test_make_uscc() -> None:
    code = make_uscc("350200", "MA2Y5K3P")
    assert code.startswith("91350200MA2Y5K3P")
    assert len(code) == 18
    assert is_valid_uscc(code)
    assert stdnum_uscc.is_valid(code)
    assert code[16] == org_code_check_char("MA2Y5K3P")
    with pytest.raises(ValueError):
        make_uscc("35020", "MA2Y5K3P")
    with pytest.raises(ValueError):
        make_uscc("350200", "MA2Y5K3I")


_ALPHABET = st.sampled_from(USCC_ALPHABET)
_DIGIT = st.sampled_from("0123456789")


@settings(max_examples=300, deadline=None)
@given(st.lists(_DIGIT, min_size=8, max_size=8), st.lists(_ALPHABET, min_size=9, max_size=9))
def test_generated_codes_agree_with_stdnum(head: list[str], tail: list[str]) -> None:
    first17 = "".join(head + tail)
    code = first17 + uscc_check_char(first17)
    assert stdnum_uscc.is_valid(code)
    assert stdnum_uscc.calc_check_digit(first17) == code[17]
    assert is_valid_uscc(code)


@settings(max_examples=300, deadline=None)
@given(st.lists(_DIGIT, min_size=8, max_size=8), st.lists(_ALPHABET, min_size=10, max_size=10))
def test_random_codes_judged_like_stdnum(head: list[str], tail: list[str]) -> None:
    code = "".join(head + tail)
    assert is_valid_uscc(code) == stdnum_uscc.is_valid(code)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=25))
def test_uscc_never_crashes(text: str) -> None:
    try:
        validate_uscc(text)
    except ValidationError as exc:
        assert exc.field == "uscc" and str(exc)


# --------------------------------------------------------------------------- resident ID


def test_resident_id_example() -> None:
    assert is_valid_resident_id(VALID_RID)
    assert validate_resident_id("11010519491231002x") == VALID_RID
    assert validate_resident_id("１１０１０５１９４９１２３１００２ｘ") == VALID_RID
    assert validate_resident_id(" 110105 19491231 002X ") == VALID_RID
    assert resident_id_check_char(VALID_RID[:17]) == "X"
    assert stdnum_ric.is_valid(VALID_RID)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("11010519491231002", "length"),
        ("11010519491231002XX", "length"),
        ("1101051949123100AX", "character"),
        ("11010519491231002Y", "character"),
        ("110105194912310021", "check"),
        ("110105194902300029", "birth_date"),  # 30 February
        ("110105194913010021", "birth_date"),  # month 13
    ],
)
def test_resident_id_errors(text: str, reason: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_resident_id(text, today=TODAY)
    assert info.value.field == "resident_id"
    assert info.value.reason == reason
    assert not is_valid_resident_id(text, today=TODAY)


def test_resident_id_birth_date_in_the_future() -> None:
    first17 = "11010520270101002"
    number = first17 + resident_id_check_char(first17)
    with pytest.raises(ValidationError) as info:
        validate_resident_id(number, today=TODAY)
    assert info.value.reason == "birth_date"
    assert "2027-01-01" in str(info.value)
    assert validate_resident_id(number, today=date(2027, 1, 1)) == number


def test_resident_id_check_error_names_expected() -> None:
    with pytest.raises(ValidationError) as info:
        validate_resident_id("110105194912310020", today=TODAY)
    assert "expected X" in str(info.value)


_REGIONS = ["110105", "110108", "310104", "350200", "440300", "510100", "630100", "150200"]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_REGIONS),
    st.dates(min_value=date(1950, 1, 1), max_value=date(2010, 12, 31)),
    st.integers(min_value=0, max_value=999),
)
def test_generated_resident_ids_agree_with_stdnum(region: str, born: date, seq: int) -> None:
    first17 = f"{region}{born:%Y%m%d}{seq:03d}"
    number = first17 + resident_id_check_char(first17)
    assert stdnum_ric.is_valid(number)
    assert is_valid_resident_id(number, today=TODAY)
    for wrong in "0123456789X":
        if wrong != number[17]:
            assert not is_valid_resident_id(first17 + wrong, today=TODAY)
            assert not stdnum_ric.is_valid(first17 + wrong)


# --------------------------------------------------------------------------- mobile


@pytest.mark.parametrize(
    "text",
    [
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "+86 138 0013 8000",
        "+8613800138000",
        "008613800138000",
        "8613800138000",
        "(+86) 138.0013.8000",
        "１３８００１３８０００",
    ],
)
def test_mobile_accepted(text: str) -> None:
    assert validate_mobile(text) == "13800138000"
    assert normalize_mobile(text) == "13800138000"
    assert is_valid_mobile(text)


@pytest.mark.parametrize(
    "text", ["12800138000", "1380013800", "138001380001", "23800138000", "1380013800a", "+1 415"]
)
def test_mobile_rejected(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_mobile(text)
    assert info.value.field == "mobile"
    assert info.value.reason == "format"
    # The message names the value masked: it reaches import reports and logs.
    assert mask_mobile(text.strip()) in str(info.value)
    assert text.strip() not in str(info.value)


def test_mobile_empty() -> None:
    with pytest.raises(ValidationError) as info:
        validate_mobile(" - ")
    assert info.value.reason == "empty"


@settings(max_examples=200, deadline=None)
@given(st.sampled_from("3456789"), st.integers(min_value=0, max_value=999_999_999))
def test_every_mobile_shape_passes(second: str, rest: int) -> None:
    number = f"1{second}{rest:09d}"
    assert validate_mobile(number) == number
    assert validate_mobile(f"+86 {number[:3]} {number[3:7]} {number[7:]}") == number


# --------------------------------------------------------------------------- e-mail


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("li.lei@Example.COM", "li.lei@example.com"),
        ("  zhang+credit@bank.example.cn ", "zhang+credit@bank.example.cn"),
        ("ａｂｃ＠ｅｘａｍｐｌｅ．ｃｏｍ", "abc@example.com"),
    ],
)
def test_email_accepted(text: str, expected: str) -> None:
    assert validate_email(text) == expected


@pytest.mark.parametrize(
    "text",
    ["plain", "a@b", "a@@b.com", ".a@b.com", "a.@b.com", "a..b@c.com", "a@-b.com", "a b@c.com",
     "a@b.123", "张三@例子.中国"],
)  # fmt: skip
def test_email_rejected(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_email(text)
    assert info.value.field == "email"
    assert info.value.reason == "format"


def test_email_empty() -> None:
    with pytest.raises(ValidationError) as info:
        validate_email("")
    assert info.value.reason == "empty"


# --------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        ("1,234.56", 12_345_600),
        ("1234.56万元", 12_345_600),
        (" 1,234.56 万 ", 12_345_600),
        ("１，２３４．５６", 12_345_600),
        ("0", 0),
        ("0.0001", 1),
        ("300", 3_000_000),
        ("30000", 300_000_000),
        ("100000000", 10**12),
        ("1e3", 10_000_000),
        (1000, 10_000_000),
        (Decimal("0.5"), 5_000),
        (1234.56, 12_345_600),
    ],
)
def test_parse_amount_wan(text: object, yuan: int) -> None:
    result = parse_amount_wan(text)  # type: ignore[arg-type]
    assert result == yuan
    assert type(result) is int


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("万元", "empty"),
        ("abc", "format"),
        ("1.2.3", "format"),
        ("NaN", "format"),
        ("Infinity", "format"),
        ("-1", "negative"),
        ("0.00001", "precision"),
        ("1.23456", "precision"),
        ("100000000.0001", "too_large"),
        ("1e20", "too_large"),
    ],
)
def test_parse_amount_wan_errors(text: str, reason: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_amount_wan(text, field="registered_capital")
    assert info.value.reason == reason
    assert info.value.field == "registered_capital"
    assert str(info.value)


def test_parse_amount_refuses_bool() -> None:
    with pytest.raises(TypeError):
        parse_amount_wan(True)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- founding date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2015-06-01", date(2015, 6, 1)),
        ("2015/6/1", date(2015, 6, 1)),
        ("2015.06.01", date(2015, 6, 1)),
        (" ２０１５－０６－０１ ", date(2015, 6, 1)),
        ("1900-01-01", date(1900, 1, 1)),
        ("2026-11-28", TODAY),
        (date(2020, 2, 29), date(2020, 2, 29)),
    ],
)
def test_founding_date_accepted(text: object, expected: date) -> None:
    assert validate_founding_date(text, today=TODAY) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("2015-02-30", "format"),
        ("2015-13-01", "format"),
        ("01-06-2015", "format"),
        ("yesterday", "format"),
        ("2026-11-29", "future"),
        ("1899-12-31", "too_early"),
    ],
)
def test_founding_date_rejected(text: str, reason: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_founding_date(text, today=TODAY)
    assert info.value.field == "founded_on"
    assert info.value.reason == reason


def test_messages_follow_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = {("Validation", "The e-mail address is empty."): "电子邮箱地址为空。"}
    monkeypatch.setattr(i18n, "_catalog", lambda lang: catalog)
    i18n.set_language("zh_CN")
    with pytest.raises(ValidationError) as info:
        validate_email(" ")
    assert str(info.value) == "电子邮箱地址为空。"
    assert info.value.message == "电子邮箱地址为空。"

"""万元 formatting and 人民币大写 (Chinese capital amounts)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.core.money import chinese_capital, yuan_to_wan, yuan_to_wan_str

# Hand-checked against the People's Bank rules for writing amounts on bank documents.
CAPITALS = [
    (0, "零元整"),
    (1, "壹元整"),
    (9, "玖元整"),
    (10, "壹拾元整"),
    (11, "壹拾壹元整"),
    (16, "壹拾陆元整"),
    (20, "贰拾元整"),
    (100, "壹佰元整"),
    (101, "壹佰零壹元整"),
    (110, "壹佰壹拾元整"),
    (1001, "壹仟零壹元整"),
    (1010, "壹仟零壹拾元整"),
    (1100, "壹仟壹佰元整"),
    (2008, "贰仟零捌元整"),
    (10_000, "壹万元整"),
    (10_001, "壹万零壹元整"),
    (10_010, "壹万零壹拾元整"),
    (10_100, "壹万零壹佰元整"),
    (11_000, "壹万壹仟元整"),
    (100_100, "壹拾万零壹佰元整"),
    (105_000, "壹拾万伍仟元整"),
    (1_000_000, "壹佰万元整"),
    (3_000_000, "叁佰万元整"),
    (10_000_000, "壹仟万元整"),
    (10_000_001, "壹仟万零壹元整"),
    (12_345_678, "壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元整"),
    (50_000_000, "伍仟万元整"),
    (100_000_000, "壹亿元整"),
    (100_000_001, "壹亿零壹元整"),
    (100_010_000, "壹亿零壹万元整"),
    (101_000_000, "壹亿零壹佰万元整"),
    (110_000_000, "壹亿壹仟万元整"),
    (300_000_000, "叁亿元整"),
    (1_000_000_001, "壹拾亿零壹元整"),
    (1_200_340_005, "壹拾贰亿零叁拾肆万零伍元整"),
    (10**12, "壹万亿元整"),
    (1_000_100_000_000, "壹万零壹亿元整"),
    (Decimal("0.05"), "伍分"),
    (Decimal("0.5"), "伍角整"),
    (Decimal("0.55"), "伍角伍分"),
    (Decimal("1.00"), "壹元整"),
    (Decimal("1409.50"), "壹仟肆佰零玖元伍角整"),
    (Decimal("6007.14"), "陆仟零柒元壹角肆分"),
    (Decimal("1680.32"), "壹仟陆佰捌拾元叁角贰分"),
    (Decimal("107000.53"), "壹拾万柒仟元伍角叁分"),
    (Decimal("325.04"), "叁佰贰拾伍元零肆分"),
    (Decimal("10.01"), "壹拾元零壹分"),
    (Decimal("0.004"), "零元整"),
    (Decimal("0.005"), "壹分"),  # half-up to the fen
    (Decimal("2.675"), "贰元陆角捌分"),
    (-5, "负伍元整"),
    (Decimal("-1680.32"), "负壹仟陆佰捌拾元叁角贰分"),
    (Decimal("-0.001"), "零元整"),
]


@pytest.mark.parametrize(("amount", "expected"), CAPITALS)
def test_chinese_capital(amount: int | Decimal, expected: str) -> None:
    assert chinese_capital(amount) == expected


def test_capital_never_has_double_zero_or_trailing_zero() -> None:
    for n in [*range(0, 20_000, 7), *range(10**8, 10**8 + 20_000, 13)]:
        text = chinese_capital(n)
        assert "零零" not in text, n
        assert "零元" not in text or n == 0, n
        assert "零万" not in text and "零亿" not in text, n
        assert text.endswith("元整"), n


@pytest.mark.parametrize("bad", [1.5, True, "100", None])
def test_capital_refuses_floats_and_text(bad: object) -> None:
    with pytest.raises(TypeError):
        chinese_capital(bad)  # type: ignore[arg-type]


def test_capital_refuses_nan() -> None:
    with pytest.raises(ValueError):
        chinese_capital(Decimal("NaN"))


@pytest.mark.parametrize(
    ("yuan", "places", "expected"),
    [
        (12_345_600, 2, "1,234.56"),
        (0, 2, "0.00"),
        (5, 2, "0.00"),
        (49, 2, "0.00"),
        (50, 2, "0.01"),  # 0.005 rounds half-up
        (149, 2, "0.01"),
        (150, 2, "0.02"),  # 0.015: half-up, not banker's rounding
        (250, 2, "0.03"),
        (10_000, 2, "1.00"),
        (10**12, 2, "100,000,000.00"),
        (12_345_678, 0, "1,235"),
        (12_345_678, 4, "1,234.5678"),
        (5_000_000, 0, "500"),
        (-12_345_600, 2, "-1,234.56"),
        (-50, 2, "-0.01"),
        (Decimal("12345.5"), 2, "1.23"),
    ],
)
def test_yuan_to_wan_str(yuan: int, places: int, expected: str) -> None:
    assert yuan_to_wan_str(yuan, places) == expected


def test_yuan_to_wan_is_exact() -> None:
    assert yuan_to_wan(12_345_678, 4) == Decimal("1234.5678")
    assert yuan_to_wan(1, 4) == Decimal("0.0001")


def test_yuan_to_wan_str_refuses_bad_input() -> None:
    with pytest.raises(TypeError):
        yuan_to_wan_str(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        yuan_to_wan_str(1, -1)

"""Money as bank documents show it: 万元 with separators, and Chinese capitals.

Amounts are stored as integer yuan; anything finer is a :class:`~decimal.Decimal`.
Binary floats are refused so that no rounding error can reach a memo.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

YUAN_PER_WAN = Decimal(10_000)

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS_IN_GROUP = ("仟", "佰", "拾", "")


def _exact(amount: int | Decimal) -> Decimal:
    if isinstance(amount, bool) or not isinstance(amount, int | Decimal):
        raise TypeError(f"amount must be int or Decimal, not {type(amount).__name__}")
    value = Decimal(amount)
    if not value.is_finite():
        raise ValueError(f"amount must be finite: {amount!r}")
    return value


def yuan_to_wan(yuan: int | Decimal, places: int = 2) -> Decimal:
    """``yuan`` in 万元, rounded half-up to ``places`` decimals."""
    exponent = Decimal(1).scaleb(-places)
    return (_exact(yuan) / YUAN_PER_WAN).quantize(exponent, rounding=ROUND_HALF_UP)


def yuan_to_wan_str(yuan: int | Decimal, places: int = 2) -> str:
    """``12345600`` -> ``'1,234.56'`` (万元, thousands separators, half-up)."""
    if places < 0:
        raise ValueError("places must be >= 0")
    return f"{yuan_to_wan(yuan, places):,.{places}f}"


def _group(n: int) -> str:
    """Capitals for 1..9999 without a leading 零; inner zero runs -> one 零."""
    text = []
    pending_zero = False
    for digit, unit in zip(f"{n:04d}", _UNITS_IN_GROUP, strict=True):
        if digit == "0":
            pending_zero = bool(text)
            continue
        if pending_zero:
            text.append("零")
            pending_zero = False
        text.append(_DIGITS[int(digit)] + unit)
    return "".join(text)


def _integer(n: int) -> str:
    """Capitals for a positive integer, split at 亿 and 万 with the 零 rules."""
    for size, unit in ((10**8, "亿"), (10**4, "万")):
        if n >= size:
            high, low = divmod(n, size)
            text = _integer(high) + unit
            if low == 0:
                return text
            # A gap before the next non-zero digit is read as 零.
            return text + ("零" if low < size // 10 else "") + _integer(low)
    return _group(n)


def chinese_capital(amount: int | Decimal) -> str:
    """人民币大写 for an amount in yuan: ``12345678`` ->
    ``壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元整``; ``Decimal('1680.32')`` ->
    ``壹仟陆佰捌拾元叁角贰分``; ``0`` -> ``零元整``; negatives start with 负.

    Fractions of a fen are rounded half-up. Follows the People's Bank rules
    for writing amounts: 整 after 元 or 角, none after 分; a zero 角 between
    元 and a non-zero 分 is written 零.
    """
    value = _exact(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "负" if value < 0 else ""
    fen_total = int(abs(value) * 100)
    yuan, cents = divmod(fen_total, 100)
    jiao, fen = divmod(cents, 10)
    if yuan == 0 and cents == 0:
        return "零元整"
    parts = []
    if yuan:
        parts.append(_integer(yuan) + "元")
    if jiao:
        parts.append(_DIGITS[jiao] + "角")
    if fen:
        if yuan and not jiao:
            parts.append("零")
        parts.append(_DIGITS[fen] + "分")
    else:
        parts.append("整")
    return sign + "".join(parts)

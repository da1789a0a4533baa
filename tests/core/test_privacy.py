"""Masking of personal data (one implementation, shared with the audit log)."""

from __future__ import annotations

from db import audit
from desktop.core import privacy


def test_mask_mobile_and_id_number() -> None:
    assert privacy.mask_mobile("13812345678") == "138****5678"
    assert privacy.mask_id_number("110101199003074578") == "110101********4578"
    assert privacy.mask_email("zhang.san@example.cn") == "z********@example.cn"


def test_short_values_are_fully_masked() -> None:
    assert privacy.mask_mobile("1234567") == "*******"
    assert privacy.mask_id_number("12345") == "*****"


def test_single_implementation_with_the_audit_log() -> None:
    assert privacy.mask_mobile is audit.mask_mobile
    assert privacy.mask_id_number is audit.mask_id_number


def test_mask_row_masks_only_the_fields_and_copies() -> None:
    row = {"name": "张伟", "mobile": "13812345678", "id_number": None, "email": "a@b.cn"}
    masked = privacy.mask_row(row)
    assert masked == {"name": "张伟", "mobile": "138****5678", "id_number": None, "email": "a@b.cn"}
    assert row["mobile"] == "13812345678"
    assert privacy.mask_row(row, ["email"])["email"] == "*@b.cn"
    assert privacy.mask_row(row, ["absent"]) == row


def test_mask_value_leaves_unknown_fields_and_empty_values() -> None:
    assert privacy.mask_value("name", "张伟") == "张伟"
    assert privacy.mask_value("mobile", "") == ""
    assert privacy.mask_value("mobile", 138) == 138

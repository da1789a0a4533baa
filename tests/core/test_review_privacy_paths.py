"""Review fixes: personal data in import problems and validation messages,
attachment paths that would leave the data folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from db import users
from desktop.core import attachments, clients, importing, paths
from desktop.core.session import CurrentUser
from desktop.core.validation import ValidationError, validate_email, validate_mobile

pytestmark = pytest.mark.usefixtures("english_messages")

TODAY = date(2025, 6, 30)
BAD_MOBILE = "138123456789"  # 12 digits: still somebody's number
BAD_ID = "11010119900307457X"  # wrong check character: the full ID otherwise
BAD_EMAIL = "zhangsan@example.cn."


def _user(db: sqlite_utils.Database, name: str, role: str = "rm") -> CurrentUser:
    row = users.ensure_user(db, username=name, display_name=name, role=role)
    return CurrentUser(row["id"], name, name, role)


def test_validation_messages_mask_the_value() -> None:
    with pytest.raises(ValidationError) as mobile:
        validate_mobile(BAD_MOBILE)
    assert BAD_MOBILE not in mobile.value.message
    assert "138*****6789" in mobile.value.message
    with pytest.raises(ValidationError) as email:
        validate_email(BAD_EMAIL)
    assert "zhangsan" not in email.value.message
    assert "@example.cn." in email.value.message


def test_import_problems_and_error_report_mask_personal_cells(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    rm = _user(db, "rm.one")
    source = tmp_path / "in.csv"
    source.write_text(
        "企业名称,企业类型,联系人,手机号,身份证号,邮箱\n"
        f"甲公司,科创企业,张三,{BAD_MOBILE},{BAD_ID},{BAD_EMAIL}\n"
        "乙公司,科创企业,李四,=1+2,,\n",
        encoding="utf-8",
    )
    preview = importing.preview_import(db, source, user=rm, today=TODAY)
    by_column = {(p.row_number, p.column): p for p in preview.problems}
    assert {(2, "手机号"), (2, "身份证号"), (2, "邮箱"), (3, "手机号")} <= set(by_column)
    report = importing.write_error_report(preview, tmp_path / "report.csv")
    text = report.read_text(encoding="utf-8-sig")
    shown = text + "".join(f"{p.value} {p.reason}" for p in preview.problems)
    for secret in (BAD_MOBILE, BAD_ID, "zhangsan"):
        assert secret not in shown
    assert by_column[(2, "手机号")].value == "138*****6789"
    assert by_column[(2, "身份证号")].value == "110101********457X"
    assert by_column[(2, "邮箱")].value == "z*******@example.cn."


def test_attachment_file_never_leaves_the_attachments_folder(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    rm = _user(db, "rm.one")
    client = clients.create_client(db, rm, {"name": "测试客户", "firm_type": "tech"})
    secret = tmp_path / "outside.txt"
    secret.write_text("not an attachment", encoding="utf-8")
    folder = (paths.data_dir() / attachments.ATTACHMENTS_FOLDER).resolve()
    for stored in (
        str(secret),  # absolute
        f"attachments/{client['id']}/../../../{secret.name}",
        "../" * 12 + str(secret).lstrip("/"),
        "attachments\\..\\..\\outside.txt",
        "C:/Windows/System32/calc.exe",
    ):
        row = {"client_id": client["id"], "stored_path": stored, "sha256": "", "size_bytes": 0}
        path = attachments.attachment_file(row)
        assert path.is_relative_to(folder), stored
        assert path != secret.resolve()
        assert not attachments.verify_attachment(row)


def test_attachment_file_still_finds_stored_files(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    rm = _user(db, "rm.one")
    client = clients.create_client(db, rm, {"name": "测试客户", "firm_type": "tech"})
    source = tmp_path / "licence.pdf"
    source.write_bytes(b"%PDF-1.4")
    row = attachments.add_attachment(db, rm, client["id"], source)
    assert attachments.attachment_file(row).read_bytes() == b"%PDF-1.4"
    assert attachments.verify_attachment(row)

"""A small, known portfolio written straight into the tables (no demo generator needed)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

import sqlite_utils

from db.connection import write
from db.ids import new_id

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc(serial: int) -> str:
    """A valid Unified Social Credit Code numbered ``serial`` (GB 32100-2015 check digit)."""
    body = f"91320500{serial:09d}"
    total = sum(USCC_ALPHABET.index(ch) * w for ch, w in zip(body, USCC_WEIGHTS, strict=True))
    check = (31 - total % 31) % 31
    return body + USCC_ALPHABET[check]


@dataclass
class Portfolio:
    rm_id: str
    head_id: str
    client_ids: dict[str, str]  # name -> id
    deal_ids: dict[str, str]  # title -> id


def add_user(db: sqlite_utils.Database, username: str, display_name: str, role: str) -> str:
    user_id = new_id()
    db.conn.execute(
        "INSERT INTO users (id, username, display_name, role) VALUES (?, ?, ?, ?)",
        (user_id, username, display_name, role),
    )
    return user_id


def add_client(
    db: sqlite_utils.Database,
    name: str,
    *,
    serial: int,
    owner_id: str | None,
    status: str = "active",
    segment: str | None = "production",
    province: str = "江苏省",
    city: str = "苏州市",
    firm_type: str = "tech",
    deleted: bool = False,
) -> str:
    client_id = new_id()
    db.conn.execute(
        "INSERT INTO clients (id, name, uscc, province, city, firm_type, segment, owner_id,"
        " status, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            client_id,
            name,
            uscc(serial),
            province,
            city,
            firm_type,
            segment,
            owner_id,
            status,
            "2025-01-01T00:00:00Z" if deleted else None,
        ),
    )
    return client_id


def add_deal(
    db: sqlite_utils.Database, client_id: str, title: str, amount_yuan: int, stage: str
) -> str:
    deal_id = new_id()
    db.conn.execute(
        "INSERT INTO deals (id, client_id, title, product, amount_yuan, stage, lost_reason)"
        " VALUES (?, ?, ?, 'working_capital', ?, ?, ?)",
        (deal_id, client_id, title, amount_yuan, stage, "price" if stage == "lost" else None),
    )
    return deal_id


def add_score(db: sqlite_utils.Database, client_id: str, grade: str | None) -> None:
    db.conn.execute(
        "INSERT INTO scorecard_results (id, client_id, template_code, template_version,"
        " template_hash, inputs, factors, total, grade, knocked_out)"
        " VALUES (?, ?, 'tech', '1', 'x', '{}', '[]', '70', ?, ?)",
        (new_id(), client_id, grade, 1 if grade is None else 0),
    )


def add_follow_up(db: sqlite_utils.Database, client_id: str, due: date, done: bool = False) -> None:
    db.conn.execute(
        "INSERT INTO activities (id, client_id, kind, occurred_on, next_follow_up, follow_up_done)"
        " VALUES (?, ?, 'visit', ?, ?, ?)",
        (new_id(), client_id, (due - timedelta(days=30)).isoformat(), due.isoformat(), int(done)),
    )


def add_memo(db: sqlite_utils.Database, client_id: str, deal_id: str | None, title: str) -> None:
    db.conn.execute(
        "INSERT INTO memos (id, deal_id, client_id, kind, title, content)"
        " VALUES (?, ?, ?, 'investigation', ?, ?)",
        (new_id(), deal_id, client_id, title, json.dumps({})),
    )


def build_portfolio(db: sqlite_utils.Database, today: date | None = None) -> Portfolio:
    """Five live clients (one deleted), deals in several stages, scores, a memo, follow-ups."""
    today = today or date.today()
    with write(db):
        rm = add_user(db, "wang", "王经理", "rm")
        head = add_user(db, "li", "李行长", "branch_head")
        clients = {
            "甲氢能科技有限公司": add_client(db, "甲氢能科技有限公司", serial=1, owner_id=rm),
            "乙储氢装备有限公司": add_client(
                db,
                "乙储氢装备有限公司",
                serial=2,
                owner_id=head,
                status="prospect",
                segment="storage",
                firm_type="manufacturer",
                province="内蒙古自治区",
                city="鄂尔多斯市",
            ),
            "丙燃料电池有限公司": add_client(
                db,
                "丙燃料电池有限公司",
                serial=3,
                owner_id=rm,
                status="prospect",
                segment="fuel_cell",
                province="广东省",
                city="广州市",
            ),
            "丁加氢站运营有限公司": add_client(
                db,
                "丁加氢站运营有限公司",
                serial=4,
                owner_id=None,
                status="dormant",
                segment=None,
                firm_type="project",
                province="青海省",
                city="西宁市",
            ),
            "戊氢运物流有限公司": add_client(
                db,
                "戊氢运物流有限公司",
                serial=5,
                owner_id=rm,
                status="exited",
                segment="transport",
                province="福建省",
                city="厦门市",
            ),
        }
        deleted = add_client(db, "已删除客户有限公司", serial=6, owner_id=rm, deleted=True)
        c = clients
        deals = {
            "电解槽产线贷款": add_deal(
                db, c["甲氢能科技有限公司"], "电解槽产线贷款", 12_345_600, "review"
            ),
            "储氢瓶流动资金": add_deal(
                db, c["乙储氢装备有限公司"], "储氢瓶流动资金", 5_000_000, "approved"
            ),
            "电堆研发贷款": add_deal(
                db, c["丙燃料电池有限公司"], "电堆研发贷款", 3_000_001, "need"
            ),
            "加氢站项目贷款": add_deal(
                db, c["丁加氢站运营有限公司"], "加氢站项目贷款", 20_000_000, "contract"
            ),
            "物流车贷款": add_deal(db, c["戊氢运物流有限公司"], "物流车贷款", 1_000_000, "lost"),
            "技改贷款": add_deal(db, c["甲氢能科技有限公司"], "技改贷款", 2_000_000, "review"),
        }
        add_deal(db, deleted, "已删除客户的业务", 99_000_000, "review")
        add_memo(db, c["甲氢能科技有限公司"], deals["电解槽产线贷款"], "甲氢能授信调查报告")
        add_score(db, c["甲氢能科技有限公司"], "A")
        add_score(db, c["甲氢能科技有限公司"], "AA")
        add_score(db, c["乙储氢装备有限公司"], "A")
        add_score(db, c["丙燃料电池有限公司"], None)
        add_follow_up(db, c["甲氢能科技有限公司"], today - timedelta(days=1))
        add_follow_up(db, c["乙储氢装备有限公司"], today)
        add_follow_up(db, c["丙燃料电池有限公司"], today + timedelta(days=5))
        add_follow_up(db, c["丁加氢站运营有限公司"], today - timedelta(days=3), done=True)
        add_follow_up(db, deleted, today - timedelta(days=3))
    return Portfolio(rm_id=rm, head_id=head, client_ids=clients, deal_ids=deals)


def add_many_clients(db: sqlite_utils.Database, count: int, owner_id: str | None = None) -> None:
    """``count`` plain clients in one transaction (for the lazy-list tests)."""
    statuses = ("prospect", "active", "dormant", "exited")
    rows = [
        (new_id(), f"测试客户{n:05d}有限公司", uscc(100_000 + n), "tech", statuses[n % 4], owner_id)
        for n in range(count)
    ]
    with write(db):
        db.conn.executemany(
            "INSERT INTO clients (id, name, uscc, firm_type, status, owner_id)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )

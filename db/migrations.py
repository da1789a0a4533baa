"""Numbered schema migrations, tracked in ``PRAGMA user_version``.

Each migration is a function registered with :func:`migration`; it runs in one
transaction together with the ``user_version`` bump, so a crash leaves the
database at the previous version, never half-migrated. Never edit a released
migration: add a new one.

Conventions for shared tables (so that offline laptops can later exchange
SQLite session changesets without renumbering anything):

* ``id`` TEXT UUID primary key;
* ``created_at``/``updated_at`` ISO-8601 UTC text, ``updated_by`` a user id
  (or ``'system'``), ``version`` an optimistic-lock counter;
* ``deleted_at`` for soft deletion;
* money as INTEGER yuan (never REAL), rates as INTEGER basis points.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import sqlite_utils

Migration = Callable[[sqlite_utils.Database], None]

_MIGRATIONS: list[tuple[int, str, Migration]] = []

NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"

# Columns every shared table carries.
COMMON = f"""
    created_at TEXT NOT NULL DEFAULT {NOW},
    updated_at TEXT NOT NULL DEFAULT {NOW},
    updated_by TEXT NOT NULL DEFAULT 'system',
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    deleted_at TEXT
"""

ID = "id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36)"


def money(column: str, *, nullable: bool = True, signed: bool = False) -> str:
    """An INTEGER yuan column; non-negative unless ``signed``."""
    null = "" if nullable else " NOT NULL"
    check = "" if signed else f" CHECK ({column} IS NULL OR {column} >= 0)"
    return f"{column} INTEGER{null}{check} CHECK ({column} IS NULL OR typeof({column}) = 'integer')"


def migration(version: int, name: str) -> Callable[[Migration], Migration]:
    def register(fn: Migration) -> Migration:
        expected = len(_MIGRATIONS) + 1
        if version != expected:  # pragma: no cover - programming error caught at import
            raise RuntimeError(f"migration {name} numbered {version}, expected {expected}")
        _MIGRATIONS.append((version, name, fn))
        return fn

    return register


def current_version(db: sqlite_utils.Database) -> int:
    return db.conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database, *, target: int | None = None) -> list[int]:
    """Bring ``db`` up to ``target`` (default: latest); returns the versions applied."""
    target = LATEST_VERSION if target is None else target
    applied = []
    for version, _name, fn in _MIGRATIONS:
        if version <= current_version(db) or version > target:
            continue
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            fn(db)
            db.conn.execute(f"PRAGMA user_version = {version}")
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


def _script(db: sqlite_utils.Database, sql: str) -> None:
    """Run several statements inside the caller's transaction (unlike
    ``executescript``, which would commit first)."""
    for statement in _split(sql):
        db.conn.execute(statement)


def _split(sql: str) -> list[str]:
    statements, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip():
        raise ValueError(f"incomplete SQL statement: {buf[:80]}")
    return statements


ROLES = "('rm', 'reviewer', 'branch_head', 'admin')"
FIRM_TYPES = "('tech', 'manufacturer', 'project')"
CLIENT_STATUSES = "('prospect', 'active', 'dormant', 'exited')"
SEGMENTS = "('production', 'storage', 'transport', 'refuelling', 'fuel_cell', 'application')"
STAGES = (
    "('need', 'solution', 'materials', 'review', 'approved', 'contract', "
    "'disbursed', 'post_loan', 'lost')"
)


@migration(1, "core schema")
def _core_schema(db: sqlite_utils.Database) -> None:
    _script(
        db,
        f"""
CREATE TABLE users (
    {ID},
    username TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(username)) > 0),
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN {ROLES}),
    password_hash TEXT,
    failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until TEXT,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    {COMMON}
);

CREATE TABLE clients (
    {ID},
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    uscc TEXT CHECK (uscc IS NULL OR length(uscc) = 18),
    legal_rep TEXT,
    {money("registered_capital_yuan")},
    founded_on TEXT CHECK (founded_on IS NULL OR date(founded_on) = founded_on),
    province TEXT,
    city TEXT,
    address TEXT,
    firm_type TEXT NOT NULL CHECK (firm_type IN {FIRM_TYPES}),
    segment TEXT CHECK (segment IS NULL OR segment IN {SEGMENTS}),
    tech_route TEXT,
    qualifications TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(qualifications)),
    employees INTEGER CHECK (employees IS NULL OR employees >= 0),
    rd_staff INTEGER CHECK (rd_staff IS NULL OR rd_staff >= 0),
    invention_patents INTEGER CHECK (invention_patents IS NULL OR invention_patents >= 0),
    utility_patents INTEGER CHECK (utility_patents IS NULL OR utility_patents >= 0),
    software_copyrights INTEGER CHECK (software_copyrights IS NULL OR software_copyrights >= 0),
    key_patents TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(key_patents)),
    policy_programmes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(policy_programmes)),
    green_loan_class TEXT,
    owner_id TEXT REFERENCES users(id),
    status TEXT NOT NULL DEFAULT 'prospect' CHECK (status IN {CLIENT_STATUSES}),
    notes TEXT NOT NULL DEFAULT '',
    {COMMON}
);
CREATE UNIQUE INDEX clients_uscc_live ON clients(uscc)
    WHERE uscc IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE contacts (
    {ID},
    client_id TEXT NOT NULL REFERENCES clients(id),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role TEXT,
    mobile TEXT CHECK (mobile IS NULL OR length(mobile) = 11),
    id_number TEXT CHECK (id_number IS NULL OR length(id_number) = 18),
    email TEXT,
    consent INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
    consent_on TEXT CHECK (consent_on IS NULL OR date(consent_on) = consent_on),
    {COMMON}
);
CREATE INDEX contacts_client ON contacts(client_id);

CREATE TABLE financial_statements (
    {ID},
    client_id TEXT NOT NULL REFERENCES clients(id),
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1990 AND 2100),
    audited INTEGER NOT NULL DEFAULT 0 CHECK (audited IN (0, 1)),
    {money("revenue_yuan")},
    {money("net_profit_yuan", signed=True)},
    {money("total_assets_yuan")},
    {money("total_liabilities_yuan")},
    {money("current_assets_yuan")},
    {money("current_liabilities_yuan")},
    {money("inventory_yuan")},
    {money("cash_yuan")},
    {money("rd_expense_yuan")},
    {money("operating_cash_flow_yuan", signed=True)},
    {COMMON},
    CHECK (current_assets_yuan IS NULL OR total_assets_yuan IS NULL
           OR current_assets_yuan <= total_assets_yuan),
    CHECK (current_liabilities_yuan IS NULL OR total_liabilities_yuan IS NULL
           OR current_liabilities_yuan <= total_liabilities_yuan)
);
CREATE UNIQUE INDEX financial_statements_year ON financial_statements(client_id, fiscal_year)
    WHERE deleted_at IS NULL;

CREATE TABLE activities (
    {ID},
    client_id TEXT NOT NULL REFERENCES clients(id),
    kind TEXT NOT NULL CHECK (kind IN ('visit', 'call', 'meeting', 'note')),
    occurred_on TEXT NOT NULL CHECK (date(occurred_on) = occurred_on),
    people_met TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    next_follow_up TEXT CHECK (next_follow_up IS NULL OR date(next_follow_up) = next_follow_up),
    follow_up_done INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_done IN (0, 1)),
    owner_id TEXT REFERENCES users(id),
    {COMMON}
);
CREATE INDEX activities_client ON activities(client_id, occurred_on);

CREATE TABLE attachments (
    {ID},
    client_id TEXT NOT NULL REFERENCES clients(id),
    deal_id TEXT REFERENCES deals(id),
    file_name TEXT NOT NULL,
    stored_path TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
    description TEXT NOT NULL DEFAULT '',
    {COMMON}
);
CREATE INDEX attachments_client ON attachments(client_id);

CREATE TABLE scorecard_results (
    {ID},
    client_id TEXT NOT NULL REFERENCES clients(id),
    template_code TEXT NOT NULL,
    template_version TEXT NOT NULL,
    template_hash TEXT NOT NULL,
    inputs TEXT NOT NULL CHECK (json_valid(inputs)),
    factors TEXT NOT NULL CHECK (json_valid(factors)),
    total TEXT NOT NULL,
    grade TEXT,
    {money("suggested_limit_yuan")},
    limit_working TEXT NOT NULL DEFAULT '',
    knocked_out INTEGER NOT NULL DEFAULT 0 CHECK (knocked_out IN (0, 1)),
    knockout_reason TEXT,
    {COMMON}
);
CREATE INDEX scorecard_results_client ON scorecard_results(client_id, created_at);
CREATE TRIGGER scorecard_results_immutable BEFORE UPDATE ON scorecard_results
BEGIN
    SELECT RAISE(ABORT, 'scorecard results are immutable snapshots');
END;
CREATE TRIGGER scorecard_results_no_delete BEFORE DELETE ON scorecard_results
BEGIN
    SELECT RAISE(ABORT, 'scorecard results are immutable snapshots');
END;

CREATE TABLE deals (
    {ID},
    client_id TEXT NOT NULL REFERENCES clients(id),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    product TEXT NOT NULL,
    {money("amount_yuan", nullable=False)},
    tenor_months INTEGER CHECK (tenor_months IS NULL OR tenor_months BETWEEN 1 AND 360),
    rate_bp INTEGER CHECK (rate_bp IS NULL OR rate_bp BETWEEN 0 AND 5000),
    pricing_note TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT '',
    guarantee_scheme TEXT,
    stage TEXT NOT NULL DEFAULT 'need' CHECK (stage IN {STAGES}),
    stage_changed_at TEXT NOT NULL DEFAULT {NOW},
    lost_reason TEXT,
    expected_close_on TEXT
        CHECK (expected_close_on IS NULL OR date(expected_close_on) = expected_close_on),
    owner_id TEXT REFERENCES users(id),
    scorecard_result_id TEXT REFERENCES scorecard_results(id),
    {COMMON},
    CHECK (stage <> 'lost' OR length(trim(coalesce(lost_reason, ''))) > 0)
);
CREATE INDEX deals_client ON deals(client_id);

CREATE TABLE deal_stage_history (
    {ID},
    deal_id TEXT NOT NULL REFERENCES deals(id),
    from_stage TEXT CHECK (from_stage IS NULL OR from_stage IN {STAGES}),
    to_stage TEXT NOT NULL CHECK (to_stage IN {STAGES}),
    changed_at TEXT NOT NULL DEFAULT {NOW},
    changed_by TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    {COMMON}
);
CREATE INDEX deal_stage_history_deal ON deal_stage_history(deal_id, changed_at);

CREATE TABLE deal_securities (
    {ID},
    deal_id TEXT NOT NULL REFERENCES deals(id),
    kind TEXT NOT NULL CHECK (kind IN ('mortgage', 'pledge', 'guarantee', 'credit',
                                       'guarantee_scheme')),
    description TEXT NOT NULL DEFAULT '',
    provider TEXT NOT NULL DEFAULT '',
    {money("value_yuan")},
    {COMMON}
);
CREATE INDEX deal_securities_deal ON deal_securities(deal_id);

CREATE TABLE document_checklist_items (
    {ID},
    deal_id TEXT NOT NULL REFERENCES deals(id),
    doc_type TEXT NOT NULL,
    required INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
    status TEXT NOT NULL DEFAULT 'missing'
        CHECK (status IN ('missing', 'received', 'verified', 'waived')),
    attachment_id TEXT REFERENCES attachments(id),
    note TEXT NOT NULL DEFAULT '',
    {COMMON}
);
CREATE INDEX document_checklist_items_deal ON document_checklist_items(deal_id);

CREATE TABLE memos (
    {ID},
    deal_id TEXT REFERENCES deals(id),
    client_id TEXT NOT NULL REFERENCES clients(id),
    kind TEXT NOT NULL CHECK (kind IN ('investigation', 'proposal')),
    title TEXT NOT NULL,
    content TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(content)),
    file_path TEXT,
    sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final', 'signed')),
    {COMMON}
);
CREATE INDEX memos_client ON memos(client_id);

CREATE TABLE reference_items (
    {ID},
    kind TEXT NOT NULL CHECK (kind IN ('policy_programme', 'document_type', 'qualification',
                                       'lost_reason', 'product')),
    code TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    extra TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(extra)),
    sort_order INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    {COMMON}
);
CREATE UNIQUE INDEX reference_items_code ON reference_items(kind, code);

CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL CHECK (json_valid(value)),
    updated_at TEXT NOT NULL DEFAULT {NOW},
    updated_by TEXT NOT NULL DEFAULT 'system'
);

CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
    at TEXT NOT NULL DEFAULT {NOW},
    user_id TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL DEFAULT '',
    entity_id TEXT,
    before TEXT CHECK (before IS NULL OR json_valid(before)),
    after TEXT CHECK (after IS NULL OR json_valid(after)),
    reason TEXT NOT NULL DEFAULT '',
    prev_hash TEXT,
    hash TEXT
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
""",
    )


@migration(2, "indexes for list, filter and follow-up queries")
def _list_indexes(db: sqlite_utils.Database) -> None:
    _script(
        db,
        """
CREATE INDEX clients_name ON clients(name) WHERE deleted_at IS NULL;
CREATE INDEX clients_owner ON clients(owner_id, status) WHERE deleted_at IS NULL;
CREATE INDEX clients_segment ON clients(segment, province) WHERE deleted_at IS NULL;
CREATE INDEX clients_updated ON clients(updated_at);
CREATE INDEX deals_stage ON deals(stage, stage_changed_at) WHERE deleted_at IS NULL;
CREATE INDEX deals_owner ON deals(owner_id, stage) WHERE deleted_at IS NULL;
CREATE INDEX activities_follow_up ON activities(next_follow_up)
    WHERE next_follow_up IS NOT NULL AND follow_up_done = 0 AND deleted_at IS NULL;
CREATE INDEX scorecard_results_grade ON scorecard_results(grade);
""",
    )


@migration(3, "hash-chained audit log, forced password change")
def _audit_chain(db: sqlite_utils.Database) -> None:
    from db import audit  # noqa: PLC0415 - audit -> health -> connection -> migrations

    conn = db.conn
    unhashed = conn.execute("SELECT count(*) FROM audit_log WHERE hash IS NULL").fetchone()[0]
    if unhashed:
        # Entries written before the chain existed: chain them in seq order, with
        # the no-update trigger lifted for this transaction only (same SQL back).
        trigger_sql = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_log_no_update'"
        ).fetchone()[0]
        conn.execute("DROP TRIGGER audit_log_no_update")
        audit.rehash_all(conn)
        conn.execute(trigger_sql)
    _script(
        db,
        f"""
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
WHEN NEW.hash IS NULL OR length(NEW.hash) <> 64
    OR NEW.prev_hash IS NOT coalesce(
        (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '{audit.GENESIS_HASH}')
BEGIN
    SELECT RAISE(ABORT, 'an audit entry must extend the hash chain');
END;

ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0
    CHECK (must_change_password IN (0, 1));
""",
    )


@migration(4, "client search index (FTS5 trigram + 1-2 character grams)")
def _client_search(db: sqlite_utils.Database) -> None:
    from db import search  # noqa: PLC0415 - search imports _script from this module

    search.install(db)


LATEST_VERSION = len(_MIGRATIONS)

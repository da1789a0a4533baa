"""As-you-type client search over name, USCC, contact names and notes.

Index (installed by the migration "client search index", see :data:`SCHEMA`)
------------------------------------------------------------------------------
* ``client_search(id INTEGER PRIMARY KEY, client_id UNIQUE, doc)``: one row per
  *live* client; ``doc`` is ``lower(name || USCC || contact names || notes)``.
  SQL triggers on ``clients`` and ``contacts`` keep it current (insert, edit,
  soft delete, undelete), so every writer -- the app, the importer, the demo
  generator, a script -- leaves the index in step without Python code.
* ``client_search_trigram``: FTS5 with the ``trigram`` tokenizer (external
  content = ``client_search``) answers queries of 3 or more characters.
* ``client_search_grams``: contentless FTS5 (``unicode61``, ``detail=none``)
  over every single character and every pair of adjacent characters of
  ``doc``; answers 1- and 2-character queries, which trigram cannot. The
  grams are built in SQL by joining ``search_positions`` (1..N), so the
  triggers need no application function. Characters after position
  :data:`GRAM_POSITIONS` of a document are not in this index (notes are long,
  names are not); a 1-2 character query also scans documents longer than that.
* Queries that contain no letters or digits fall back to a LIKE scan.

Ordering and filters
--------------------
The list needs every matching id in display order, and a 1-character query
can match most of 100,000 clients. Sorting 77,000 joined rows per keystroke
takes ~250 ms; instead the full ordered id list for (order, filters) is read
once (an index scan) and cached per connection until the database changes
(``PRAGMA data_version`` + the connection's ``total_changes``), and each
keystroke only asks FTS5 for the matching index rowids and keeps those ids of
the cached list, in order.
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from datetime import date
from itertools import chain, compress
from typing import Any

import sqlite_utils

from db.stamp import change_stamp

GRAM_POSITIONS = 4000
_CACHE_SIZE = 4

# Sortable columns (same keys as db.portfolio.CLIENT_SORT_COLUMNS).
SORT_COLUMNS: dict[str, str] = {
    "name": "c.name",
    "uscc": "c.uscc",
    "segment": "c.segment",
    "province": "c.province",
    "firm_type": "c.firm_type",
    "owner": "u.display_name",
    "status": "c.status",
    "updated_at": "c.updated_at",
}
# Equality filters -> column; plus the special filters below.
EQUALITY_FILTERS: dict[str, str] = {
    "status": "c.status",
    "segment": "c.segment",
    "province": "c.province",
    "firm_type": "c.firm_type",
    "owner_id": "c.owner_id",
}
SPECIAL_FILTERS = ("grade", "follow_up_due")
FILTER_KEYS = (*EQUALITY_FILTERS, *SPECIAL_FILTERS)

# The text indexed for one client (``{cid}`` = an SQL expression for its id).
_DOC = """(SELECT lower(d.name || ' ' || coalesce(d.uscc, '') || ' ' ||
        coalesce((SELECT group_concat(k.name, ' ') FROM contacts k
                  WHERE k.client_id = d.id AND k.deleted_at IS NULL), '')
        || ' ' || d.notes)
     FROM clients d WHERE d.id = {cid})"""
# The same text computed from the row itself (bulk rebuild).
_DOC_OF_ROW = """lower(c.name || ' ' || coalesce(c.uscc, '') || ' ' ||
        coalesce((SELECT group_concat(k.name, ' ') FROM contacts k
                  WHERE k.client_id = c.id AND k.deleted_at IS NULL), '')
        || ' ' || c.notes)"""

# Unigrams and bigrams of a document, space separated (order irrelevant).
_GRAMS = """(SELECT coalesce(group_concat(substr({doc}, p.i, 1) || ' ' || substr({doc}, p.i, 2),
                                     ' '), '')
     FROM search_positions p WHERE p.i <= length({doc}))"""


def _grams(doc: str) -> str:
    return _GRAMS.format(doc=doc)


SCHEMA = f"""
CREATE TABLE search_positions (i INTEGER PRIMARY KEY);
INSERT INTO search_positions (i)
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {GRAM_POSITIONS})
    SELECT i FROM n;

CREATE TABLE search_state (
    only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
    paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1))
);
INSERT INTO search_state (only_row, paused) VALUES (1, 0);

CREATE TABLE client_search (
    id INTEGER PRIMARY KEY,
    client_id TEXT NOT NULL UNIQUE,
    doc TEXT NOT NULL
);
CREATE VIRTUAL TABLE client_search_trigram USING fts5(
    doc, content='client_search', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE client_search_grams USING fts5(
    grams, content='', tokenize='unicode61', detail='none');

CREATE TRIGGER client_search_ai AFTER INSERT ON client_search
WHEN (SELECT paused FROM search_state) = 0 BEGIN
    INSERT INTO client_search_trigram (rowid, doc) VALUES (new.id, new.doc);
    INSERT INTO client_search_grams (rowid, grams) VALUES (new.id, {_grams("new.doc")});
END;
CREATE TRIGGER client_search_ad AFTER DELETE ON client_search
WHEN (SELECT paused FROM search_state) = 0 BEGIN
    INSERT INTO client_search_trigram (client_search_trigram, rowid, doc)
        VALUES ('delete', old.id, old.doc);
    INSERT INTO client_search_grams (client_search_grams, rowid, grams)
        VALUES ('delete', old.id, {_grams("old.doc")});
END;
CREATE TRIGGER client_search_au AFTER UPDATE OF doc ON client_search
WHEN old.doc IS NOT new.doc AND (SELECT paused FROM search_state) = 0 BEGIN
    INSERT INTO client_search_trigram (client_search_trigram, rowid, doc)
        VALUES ('delete', old.id, old.doc);
    INSERT INTO client_search_grams (client_search_grams, rowid, grams)
        VALUES ('delete', old.id, {_grams("old.doc")});
    INSERT INTO client_search_trigram (rowid, doc) VALUES (new.id, new.doc);
    INSERT INTO client_search_grams (rowid, grams) VALUES (new.id, {_grams("new.doc")});
END;

CREATE TRIGGER clients_search_ai AFTER INSERT ON clients
WHEN new.deleted_at IS NULL AND (SELECT paused FROM search_state) = 0 BEGIN
    INSERT INTO client_search (client_id, doc) VALUES (new.id, {_DOC.format(cid="new.id")});
END;
CREATE TRIGGER clients_search_au AFTER UPDATE OF name, uscc, notes, deleted_at ON clients
WHEN (SELECT paused FROM search_state) = 0 BEGIN
    DELETE FROM client_search WHERE client_id = new.id AND new.deleted_at IS NOT NULL;
    UPDATE client_search SET doc = {_DOC.format(cid="new.id")}
        WHERE client_id = new.id AND new.deleted_at IS NULL;
    INSERT INTO client_search (client_id, doc)
        SELECT new.id, {_DOC.format(cid="new.id")}
        WHERE new.deleted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM client_search WHERE client_id = new.id);
END;
CREATE TRIGGER clients_search_ad AFTER DELETE ON clients
WHEN (SELECT paused FROM search_state) = 0 BEGIN
    DELETE FROM client_search WHERE client_id = old.id;
END;

CREATE TRIGGER contacts_search_ai AFTER INSERT ON contacts
WHEN (SELECT paused FROM search_state) = 0 BEGIN
    UPDATE client_search SET doc = {_DOC.format(cid="new.client_id")}
        WHERE client_id = new.client_id;
END;
CREATE TRIGGER contacts_search_au AFTER UPDATE OF name, deleted_at, client_id ON contacts
WHEN (SELECT paused FROM search_state) = 0 BEGIN
    UPDATE client_search SET doc = {_DOC.format(cid="new.client_id")}
        WHERE client_id = new.client_id;
    UPDATE client_search SET doc = {_DOC.format(cid="old.client_id")}
        WHERE client_id = old.client_id AND old.client_id IS NOT new.client_id;
END;
CREATE TRIGGER contacts_search_ad AFTER DELETE ON contacts
WHEN (SELECT paused FROM search_state) = 0 BEGIN
    UPDATE client_search SET doc = {_DOC.format(cid="old.client_id")}
        WHERE client_id = old.client_id;
END;

CREATE INDEX clients_name_id ON clients(name, id) WHERE deleted_at IS NULL;
CREATE INDEX client_search_long ON client_search(id) WHERE length(doc) > {GRAM_POSITIONS};
"""


def is_derived_table(name: str) -> bool:
    """True for the search index tables (and FTS5's shadow tables): local data
    rebuilt from clients and contacts, never business records of their own, so
    they carry no id/version bookkeeping and are left out of any sync."""
    return name.startswith(("client_search", "search_"))


def install(db: sqlite_utils.Database) -> None:
    """Create the index (called by the migration, inside its transaction) and
    index the clients already present."""
    from db.migrations import _script  # noqa: PLC0415 - migrations imports this module lazily

    _script(db, SCHEMA)
    _fill(db)


def _fill(db: sqlite_utils.Database) -> None:
    """Index every live client from scratch (the index tables must be empty)."""
    conn = db.conn
    conn.execute("UPDATE search_state SET paused = 1")
    conn.execute(
        f"INSERT INTO client_search (client_id, doc) SELECT c.id, {_DOC_OF_ROW}"
        " FROM clients c WHERE c.deleted_at IS NULL ORDER BY c.rowid"
    )
    conn.execute("INSERT INTO client_search_trigram (client_search_trigram) VALUES ('rebuild')")
    if not getattr(db, "_h2_grams_function", False):
        # Only this connection's rebuild uses it; the triggers need no function.
        conn.create_function("h2_search_grams", 1, grams_of, deterministic=True)
        db._h2_grams_function = True  # type: ignore[attr-defined]
    conn.execute(
        "INSERT INTO client_search_grams (rowid, grams)"
        " SELECT id, h2_search_grams(doc) FROM client_search"
    )
    conn.execute("UPDATE search_state SET paused = 0")


def grams_of(doc: str) -> str:
    """The gram document of ``doc``: exactly the tokens the SQL triggers build
    (each of the first :data:`GRAM_POSITIONS` characters, then it and the next)."""
    return " ".join(f"{doc[i]} {doc[i : i + 2]}" for i in range(min(len(doc), GRAM_POSITIONS)))


@contextlib.contextmanager
def bulk_load(db: sqlite_utils.Database) -> Iterator[None]:
    """Within the caller's write transaction: suspend the index triggers for
    a bulk insert, then rebuild the whole index once at the end (much faster
    than maintaining it row by row). Other connections never see the pause:
    it is committed, if at all, together with the rebuilt index.
    """
    if not db.conn.in_transaction:
        raise RuntimeError("bulk_load must run inside a write transaction")
    db.conn.execute("UPDATE search_state SET paused = 1")
    try:
        yield
    finally:
        db.conn.execute("UPDATE search_state SET paused = 0")
    rebuild_search_index(db)


def rebuild_search_index(db: sqlite_utils.Database) -> int:
    """Re-create every index entry from the clients and contacts tables (in one
    transaction); returns the number of clients indexed. Used after bulk loads
    and by a repair command; the triggers normally keep the index current."""
    from db.connection import write  # noqa: PLC0415 - avoid an import cycle at start-up

    with write(db):
        conn = db.conn
        conn.execute("UPDATE search_state SET paused = 1")
        conn.execute("DELETE FROM client_search")
        conn.execute(
            "INSERT INTO client_search_trigram (client_search_trigram) VALUES ('delete-all')"
        )
        conn.execute("INSERT INTO client_search_grams (client_search_grams) VALUES ('delete-all')")
        _fill(db)
        count = conn.execute("SELECT count(*) FROM client_search").fetchone()[0]
    _cache(db).clear()
    return count


# =========================================================================== queries


def normalize_query(text: str) -> str:
    """NFKC (full-width to half-width), lower case, surrounding space removed."""
    return unicodedata.normalize("NFKC", str(text)).strip().lower()


def _variants(text: str) -> list[str]:
    """The query as typed (lower case) and NFKC-folded, when they differ: the
    index holds names as entered (Chinese punctuation stays full width), so
    ``，`` finds both ``，`` and ``,`` and ``ＡＢＣ`` finds ``abc``."""
    typed = str(text).strip().lower()
    folded = normalize_query(text)
    return [v for v in dict.fromkeys((folded, typed)) if v]


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _match_rowids(db: sqlite_utils.Database, text: str) -> set[int]:
    """``client_search.id`` of documents containing ``text`` (normalised, non-empty)."""
    conn = db.conn
    if len(text) >= 3:
        cursor = conn.execute(
            "SELECT rowid FROM client_search_trigram WHERE client_search_trigram MATCH ?",
            (_fts_phrase(text),),
        )
        return set(chain.from_iterable(cursor))
    if all(ch.isalnum() for ch in text):
        found = set(
            chain.from_iterable(
                conn.execute(
                    "SELECT rowid FROM client_search_grams WHERE client_search_grams MATCH ?",
                    (_fts_phrase(text),),
                )
            )
        )
        # Documents longer than the gram window (partial index): look at them directly.
        found.update(
            chain.from_iterable(
                conn.execute(
                    f"SELECT id FROM client_search WHERE length(doc) > {GRAM_POSITIONS}"
                    " AND instr(doc, ?) > 0",
                    (text,),
                )
            )
        )
        return found
    cursor = conn.execute("SELECT id FROM client_search WHERE instr(doc, ?) > 0", (text,))
    return set(chain.from_iterable(cursor))


class _Ordered:
    """One cached ordered id list, with the index rowid of each id."""

    __slots__ = ("_positions", "_sids", "ids", "state")

    def __init__(self, state: tuple[int, int], ids: list[str]) -> None:
        self.state = state
        self.ids = ids
        self._sids: list[int | None] | None = None
        self._positions: dict[int, int] | None = None

    def sids(self, by_client: dict[str, int]) -> list[int | None]:
        """``client_search.id`` of every id, in the same order."""
        if self._sids is None:
            self._sids = list(map(by_client.get, self.ids))
        return self._sids

    def positions(self, by_client: dict[str, int]) -> dict[int, int]:
        """``client_search.id`` -> position in the list."""
        if self._positions is None:
            self._positions = {
                sid: i for i, sid in enumerate(self.sids(by_client)) if sid is not None
            }
        return self._positions


def _cache(db: sqlite_utils.Database) -> OrderedDict:
    cache = getattr(db, "_h2_search_cache", None)
    if cache is None:
        cache = OrderedDict()
        db._h2_search_cache = cache  # type: ignore[attr-defined]
    return cache


def _cached(db: sqlite_utils.Database, key: tuple, state: tuple[int, int], build):
    cache = _cache(db)
    hit = cache.get(key)
    if hit is not None and hit.state == state:
        cache.move_to_end(key)
        return hit
    value = build()
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > _CACHE_SIZE:
        cache.popitem(last=False)
    return value


class _RowidMap:
    __slots__ = ("by_client", "state")

    def __init__(self, state: tuple[int, int], by_client: dict[str, int]) -> None:
        self.state = state
        self.by_client = by_client


def _rowid_map(db: sqlite_utils.Database, state: tuple[int, int]) -> dict[str, int]:
    """client id -> client_search.id (one sequential scan, cached)."""

    def build() -> _RowidMap:
        return _RowidMap(state, dict(db.conn.execute("SELECT client_id, id FROM client_search")))

    return _cached(db, ("rowid-map",), state, build).by_client


def _where(filters: Mapping[str, Any] | None, today: date | None) -> tuple[list[str], list[Any]]:
    where = ["c.deleted_at IS NULL"]
    params: list[Any] = []
    for key, value in (filters or {}).items():
        if key in EQUALITY_FILTERS:
            column = EQUALITY_FILTERS[key]
            if value is None:
                where.append(f"{column} IS NULL")
            else:
                where.append(f"{column} = ?")
                params.append(value)
        elif key == "grade":
            if value is None:
                continue
            where.append(
                "(SELECT s.grade FROM scorecard_results s WHERE s.client_id = c.id"
                " AND s.deleted_at IS NULL ORDER BY s.created_at DESC, s.id DESC LIMIT 1) = ?"
            )
            params.append(value)
        elif key == "follow_up_due":
            if not value:
                continue
            where.append(
                "EXISTS (SELECT 1 FROM activities a WHERE a.client_id = c.id"
                " AND a.next_follow_up IS NOT NULL AND a.follow_up_done = 0"
                " AND a.deleted_at IS NULL AND a.next_follow_up <= ?)"
            )
            params.append((today or date.today()).isoformat())
        else:
            raise ValueError(f"cannot filter clients by {key!r}")
    return where, params


def _ordered(
    db: sqlite_utils.Database,
    state: tuple[int, int],
    *,
    order_by: str,
    descending: bool,
    filters: Mapping[str, Any] | None,
    today: date | None,
) -> _Ordered:
    """Ids of live clients passing ``filters`` in display order, cached until
    the database changes."""
    if order_by not in SORT_COLUMNS:
        raise ValueError(f"cannot sort clients by {order_by!r}")
    where, params = _where(filters, today)
    key = (
        "ordered",
        order_by,
        bool(descending),
        tuple(sorted((k, repr(v)) for k, v in (filters or {}).items())),
        (today or date.today()).isoformat(),
    )

    def build() -> _Ordered:
        direction = "DESC" if descending else "ASC"
        expr = SORT_COLUMNS[order_by]
        if order_by == "name":  # name is NOT NULL: SQLite walks clients_name_id
            order = f"c.name {direction}, c.id {direction}"
        else:
            order = f"({expr} IS NULL), {expr} {direction}, c.name {direction}, c.id {direction}"
        join = "LEFT JOIN users u ON u.id = c.owner_id" if order_by == "owner" else ""
        sql = f"SELECT c.id FROM clients c {join} WHERE {' AND '.join(where)} ORDER BY {order}"
        return _Ordered(state, [row[0] for row in db.conn.execute(sql, params)])

    return _cached(db, key, state, build)


def search_client_ids(
    db: sqlite_utils.Database,
    text: str | None,
    *,
    filters: Mapping[str, Any] | None = None,
    order_by: str = "name",
    descending: bool = False,
    limit: int | None = None,
    today: date | None = None,
) -> list[str]:
    """Ids of live clients whose name, USCC, contact names or notes contain
    ``text`` (case-insensitive, full-width folded; any length), that pass
    ``filters``, in display order. An empty ``text`` matches every client.

    ``filters``: ``status``, ``segment``, ``province``, ``firm_type``,
    ``owner_id`` (equality; None = IS NULL), ``grade`` (latest scorecard
    grade), ``follow_up_due`` (truthy: an open follow-up due on or before
    ``today``). ``order_by``: a key of :data:`SORT_COLUMNS`; ties by name, id.
    ``limit`` cuts the result (the work is the same). Unknown keys raise
    ValueError. The returned list is the caller's to keep.
    """
    state = change_stamp(db)
    ordered = _ordered(
        db, state, order_by=order_by, descending=descending, filters=filters, today=today
    )
    variants = _variants(text or "")
    if not variants:
        ids = ordered.ids[:limit] if limit is not None else list(ordered.ids)
        return ids if limit is None or limit >= 0 else []
    rowids = _match_rowids(db, variants[0])
    for variant in variants[1:]:
        rowids |= _match_rowids(db, variant)
    by_client = _rowid_map(db, state)
    if len(rowids) * 40 < len(ordered.ids):  # few hits: sort them by list position
        positions = ordered.positions(by_client)
        found = sorted(positions[sid] for sid in rowids if sid in positions)
        ids = [ordered.ids[i] for i in found]
    else:  # many hits: walk the list once (C speed)
        ids = list(compress(ordered.ids, map(rowids.__contains__, ordered.sids(by_client))))
    return ids if limit is None else ids[: max(limit, 0)]


def count_matches(db: sqlite_utils.Database, text: str | None, **kwargs: Any) -> int:
    """How many clients :func:`search_client_ids` returns for these arguments."""
    return len(search_client_ids(db, text, **kwargs))


def ids_matching(db: sqlite_utils.Database, text: str) -> set[str]:
    """Unordered ids of live clients matching ``text`` (no filters)."""
    by_client = _rowid_map(db, change_stamp(db))
    variants = _variants(text)
    if not variants:
        return set(by_client)
    rowids: set[int] = set()
    for variant in variants:
        rowids |= _match_rowids(db, variant)
    return {cid for cid, sid in by_client.items() if sid in rowids}

# Commands import their modules on use (PLC0415): `h2desk --version` and the
# headless commands must not pay for Qt, pandas or the demo generator.
# ruff: noqa: PLC0415
"""The ``h2desk`` launcher: opens the GUI, or runs a headless command.

    h2desk [--db PATH | --demo] [--lang zh_CN|en]    open the desktop app
    h2desk --self-test                               bundle/CI smoke test
    h2desk demo --db PATH [--clients N] [--seed S]   write the demo portfolio
    h2desk check --db PATH                           integrity, foreign keys, schema
    h2desk backup --db PATH --to FILE
    h2desk restore --db PATH --from FILE
    h2desk audit verify --db PATH                    check the audit trail's hash chain
    h2desk import clients FILE --db PATH [--report OUT] [--update-existing]
    h2desk export clients OUT.xlsx --db PATH
    h2desk score --db PATH --client USCC [--template CODE] [--answer CODE=VALUE] [--json]

Headless commands act as ``os:<OS account>`` in audit entries
(:func:`desktop.core.startup.cli_user`); no user account is created for them.

Conditions the user must act on (a damaged or foreign file, a network drive, a
non-empty database, a full disk) become one translated line on stderr and a
non-zero exit code, never a traceback. Qt is imported only for the GUI and the
self-test, so headless commands start fast and run on machines without a display.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import sqlite3
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from db.connection import is_network_path
from db.errors import (
    BackupError,
    ConflictError,
    CorruptDatabaseError,
    DatabaseError,
    NetworkPathError,
    NewerSchemaError,
    NotADatabaseError,
)
from desktop import __version__
from desktop.core import i18n, paths
from desktop.core.i18n import translate

PROG = "h2desk"
MAX_DEMO_CLIENTS = 1_000_000

EXIT_OK = 0
EXIT_PROBLEMS = 1  # `check` found problems
EXIT_ERROR = 2  # bad input or an environment condition the user must fix
EXIT_PARTIAL = 3  # `import clients`: valid rows imported, some rows rejected (see the report)
EXIT_KNOCKED_OUT = 4  # `score`: the client was knocked out by a scorecard rule
EXIT_INTERRUPTED = 130


class CliError(Exception):
    """A condition reported to the user as one line; carries the exit code."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so ``main`` returns a code."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise CliError(translate("Cli", "Invalid command line: {message}").format(message=message))


# ---------------------------------------------------------------------------
# language


def _preferred_language() -> str | None:
    """The language in the user's preferences (or the system's), if readable."""
    try:
        from desktop.core import preferences

        value = preferences.load().language
    except Exception:  # a broken preference file never stops the launcher
        return None
    return value if value in i18n.SUPPORTED_LANGUAGES else None


def _language_from_argv(argv: Sequence[str]) -> str | None:
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", choices=i18n.SUPPORTED_LANGUAGES, default=None)
    try:
        known, _rest = pre.parse_known_args(list(argv))
    except SystemExit:  # an invalid --lang is reported by the real parser
        return None
    return known.lang


def _choose_language(argv: Sequence[str]) -> str:
    return _language_from_argv(argv) or _preferred_language() or i18n.DEFAULT_LANGUAGE


# ---------------------------------------------------------------------------
# argument parsing


def _client_count(text: str) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("Cli", "must be a whole number, got {value!r}").format(value=text)
        ) from None
    if not 1 <= value <= MAX_DEMO_CLIENTS:
        raise argparse.ArgumentTypeError(
            translate("Cli", "must be between 1 and {maximum:,}, got {value:,}").format(
                maximum=MAX_DEMO_CLIENTS, value=value
            )
        )
    return value


def _seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("Cli", "must be a whole number, got {value!r}").format(value=text)
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description=translate(
            "Cli", "H2 Credit Desk: client book, scorecards, loan pipeline and credit memos."
        ),
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None,
        help=translate("Cli", "database file to open (created if absent)"),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=translate("Cli", "open the app on the demo portfolio (kept apart from real data)"),
    )
    parser.add_argument(
        "--lang",
        choices=i18n.SUPPORTED_LANGUAGES,
        default=None,
        help=translate("Cli", "language of the app and of these messages"),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=translate("Cli", "check that the app, its database and its PDF font work, then exit"),
    )

    # Options repeated on the subcommands use SUPPRESS so that a value given
    # before the subcommand (h2desk --db X check) is not reset by its default.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=translate("Cli", "database file"),
    )
    common.add_argument(
        "--lang",
        choices=i18n.SUPPORTED_LANGUAGES,
        default=argparse.SUPPRESS,
        help=argparse.SUPPRESS,
    )

    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = sub.add_parser(
        "demo",
        parents=[common],
        help=translate("Cli", "write the fictional demo portfolio into an empty database"),
    )
    demo.add_argument(
        "--clients",
        type=_client_count,
        default=300,
        metavar="N",
        help=translate("Cli", "number of clients (1 to 1,000,000; default 300)"),
    )
    demo.add_argument(
        "--seed",
        type=_seed,
        default=20251128,
        metavar="S",
        help=translate("Cli", "random seed; the same seed gives the same portfolio"),
    )

    sub.add_parser(
        "check",
        parents=[common],
        help=translate("Cli", "check integrity, foreign keys and schema version"),
    )

    backup = sub.add_parser(
        "backup", parents=[common], help=translate("Cli", "copy the database safely to a file")
    )
    backup.add_argument(
        "--to",
        dest="target",
        metavar="FILE",
        required=True,
        help=translate("Cli", "backup file to write"),
    )

    restore = sub.add_parser(
        "restore",
        parents=[common],
        help=translate("Cli", "replace the database with a verified backup"),
    )
    restore.add_argument(
        "--from",
        dest="source",
        metavar="FILE",
        required=True,
        help=translate("Cli", "backup file to restore"),
    )

    audit = sub.add_parser("audit", help=translate("Cli", "audit trail commands"))
    audit_sub = audit.add_subparsers(
        dest="audit_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    audit_sub.add_parser(
        "verify",
        parents=[common],
        help=translate("Cli", "check that the audit trail's hash chain is intact"),
    )

    importer = sub.add_parser("import", help=translate("Cli", "import data from a file"))
    import_sub = importer.add_subparsers(
        dest="import_what", metavar="WHAT", required=True, parser_class=_Parser
    )
    import_clients = import_sub.add_parser(
        "clients",
        parents=[common],
        help=translate("Cli", "import clients, contacts and financials from .xlsx or .csv"),
    )
    import_clients.add_argument(
        "file", metavar="FILE", help=translate("Cli", ".xlsx, .xls or .csv file")
    )
    import_clients.add_argument(
        "--report",
        metavar="OUT",
        default=None,
        help=translate(
            "Cli", "where to write the rejected rows (.xlsx or .csv; default FILE-errors.csv)"
        ),
    )
    import_clients.add_argument(
        "--update-existing",
        action="store_true",
        help=translate("Cli", "update clients that already exist (same USCC)"),
    )

    exporter = sub.add_parser("export", help=translate("Cli", "export data to a file"))
    export_sub = exporter.add_subparsers(
        dest="export_what", metavar="WHAT", required=True, parser_class=_Parser
    )
    export_clients = export_sub.add_parser(
        "clients",
        parents=[common],
        help=translate("Cli", "export clients to .xlsx or .csv (personal data masked)"),
    )
    export_clients.add_argument(
        "out", metavar="OUT", help=translate("Cli", ".xlsx or .csv file to write")
    )

    score = sub.add_parser(
        "score",
        parents=[common],
        help=translate("Cli", "score one client on a pre-credit scorecard (nothing is saved)"),
    )
    score.add_argument(
        "--client",
        required=True,
        metavar="USCC",
        help=translate("Cli", "the client's unified social credit code (or record id)"),
    )
    score.add_argument(
        "--template",
        metavar="CODE",
        default=None,
        help=translate("Cli", "scorecard template code (default: by the client's firm type)"),
    )
    score.add_argument(
        "--answer",
        metavar="CODE=VALUE",
        action="append",
        default=[],
        help=translate("Cli", "a judgement answer, e.g. tech_level=national (repeatable)"),
    )
    score.add_argument(
        "--json",
        action="store_true",
        help=translate("Cli", "print the result as JSON with every factor"),
    )
    return parser


# ---------------------------------------------------------------------------
# helpers


def _out(text: str = "") -> None:
    print(text, file=sys.stdout, flush=True)


def _err(text: str) -> None:
    print(f"{PROG}: {text}", file=sys.stderr, flush=True)


def _db_path(args: argparse.Namespace) -> Path:
    raw = getattr(args, "db", None)
    if not raw:
        raise CliError(translate("Cli", "--db PATH is required for this command"))
    return _local_path(raw)


def _local_path(raw: str) -> Path:
    if is_network_path(raw):
        raise NetworkPathError(f"network path: {raw}", detail=raw)
    return Path(raw).expanduser()


def _require_file(path: Path) -> None:
    if not path.exists():
        raise CliError(translate("Cli", "Database file not found: {path}").format(path=path))
    if path.is_dir():
        raise CliError(
            translate("Cli", "This is a folder, not a database file: {path}").format(path=path)
        )


def _size_text(path: Path) -> str:
    size = path.stat().st_size
    for wal in (Path(str(path) + "-wal"),):
        if wal.exists():
            size += wal.stat().st_size
    return f"{size / 1_000_000:,.1f} MB"


def _database_message(exc: DatabaseError) -> str:
    where = exc.detail or str(exc)
    if isinstance(exc, NetworkPathError):
        return translate(
            "Cli",
            "The database is on a network drive, where SQLite can corrupt it. "
            "Copy it to a local disk: {path}",
        ).format(path=where)
    if isinstance(exc, NotADatabaseError):
        return translate("Cli", "This file is not an H2 Credit Desk database: {path}").format(
            path=where
        )
    if isinstance(exc, CorruptDatabaseError):
        return translate(
            "Cli", "The database file is damaged ({problem}). Restore it from a backup."
        ).format(problem=str(exc))
    if isinstance(exc, NewerSchemaError):
        return translate(
            "Cli",
            "The database was written by a newer release of H2 Credit Desk ({versions}). "
            "Install the newer release.",
        ).format(versions=exc.detail or str(exc))
    if isinstance(exc, BackupError):
        return translate("Cli", "Backup or restore refused: {problem}").format(problem=str(exc))
    if isinstance(exc, ConflictError):
        return translate("Cli", "Someone else changed this record: {problem}").format(
            problem=str(exc)
        )
    return translate("Cli", "Database error: {problem}").format(problem=str(exc))


# ---------------------------------------------------------------------------
# commands


def _cmd_demo(args: argparse.Namespace) -> int:
    from db.connection import open_database
    from desktop.core.demo import generate_demo

    path = _db_path(args)
    db = open_database(path)
    try:
        existing = db.conn.execute("SELECT count(*) FROM clients").fetchone()[0]
        if existing:
            raise CliError(
                translate(
                    "Cli",
                    "{path} already holds {count:,} clients; the demo portfolio is only "
                    "written into an empty database. Choose a new file.",
                ).format(path=path, count=existing)
            )
        _out(
            translate(
                "Cli", "Writing the demo portfolio ({clients:,} clients, seed {seed})…"
            ).format(clients=args.clients, seed=args.seed)
        )
        started = time.perf_counter()
        summary = generate_demo(db, clients=args.clients, seed=args.seed)
        elapsed = time.perf_counter() - started
    finally:
        db.close()
    for table, count in _summary_counts(summary):
        _out(f"  {table:<28} {count:>12,}")
    _out(
        translate("Cli", "Done in {seconds:.1f} s; database size {size}: {path}").format(
            seconds=elapsed, size=_size_text(path), path=path
        )
    )
    return EXIT_OK


def _summary_counts(summary: object) -> list[tuple[str, int]]:
    """Per-table counts from the generator's summary, whatever its exact shape."""
    if dataclasses.is_dataclass(summary) and not isinstance(summary, type):
        fields = dataclasses.asdict(summary)
    elif isinstance(summary, dict):
        fields = summary
    else:
        return []
    rows: list[tuple[str, int]] = []
    for name, value in fields.items():
        if isinstance(value, dict):
            rows.extend((str(k), v) for k, v in value.items() if isinstance(v, int))
        elif isinstance(value, int) and not isinstance(value, bool) and "seed" not in name:
            rows.append((name, value))
    return rows


def _cmd_check(args: argparse.Namespace) -> int:
    from db.health import check_database

    path = _db_path(args)
    _require_file(path)
    report = check_database(path)
    if report.ok:
        _out(
            "ok  "
            + translate("Cli", "schema version {version} (this release: {latest})").format(
                version=report.schema_version, latest=report.latest_version
            )
        )
        return EXIT_OK
    _out(translate("Cli", "The database has problems:"))
    for problem in report.problems:
        _out(f"  - {problem}")
    return EXIT_PROBLEMS


def _cmd_backup(args: argparse.Namespace) -> int:
    from desktop.core.backups import backup_file

    path = _db_path(args)
    _require_file(path)
    target = Path(args.target).expanduser()
    written = backup_file(path, target, reason="h2desk backup (command line)")
    _out(
        translate("Cli", "Backup written: {path} ({size})").format(
            path=written, size=_size_text(Path(written))
        )
    )
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from desktop.core.backups import restore_backup

    path = _db_path(args)
    source = Path(args.source).expanduser()
    if not source.is_file():
        raise CliError(translate("Cli", "Backup file not found: {path}").format(path=source))
    kept = restore_backup(path, source, user=None, reason="h2desk restore (command line)")
    _out(translate("Cli", "Restored {path} from {source}.").format(path=path, source=source))
    if kept is not None:
        _out(translate("Cli", "The database it replaced was kept at: {path}").format(path=kept))
    else:
        _out(translate("Cli", "There was no database at that path before; nothing was replaced."))
    return EXIT_OK


def _cmd_audit(args: argparse.Namespace) -> int:
    """``audit verify``: exit 0 and "ok" on an intact chain, 1 naming the first
    broken entry otherwise. Read-only; needs no user (nothing is written)."""
    from desktop.core.auditing import chain_report_text, verify

    path = _db_path(args)
    _require_file(path)
    report = verify(path)
    text = chain_report_text(report)
    if report.ok:
        _out(text if text.startswith("ok") else f"ok  {text}")
        return EXIT_OK
    _out(text)
    if report.problem:
        _out(f"  ({report.problem})")
    return EXIT_PROBLEMS


def _cmd_import(args: argparse.Namespace) -> int:
    """``import clients``: 0 when every row was imported, 3 when some rows were
    rejected (the valid ones imported, the report written), 2 when the file
    cannot be used (nothing written)."""
    from db.connection import open_database
    from desktop.core import importing
    from desktop.core.security import PermissionDenied
    from desktop.core.startup import cli_user

    path = _db_path(args)
    source = _local_path(args.file)
    user = cli_user("branch_head")
    db = open_database(path)
    try:
        try:
            preview = importing.preview_import(db, source, user=user)
            for warning in preview.warnings:
                _out(f"  ! {warning}")
            result = importing.apply_import(db, user, preview, update_existing=args.update_existing)
        except (importing.ImportFileError, importing.ImportApplyError, PermissionDenied) as exc:
            raise CliError(exc.message) from None
    finally:
        db.close()
    _out(
        translate(
            "Cli",
            "{rows:,} rows read: {created:,} clients created, {updated:,} updated, "
            "{contacts:,} contacts and {statements:,} statements added, "
            "{rejected:,} rows rejected.",
        ).format(
            rows=len(preview.rows),
            created=result.created,
            updated=result.updated,
            contacts=result.contacts_added,
            statements=result.statements_saved,
            rejected=result.rejected,
        )
    )
    if result.skipped:
        _out(
            translate(
                "Cli",
                "{skipped:,} rows belong to clients already in the database and were left "
                "unchanged (use --update-existing to update them).",
            ).format(skipped=result.skipped)
        )
    if not preview.rejected_rows:
        return EXIT_OK
    report = (
        _local_path(args.report) if args.report else source.with_name(f"{source.stem}-errors.csv")
    )
    written = importing.write_error_report(preview, report)
    for problem in preview.problems[:20]:
        _out(f"  {problem.row_number:>6}  {problem.column}: {problem.reason}")
    if len(preview.problems) > 20:
        _out("  …")
    _out(translate("Cli", "The rejected rows and the reasons are in {path}").format(path=written))
    return EXIT_PARTIAL


def _cmd_export(args: argparse.Namespace) -> int:
    """``export clients``: every live client with contacts and statements,
    mobile and ID numbers masked."""
    from db.connection import open_database
    from desktop.core.exporting import ExportError, export_clients
    from desktop.core.startup import cli_user

    path = _db_path(args)
    _require_file(path)
    target = _local_path(args.out)
    db = open_database(path)
    try:
        count = export_clients(db, cli_user("branch_head"), target)
    except ExportError as exc:
        raise CliError(exc.message) from None
    finally:
        db.close()
    _out(
        translate(
            "Cli", "{count:,} clients exported to {path} (mobile and ID numbers masked)."
        ).format(count=count, path=target)
    )
    return EXIT_OK


def _cmd_score(args: argparse.Namespace) -> int:
    """``score``: one client on a scorecard; exit 4 when a knock-out rule applies."""
    import json

    from db.connection import open_database
    from db.scorecards import find_client_id
    from desktop.core.scoring import ScoringError, ScoringInputError, load_templates, score_client
    from desktop.core.scoring.text import result_lines

    path = _db_path(args)
    _require_file(path)
    answers = {}
    for item in args.answer:
        code, sep, value = item.partition("=")
        if not sep or not code.strip():
            raise CliError(
                translate("Cli", "--answer must look like CODE=VALUE, got {item!r}").format(
                    item=item
                )
            )
        answers[code.strip()] = value.strip()
    templates = load_templates()
    for problem in templates.problems:
        _err(translate("Cli", "Scorecard template refused: {problem}").format(problem=problem))
    db = open_database(path)
    try:
        client_id = find_client_id(db, args.client)
        if client_id is None:
            raise CliError(
                translate("Cli", "No client with USCC or id {client} in {path}").format(
                    client=args.client, path=path
                )
            )
        try:
            result = score_client(db, client_id, args.template, answers, templates=templates)
        except (ScoringError, ScoringInputError) as exc:
            raise CliError(exc.message) from None
    finally:
        db.close()
    if args.json:
        _out(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        for line in result_lines(result):
            _out(line)
    if result.knocked_out:
        _err(translate("Cli", "Knocked out: {reason}").format(reason=result.knockout_reason))
        return EXIT_KNOCKED_OUT
    return EXIT_OK


def _cmd_self_test() -> int:
    from desktop.ui.selftest import run_self_test

    return run_self_test()


def _cmd_gui(args: argparse.Namespace, language: str) -> int:
    if args.demo and args.db:
        raise CliError(translate("Cli", "Use either --demo or --db, not both."))
    if args.demo:
        from desktop.core.startup import ensure_demo_database

        demo_path = paths.demo_db_path()
        if not demo_path.exists():
            _err(translate("Cli", "Preparing the demo portfolio (first start only)…"))
        db_path = ensure_demo_database(demo_path)
    else:
        db_path = _local_path(args.db) if args.db else paths.default_db_path()

    from desktop.ui.app import run_gui

    return run_gui(db_path, demo=bool(args.demo), language=language)


_COMMANDS = {
    "demo": _cmd_demo,
    "check": _cmd_check,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "audit": _cmd_audit,
    "import": _cmd_import,
    "export": _cmd_export,
    "score": _cmd_score,
}


def _crash_log(exc: BaseException) -> Path | None:
    """Write an unexpected error's traceback to the log folder; return the file."""
    try:
        log = paths.log_dir() / "h2desk-cli.log"
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} h2desk {__version__}\n")
            fh.write("".join(traceback.format_exception(exc)))
        return log
    except OSError:
        return None


def _run(argv: list[str], language: str) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help and --version exit through argparse
        return stop.code if isinstance(stop.code, int) else EXIT_OK
    if args.self_test:
        if args.command:
            raise CliError(translate("Cli", "--self-test cannot be combined with a command."))
        return _cmd_self_test()
    if args.command:
        return _COMMANDS[args.command](args)
    return _cmd_gui(args, language)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``h2desk`` console script; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    language = _choose_language(argv)
    with contextlib.suppress(ValueError):
        i18n.set_language(language)
    for stream in (sys.stdout, sys.stderr):
        # A Windows console in a legacy code page must not crash on Chinese text.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(Exception):
                reconfigure(errors="replace")
    try:
        return _run(argv, language)
    except CliError as exc:
        _err(str(exc))
        return exc.code
    except DatabaseError as exc:
        _err(_database_message(exc))
        return EXIT_ERROR
    except sqlite3.Error as exc:
        _err(translate("Cli", "Database error: {problem}").format(problem=str(exc)))
        return EXIT_ERROR
    except ValueError as exc:
        _err(str(exc))
        return EXIT_ERROR
    except OSError as exc:
        name = exc.filename if exc.filename is not None else ""
        _err(
            translate("Cli", "Cannot read or write {path}: {problem}").format(
                path=name, problem=exc.strerror or str(exc)
            )
        )
        return EXIT_ERROR
    except KeyboardInterrupt:
        _err(translate("Cli", "Interrupted."))
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: one line for the user, the traceback in the log
        log = _crash_log(exc)
        _err(
            translate("Cli", "Unexpected error ({problem}); details were written to {path}").format(
                problem=f"{type(exc).__name__}: {exc}", path=log or "-"
            )
        )
        return EXIT_ERROR


def main_gui(argv: list[str] | None = None) -> int:
    """Entry point of the ``h2desk-gui`` windowed script (no console on Windows).

    ``pythonw`` has no stdout/stderr; messages then go to a log file in the
    user data folder instead of failing on ``None``.
    """
    if sys.stdout is None or sys.stderr is None:
        try:
            log = (paths.log_dir() / "h2desk-gui.log").open("a", encoding="utf-8")
        except OSError:
            log = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the app
        if sys.stdout is None:
            sys.stdout = log
        if sys.stderr is None:
            sys.stderr = log
    return main(argv)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

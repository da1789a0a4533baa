"""Maintain the Qt Linguist translation of H2 Credit Desk.

    uv run python .ci/translations.py update        # lupdate desktop/ and db/ -> .ts
    uv run python .ci/translations.py fill FILE.tsv # context<TAB>source<TAB>translation
    uv run python .ci/translations.py release       # lrelease .ts -> .qm
    uv run python .ci/translations.py check         # exit 1 on unfinished/missing

``update`` keeps existing translations and drops entries whose source string
is gone (-no-obsolete). In a TSV line, ``\\n`` and ``\\t`` stand for a newline
and a tab; lines starting with ``#`` are comments.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGE = "zh_CN"
TS_FILE = TRANSLATIONS / f"h2desk_{LANGUAGE}.ts"
QM_FILE = TRANSLATIONS / f"h2desk_{LANGUAGE}.qm"
SOURCE_DIRS = ("desktop", "db")


def tool(name: str) -> str:
    """A Qt tool from the PySide6 wheel (pyside6-lupdate / pyside6-lrelease)."""
    exe = Path(sys.executable).parent / name
    for candidate in (exe, exe.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; run this with `uv run python .ci/translations.py`")
    return found


def source_files(root: Path = ROOT) -> list[Path]:
    files: list[Path] = []
    for folder in SOURCE_DIRS:
        files.extend(
            p for p in sorted((root / folder).rglob("*.py")) if "__pycache__" not in p.parts
        )
    return files


def run_lupdate(ts_file: Path, *, root: Path = ROOT) -> None:
    """Extract strings from the sources into ``ts_file`` (created or merged)."""
    files = [str(p) for p in source_files(root)]
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as lst:
        lst.write("\n".join(files) + "\n")
    try:
        result = subprocess.run(
            [
                tool("pyside6-lupdate"),
                f"@{lst.name}",
                "-ts",
                str(ts_file),
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                LANGUAGE,
                "-silent",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        Path(lst.name).unlink(missing_ok=True)
    if result.returncode != 0:
        raise SystemExit(f"lupdate failed:\n{result.stdout}\n{result.stderr}")


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    result = subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"lrelease failed:\n{result.stdout}\n{result.stderr}")


def messages(ts_file: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) -> (translation text, translation type) for live entries."""
    root = ET.parse(ts_file).getroot()
    found: dict[tuple[str, str], tuple[str, str | None]] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            kind = node.get("type") if node is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            text = (node.text or "") if node is not None else ""
            found[(name, message.findtext("source") or "")] = (text, kind)
    return found


def problems(ts_file: Path) -> list[str]:
    """Entries still unfinished or with an empty translation."""
    out = []
    for (context, source), (text, kind) in sorted(messages(ts_file).items()):
        if kind == "unfinished" or not text.strip():
            out.append(f"{context}: {source!r}")
    return out


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


def read_tsv(path: Path) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise SystemExit(f"{path}:{number}: expected context<TAB>source<TAB>translation")
        context, source, translation = (_unescape(p) for p in parts)
        table[(context, source)] = translation
    return table


def fill(ts_file: Path, table: dict[tuple[str, str], str]) -> tuple[int, int]:
    """Set translations from ``table``; returns (filled, not found in the .ts)."""
    tree = ET.parse(ts_file)
    root = tree.getroot()
    used = set()
    filled = 0
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "")
            if key not in table or not table[key].strip():
                continue
            node = message.find("translation")
            if node is None:
                node = ET.SubElement(message, "translation")
            if node.get("type") in ("obsolete", "vanished"):
                continue
            node.text = table[key]
            node.attrib.pop("type", None)
            used.add(key)
            filled += 1
    write_ts(tree, ts_file)
    return filled, len(set(table) - used)


def write_ts(tree: ET.ElementTree, ts_file: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update", help="extract strings into the .ts (keeps translations)")
    fill_cmd = sub.add_parser("fill", help="set translations from TSV files")
    fill_cmd.add_argument("tsv", nargs="+", type=Path)
    sub.add_parser("release", help="compile the .ts into the .qm")
    sub.add_parser("check", help="exit 1 when a translation is unfinished or missing")
    args = parser.parse_args(argv)

    if args.command == "update":
        TRANSLATIONS.mkdir(parents=True, exist_ok=True)
        run_lupdate(TS_FILE)
        print(f"{TS_FILE.relative_to(ROOT)}: {len(messages(TS_FILE))} messages")
    elif args.command == "fill":
        for path in args.tsv:
            filled, unknown = fill(TS_FILE, read_tsv(path))
            print(f"{path}: filled {filled}, not in the .ts: {unknown}")
        run_lupdate(TS_FILE)  # back to lupdate's own layout (clean diffs)
    elif args.command == "release":
        run_lrelease(TS_FILE, QM_FILE)
        print(f"wrote {QM_FILE.relative_to(ROOT)}")
    elif args.command == "check":
        if not TS_FILE.exists():
            print(f"missing {TS_FILE.relative_to(ROOT)}; run `update`")
            return 1
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / TS_FILE.name
            shutil.copy(TS_FILE, fresh)
            run_lupdate(fresh)
            missing = sorted(set(messages(fresh)) - set(messages(TS_FILE)))
        bad = [f"not in the .ts (run update): {c}: {s!r}" for c, s in missing]
        bad += [f"unfinished: {p}" for p in problems(TS_FILE)]
        if bad:
            print("\n".join(bad))
            print(f"{len(bad)} translation problem(s)")
            return 1
        print(f"ok: {len(messages(TS_FILE))} messages translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())

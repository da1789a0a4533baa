"""The Chinese translation is complete, up to date with the sources, and compiled."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_tool():
    spec = importlib.util.spec_from_file_location(
        "h2desk_translations", ROOT / ".ci/translations.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """What lupdate finds in the sources today, in a scratch .ts."""
    scratch = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    tool.run_lupdate(scratch)
    return tool.messages(scratch)


def test_sources_have_strings_to_translate(extracted) -> None:
    assert ("MainWindow", "Clients") in extracted
    assert ("Labels", "Need confirmed") in extracted


def test_every_source_string_is_in_the_committed_ts(extracted) -> None:
    committed = tool.messages(tool.TS_FILE)
    missing = sorted(set(extracted) - set(committed))
    assert not missing, (
        "strings missing from h2desk_zh_CN.ts; run `uv run python .ci/translations.py update`, "
        f"translate them, then `release`: {missing}"
    )


def test_no_unfinished_or_empty_translation() -> None:
    problems = tool.problems(tool.TS_FILE)
    assert not problems, f"unfinished translations: {problems}"


def test_no_obsolete_entries_linger(extracted) -> None:
    stale = sorted(set(tool.messages(tool.TS_FILE)) - set(extracted))
    assert not stale, f"entries whose source string is gone; run `update`: {stale}"


def test_committed_qm_matches_the_ts(tmp_path: Path) -> None:
    assert tool.QM_FILE.exists(), "run `uv run python .ci/translations.py release`"
    fresh = tmp_path / "fresh.qm"
    tool.run_lrelease(tool.TS_FILE, fresh)
    assert fresh.read_bytes() == tool.QM_FILE.read_bytes(), (
        "h2desk_zh_CN.qm is stale; run `uv run python .ci/translations.py release`"
    )


def test_placeholders_survive_translation() -> None:
    pattern = re.compile(r"\{[^{}]*\}")
    wrong = [
        (context, source, text)
        for (context, source), (text, _) in tool.messages(tool.TS_FILE).items()
        if text and sorted(pattern.findall(source)) != sorted(pattern.findall(text))
    ]
    assert not wrong, f"placeholders differ between source and translation: {wrong}"


def test_fill_and_check_round_trip(tmp_path: Path) -> None:
    ts = tmp_path / "h2desk_zh_CN.ts"
    shutil.copy(tool.TS_FILE, ts)
    tsv = tmp_path / "x.tsv"
    tsv.write_text(
        "# comment\nMainWindow\tClients\t客户（测试）\nNoSuchContext\tX\tY\n", encoding="utf-8"
    )
    filled, unknown = tool.fill(ts, tool.read_tsv(tsv))
    assert (filled, unknown) == (1, 1)
    assert tool.messages(ts)[("MainWindow", "Clients")] == ("客户（测试）", None)

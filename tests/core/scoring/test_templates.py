"""Template loading: shipped templates are valid; malformed ones are refused
with the file, the line and the problem, and the app keeps the valid ones."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desktop.core.scoring.templates import (
    TemplateError,
    builtin_dir,
    load_template,
    load_templates,
    user_dir,
)

pytestmark = pytest.mark.usefixtures("english_messages")

GOOD = """code = "mini"
version = "1"
name_zh = "测试卡"
firm_types = ["tech"]
rationale_zh = "测试"

[[dimensions]]
code = "d1"
name_zh = "维度一"
weight = 60

[[dimensions.factors]]
code = "patents"
name_zh = "发明专利"
source = "profile.invention_patents"
weight = 100
rule = "bands"
direction = "higher_better"
bands = [
  { score = 0 },
  { min = 5, score = 100 },
]

[[dimensions]]
code = "d2"
name_zh = "维度二"
weight = 40

[[dimensions.factors]]
code = "level"
name_zh = "技术水平"
source = "rm"
points = 40
rule = "choice"
guidance_zh = "看鉴定意见"
choices = [
  { code = "high", label_zh = "高", score = 100 },
  { code = "low", label_zh = "低", score = 0 },
]

[[grades]]
grade = "A"
min = 60
max = 100
multiplier = 1

[[grades]]
grade = "B"
min = 0
max = 60
multiplier = 0

[limit]
terms = [ { source = "financial.revenue_yuan", share = 0.2 } ]
"""


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    count = 0
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            count += 1
            if count == occurrence:
                return number
    raise AssertionError(f"{needle!r} not in the text")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_templates_are_valid_and_add_up(shipped):
    assert sorted(shipped.codes()) == ["manufacturer", "project", "tech"]
    for template in shipped.templates:
        assert template.builtin and len(template.sha256) == 64
        assert sum(d.weight for d in template.dimensions) == 100
        for dim in template.dimensions:
            assert sum(f.max_points for f in dim.factors) == dim.weight
        assert template.rationale_zh and template.rationale_en
        assert template.grades[0].min == 0 and template.grades[-1].max == 100
        for factor in template.judgement_factors():
            assert factor.guidance_zh, factor.code
        assert {k.code for k in template.knockouts} >= {"dishonest_debtor", "major_violation"}
    assert shipped.for_firm_type("tech").code == "tech"
    assert shipped.for_firm_type("manufacturer").code == "manufacturer"
    assert shipped.for_firm_type("project").code == "project"


def test_a_good_template_loads(tmp_path):
    template = load_template(_write(tmp_path, "mini.toml", GOOD))
    assert [f.max_points for f in template.factors] == [Decimal("60.00"), Decimal("40.00")]
    assert template.factor("level").is_judgement
    assert template.grade_for(Decimal("60.00")).grade == "A"
    assert template.grade_for(Decimal("59.99")).grade == "B"
    assert template.grade_for(Decimal("100")).grade == "A"


MALFORMED = [
    # (name, change to GOOD, needle marking the expected line, occurrence, words in the message)
    ("syntax", ('weight = 60', 'weight = = 60'), "weight = = 60", 1, "not valid TOML"),
    ("weights", ('weight = 40', 'weight = 30'), "weight = 30", 1, "add up to 90"),
    ("overlap", ('min = 60\nmax = 100', 'min = 55\nmax = 100'), "min = 55", 1, "overlaps"),
    ("gap", ('min = 0\nmax = 60', 'min = 0\nmax = 50'), "min = 60", 1, "missing band"),
    ("unknown field", ('profile.invention_patents', 'profile.patent_count'),
     "profile.patent_count", 1, "unknown source 'profile.patent_count'"),
    ("no rule", ('rule = "choice"\n', ''), '[[dimensions.factors]]', 2, "has no 'rule'"),
    ("duplicate", ('code = "level"', 'code = "patents"'), 'code = "patents"', 2,
     "duplicate factor code 'patents'"),
    ("typo key", ('direction = "higher_better"', 'direction = "higher_better"\nwieght = 3'),
     "wieght", 1, "unknown key 'wieght'"),
    ("direction", ('{ min = 5, score = 100 }', '{ min = 5, score = -1 }'), "score = -1", 1,
     "outside 0..100"),
    ("band order", ('{ score = 0 },\n  { min = 5, score = 100 },',
                    '{ score = 0 },\n  { min = 5, score = 50 },\n  { min = 3, score = 100 },'),
     "min = 3", 1, "must increase"),
    ("limit source", ('financial.revenue_yuan', 'financial.turnover'), "financial.turnover", 1,
     "unknown limit source"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("change", "needle", "occurrence", "words"),
    [m[1:] for m in MALFORMED],
    ids=[m[0] for m in MALFORMED],
)
def test_malformed_templates_name_file_line_and_problem(tmp_path, change, needle, occurrence,
                                                        words):  # fmt: skip
    old, new = change
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    path = _write(tmp_path, "broken.toml", text)
    with pytest.raises(TemplateError) as info:
        load_template(path)
    message = str(info.value)
    expected_line = _line_of(text, needle, occurrence)
    assert f"broken.toml, line {expected_line}:" in message, message
    assert words in message, message


def test_loading_a_folder_keeps_the_valid_templates(tmp_path):
    _write(tmp_path, "a_good.toml", GOOD)
    _write(tmp_path, "b_bad.toml", GOOD.replace("weight = 40", "weight = 30"))
    _write(tmp_path, "c_dup.toml", GOOD)
    loaded = load_templates([tmp_path])
    assert loaded.codes() == ["mini"]
    assert sorted({p.file.name for p in loaded.problems}) == ["b_bad.toml", "c_dup.toml"]
    duplicate = next(p for p in loaded.problems if p.file.name == "c_dup.toml")
    assert "duplicate template code 'mini'" in str(duplicate)
    assert "c_dup.toml, line 1:" in str(duplicate)


def test_user_folder_is_loaded_after_the_shipped_one(data_dir):
    folder = user_dir()
    assert folder == data_dir / "scorecards"
    _write(folder, "bank.toml", GOOD.replace('code = "mini"', 'code = "bank_tech"'))
    _write(folder, "clash.toml", GOOD.replace('code = "mini"', 'code = "tech"'))
    loaded = load_templates()
    assert loaded.codes()[:3] == ["manufacturer", "project", "tech"]
    assert "bank_tech" in loaded.codes()
    assert not loaded.get("bank_tech").builtin
    assert loaded.for_firm_type("tech").code == "tech"  # shipped first
    assert [p.file.name for p in loaded.problems] == ["clash.toml"]
    assert builtin_dir().is_dir()

"""The bundled Chinese font in PDFs: registered once, embedded, text extractable."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfbase import pdfmetrics

from desktop.core import paths, pdf


@pytest.fixture(scope="module")
def self_test_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return pdf.write_self_test_pdf(tmp_path_factory.mktemp("pdf") / "sub" / "self-test.pdf")


def test_register_cjk_font_is_idempotent() -> None:
    first = pdf.register_cjk_font()
    second = pdf.register_cjk_font()
    assert first == second == pdf.CJK_FONT_NAME
    assert pdfmetrics.getRegisteredFontNames().count(first) == 1
    name = pdfmetrics.getFont(first).face.name
    assert "WenQuanYi" in (name.decode() if isinstance(name, bytes) else name)


def test_register_cjk_font_missing_file_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(paths, "font_path", lambda: tmp_path / "missing.ttc")
    monkeypatch.setattr(pdf, "CJK_FONT_NAME", "NotYetRegisteredFont")
    with pytest.raises(FileNotFoundError, match=r"missing\.ttc"):
        pdf.register_cjk_font()


def test_self_test_pdf_is_one_page_with_the_font_embedded(self_test_pdf: Path) -> None:
    data = self_test_pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1
    assert b"/FontFile2" in data  # embedded TrueType program
    assert pdf.CJK_FONT_NAME.encode() in data
    # Subset only: the whole 5 MB collection must not end up in every PDF.
    assert len(data) < 200_000


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_reports_only_the_embedded_font(self_test_pdf: Path) -> None:
    out = subprocess.run(
        ["pdffonts", str(self_test_pdf)], capture_output=True, text=True, check=True
    ).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:  # no un-embedded Helvetica or other base-14 font sneaks in
        assert pdf.CJK_FONT_NAME in row, out
        columns = row.split()
        assert columns[-5] == "yes", out  # "emb" column


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_chinese_text_extracts(self_test_pdf: Path) -> None:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(self_test_pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    ).stdout
    for expected in (
        "氢能信贷工作台 自检报告",
        "统一社会信用代码",
        "91350100M000100Y43",
        "1,000.00 万元",
    ):
        assert expected in text, text
    info = subprocess.run(
        ["pdfinfo", str(self_test_pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE), info
    assert "A4" in info, info


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_page_renders_with_ink(self_test_pdf: Path, tmp_path: Path) -> None:
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-gray", str(self_test_pdf), str(tmp_path / "page")],
        check=True,
    )
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == 1
    with Image.open(pages[0]) as image:
        gray = image.convert("L")
        width, height = gray.size
        top = gray.crop((0, 0, width, height // 3))  # title and table sit in the top third
        dark = sum(top.histogram()[:128])
    assert width < height  # portrait A4
    assert dark > 200, "the page rendered (almost) blank: glyphs missing?"

"""PDF plumbing shared by every report writer: the bundled Chinese font.

reportlab's built-in fonts have no Chinese glyphs, so every PDF the app writes
uses the bundled WenQuanYi Micro Hei (resources/fonts/, Apache-2.0), embedded
as a TrueType subset. The file is a TrueType *collection* (.ttc): reportlab
needs ``subfontIndex=0`` to pick the Micro Hei face out of it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from desktop import __version__
from desktop.core import paths

CJK_FONT_NAME = "WenQuanYiMicroHei"

SELF_TEST_TITLE = "氢能信贷工作台 自检报告"
SELF_TEST_USCC = "91350100M000100Y43"
SELF_TEST_AMOUNT = "1,000.00 万元"

_lock = threading.Lock()


def register_cjk_font() -> str:
    """Register the bundled Chinese font with reportlab (once) and return its name."""
    with _lock:
        if CJK_FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            font_file = paths.font_path()
            if not font_file.is_file():
                raise FileNotFoundError(f"bundled Chinese font is missing: {font_file}")
            pdfmetrics.registerFont(TTFont(CJK_FONT_NAME, str(font_file), subfontIndex=0))
    return CJK_FONT_NAME


def write_self_test_pdf(path: str | Path) -> Path:
    """Write a one-page A4 PDF with Chinese text in the embedded bundled font."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    font = register_cjk_font()
    width, height = A4
    pdf = canvas.Canvas(
        str(path), pagesize=A4, pageCompression=1, initialFontName=font, initialFontSize=12
    )
    pdf.setTitle(SELF_TEST_TITLE)
    pdf.setAuthor("H2 Credit Desk")
    pdf.setCreator(f"h2desk {__version__}")

    left = 25 * mm
    y = height - 35 * mm
    pdf.setFont(font, 20)
    pdf.drawString(left, y, SELF_TEST_TITLE)
    y -= 6 * mm
    pdf.setLineWidth(0.8)
    pdf.line(left, y, width - left, y)

    rows = [
        ("程序版本", f"h2desk {__version__}"),
        ("统一社会信用代码", SELF_TEST_USCC),
        ("授信金额", SELF_TEST_AMOUNT),
        ("大写", "人民币壹仟万元整"),
        ("字体", "文泉驿微米黑 (WenQuanYi Micro Hei, Apache-2.0)"),
        ("产业链", "制氢 · 储氢 · 运氢 · 加氢 · 用氢"),
    ]
    pdf.setFont(font, 12)
    y -= 12 * mm
    for label, value in rows:
        pdf.drawString(left, y, label)
        pdf.drawString(left + 45 * mm, y, value)
        y -= 9 * mm

    pdf.setFont(font, 9)
    pdf.drawString(left, 20 * mm, "本页由自检程序生成, 用于确认中文字体已嵌入 PDF。")
    pdf.showPage()
    pdf.save()
    return path

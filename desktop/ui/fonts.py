"""The bundled Chinese font, registered so Chinese shows on any machine.

A Windows laptop has Microsoft YaHei; a bare Linux machine may have no CJK font
at all. The bundled WenQuanYi Micro Hei is added to Qt's font database and put
in the application font's family list after the system UI font (Latin text
keeps the native look) and YaHei (preferred on Windows), so any glyph the
first families lack comes from a font that has it.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.core import paths

log = logging.getLogger(__name__)

PREFERRED_CJK_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei")

_registered: list[str] | None = None


def register_bundled_font() -> list[str]:
    """Add the bundled font to Qt (once); returns its family names (empty on failure)."""
    global _registered
    if _registered is not None:
        return _registered
    path = paths.font_path()
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("could not register the bundled font %s", path)
        _registered = []
    else:
        _registered = list(QFontDatabase.applicationFontFamilies(font_id))
    return _registered


def bundled_family() -> str | None:
    families = register_bundled_font()
    return families[0] if families else None


def cjk_families() -> list[str]:
    """Families to fall back on for Chinese, best first, only those installed."""
    available = set(QFontDatabase.families())
    chosen = [f for f in PREFERRED_CJK_FAMILIES if f in available]
    bundled = bundled_family()
    if bundled:
        chosen.append(bundled)
    return chosen


def apply_default_font(app: QApplication) -> QFont:
    """Make the application font fall back to a CJK family; returns the new font."""
    font = QFont(app.font())
    base = font.family()
    families = [base, *(f for f in cjk_families() if f != base)]
    font.setFamilies(families)
    app.setFont(font)
    return font

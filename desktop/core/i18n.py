"""Translations for the Qt-free layers (validation messages, CLI output).

The single source of every translation is the Qt Linguist file
``resources/translations/h2desk_<lang>.ts``. The GUI loads the compiled ``.qm``
through ``QTranslator``; code below the UI layer marks its strings with
:func:`translate` (extracted by ``pyside6-lupdate`` like Qt's own
``QCoreApplication.translate``) and looks them up here from the same ``.ts``,
so the CLI and core error messages speak the user's language without Qt.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET

from desktop.core import paths

SOURCE_LANGUAGE = "en"
SUPPORTED_LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

_language = DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    global _language
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; choose one of {SUPPORTED_LANGUAGES}")
    _language = language


def language() -> str:
    return _language


def ts_path(lang: str):
    return paths.resource("translations", f"h2desk_{lang}.ts")


@functools.cache
def _catalog(lang: str) -> dict[tuple[str, str], str]:
    path = ts_path(lang)
    if not path.exists():
        return {}
    catalog: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            if node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if node.text:
                catalog[(name, source)] = node.text
    return catalog


def translate(context: str, text: str) -> str:
    """Translate ``text`` in ``context`` into the current language.

    The call shape matches ``QCoreApplication.translate`` so ``pyside6-lupdate``
    extracts it; untranslated text falls back to the English source.
    """
    if _language == SOURCE_LANGUAGE:
        return text
    return _catalog(_language).get((context, text), text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark a string for extraction without translating it yet."""
    del context
    return text

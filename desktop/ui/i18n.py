"""Qt translators and translated labels for stored codes.

``install_language`` swaps Qt's own translation (``qtbase_zh_CN.qm``: standard
buttons, context menus) and ours (``h2desk_zh_CN.qm``) at runtime; Qt then sends
``LanguageChange`` to every widget and each screen re-translates itself. The
Qt-free layers follow through :func:`desktop.core.i18n.set_language`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.core import i18n as core_i18n
from desktop.core import paths, taxonomy

log = logging.getLogger(__name__)

_TRANSLATORS: list[QTranslator] = []  # kept alive while installed
_current = core_i18n.SOURCE_LANGUAGE


def qm_path(language: str):
    return paths.resource("translations", f"h2desk_{language}.qm")


def current_language() -> str:
    return _current


def install_language(language: str) -> bool:
    """Switch the whole application to ``language`` ('zh_CN' or 'en').

    Returns False (and stays in English) when a translation file is missing.
    """
    global _current
    if language not in core_i18n.SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    app = QCoreApplication.instance()
    for translator in _TRANSLATORS:
        if app is not None:
            QCoreApplication.removeTranslator(translator)
    _TRANSLATORS.clear()
    ok = True
    if language != core_i18n.SOURCE_LANGUAGE:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator()
        if qtbase.load(f"qtbase_{language}", qt_dir):
            _TRANSLATORS.append(qtbase)
        else:
            log.warning("Qt's own translation qtbase_%s not found in %s", language, qt_dir)
        ours = QTranslator()
        if ours.load(str(qm_path(language))):
            _TRANSLATORS.append(ours)
        else:
            log.warning("translation %s missing; the interface stays in English", qm_path(language))
            ok = False
    if app is not None:
        for translator in _TRANSLATORS:
            QCoreApplication.installTranslator(translator)
    locale_name = language if ok else core_i18n.SOURCE_LANGUAGE
    QLocale.setDefault(QLocale(locale_name if locale_name != "en" else "en_US"))
    core_i18n.set_language(locale_name)
    _current = locale_name
    return ok


# Labels for enum codes stored in the database. Each call translates afresh so a
# language switch shows at once. The literal calls are what lupdate extracts.


def status_label(code: str | None) -> str:
    labels = {
        "prospect": QCoreApplication.translate("Labels", "Prospect"),
        "active": QCoreApplication.translate("Labels", "Active"),
        "dormant": QCoreApplication.translate("Labels", "Dormant"),
        "exited": QCoreApplication.translate("Labels", "Exited"),
    }
    return labels.get(code or "", code or "")


def stage_label(code: str | None) -> str:
    labels = {
        "need": QCoreApplication.translate("Labels", "Need confirmed"),
        "solution": QCoreApplication.translate("Labels", "Solution designed"),
        "materials": QCoreApplication.translate("Labels", "Materials submitted"),
        "review": QCoreApplication.translate("Labels", "Under review"),
        "approved": QCoreApplication.translate("Labels", "Approved"),
        "contract": QCoreApplication.translate("Labels", "Contract signed"),
        "disbursed": QCoreApplication.translate("Labels", "Disbursed"),
        "post_loan": QCoreApplication.translate("Labels", "Post-loan follow-up"),
        "lost": QCoreApplication.translate("Labels", "Lost"),
    }
    return labels.get(code or "", code or "")


def firm_type_label(code: str | None) -> str:
    labels = {
        "tech": QCoreApplication.translate("Labels", "Tech start-up"),
        "manufacturer": QCoreApplication.translate("Labels", "Manufacturer"),
        "project": QCoreApplication.translate("Labels", "Project company"),
    }
    return labels.get(code or "", code or "")


def role_label(code: str | None) -> str:
    labels = {
        "rm": QCoreApplication.translate("Labels", "Relationship manager"),
        "reviewer": QCoreApplication.translate("Labels", "Credit reviewer"),
        "branch_head": QCoreApplication.translate("Labels", "Branch head"),
        "admin": QCoreApplication.translate("Labels", "Administrator"),
    }
    return labels.get(code or "", code or "")


def memo_kind_label(code: str | None) -> str:
    labels = {
        "investigation": QCoreApplication.translate("Labels", "Credit investigation report"),
        "proposal": QCoreApplication.translate("Labels", "Credit proposal"),
    }
    return labels.get(code or "", code or "")


def segment_label(code: str | None) -> str:
    """Value-chain segment name from the taxonomy, in the current language."""
    if not code:
        return ""
    try:
        return taxonomy.segment_name(code, core_i18n.language())
    except (KeyError, ValueError):
        return code


def audit_action_label(action: str | None) -> str:
    """A reader's name for an audit action code (``client.update`` -> 客户 · 修改)."""
    if not action:
        return ""
    special = {
        "auth.sign_in": QCoreApplication.translate("AuditActions", "Signed in"),
        "auth.sign_in_failed": QCoreApplication.translate("AuditActions", "Sign-in failed"),
        "auth.sign_out": QCoreApplication.translate("AuditActions", "Signed out"),
        "auth.password_change": QCoreApplication.translate("AuditActions", "Password changed"),
        "auth.password_failed": QCoreApplication.translate("AuditActions", "Password check failed"),
        "auth.password_reset": QCoreApplication.translate("AuditActions", "Password reset"),
        "auth.unlock_account": QCoreApplication.translate("AuditActions", "Account unlocked"),
        "auth.unlock_failed": QCoreApplication.translate("AuditActions", "Screen unlock failed"),
        "user.first_admin": QCoreApplication.translate(
            "AuditActions", "Administrator created (first run)"
        ),
        "user.deactivate": QCoreApplication.translate("AuditActions", "User deactivated"),
        "user.reactivate": QCoreApplication.translate("AuditActions", "User reactivated"),
        "backup.create": QCoreApplication.translate("AuditActions", "Backup written"),
        "backup.restore": QCoreApplication.translate("AuditActions", "Backup restored"),
        "personal.unmask": QCoreApplication.translate(
            "AuditActions", "Personal data shown in full"
        ),
        "personal.export": QCoreApplication.translate("AuditActions", "Personal data exported"),
        "client.import": QCoreApplication.translate("AuditActions", "Clients imported"),
        "client.export": QCoreApplication.translate("AuditActions", "Clients exported"),
        "audit.export": QCoreApplication.translate("AuditActions", "Audit log exported"),
        "demo.generate": QCoreApplication.translate("AuditActions", "Demo portfolio written"),
        "score.create": QCoreApplication.translate("AuditActions", "Scorecard saved"),
        "setting.update": QCoreApplication.translate("AuditActions", "Setting changed"),
        "activity.follow_up_done": QCoreApplication.translate(
            "AuditActions", "Follow-up completed"
        ),
    }
    if action in special:
        return special[action]
    entity, _, verb = action.partition(".")
    entities = {
        "user": QCoreApplication.translate("AuditActions", "User"),
        "client": QCoreApplication.translate("AuditActions", "Client"),
        "contact": QCoreApplication.translate("AuditActions", "Contact"),
        "financial_statement": QCoreApplication.translate("AuditActions", "Financial statement"),
        "activity": QCoreApplication.translate("AuditActions", "Activity"),
        "attachment": QCoreApplication.translate("AuditActions", "Attachment"),
        "deal": QCoreApplication.translate("AuditActions", "Deal"),
        "deal_stage": QCoreApplication.translate("AuditActions", "Deal stage"),
        "deal_security": QCoreApplication.translate("AuditActions", "Security / guarantee"),
        "checklist_item": QCoreApplication.translate("AuditActions", "Checklist item"),
        "memo": QCoreApplication.translate("AuditActions", "Credit memo"),
        "reference_item": QCoreApplication.translate("AuditActions", "Reference item"),
    }
    verbs = {
        "create": QCoreApplication.translate("AuditActions", "created"),
        "update": QCoreApplication.translate("AuditActions", "changed"),
        "delete": QCoreApplication.translate("AuditActions", "deleted"),
    }
    if entity in entities and verb in verbs:
        return QCoreApplication.translate("AuditActions", "{entity} {verb}").format(
            entity=entities[entity], verb=verbs[verb]
        )
    return action

"""Translations: Qt's own (buttons of standard dialogs) and ours (``oiso_fr.qm``).

Source strings are English; French is the default language. The choice is kept
in QSettings (``ui/language``) and can be forced with ``--lang``.
"""

from __future__ import annotations

import logging
from importlib.resources import files

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from oiso_desktop.domain.roles import AccountStatus, Role

log = logging.getLogger(__name__)

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
SETTINGS_KEY = "ui/language"

_installed: list[QTranslator] = []
_current = "en"


def settings() -> QSettings:
    """The application's QSettings (window state and the interface language only)."""
    return QSettings()


def saved_language() -> str:
    value = settings().value(SETTINGS_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(language: str) -> None:
    if language in LANGUAGES:
        settings().setValue(SETTINGS_KEY, language)


def current_language() -> str:
    return _current


def translation_file(language: str = "fr") -> str:
    return str(files("oiso_desktop.resources") / "translations" / f"oiso_{language}.qm")


def install_translations(language: str) -> bool:
    """Replace the installed translators by those of ``language``; True if ours loaded.

    Installing or removing a translator sends a LanguageChange event to every
    widget, so screens that implement ``changeEvent`` retranslate at once.
    """
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translations() needs a QCoreApplication")
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    _current = language if language in LANGUAGES else DEFAULT_LANGUAGE
    QLocale.setDefault(QLocale(QLocale.Language.French if _current == "fr" else QLocale.English))
    if _current == "en":
        return True  # source strings are English
    ours_loaded = False
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{_current}", qt_dir):
        QCoreApplication.installTranslator(qt_base)
        _installed.append(qt_base)
    else:
        log.info("Qt base translations for %s not found in %s", _current, qt_dir)
    ours = QTranslator(app)
    if ours.load(translation_file(_current)):
        QCoreApplication.installTranslator(ours)
        _installed.append(ours)
        ours_loaded = True
    else:
        log.warning("Translation file %s could not be loaded", translation_file(_current))
    return ours_loaded


# ---------------------------------------------------------------- shared labels
_ROLE_LABELS = {
    Role.ADMIN: QT_TRANSLATE_NOOP("Roles", "Administrator"),
    Role.PRACTITIONER: QT_TRANSLATE_NOOP("Roles", "Practitioner"),
    Role.GENETIC_COUNSELLOR: QT_TRANSLATE_NOOP("Roles", "Genetic counsellor"),
    Role.SECRETARY: QT_TRANSLATE_NOOP("Roles", "Medical secretary"),
}

_STATUS_LABELS = {
    AccountStatus.ACTIVE: QT_TRANSLATE_NOOP("Roles", "Active"),
    AccountStatus.SUSPENDED: QT_TRANSLATE_NOOP("Roles", "Suspended"),
    AccountStatus.REVOKED: QT_TRANSLATE_NOOP("Roles", "Revoked"),
    AccountStatus.DELETED: QT_TRANSLATE_NOOP("Roles", "Deleted"),
}


def role_label(role: Role | str) -> str:
    """The translated name of a role ("Praticien", "Secrétaire médicale"...)."""
    try:
        source = _ROLE_LABELS[Role(role)]
    except ValueError:
        return str(role)
    return QCoreApplication.translate("Roles", source)


def status_label(status: AccountStatus | str) -> str:
    """The translated name of an account status ("Actif", "Suspendu"...)."""
    try:
        source = _STATUS_LABELS[AccountStatus(status)]
    except ValueError:
        return str(status)
    return QCoreApplication.translate("Roles", source)

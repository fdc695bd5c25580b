"""The interface language: Qt translators for French and English (F-03)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("fr", "en")
TRANSLATIONS_DIR = Path(__file__).with_name("translations")


_current = "fr"


def current_language() -> str:
    """The interface language now in use ("fr" or "en")."""
    return _current


class LanguageSwitch:
    """Installs the translators of one language; switching sends LanguageChange."""

    def __init__(self) -> None:
        self.language = "fr"
        self._installed: list[QTranslator] = []

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown interface language {language!r}")
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("no QApplication")
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()

        ours = QTranslator(app)
        if not ours.load(f"cams_{language}", str(TRANSLATIONS_DIR)):
            log.error(
                "missing translation file cams_%s.qm in %s", language, TRANSLATIONS_DIR
            )
        qt_own = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # Qt's own strings (standard buttons, file dialogs); English needs none.
        if language != "en" and qt_own.load(f"qtbase_{language}", qt_dir):
            self._installed.append(qt_own)
        self._installed.append(ours)
        global _current
        _current = self.language = language
        for translator in self._installed:
            app.installTranslator(translator)
        # Widgets get LanguageChange as posted events: deliver them now, so
        # the whole interface has switched when this returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

        QLocale.setDefault(QLocale(f"{language}_CA"))
        log.info("interface language is now %s", language)

    def uninstall(self) -> None:
        """Remove this switch's translators (the interface falls back to English)."""
        app = QCoreApplication.instance()
        for translator in self._installed:
            if app is not None:
                app.removeTranslator(translator)
        self._installed.clear()
        global _current
        _current = self.language = "en"

    def other(self) -> str:
        return "en" if self.language == "fr" else "fr"

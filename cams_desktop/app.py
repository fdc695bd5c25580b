"""The cams-desktop command: opens the counsellor home page."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from cams_desktop import __version__, logsetup, paths
from cams_desktop.db.engine import Database, DatabaseError
from cams_desktop.i18n import LanguageSwitch
from cams_desktop.services import auth, school
from cams_desktop.services.access import NotFound
from cams_desktop.services.demo import generate_demo

log = logging.getLogger(__name__)

DEMO_STUDENTS = 1200
DEMO_SEED = 2026


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="cams-desktop", description=__doc__)
    parser.add_argument("--db", type=Path, help="local database file to open")
    parser.add_argument(
        "--demo",
        action="store_true",
        help=f"open a demo school of {DEMO_STUDENTS} students (made on first use)",
    )
    parser.add_argument("--language", choices=("fr", "en"), help="interface language")
    parser.add_argument("--verbose", action="store_true", help="log debug lines")
    parser.add_argument("--version", action="version", version=__version__)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logsetup.configure(paths.log_dir(), args.verbose)
    QCoreApplication.setOrganizationName(paths.APP_AUTHOR)
    QCoreApplication.setApplicationName(paths.APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(sys.argv[:1])
    settings = QSettings()

    languages = LanguageSwitch()
    system_french = QLocale.system().language() == QLocale.Language.French
    language = args.language or str(
        settings.value("preferences/language", "fr" if system_french else "en")
    )
    languages.set_language(language if language in ("fr", "en") else "fr")

    try:
        db = _open_database(args)
        school.first_administrator(db)  # a school to sign in to, or a clear message
    except (DatabaseError, NotFound, ValueError) as error:
        log.error("cannot open the database: %s", error)
        QMessageBox.critical(
            None, QCoreApplication.translate("App", "CAMS Desktop"), str(error)
        )
        return 2

    sys.excepthook = _report_unexpected_error
    signed_in = sign_in(db, languages, demo=args.demo)
    if signed_in is None:
        db.close()
        return 0
    settings.setValue("preferences/language", languages.language)

    from cams_desktop.views.main_window import MainWindow

    actor = signed_in.actor
    window = MainWindow(db, actor, languages, settings, signed_in.school_name)
    from cams_desktop.views.mail_sender import MailSender

    # Email copies of messages leave from the outbox, retried until delivered.
    mail_sender = MailSender(db, window)
    mail_sender.start()
    window.show()
    code = app.exec()
    mail_sender.stop()  # lets a delivery in progress record its result
    db.close()
    return code


def _report_unexpected_error(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Errors no dialog expected: logged in full, told to the user briefly.

    Services run each operation in one transaction, so a failed operation
    has changed nothing; the message says so.
    """
    log.error("unexpected error", exc_info=(kind, error, trace))
    QMessageBox.critical(
        QApplication.activeWindow(),
        QCoreApplication.translate("App", "CAMS Desktop"),
        QCoreApplication.translate(
            "App",
            "The operation could not be completed and nothing was changed.\n\n"
            "{0}\n\nDetails are in the log file {1}.",
        ).format(error, logsetup.log_file()),
    )


def sign_in(
    db: Database, languages: LanguageSwitch, *, demo: bool
) -> auth.SignInResult | None:
    """Sign-in, then the usage agreement and a new password if they are due.

    None when the user gives up (cancels, or declines the agreement).
    """
    from cams_desktop.dialogs.agreement_dialog import AgreementDialog
    from cams_desktop.dialogs.password_dialog import PasswordDialog
    from cams_desktop.dialogs.sign_in_dialog import SignInDialog

    dialog = SignInDialog(db, languages, school.sign_in_contacts(db), demo)
    if not dialog.exec() or dialog.result_ is None:
        return None
    result = dialog.result_
    if result.agreement_to_accept is not None:
        if not AgreementDialog(result.agreement_to_accept).exec():
            return None
        auth.accept_agreement(db, result.actor, result.agreement_to_accept.edition)
    if (
        result.must_change_password
        and not PasswordDialog(db, result.actor, required=True).exec()
    ):
        return None
    return result


def _open_database(args: argparse.Namespace) -> Database:
    if args.db is None:
        paths.private_folder(
            paths.demo_database().parent if args.demo else paths.data_dir()
        )
    if args.demo:
        path = args.db or paths.demo_database()
        if not path.exists():
            log.info("making the demo school")
            generate_demo(path, DEMO_STUDENTS, DEMO_SEED)
        return Database(path)
    if args.db is not None:
        return Database(args.db, create=False)
    return Database(paths.default_database())


if __name__ == "__main__":
    sys.exit(main())

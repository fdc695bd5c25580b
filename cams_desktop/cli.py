"""The cams command line: demo school, database upkeep and benchmarks."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cams_desktop import __version__, paths

if TYPE_CHECKING:
    from cams_desktop.db.engine import Database
    from cams_desktop.services.access import Actor
    from cams_desktop.services.roster.records import Problem
    from cams_desktop.services.server_connection import ServerLogin

log = logging.getLogger(__name__)


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help=f"local database file (default: {paths.default_database()})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cams", description=__doc__)
    parser.add_argument("--version", action="version", version=__version__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser("demo", help="make a demo school in a new database file")
    _add_db(demo)
    demo.add_argument("--students", type=int, default=1200, help="number of students")
    demo.add_argument("--seed", type=int, default=2026, help="random seed")
    demo.add_argument("--out", type=Path, help="file to create (same as --db)")

    migrate = commands.add_parser(
        "migrate", help="bring a database to the newest schema"
    )
    _add_db(migrate)

    backup = commands.add_parser("backup", help="copy the database safely to a file")
    _add_db(backup)
    backup.add_argument("--out", type=Path, required=True, help="backup file to write")
    backup.add_argument(
        "--force", action="store_true", help="replace an existing --out"
    )

    restore = commands.add_parser(
        "restore",
        help="put a backup in place of the database (what it held is kept aside)",
    )
    _add_db(restore)
    restore.add_argument(
        "--from", dest="source", type=Path, required=True, help="backup file to restore"
    )

    printing = commands.add_parser(
        "print",
        help="make PDF files of parent letters or login slips (files of 25 students)",
        description=(
            "Signs in like the application: give the site account and your "
            "account in CAMS_SITE_USERNAME, CAMS_SITE_PASSWORD, CAMS_USERNAME and "
            "CAMS_PASSWORD, or type them when asked."
        ),
    )
    _add_db(printing)
    printing.add_argument("what", choices=("letters", "slips"), help="what to print")
    printing.add_argument("--out", type=Path, required=True, help="folder for the PDFs")
    printing.add_argument("--grade", type=int, help="only this grade")
    printing.add_argument(
        "--gender", choices=("female", "male", "non_binary", "unspecified")
    )
    printing.add_argument("--counsellor", help="only students of this staff username")
    printing.add_argument(
        "--username", action="append", default=[], help="only this student (repeat)"
    )
    printing.add_argument("--language", choices=("fr", "en"), default="fr")

    importing = commands.add_parser(
        "import",
        help="preview (or apply) a roster import of students",
        description=(
            "Reads a CSV or Excel file, a OneRoster or SDS folder or zip, and "
            "prints what importing it would do; --apply imports it. Exit status: "
            "0 nothing wrong, 1 rows in error or a problem with the file, 2 "
            "unreadable input. Signs in like cams print."
        ),
    )
    _add_db(importing)
    importing.add_argument("path", type=Path, help="file, folder or zip to import")
    importing.add_argument("--mapping", type=Path, help="column mapping (JSON file)")
    importing.add_argument("--date-order", choices=("dmy", "mdy"))
    importing.add_argument(
        "--source-school",
        action="append",
        default=[],
        help="import only this school of the file (repeat)",
    )
    importing.add_argument(
        "--deactivate-missing",
        action="store_true",
        help="deactivate active students a full roster does not list",
    )
    importing.add_argument(
        "--yes-deactivate-many",
        action="store_true",
        help="confirm --deactivate-missing when it ends more than half of the "
        "school's active plans",
    )
    importing.add_argument("--apply", action="store_true", help="import for real")
    importing.add_argument("--language", choices=("fr", "en"), default="en")

    bench = commands.add_parser("bench", help="run a benchmark and print its figures")
    _add_db(bench)
    bench.add_argument(
        "name",
        choices=("list", "letters", "rollover", "import", "sync"),
        help="what to measure",
    )
    bench.add_argument(
        "--students", type=int, help="number of students (50,000; sync: 2,000)"
    )
    bench.add_argument("--seed", type=int, default=7)
    bench.add_argument(
        "--server-url",
        help="sync: administrator connection to a PostgreSQL server on this "
        "computer (default: CAMS_BENCH_PG_URL, or the local server)",
    )

    syncing = commands.add_parser(
        "sync",
        help="synchronize with the school's server once and print what it did",
        description=(
            "Signs in like cams print; the server password comes from the "
            "keychain, or CAMS_SERVER_PASSWORD when the keychain has none."
        ),
    )
    _add_db(syncing)
    sync_mode = syncing.add_mutually_exclusive_group()
    sync_mode.add_argument(
        "--status", action="store_true", help="only print the sync health"
    )
    sync_mode.add_argument(
        "--export-outbox",
        type=Path,
        metavar="FILE",
        help="write the changes not sent yet to FILE (JSON lines)",
    )

    server = commands.add_parser(
        "server", help="set up or upgrade the school's PostgreSQL server"
    )
    server_commands = server.add_subparsers(
        dest="server_command", required=True, metavar="ACTION"
    )
    for action, text in (
        ("init", "create the schema, roles and access rules (safe to repeat)"),
        ("upgrade", "add what this release needs; never drops anything"),
    ):
        server_action = server_commands.add_parser(action, help=text)
        server_action.add_argument(
            "--url", required=True, help="administrator connection (postgresql://...)"
        )
    for action, text in (
        (
            "add-staff-role",
            "give a staff member their server login, or a new password "
            "(password in CAMS_STAFF_PASSWORD, or asked)",
        ),
        ("disable-staff-role", "turn a staff member's server login off"),
    ):
        role_action = server_commands.add_parser(action, help=text)
        role_action.add_argument(
            "--url", required=True, help="administrator connection (postgresql://...)"
        )
        role_action.add_argument(
            "--username", required=True, help="the staff member's CAMS username"
        )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(
        level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    from cams_desktop.cancel import Cancelled
    from cams_desktop.db.engine import DatabaseError
    from cams_desktop.server import ServerError
    from cams_desktop.services.access import NotFound, PermissionDenied

    try:
        return _run(args)
    except (
        ValueError,
        OSError,
        DatabaseError,
        PermissionDenied,
        NotFound,
        Cancelled,
        ServerError,
    ) as error:
        print(f"cams {args.command}: {error}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    if args.command == "demo":
        from cams_desktop.services.demo import generate_demo

        if args.out and args.db and args.out != args.db:
            raise ValueError("give the file to create once, with --out or --db")
        out = args.out or args.db or paths.default_database()
        summary = generate_demo(out, args.students, args.seed)
        print(
            f"{out}: {summary.students} students, {summary.staff} staff, "
            f"{summary.parents} parents, {summary.groups} groups, "
            f"{summary.notes} notes, "
            f"{summary.log_entries} counselling log entries, "
            f"{summary.login_events} logins, in {summary.seconds:.1f} s"
        )
        return 0

    from cams_desktop.db.engine import Database, backup_file, restore_file

    if args.command == "migrate":
        path = args.db or paths.default_database()
        db = Database(path, create=False)
        print(
            f"{path}: schema up to date"
            + (f" (backup {db.backup_path})" if db.backup_path else "")
        )
        db.close()
        return 0
    if args.command == "backup":
        path = args.db or paths.default_database()
        if args.out.exists() and not args.force:
            raise ValueError(f"{args.out} exists; add --force to replace it")
        backup_file(path, args.out)
        print(f"{path} copied to {args.out}")
        return 0
    if args.command == "restore":
        path = args.db or paths.default_database()
        safety = restore_file(args.source, path)
        print(
            f"{args.source} restored into {path}"
            + (f"; the database as it was is in {safety}" if safety else "")
        )
        return 0
    if args.command == "print":
        return _print(args)
    if args.command == "import":
        return _import(args)
    if args.command == "bench":
        from cams_desktop.bench import run

        if args.students is None:
            args.students = 2_000 if args.name == "sync" else 50_000
        return run(args.name, args)
    if args.command == "sync":
        return _sync(args)
    if args.command == "server":
        return _server(args)
    raise AssertionError(args.command)


def _server(args: argparse.Namespace) -> int:
    from cams_desktop.db.tracking import SCHEMA_VERSION
    from cams_desktop.server import roles
    from cams_desktop.server.setup import init_server, upgrade_server

    if args.server_command in ("add-staff-role", "disable-staff-role"):
        # The schema's owner may not create roles, so staff logins are made
        # by the school's IT with an administrator connection.
        staff_id = roles.find_staff(args.url, args.username)
        if args.server_command == "disable-staff-role":
            print(f"{roles.disable_staff_role(args.url, staff_id)}: login disabled")
            return 0
        password = _credential("CAMS_STAFF_PASSWORD", "Server password: ", True)
        if not password:
            raise ValueError("give a password for the staff member's server login")
        name = roles.add_staff_role(args.url, staff_id, args.username, password)
        print(f"{name}: login ready for {args.username}")
        return 0
    setup = init_server if args.server_command == "init" else upgrade_server
    report = setup(args.url)
    for line in report.lines():
        print(line)
    if report.nothing_to_do:
        print(f"{report.database}: nothing to do")
    else:
        print(f"{report.database}: server schema {SCHEMA_VERSION} ready")
    return 0


def _credential(variable: str, prompt: str, secret: bool) -> str:
    value = os.environ.get(variable)
    if value:
        return value
    if not sys.stdin.isatty():
        raise ValueError(f"set {variable} (no terminal to ask for it)")
    return getpass.getpass(prompt) if secret else input(prompt)


def _print(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from cams_desktop.i18n import LanguageSwitch

    if not args.out.is_dir():
        raise ValueError(f"{args.out} is not a folder")
    app = QCoreApplication.instance() or QCoreApplication([])
    languages = LanguageSwitch()
    languages.set_language(args.language)
    try:
        return _print_signed_in(args)
    finally:
        languages.uninstall()
        del app


def _print_signed_in(args: argparse.Namespace) -> int:
    from cams_desktop.db.engine import Database
    from cams_desktop.db.students import Gender
    from cams_desktop.services import auth, print_jobs
    from cams_desktop.services.access import actor_for
    from cams_desktop.services.parents import StudentCriteria

    db = Database(args.db or paths.default_database(), create=False)
    try:
        result = auth.sign_in(
            db,
            _credential("CAMS_SITE_USERNAME", "Site username: ", False),
            _credential("CAMS_SITE_PASSWORD", "Site password: ", True),
            _credential("CAMS_USERNAME", "Username: ", False),
            _credential("CAMS_PASSWORD", "Password: ", True),
        )
        if result.must_change_password or result.agreement_to_accept is not None:
            raise ValueError(
                "sign in to the application first (a new password or the usage "
                "agreement is waiting)"
            )
        counsellor = (
            actor_for(db, args.counsellor).staff_id if args.counsellor else None
        )
        criteria = StudentCriteria(
            usernames=tuple(args.username),
            counsellor_id=counsellor,
            grade=args.grade,
            gender=Gender(args.gender) if args.gender else None,
        )
        job = (
            print_jobs.print_parent_letters
            if args.what == "letters"
            else print_jobs.print_login_slips
        )
        done = job(db, result.actor, criteria, args.out)
    except auth.SignInError as error:
        raise ValueError(str(error)) from error
    finally:
        db.close()
    for path in done.files:
        print(path)
    print(f"{done.pages} pages in {len(done.files)} files", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from cams_desktop.i18n import LanguageSwitch

    app = QCoreApplication.instance() or QCoreApplication([])
    languages = LanguageSwitch()
    languages.set_language(args.language)
    try:
        return _import_signed_in(args)
    finally:
        languages.uninstall()
        del app


def _signed_in(db: Database) -> Actor:
    """The actor of the CLI's user, signed in like the application."""
    from cams_desktop.services import auth

    try:
        result = auth.sign_in(
            db,
            _credential("CAMS_SITE_USERNAME", "Site username: ", False),
            _credential("CAMS_SITE_PASSWORD", "Site password: ", True),
            _credential("CAMS_USERNAME", "Username: ", False),
            _credential("CAMS_PASSWORD", "Password: ", True),
        )
    except auth.SignInError as error:
        raise ValueError(str(error)) from error
    if result.must_change_password or result.agreement_to_accept is not None:
        raise ValueError(
            "sign in to the application first (a new password or the usage "
            "agreement is waiting)"
        )
    return result.actor


def _import_signed_in(args: argparse.Namespace) -> int:
    from cams_desktop.db.engine import Database
    from cams_desktop.services.roster.applying import (
        ImportRefused,
        StalePlan,
        apply_import,
    )
    from cams_desktop.services.roster.formats import ColumnMapping
    from cams_desktop.services.roster.planning import plan_import, read_for_import
    from cams_desktop.services.roster.records import DateOrder, RosterError

    mapping = (
        ColumnMapping.from_json(args.mapping.read_text(encoding="utf-8"))
        if args.mapping
        else None
    )
    db = Database(args.db or paths.default_database(), create=False)
    try:
        actor = _signed_in(db)
        try:
            read = read_for_import(
                db,
                actor,
                args.path,
                mapping=mapping,
                date_order=DateOrder(args.date_order) if args.date_order else None,
            )
        except RosterError as error:
            print(f"cams import: {_where(error.problem)}", file=sys.stderr)
            return 2
        plan = plan_import(
            db,
            actor,
            read.roster,
            source_schools=frozenset(args.source_school) or None,
            mapping=read.mapping_to_remember(),
        )
        figures = plan.summary()
        print(
            f"{args.path.name}: {plan.format.value}, {figures.rows_read} rows read"
            + (" (full roster)" if plan.full else "")
        )
        for label, value in (
            ("new", figures.new),
            ("update", figures.update),
            ("unchanged", figures.unchanged),
            ("error", figures.error),
            ("skipped", figures.skipped),
            ("missing students", figures.missing),
            ("passwords ignored", figures.passwords_ignored),
        ):
            print(f"  {label}: {value}")
        for school in plan.source_schools:
            print(f"  school {school.id} ({school.name}): {school.rows} rows")
        for problem in plan.error_problems():
            print(_where(problem))
        if not args.apply:
            return 1 if plan.problems or figures.error else 0
        if plan.needs_school_choice:
            print("nothing imported: choose with --source-school", file=sys.stderr)
            return 1
        try:
            result = apply_import(
                db,
                actor,
                plan,
                deactivate_missing=args.deactivate_missing,
                deactivate_many=args.yes_deactivate_many,
            )
        except (ImportRefused, StalePlan) as error:
            print(f"cams import: {error}", file=sys.stderr)
            return 1
        print("imported:")
        for label, value in (
            ("added", result.added),
            ("updated", result.updated),
            ("unchanged", result.unchanged),
            ("plans deactivated", result.deactivated),
            ("rows in error, not imported", result.errors_skipped),
        ):
            print(f"  {label}: {value}")
        ignored = result.passwords_ignored
        if ignored:
            print(
                f"{ignored} password in the file was ignored"
                if ignored == 1
                else f"{ignored} passwords in the file were ignored",
                end=": passwords are never stored.\n",
            )
        return 1 if result.errors_skipped else 0
    finally:
        db.close()


def _where(problem: Problem) -> str:
    """``file:line: column "value": message``, with what the problem knows."""
    from cams_desktop.services.roster.planning import shown_value

    place = problem.file + (f":{problem.line}" if problem.line else "")
    column = (
        f" {problem.column} {shown_value(problem.value)}:" if problem.column else ""
    )
    return f"{place}:{column} {problem.message}"


def _sync(args: argparse.Namespace) -> int:
    from cams_desktop.db.engine import Database

    db = Database(args.db or paths.default_database(), create=False)
    try:
        actor = _signed_in(db)
        if args.status:
            _print_sync_health(db)
            return 0
        if args.export_outbox is not None:
            from cams_desktop.sync import local

            # "x": never replace a file; the changes may hold personal data.
            with args.export_outbox.open("x", encoding="utf-8") as out:
                count = local.export_outbox(db, out)
            print(f"{count} unsent changes written to {args.export_outbox}")
            return 0
        return _sync_once(db, actor)
    finally:
        db.close()


def _server_login_or_variable(db: Database, actor: Actor) -> ServerLogin:
    """The keychain's login to the school's server, else CAMS_SERVER_PASSWORD."""
    from cams_desktop.services import server_connection

    settings = server_connection.server_settings(db)
    if settings is None:
        raise ValueError(
            "this desktop has no school server: a program administrator sets "
            "it in the application first"
        )
    login = server_connection.server_login(db, actor)
    if login is not None:
        return login
    password = os.environ.get("CAMS_SERVER_PASSWORD")
    if not password:
        raise ValueError(
            "no server password in the keychain: set CAMS_SERVER_PASSWORD "
            "(or your server password in the application)"
        )
    return server_connection.login_for(db, actor, settings, password)


def _sync_once(db: Database, actor: Actor) -> int:
    from cams_desktop.sync.engine import SyncEngine, SyncError
    from cams_desktop.sync.local import SyncBusy
    from cams_desktop.sync.pg import PgServer, SyncRefused
    from cams_desktop.sync.protocol import (
        ClientTooOld,
        CursorTooOld,
        ServerUnavailable,
    )

    login = _server_login_or_variable(db, actor)
    server = PgServer(login.conninfo())
    try:
        report = SyncEngine(db, server).run()
    except ServerUnavailable as error:
        print(f"cams sync: the server cannot be reached: {error}", file=sys.stderr)
        return 1
    except SyncBusy:
        print(
            "cams sync: another synchronization of this file is running",
            file=sys.stderr,
        )
        return 1
    except ClientTooOld as error:
        print(f"cams sync: {error} (install version {error.required})", file=sys.stderr)
        return 1
    except (SyncError, SyncRefused, CursorTooOld) as error:
        print(f"cams sync: {error}", file=sys.stderr)
        return 1
    finally:
        server.close()
    pushed = ", ".join(
        f"{count} {outcome.value}" for outcome, count in sorted(report.outcomes.items())
    )
    print(f"pushed: {pushed or 'nothing'}")
    print(f"pulled: {report.pulled} rows in {report.pages} pages")
    print(f"cursor: {report.cursor}")
    print(f"downloaded again: {', '.join(report.redownloaded) or 'none'}")
    print(f"waiting: {report.waiting} changes")
    return 0


def _print_sync_health(db: Database) -> None:
    import datetime as dt

    from cams_desktop.services.server_connection import server_settings
    from cams_desktop.services.sync_status import sync_health

    def moment(value: dt.datetime | None) -> str:
        return "never" if value is None else f"{value:%Y-%m-%d %H:%M:%S} UTC"

    settings = server_settings(db)
    health = sync_health(db)
    print(f"server: {settings.label() if settings else 'not set up'}")
    waiting = f"waiting changes: {health.pending}"
    if health.oldest_pending_at is not None:
        waiting += f" (oldest {moment(health.oldest_pending_at.astimezone(dt.UTC))})"
    print(waiting)
    for label, value in (
        ("last push", health.last_push_at),
        ("last pull", health.last_pull_at),
    ):
        print(f"{label}: {moment(None if value is None else value.astimezone(dt.UTC))}")
    print(f"last error: {health.last_error or 'none'}")
    print(f"changes the server did not take, kept here: {health.issues}")


if __name__ == "__main__":
    sys.exit(main())

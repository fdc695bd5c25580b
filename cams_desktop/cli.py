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
    importing.add_argument("--apply", action="store_true", help="import for real")
    importing.add_argument("--language", choices=("fr", "en"), default="en")

    bench = commands.add_parser("bench", help="run a benchmark and print its figures")
    _add_db(bench)
    bench.add_argument(
        "name",
        choices=("list", "letters", "rollover", "import"),
        help="what to measure",
    )
    bench.add_argument("--students", type=int, default=50_000)
    bench.add_argument("--seed", type=int, default=7)

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

        return run(args.name, args)
    if args.command == "server":
        return _server(args)
    raise AssertionError(args.command)


def _server(args: argparse.Namespace) -> int:
    from cams_desktop.db.tracking import SCHEMA_VERSION
    from cams_desktop.server.setup import init_server, upgrade_server

    setup = init_server if args.server_command == "init" else upgrade_server
    report = setup(args.url)
    for line in report.lines():
        print(line)
    if report.nothing_to_do:
        print(f"{report.database}: nothing to do")
    else:
        print(f"{report.database}: server schema {SCHEMA_VERSION} ready")
    return 0


if __name__ == "__main__":
    sys.exit(main())


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
    from cams_desktop.services.roster.applying import StalePlan, apply_import
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
                db, actor, plan, deactivate_missing=args.deactivate_missing
            )
        except StalePlan as error:
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
        return 0
    finally:
        db.close()


def _where(problem: Problem) -> str:
    """``file:line: column "value": message``, with what the problem knows."""
    place = problem.file + (f":{problem.line}" if problem.line else "")
    value = problem.value or ""
    column = f' {problem.column} "{value}":' if problem.column else ""
    return f"{place}:{column} {problem.message}"

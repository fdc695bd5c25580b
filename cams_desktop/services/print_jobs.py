"""Bulk printing jobs (F-80, F-82): parent letters and login slips as PDF batches."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from cams_desktop.db.engine import Database
from cams_desktop.db.school import School
from cams_desktop.db.students import PlanStatus, Student
from cams_desktop.printing.batches import BatchResult, print_in_batches
from cams_desktop.printing.letters import Letter, render_letters
from cams_desktop.printing.slips import LoginSlip, render_slips
from cams_desktop.services import parents
from cams_desktop.services.access import Action, Actor, require
from cams_desktop.services.parents import StudentCriteria
from cams_desktop.services.student_logins import NewPassword, visible_students
from cams_desktop.services.students import StudentRow, list_students

log = logging.getLogger(__name__)

DEFAULT_SITE_URL = "https://plan.example.org"

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


def _school(db: Database, actor: Actor) -> tuple[str, str]:
    with db.read() as session:
        school = session.get_one(School, actor.school_id)
        return school.name, school.planning_site_url or DEFAULT_SITE_URL


def print_parent_letters(
    db: Database,
    actor: Actor,
    criteria: StudentCriteria,
    out_dir: Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> BatchResult:
    """One letter per child and parent with a valid code, in files of 25 students."""
    recipients = parents.letter_recipients(db, actor, criteria)
    school_name, site_url = _school(db, actor)
    letters = [
        Letter(
            language=r.parent_language.value,
            school_name=school_name,
            logo_path=None,
            parent_name=f"{r.parent_first_name} {r.parent_last_name}",
            student_name=f"{r.student_first_name} {r.student_last_name}",
            # The id keeps two students of the same name apart in the batches.
            student_sort_key=f"{r.student_sort_key}\x02{r.student_id}",
            code=r.code,
            expires_on=r.expires_at.date(),
            portal_url=site_url,
        )
        for r in recipients
    ]
    if not letters:
        raise ValueError(
            QCoreApplication.translate(
                "PrintJobs",
                "No parent of these students has a valid activation code. "
                "Create the codes first.",
            )
        )
    stem = QCoreApplication.translate("PrintJobs", "parent-letters")
    result = print_in_batches(
        letters,
        out_dir,
        stem,
        render=render_letters,
        progress=progress,
        cancel=cancel,
        pattern=_file_pattern(),
    )
    log.info("printed %s parent letters in %s files", len(letters), len(result.files))
    return result


def print_login_slips(
    db: Database,
    actor: Actor,
    criteria: StudentCriteria,
    out_dir: Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> BatchResult:
    """A login slip per student: the username; passwords are never stored (F-16)."""
    require(db, actor, Action.PRINT_LOGIN_SLIPS)
    wanted = _matching(db, actor, criteria)
    school_name, site_url = _school(db, actor)
    slips = [
        LoginSlip(
            language=language,
            school_name=school_name,
            student_name=f"{row.first_name} {row.last_name}",
            student_sort_key=f"{row.sort_key}\x02{row.id}",
            grade=row.grade,
            username=row.username,
            password=None,
            site_url=site_url,
        )
        for row, language in wanted
    ]
    if not slips:
        raise ValueError(
            QCoreApplication.translate(
                "PrintJobs", "No student matches these criteria."
            )
        )
    stem = QCoreApplication.translate("PrintJobs", "login-slips")
    return print_in_batches(
        slips,
        out_dir,
        stem,
        render=render_slips,
        progress=progress,
        cancel=cancel,
        pattern=_file_pattern(),
    )


def print_login_slips_with_passwords(
    db: Database, actor: Actor, passwords: Sequence[NewPassword], out_file: Path
) -> int:
    """One login slip per student with their new password, in one PDF; its pages.

    Right after a reset (student_logins.reset_passwords): each slip is in the
    student's preferred language, in alphabetical order. The clear passwords
    go into ``out_file``, the file the user asked for, and nowhere else: it
    is drawn under a hidden name beside it, private to its owner, and renamed
    at the end (removed on any error).
    """
    require(db, actor, Action.PRINT_LOGIN_SLIPS)
    if not passwords:
        raise ValueError(
            QCoreApplication.translate(
                "PrintJobs", "There is no new password to print."
            )
        )
    school_name, site_url = _school(db, actor)
    with db.read() as session:
        chosen = visible_students(session, actor, [p.student_id for p in passwords])
        slips = [
            LoginSlip(
                language=student.preferred_language.value,
                school_name=school_name,
                student_name=f"{student.first_name} {student.last_name}",
                student_sort_key=f"{student.sort_key}\x02{student.id}",
                grade=student.grade,
                username=student.username,
                password=new.password,
                site_url=site_url,
            )
            for student, new in zip(chosen, passwords, strict=True)
        ]
    slips.sort(key=lambda slip: (slip.student_sort_key, slip.student_name))

    # mkstemp makes the file readable by its owner only, and so stays the PDF.
    handle, part = tempfile.mkstemp(
        dir=out_file.parent, prefix=f".{out_file.name}.", suffix=".part"
    )
    os.close(handle)
    try:
        pages = render_slips(slips, Path(part))
        Path(part).replace(out_file)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(part).unlink(missing_ok=True)
        raise
    log.info("printed %s login slips with new passwords", len(slips))
    return pages


def _file_pattern() -> str:
    """File names that sort in order: parent-letters-001-of-003.pdf."""
    return QCoreApplication.translate("PrintJobs", "{stem}-{n}-of-{total}.pdf")


def _matching(
    db: Database, actor: Actor, criteria: StudentCriteria
) -> list[tuple[StudentRow, str]]:
    rows = [r for r in list_students(db, actor) if r.plan_status == PlanStatus.ACTIVE]
    usernames = {u.casefold() for u in criteria.usernames}
    ids = set(criteria.student_ids)
    chosen = [
        r
        for r in rows
        if (not usernames or r.username.casefold() in usernames)
        and (not ids or r.id in ids)
        and (criteria.grade is None or r.grade == criteria.grade)
        and (criteria.gender is None or r.gender == criteria.gender)
        and (
            criteria.counsellor_id is None or criteria.counsellor_id in r.counsellor_ids
        )
    ]
    with db.read() as session:
        languages = {
            student_id: language
            for student_id, language in session.execute(
                select(Student.id, Student.preferred_language).where(
                    Student.school_id == actor.school_id
                )
            )
        }
    return [(r, languages[r.id].value) for r in chosen]

"""Exporting the student list (F-14) with the columns the user chose."""

from __future__ import annotations

import enum
import logging
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from cams_desktop.db.engine import Database
from cams_desktop.labels import gender_label, plan_status_label
from cams_desktop.reports.exporters import (
    Cell,
    ExportFormat,
    ExportResult,
    export_table,
)
from cams_desktop.services.access import Action, Actor, refuse, require
from cams_desktop.services.students import StudentRow, list_students, school_time_zone

log = logging.getLogger(__name__)


class ExportColumn(enum.StrEnum):
    LAST_NAME = "last_name"
    FIRST_NAME = "first_name"
    GRADE = "grade"
    USERNAME = "username"
    LAST_LOGIN = "last_login"
    PLAN_STATUS = "plan_status"
    COUNSELLOR = "counsellor"
    READINESS = "readiness"
    GENDER = "gender"
    EMAIL = "email"


DEFAULT_COLUMNS = (
    ExportColumn.LAST_NAME,
    ExportColumn.FIRST_NAME,
    ExportColumn.GRADE,
    ExportColumn.USERNAME,
    ExportColumn.PLAN_STATUS,
    ExportColumn.COUNSELLOR,
    ExportColumn.READINESS,
)


def column_label(column: ExportColumn) -> str:
    match column:
        case ExportColumn.LAST_NAME:
            return QCoreApplication.translate("StudentExport", "Last name")
        case ExportColumn.FIRST_NAME:
            return QCoreApplication.translate("StudentExport", "First name")
        case ExportColumn.GRADE:
            return QCoreApplication.translate("StudentExport", "Grade")
        case ExportColumn.USERNAME:
            return QCoreApplication.translate("StudentExport", "Username")
        case ExportColumn.LAST_LOGIN:
            return QCoreApplication.translate("StudentExport", "Last login")
        case ExportColumn.PLAN_STATUS:
            return QCoreApplication.translate("StudentExport", "Plan status")
        case ExportColumn.COUNSELLOR:
            return QCoreApplication.translate("StudentExport", "Counsellor")
        case ExportColumn.READINESS:
            return QCoreApplication.translate("StudentExport", "Readiness status")
        case ExportColumn.GENDER:
            return QCoreApplication.translate("StudentExport", "Gender")
        case ExportColumn.EMAIL:
            return QCoreApplication.translate("StudentExport", "Email")


def _value(row: StudentRow, column: ExportColumn) -> Cell:
    match column:
        case ExportColumn.LAST_NAME:
            return row.last_name
        case ExportColumn.FIRST_NAME:
            return row.first_name
        case ExportColumn.GRADE:
            return row.grade
        case ExportColumn.USERNAME:
            return row.username
        case ExportColumn.LAST_LOGIN:
            return row.last_login
        case ExportColumn.PLAN_STATUS:
            return plan_status_label(row.plan_status)
        case ExportColumn.COUNSELLOR:
            return row.counsellors
        case ExportColumn.READINESS:
            if row.readiness_total == 0:
                return None
            return QCoreApplication.translate("StudentExport", "{0} of {1}").format(
                row.readiness_met, row.readiness_total
            )
        case ExportColumn.GENDER:
            return gender_label(row.gender)
        case ExportColumn.EMAIL:
            return row.email


def export_students(
    db: Database,
    actor: Actor,
    student_ids: Sequence[uuid.UUID],
    columns: Sequence[ExportColumn],
    fmt: ExportFormat,
    path: Path,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write the given students, in the given order, to ``path``.

    The rows are read again within the actor's scope: an id the actor may not
    see refuses the whole export, and no file is written.
    """
    require(db, actor, Action.EXPORT_STUDENTS)
    if not columns:
        raise ValueError(
            QCoreApplication.translate("StudentExport", "Choose at least one column.")
        )
    visible = {row.id: row for row in list_students(db, actor)}
    if any(student_id not in visible for student_id in student_ids):
        refuse(
            db,
            actor,
            "export_students (out of scope)",
            message=QCoreApplication.translate(
                "StudentExport",
                "The export holds students who are not in your list; nothing was "
                "written.",
            ),
        )
    rows = [[_value(visible[sid], c) for c in columns] for sid in student_ids]
    result = export_table(
        path,
        fmt,
        [column_label(c) for c in columns],
        rows,
        time_zone=school_time_zone(db, actor),
        sheet_title=QCoreApplication.translate("StudentExport", "Students"),
        progress=progress,
        cancel=cancel,
    )
    log.info("exported %s students as %s", result.rows_written, fmt.value)
    return result

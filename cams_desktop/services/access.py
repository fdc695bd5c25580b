"""Who may do what: the acting user, the permission matrix and its refusals."""

from __future__ import annotations

import enum
import logging
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from sqlalchemy import select

from cams_desktop.db.engine import Database
from cams_desktop.db.journal import AuditEntry
from cams_desktop.db.school import AccessLevel, Staff

log = logging.getLogger(__name__)


class Area(enum.StrEnum):
    """Where an action lives in the product, to group the matrix."""

    STUDENTS = "students"
    GUIDANCE = "guidance"
    PARENTS = "parents"
    STAFF = "staff"
    CUSTOMIZATION = "customization"
    REPORTS = "reports"
    DATA = "data"


class Action(enum.StrEnum):
    """Every operation of SPEC that the permission matrix rules on."""

    # Students (F-10 to F-22, F-31, F-35, F-38)
    VIEW_ALL_STUDENTS = "view_all_students"
    VIEW_STUDENT_LIST = "view_student_list"
    SEARCH_STUDENTS = "search_students"
    EXPORT_STUDENTS = "export_students"
    ADD_STUDENT = "add_student"
    EDIT_PROFILE = "edit_profile"
    DEACTIVATE_PLAN = "deactivate_plan"
    VIEW_PLAN = "view_plan"
    VIEW_LOGIN_HISTORY = "view_login_history"
    TOGGLE_INVITE_OTHERS = "toggle_invite_others"
    RESET_STUDENT_PASSWORD = "reset_student_password"
    PRINT_LOGIN_SLIPS = "print_login_slips"
    PROMOTE_STUDENTS = "promote_students"
    YEAR_END_ROLLOVER = "year_end_rollover"
    TRANSFER_STUDENT = "transfer_student"
    IMPORT_ROSTER = "import_roster"
    MANAGE_GROUPS = "manage_groups"
    MANAGE_MANAGED_GROUPS = "manage_managed_groups"
    # Working with a student (F-30 to F-38)
    VIEW_NOTES = "view_notes"
    ADD_NOTE = "add_note"
    VIEW_COUNSELLING_LOG = "view_counselling_log"
    ADD_COUNSELLING_ENTRY = "add_counselling_entry"
    GROUP_COUNSELLING_ENTRIES = "group_counselling_entries"
    MARK_ANNUAL_REVIEW = "mark_annual_review"
    SEND_MESSAGE = "send_message"
    MESSAGE_ALL_STUDENTS = "message_all_students"
    MANAGE_MESSAGES = "manage_messages"
    MANAGE_ASSIGNMENTS = "manage_assignments"
    # Parents (F-36, F-82)
    VIEW_PARENT_ACCOUNTS = "view_parent_accounts"
    MANAGE_ACTIVATION_CODES = "manage_activation_codes"
    VIEW_PARENT_COMMENTS = "view_parent_comments"
    PRINT_PARENT_LETTERS = "print_parent_letters"
    # Staff (F-02, F-40 to F-42)
    VIEW_STAFF = "view_staff"
    MANAGE_STAFF = "manage_staff"
    RESET_STAFF_PASSWORD = "reset_staff_password"
    VIEW_STAFF_CHANGE_LOG = "view_staff_change_log"
    EDIT_OWN_PROFILE = "edit_own_profile"
    ASSIGN_CASELOADS = "assign_caseloads"
    EDIT_OWN_CASELOAD = "edit_own_caseload"
    VIEW_PERMISSION_MATRIX = "view_permission_matrix"
    # Customization (F-60 to F-68)
    EDIT_PLAN_OPTIONS = "edit_plan_options"
    EDIT_READINESS_STANDARDS = "edit_readiness_standards"
    EDIT_ASSESSMENT_OPTIONS = "edit_assessment_options"
    EDIT_SITE_SETTINGS = "edit_site_settings"
    EDIT_CUSTOM_LINKS = "edit_custom_links"
    EDIT_SPECIAL_CONTACTS = "edit_special_contacts"
    EDIT_COURSE_LIST = "edit_course_list"
    # Reports and printing (F-70 to F-82)
    VIEW_REPORTS = "view_reports"
    BULK_PRINT_PLANS = "bulk_print_plans"
    # Data (F-90 to F-92)
    CONFIGURE_SERVER = "configure_server"
    REVIEW_CONFLICTS = "review_conflicts"
    BACKUP_DATABASE = "backup_database"


PA, SA, TE, OS = (
    AccessLevel.PROGRAM_ADMIN,
    AccessLevel.SCHOOL_ADMIN,
    AccessLevel.TEACHER,
    AccessLevel.OTHER_STAFF,
)
_ALL = frozenset({PA, SA, TE, OS})
_STAFF_WITH_STUDENTS = frozenset({PA, SA, TE})
_ADMINS = frozenset({PA, SA})
_PROGRAM = frozenset({PA})

# Access level × action (SPEC F-04), with the area and label the matrix view
# shows. Teachers and other staff work on their caseload only (services
# check the scope of each student); ownership rules stand apart below.
MATRIX: dict[Action, tuple[Area, frozenset[AccessLevel], object]] = {
    Action.VIEW_ALL_STUDENTS: (
        Area.STUDENTS,
        _ADMINS,
        QT_TRANSLATE_NOOP("Access", "See all students of the school"),
    ),
    Action.VIEW_STUDENT_LIST: (
        Area.STUDENTS,
        _ALL,
        QT_TRANSLATE_NOOP("Access", "See the student list (own students)"),
    ),
    Action.SEARCH_STUDENTS: (
        Area.STUDENTS,
        _ALL,
        QT_TRANSLATE_NOOP("Access", "Search students, save searches"),
    ),
    Action.EXPORT_STUDENTS: (
        Area.STUDENTS,
        _ALL,
        QT_TRANSLATE_NOOP("Access", "Export the student list"),
    ),
    Action.ADD_STUDENT: (
        Area.STUDENTS,
        _STAFF_WITH_STUDENTS,
        QT_TRANSLATE_NOOP("Access", "Add a student"),
    ),
    Action.EDIT_PROFILE: (
        Area.STUDENTS,
        _STAFF_WITH_STUDENTS,
        QT_TRANSLATE_NOOP("Access", "Edit a student profile"),
    ),
    Action.DEACTIVATE_PLAN: (
        Area.STUDENTS,
        _STAFF_WITH_STUDENTS,
        QT_TRANSLATE_NOOP("Access", "Deactivate or reactivate a plan"),
    ),
    Action.VIEW_PLAN: (
        Area.STUDENTS,
        _STAFF_WITH_STUDENTS,
        QT_TRANSLATE_NOOP("Access", "View plans, resumes, journals and readiness"),
    ),
    Action.VIEW_LOGIN_HISTORY: (
        Area.STUDENTS,
        _STAFF_WITH_STUDENTS,
        QT_TRANSLATE_NOOP("Access", "View a student's login history"),
    ),
    Action.TOGGLE_INVITE_OTHERS: (
        Area.STUDENTS,
        _STAFF_WITH_STUDENTS,
        QT_TRANSLATE_NOOP("Access", "Allow or stop inviting others"),
    ),
    Action.RESET_STUDENT_PASSWORD: (
        Area.STUDENTS,
        _ALL,
        QT_TRANSLATE_NOOP("Access", "Reset a student's password"),
    ),
    Action.PRINT_LOGIN_SLIPS: (
        Area.STUDENTS,
        _ALL,
        QT_TRANSLATE_NOOP("Access", "Print usernames and login slips"),
    ),
    Action.PROMOTE_STUDENTS: (
        Area.STUDENTS,
        _ADMINS,
        QT_TRANSLATE_NOOP("Access", "Promote, demote or graduate students"),
    ),
    Action.YEAR_END_ROLLOVER: (
        Area.STUDENTS,
        _PROGRAM,
        QT_TRANSLATE_NOOP("Access", "Year-end rollover of the school"),
    ),
    Action.TRANSFER_STUDENT: (
        Area.STUDENTS,
        _ADMINS,
        QT_TRANSLATE_NOOP("Access", "Transfer a student to another school"),
    ),
    Action.IMPORT_ROSTER: (
        Area.STUDENTS,
        _ADMINS,
        QT_TRANSLATE_NOOP("Access", "Import students from a roster file"),
    ),
    Action.MANAGE_GROUPS: (
        Area.STUDENTS,
        _STAFF_WITH_STUDENTS,
        QT_TRANSLATE_NOOP("Access", "Create private and shared groups"),
    ),
    Action.MANAGE_MANAGED_GROUPS: (
        Area.STUDENTS,
        _PROGRAM,
        QT_TRANSLATE_NOOP("Access", "Create, edit and delete managed groups"),
    ),
    Action.VIEW_NOTES: (
        Area.GUIDANCE,
        _ALL,
        QT_TRANSLATE_NOOP("Access", "Read notes on a student"),
    ),
    Action.ADD_NOTE: (
        Area.GUIDANCE,
        _ALL,
        QT_TRANSLATE_NOOP("Access", "Add a note (only the author edits it)"),
    ),
    Action.VIEW_COUNSELLING_LOG: (
        Area.GUIDANCE,
        _STAFF_WITH_STUDENTS,
        QT_TRANSLATE_NOOP("Access", "Read counselling logs"),
    ),
    Action.ADD_COUNSELLING_ENTRY: (
        Area.GUIDANCE,
        _STAFF_WITH_STUDENTS,
        QT_TRANSLATE_NOOP(
            "Access", "Write counselling log entries (only the author edits them)"
        ),
    ),
    Action.GROUP_COUNSELLING_ENTRIES: (
        Area.GUIDANCE,
        _STAFF_WITH_STUDENTS,
        QT_TRANSLATE_NOOP("Access", "Write group counselling entries"),
    ),
    Action.MARK_ANNUAL_REVIEW: (
        Area.GUIDANCE,
        _STAFF_WITH_STUDENTS,
        QT_TRANSLATE_NOOP("Access", "Mark the annual review complete"),
    ),
    Action.SEND_MESSAGE: (
        Area.GUIDANCE,
        _STAFF_WITH_STUDENTS,
        QT_TRANSLATE_NOOP("Access", "Send messages to own students"),
    ),
    Action.MESSAGE_ALL_STUDENTS: (
        Area.GUIDANCE,
        _ADMINS,
        QT_TRANSLATE_NOOP("Access", "Send messages to all students"),
    ),
    Action.MANAGE_MESSAGES: (
        Area.GUIDANCE,
        _STAFF_WITH_STUDENTS,
        QT_TRANSLATE_NOOP("Access", "See and delete sent messages"),
    ),
    Action.MANAGE_ASSIGNMENTS: (
        Area.GUIDANCE,
        _STAFF_WITH_STUDENTS,
        QT_TRANSLATE_NOOP("Access", "Give assignments (only the author edits them)"),
    ),
    Action.VIEW_PARENT_ACCOUNTS: (
        Area.PARENTS,
        _STAFF_WITH_STUDENTS,
        QT_TRANSLATE_NOOP("Access", "See parent accounts"),
    ),
    Action.MANAGE_ACTIVATION_CODES: (
        Area.PARENTS,
        _STAFF_WITH_STUDENTS,
        QT_TRANSLATE_NOOP("Access", "Generate and delete activation codes"),
    ),
    Action.VIEW_PARENT_COMMENTS: (
        Area.PARENTS,
        _STAFF_WITH_STUDENTS,
        QT_TRANSLATE_NOOP("Access", "Read parent comments"),
    ),
    Action.PRINT_PARENT_LETTERS: (
        Area.PARENTS,
        _ALL,
        QT_TRANSLATE_NOOP("Access", "Print parent access letters"),
    ),
    Action.VIEW_STAFF: (
        Area.STAFF,
        _ADMINS,
        QT_TRANSLATE_NOOP("Access", "See all staff"),
    ),
    Action.MANAGE_STAFF: (
        Area.STAFF,
        _ADMINS,
        QT_TRANSLATE_NOOP(
            "Access", "Add, edit, deactivate or unlock staff of a lower level"
        ),
    ),
    Action.RESET_STAFF_PASSWORD: (
        Area.STAFF,
        _ADMINS,
        QT_TRANSLATE_NOOP("Access", "Reset a staff password"),
    ),
    Action.VIEW_STAFF_CHANGE_LOG: (
        Area.STAFF,
        _ADMINS,
        QT_TRANSLATE_NOOP("Access", "Read the staff change log"),
    ),
    Action.EDIT_OWN_PROFILE: (
        Area.STAFF,
        _ALL,
        QT_TRANSLATE_NOOP("Access", "Edit my profile and password"),
    ),
    Action.ASSIGN_CASELOADS: (
        Area.STAFF,
        _ADMINS,
        QT_TRANSLATE_NOOP("Access", "Assign students to any counsellor"),
    ),
    Action.EDIT_OWN_CASELOAD: (
        Area.STAFF,
        _ALL,
        QT_TRANSLATE_NOOP("Access", "Add or remove students on my own list"),
    ),
    Action.VIEW_PERMISSION_MATRIX: (
        Area.STAFF,
        _ADMINS,
        QT_TRANSLATE_NOOP("Access", "See this permission table"),
    ),
    Action.EDIT_PLAN_OPTIONS: (
        Area.CUSTOMIZATION,
        _PROGRAM,
        QT_TRANSLATE_NOOP("Access", "Plan options"),
    ),
    Action.EDIT_READINESS_STANDARDS: (
        Area.CUSTOMIZATION,
        _PROGRAM,
        QT_TRANSLATE_NOOP("Access", "Plan readiness standards"),
    ),
    Action.EDIT_ASSESSMENT_OPTIONS: (
        Area.CUSTOMIZATION,
        _PROGRAM,
        QT_TRANSLATE_NOOP("Access", "Assessment options"),
    ),
    Action.EDIT_SITE_SETTINGS: (
        Area.CUSTOMIZATION,
        _PROGRAM,
        QT_TRANSLATE_NOOP("Access", "Site settings, including the idle lock"),
    ),
    Action.EDIT_CUSTOM_LINKS: (
        Area.CUSTOMIZATION,
        _ADMINS,
        QT_TRANSLATE_NOOP("Access", "Links and documents"),
    ),
    Action.EDIT_SPECIAL_CONTACTS: (
        Area.CUSTOMIZATION,
        _ADMINS,
        QT_TRANSLATE_NOOP("Access", "Special contacts"),
    ),
    Action.EDIT_COURSE_LIST: (
        Area.CUSTOMIZATION,
        _ADMINS,
        QT_TRANSLATE_NOOP("Access", "Add or edit courses"),
    ),
    Action.VIEW_REPORTS: (
        Area.REPORTS,
        _ALL,
        QT_TRANSLATE_NOOP(
            "Access", "Run and export reports (own students for levels 3 and 4)"
        ),
    ),
    Action.BULK_PRINT_PLANS: (
        Area.REPORTS,
        _STAFF_WITH_STUDENTS,
        QT_TRANSLATE_NOOP("Access", "Bulk print plans and resumes"),
    ),
    Action.CONFIGURE_SERVER: (
        Area.DATA,
        _PROGRAM,
        QT_TRANSLATE_NOOP("Access", "Connect to the school server"),
    ),
    Action.REVIEW_CONFLICTS: (
        Area.DATA,
        _PROGRAM,
        QT_TRANSLATE_NOOP("Access", "Review and restore sync conflicts"),
    ),
    Action.BACKUP_DATABASE: (
        Area.DATA,
        _PROGRAM,
        QT_TRANSLATE_NOOP("Access", "Back up and restore the local database"),
    ),
}

# Ownership rules, applied on top of the matrix where the record is known.
OWNERSHIP_RULES = (
    QT_TRANSLATE_NOOP(
        "Access",
        "Notes, counselling log entries and assignments: only their author "
        "edits or deletes them.",
    ),
    QT_TRANSLATE_NOOP("Access", "Private notes: only their author reads them."),
    QT_TRANSLATE_NOOP(
        "Access",
        "Groups: a private group is seen by its creator only; a shared group "
        "is seen, edited and deleted by everyone; a managed group is seen by "
        "everyone and edited by program administrators.",
    ),
    QT_TRANSLATE_NOOP(
        "Access",
        "Teachers and other staff: only the students of their own list, in "
        "lists, search, exports, reports, printing and messages.",
    ),
    QT_TRANSLATE_NOOP(
        "Access",
        "Staff administration: an administrator manages staff of a lower "
        "level; nobody raises their own level.",
    ),
)


def area_label(area: Area) -> str:
    match area:
        case Area.STUDENTS:
            return QCoreApplication.translate("Access", "Students")
        case Area.GUIDANCE:
            return QCoreApplication.translate("Access", "Working with a student")
        case Area.PARENTS:
            return QCoreApplication.translate("Access", "Parents")
        case Area.STAFF:
            return QCoreApplication.translate("Access", "Staff")
        case Area.CUSTOMIZATION:
            return QCoreApplication.translate("Access", "Customization")
        case Area.REPORTS:
            return QCoreApplication.translate("Access", "Reports and printing")
        case Area.DATA:
            return QCoreApplication.translate("Access", "Data")


def action_label(action: Action) -> str:
    return QCoreApplication.translate("Access", str(MATRIX[action][2]))


@dataclass(frozen=True, slots=True)
class Actor:
    """The signed-in staff member on whose behalf a service runs."""

    staff_id: uuid.UUID
    school_id: uuid.UUID
    access_level: AccessLevel
    display_name: str

    @property
    def sees_all_students(self) -> bool:
        return allowed(self, Action.VIEW_ALL_STUDENTS)


class PermissionDenied(Exception):
    """The acting user may not do this; nothing was written."""


class NotFound(Exception):
    """The record does not exist or is not visible to the acting user."""


def allowed(actor: Actor, action: Action) -> bool:
    return actor.access_level in MATRIX[action][1]


def require(db: Database, actor: Actor, action: Action) -> None:
    """Raise PermissionDenied, and audit the refusal, unless ``actor`` may act.

    The staff row is read again: a member deactivated or given another level
    since signing in is refused until they sign in again.
    """
    with db.read() as session:
        current = session.execute(
            select(Staff.access_level, Staff.is_active, Staff.deleted_at).where(
                Staff.id == actor.staff_id
            )
        ).first()
    if current is None or not current.is_active or current.deleted_at is not None:
        refuse(db, actor, f"{action.value} (inactive account)", message=_changed())
    elif current.access_level != actor.access_level:
        refuse(db, actor, f"{action.value} (level changed)", message=_changed())
    elif not allowed(actor, action):
        refuse(db, actor, action.value)


def _changed() -> str:
    return QCoreApplication.translate(
        "Access",
        "Your account was deactivated or its access level changed. "
        "Sign in again to continue.",
    )


def refuse(
    db: Database,
    actor: Actor,
    what: str,
    row_id: uuid.UUID | None = None,
    *,
    message: str | None = None,
) -> None:
    """Audit a refused operation, then raise PermissionDenied."""
    with db.transaction(actor.staff_id) as session:
        session.add(
            AuditEntry(
                actor_id=actor.staff_id,
                table_name="permission",
                row_id=row_id or actor.staff_id,
                action="denied",
                field=what,
            )
        )
    log.warning("refused %s to staff %s", what, actor.staff_id)
    raise PermissionDenied(
        message
        or QCoreApplication.translate(
            "Access", "Your access level does not allow this action."
        )
    )


def actor_for(db: Database, username: str) -> Actor:
    """The Actor of the active staff member ``username``."""
    with db.read() as session:
        staff = session.scalars(
            select(Staff).where(
                Staff.username_key == username.casefold(),
                Staff.is_active,
                Staff.deleted_at.is_(None),
            )
        ).first()
    if staff is None:
        raise NotFound(
            QCoreApplication.translate(
                "Access", "There is no active staff member named {0}."
            ).format(username)
        )
    return Actor(staff.id, staff.school_id, staff.access_level, staff.display_name)

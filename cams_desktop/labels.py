"""Translated labels of the values stored as codes (plan status, gender, ...)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cams_desktop.db.school import AccessLevel, Language
from cams_desktop.db.students import Gender, GroupKind, PlanStatus
from cams_desktop.formatting import format_local_time
from cams_desktop.i18n import current_language


def plan_status_label(status: PlanStatus) -> str:
    match status:
        case PlanStatus.ACTIVE:
            return QCoreApplication.translate("Labels", "Active")
        case PlanStatus.INACTIVE:
            return QCoreApplication.translate("Labels", "Inactive")
        case PlanStatus.GRADUATED:
            return QCoreApplication.translate("Labels", "Graduated")
        case PlanStatus.TRANSFERRED:
            return QCoreApplication.translate("Labels", "Transferred")


def gender_label(gender: Gender) -> str:
    match gender:
        case Gender.FEMALE:
            return QCoreApplication.translate("Labels", "Female")
        case Gender.MALE:
            return QCoreApplication.translate("Labels", "Male")
        case Gender.NON_BINARY:
            return QCoreApplication.translate("Labels", "Non-binary")
        case Gender.UNSPECIFIED:
            return QCoreApplication.translate("Labels", "Not specified")


def language_label(language: Language) -> str:
    match language:
        case Language.FRENCH:
            return QCoreApplication.translate("Labels", "French")
        case Language.ENGLISH:
            return QCoreApplication.translate("Labels", "English")


def access_level_label(level: AccessLevel) -> str:
    match level:
        case AccessLevel.PROGRAM_ADMIN:
            return QCoreApplication.translate("Labels", "Program administrator")
        case AccessLevel.SCHOOL_ADMIN:
            return QCoreApplication.translate(
                "Labels", "School administrator / counsellor"
            )
        case AccessLevel.TEACHER:
            return QCoreApplication.translate("Labels", "Teacher / counsellor")
        case AccessLevel.OTHER_STAFF:
            return QCoreApplication.translate("Labels", "Other staff")


def group_kind_label(kind: GroupKind) -> str:
    match kind:
        case GroupKind.PRIVATE:
            return QCoreApplication.translate("Labels", "private")
        case GroupKind.SHARED:
            return QCoreApplication.translate("Labels", "shared")
        case GroupKind.MANAGED:
            return QCoreApplication.translate("Labels", "managed")


_FIELD_LABELS = {
    "first_name": QT_TRANSLATE_NOOP("Labels", "First name"),
    "last_name": QT_TRANSLATE_NOOP("Labels", "Last name"),
    "grade": QT_TRANSLATE_NOOP("Labels", "Grade"),
    "gender": QT_TRANSLATE_NOOP("Labels", "Gender"),
    "username": QT_TRANSLATE_NOOP("Labels", "Username"),
    "student_number": QT_TRANSLATE_NOOP("Labels", "Student number"),
    "birth_date": QT_TRANSLATE_NOOP("Labels", "Birth date"),
    "expected_graduation": QT_TRANSLATE_NOOP("Labels", "Expected graduation"),
    "email": QT_TRANSLATE_NOOP("Labels", "Email"),
    "preferred_language": QT_TRANSLATE_NOOP("Labels", "Preferred language"),
    "plan_status": QT_TRANSLATE_NOOP("Labels", "Plan status"),
    "access_level": QT_TRANSLATE_NOOP("Labels", "Access level"),
    "is_active": QT_TRANSLATE_NOOP("Labels", "Active account"),
    "password_hash": QT_TRANSLATE_NOOP("Labels", "Password"),
    "must_change_password": QT_TRANSLATE_NOOP("Labels", "Must change password"),
    "locked_until": QT_TRANSLATE_NOOP("Labels", "Locked until"),
    "agreement_edition": QT_TRANSLATE_NOOP("Labels", "Agreement accepted (edition)"),
    "agreement_accepted_at": QT_TRANSLATE_NOOP("Labels", "Agreement accepted on"),
}


def field_label(field: str) -> str:
    """A stored field's name as the audit trail shows it; unknown ones as stored."""
    text = _FIELD_LABELS.get(field)
    return field if text is None else QCoreApplication.translate("Labels", str(text))


def value_label(field: str, value: str | None) -> str:
    """A stored value as the audit trail shows it: codes become their labels."""
    if value is None:
        return ""
    try:
        match field:
            case "gender":
                return gender_label(Gender(value))
            case "preferred_language":
                return language_label(Language(value))
            case "plan_status":
                return plan_status_label(PlanStatus(value))
            case "access_level":
                return access_level_label(AccessLevel(int(value)))
            case "locked_until" | "agreement_accepted_at" | "last_sign_in_at":
                moment = dt.datetime.fromisoformat(value)
                return format_local_time(moment, current_language())
            case "is_active" | "must_change_password":
                if value in ("True", "False"):
                    yes = QCoreApplication.translate("Labels", "yes")
                    return (
                        yes
                        if value == "True"
                        else QCoreApplication.translate("Labels", "no")
                    )
    except (ValueError, KeyError):
        pass
    return value

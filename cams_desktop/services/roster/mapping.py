"""Which column of a spreadsheet holds which student field.

A school's own export (any CSV or .xlsx) has its own headers, in English or
French. ``suggest_mapping`` recognizes the usual ones; the import wizard
shows the suggestion for the user to correct, and the school remembers the
result for the next file of the same layout (``layout_signature``).
"""

from __future__ import annotations

import enum
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from cams_desktop.services.roster.records import DateOrder
from cams_desktop.services.roster.sources import Table, header_key
from cams_desktop.text import fold


class TargetField(enum.StrEnum):
    """A student field a column can fill."""

    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    GRADE = "grade"
    USERNAME = "username"
    STUDENT_NUMBER = "student_number"
    SOURCE_ID = "source_id"
    BIRTH_DATE = "birth_date"
    GENDER = "gender"
    EMAIL = "email"
    GRADUATION = "expected_graduation"  # a year (June 30 of it) or a date
    LANGUAGE = "preferred_language"
    SCHOOL_ID = "school_source_id"
    SCHOOL_NAME = "school_name"
    STATUS = "status"  # active / inactive
    PASSWORD = "password"  # only tells that the row had one


REQUIRED_FIELDS = (TargetField.FIRST_NAME, TargetField.LAST_NAME, TargetField.GRADE)


def field_label(target: TargetField) -> str:
    """The field's name for the mapping step of the import wizard."""
    match target:
        case TargetField.FIRST_NAME:
            return QCoreApplication.translate("Roster", "First name")
        case TargetField.LAST_NAME:
            return QCoreApplication.translate("Roster", "Last name")
        case TargetField.GRADE:
            return QCoreApplication.translate("Roster", "Grade")
        case TargetField.USERNAME:
            return QCoreApplication.translate("Roster", "Username")
        case TargetField.STUDENT_NUMBER:
            return QCoreApplication.translate("Roster", "Student number")
        case TargetField.SOURCE_ID:
            return QCoreApplication.translate(
                "Roster", "Identifier in the source system"
            )
        case TargetField.BIRTH_DATE:
            return QCoreApplication.translate("Roster", "Birth date")
        case TargetField.GENDER:
            return QCoreApplication.translate("Roster", "Gender")
        case TargetField.EMAIL:
            return QCoreApplication.translate("Roster", "Email")
        case TargetField.GRADUATION:
            return QCoreApplication.translate("Roster", "Expected graduation")
        case TargetField.LANGUAGE:
            return QCoreApplication.translate("Roster", "Preferred language")
        case TargetField.SCHOOL_ID:
            return QCoreApplication.translate("Roster", "School identifier")
        case TargetField.SCHOOL_NAME:
            return QCoreApplication.translate("Roster", "School name")
        case TargetField.STATUS:
            return QCoreApplication.translate("Roster", "Status (active or inactive)")
        case TargetField.PASSWORD:
            return QCoreApplication.translate("Roster", "Password (never stored)")


@dataclass(frozen=True, slots=True)
class ParentColumns:
    """The columns of one parent contact in a student row (openSIS "p-…")."""

    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    phones: tuple[str, ...] = ()  # the first one with a value is kept
    relationship: str | None = None


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Target field → column header as written in the file."""

    columns: Mapping[TargetField, str] = field(default_factory=dict)
    parents: tuple[ParentColumns, ...] = ()
    date_order: DateOrder | None = None

    def missing_required(self) -> list[TargetField]:
        return [target for target in REQUIRED_FIELDS if target not in self.columns]

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (for a school setting or a ``--mapping`` file)."""
        return {
            "columns": {
                target.value: header for target, header in self.columns.items()
            },
            "parents": [
                {
                    "first_name": parent.first_name,
                    "last_name": parent.last_name,
                    "email": parent.email,
                    "phones": list(parent.phones),
                    "relationship": parent.relationship,
                }
                for parent in self.parents
            ],
            "date_order": self.date_order.value if self.date_order else None,
        }

    @classmethod
    def from_json(cls, data: str | Mapping[str, Any]) -> ColumnMapping:
        """The mapping ``to_json`` wrote (a dict, or its JSON text).

        Raises ValueError, with a translated message, for anything else.
        """
        try:
            if isinstance(data, str):
                data = json.loads(data)
            if not isinstance(data, Mapping):
                raise TypeError
            columns = {
                TargetField(target): _text(header)
                for target, header in dict(data.get("columns") or {}).items()
            }
            parents = tuple(
                ParentColumns(
                    first_name=_optional_text(parent.get("first_name")),
                    last_name=_optional_text(parent.get("last_name")),
                    email=_optional_text(parent.get("email")),
                    phones=tuple(_text(phone) for phone in parent.get("phones") or ()),
                    relationship=_optional_text(parent.get("relationship")),
                )
                for parent in data.get("parents") or ()
            )
            order = data.get("date_order")
            date_order = DateOrder(order) if order is not None else None
        except (ValueError, TypeError, AttributeError):
            raise ValueError(
                QCoreApplication.translate(
                    "Roster", "This is not a column mapping saved by CAMS."
                )
            ) from None
        return cls(columns, parents, date_order)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def layout_signature(table: Table) -> str:
    """A stable name for a file layout: the same headers give the same name.

    Headers are compared as ``header_key`` does, so a re-export that only
    changed case or accents keeps the remembered mapping.
    """
    normalized = "\x1f".join(header_key(name) for name in table.header)
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:24]


# Header synonyms, best first, as header_key writes them.
_SYNONYMS: dict[TargetField, tuple[str, ...]] = {
    TargetField.FIRST_NAME: (
        "firstname",
        "givenname",
        "prenom",
        "legalfirstname",
        "first",
        "forename",
        "prenomusuel",
    ),
    TargetField.LAST_NAME: (
        "lastname",
        "familyname",
        "nomdefamille",
        "surname",
        "legallastname",
        "nom",
        "last",
    ),
    TargetField.GRADE: (
        "grade",
        "gradeid",
        "gradelevel",
        "grades",
        "annee",
        "niveau",
        "niveauscolaire",
        "anneescolaireniveau",
    ),
    TargetField.USERNAME: (
        "username",
        "nomdutilisateur",
        "utilisateur",
        "login",
        "identifiantdeconnexion",
    ),
    TargetField.STUDENT_NUMBER: (
        "studentnumber",
        "numerodeleve",
        "numeroeleve",
        "nodeleve",
        "fiche",
        "nofiche",
        "numerodefiche",
        "studentid",
        "matricule",
        "identifier",
    ),
    TargetField.SOURCE_ID: ("sisid", "sourcedid", "sourceid", "studentsisid"),
    TargetField.BIRTH_DATE: (
        "birthdate",
        "dateofbirth",
        "datedenaissance",
        "dob",
        "birthday",
        "naissance",
    ),
    TargetField.GENDER: ("gender", "sex", "sexe", "genre"),
    TargetField.EMAIL: (
        "email",
        "emailaddress",
        "courriel",
        "adressecourriel",
        "mail",
        "secondaryemail",
    ),
    TargetField.GRADUATION: (
        "graduationyear",
        "expectedgraduation",
        "expectedgraduationyear",
        "gradyear",
        "anneedediplomation",
        "diplomationprevue",
    ),
    TargetField.LANGUAGE: (
        "preferredlanguage",
        "languepreferee",
        "langue",
        "language",
        "languedecommunication",
    ),
    TargetField.SCHOOL_ID: ("schoolsisid", "schoolid", "ecole", "school", "codeecole"),
    TargetField.SCHOOL_NAME: ("schoolname", "nomdelecole"),
    TargetField.STATUS: ("status", "statut"),
    TargetField.PASSWORD: ("password", "motdepasse", "passwd", "pwd"),
}
# Student columns may say whose they are: "Student First Name", "st-email".
_STUDENT_PREFIXES = ("", "student", "st", "eleve")
_RANKS: dict[str, tuple[int, TargetField]] = {}
for _target, _names in _SYNONYMS.items():
    for _rank, _name in enumerate(_names):
        for _prefix in _STUDENT_PREFIXES:
            _RANKS.setdefault(_prefix + _name, (_rank, _target))

_PARENT_FIELDS: dict[str, str] = {
    "firstname": "first_name",
    "givenname": "first_name",
    "prenom": "first_name",
    "lastname": "last_name",
    "familyname": "last_name",
    "nom": "last_name",
    "nomdefamille": "last_name",
    "email": "email",
    "courriel": "email",
    "cell": "phone",
    "cellphone": "phone",
    "mobile": "phone",
    "cellulaire": "phone",
    "phone": "phone",
    "telephone": "phone",
    "homeph": "phone",
    "homephone": "phone",
    "workph": "phone",
    "workphone": "phone",
    "relationship": "relationship",
    "relation": "relationship",
    "lien": "relationship",
    "liendeparente": "relationship",
}
# "p-first name" (openSIS's first contact, "s-" its second), "Parent 2 Email",
# "Guardian1_LastName", "Tuteur email"…
_PARENT_PREFIX = re.compile(
    r"^(?:(?P<letter>[ps])\s*[-_]|(?P<word>parent|guardian|tuteur|tutrice|contact)"
    r"\s*[-_]?\s*(?P<number>[12])?\s*[-_]?)\s*(?P<rest>.+)$"
)


def suggest_mapping(table: Table) -> ColumnMapping:
    """The columns recognized by their header, in English or French."""
    best: dict[TargetField, tuple[int, int]] = {}
    parents: dict[str, dict[str, list[str]]] = {}
    for position, header in enumerate(table.header):
        key = header_key(header)
        ranked = _RANKS.get(key)
        if ranked is not None:
            rank, target = ranked
            if target not in best or rank < best[target][0]:
                best[target] = (rank, position)
            continue
        match = _PARENT_PREFIX.match(fold(header))
        if match is None:
            continue
        part = _PARENT_FIELDS.get(header_key(match["rest"]))
        if part is None:
            continue
        slot = match["letter"] or f"{match['word']}{match['number'] or '1'}"
        parents.setdefault(slot, {}).setdefault(part, []).append(header)

    columns = {
        target: table.header[position]
        for target, (_rank, position) in sorted(
            best.items(), key=lambda item: item[1][1]
        )
    }
    return ColumnMapping(
        columns=columns,
        parents=tuple(
            _parent_columns(found)
            for found in parents.values()
            if "first_name" in found or "last_name" in found
        ),
    )


def _parent_columns(found: dict[str, list[str]]) -> ParentColumns:
    phones = found.get("phone", [])
    # A mobile number reaches the parent first.
    phones.sort(key=lambda header: 0 if _is_mobile(header) else 1)
    return ParentColumns(
        first_name=found.get("first_name", [None])[0],
        last_name=found.get("last_name", [None])[0],
        email=found.get("email", [None])[0],
        phones=tuple(phones),
        relationship=found.get("relationship", [None])[0],
    )


def _is_mobile(header: str) -> bool:
    key = header_key(header)
    return any(word in key for word in ("cell", "mobile"))

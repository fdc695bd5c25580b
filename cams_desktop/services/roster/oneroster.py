"""OneRoster 1.1 and 1.2 CSV bundles, and SDS v2.1 files (OneRoster-shaped).

All three list people in users.csv. Who is a student comes from the
``role`` column of users.csv (OneRoster 1.1) or from roles.csv (1.2 and
SDS v2.1); both are honoured. Parents are users with a parent, guardian or
relative role linked through ``agentSourcedIds`` (either side), or, in
SDS v2.1, through relationships.csv. demographics.csv gives sex and birth
date; orgs.csv the schools.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from cams_desktop.db.students import Gender
from cams_desktop.services.roster import values
from cams_desktop.services.roster.records import (
    DateOrder,
    ParentRecord,
    Problem,
    Roster,
    RosterFormat,
    StudentRecord,
)
from cams_desktop.services.roster.sources import Source, Table
from cams_desktop.services.roster.table import date_column

PARENT_ROLES = frozenset({"parent", "guardian", "relative"})
TO_BE_DELETED = "tobedeleted"


@dataclass(frozen=True, slots=True)
class _Org:
    name: str
    type: str
    parent: str


@dataclass(frozen=True, slots=True)
class _Role:
    role: str
    org: str
    grade: str
    primary: bool
    line: int


@dataclass(frozen=True, slots=True)
class _Demographics:
    gender: Gender | None
    birth_date: dt.date | None
    problems: tuple[Problem, ...]


def read_bundle(
    source: Source,
    roster_format: RosterFormat,
    *,
    full: bool,
    date_order: DateOrder | None,
) -> Roster:
    """Students of a OneRoster bundle or of SDS v2.1 files."""
    roster = Roster(roster_format, full)
    users = source.table("users")
    identifier = users.column("sourcedId") if users is not None else None
    if users is None or identifier is None:
        roster.problems.append(
            Problem(
                users.name if users is not None else source.name,
                None,
                "sourcedId" if users is not None else None,
                None,
                QCoreApplication.translate(
                    "Roster", "The users file (users.csv, with sourcedId) is missing."
                ),
            )
        )
        return roster
    orgs = _orgs(source.table("orgs"))
    roster.source_schools = {
        org_id: org.name or org_id
        for org_id, org in orgs.items()
        if org.type == "school"
    }
    roles_table = source.table("roles")
    roles = _roles(roles_table)
    demographics = _demographics(
        source.table("demographics"), date_order, roster.problems
    )
    _Reader(users, identifier, roles, roles_table, orgs, demographics, roster).read(
        source.table("relationships")
    )
    return roster


class _Reader:
    """One pass to sort users into students and parents, one to build records."""

    def __init__(
        self,
        users: Table,
        identifier: int,
        roles: dict[str, list[_Role]],
        roles_table: Table | None,
        orgs: dict[str, _Org],
        demographics: dict[str, _Demographics],
        roster: Roster,
    ) -> None:
        self.users = users
        self.identifier = identifier
        self.roles = roles
        self.roles_name = roles_table.name if roles_table is not None else ""
        grade = roles_table.column("grade") if roles_table is not None else None
        self.roles_grade = (
            roles_table.header[grade]
            if roles_table is not None and grade is not None
            else None
        )
        self.orgs = orgs
        self.demographics = demographics
        self.roster = roster
        self.positions: dict[str, int] = {}
        column = users.column
        self.role = column("role")
        self.agents = column("agentSourcedIds")
        self.grades = column("grades", "grade")
        self.org_ids = column("orgSourcedIds")
        self.primary_org = column("primaryOrgSourcedId")
        self.status = column("status")
        self.enabled = column("enabledUser")
        self.first_name = column("givenName")
        self.last_name = column("familyName")
        self.username = column("username")
        self.number = column("identifier", "studentNumber")
        self.email = column("email")
        self.phones = [i for i in (column("phone"), column("sms")) if i is not None]
        self.password = column("password")

    def read(self, relationships: Table | None) -> None:
        rows = self.users.rows
        row_kinds = [self._kind(row) for row in rows]
        kinds = {self._id(row): kind for row, kind in zip(rows, row_kinds, strict=True)}
        self.positions = {self._id(row): position for position, row in enumerate(rows)}
        links = self._links(kinds, relationships)
        roster = self.roster
        roster.rows_read = len(rows)
        for position, row in enumerate(rows):
            if row_kinds[position] != "student":
                continue
            user_id = self._id(row)
            found = self.users.row_problems.get(position)
            problems = list(found) if found else []
            parents = tuple(
                parent
                for parent_id, relationship in links.get(user_id, ())
                if (parent := self._parent(parent_id, relationship, problems))
            )
            roster.students.append(
                self._student(row, self.users.lines[position], parents, problems)
            )
        roster.other_rows = len(rows) - len(roster.students)
        roster.passwords_ignored = sum(
            record.had_password for record in roster.students
        )

    def _id(self, row: list[str]) -> str:
        return row[self.identifier].strip()

    def _cell(self, row: list[str], index: int | None) -> str:
        return row[index].strip() if index is not None else ""

    def _kind(self, row: list[str]) -> str:
        """The user's role: student if users.csv or roles.csv says so."""
        own = self._cell(row, self.role).casefold()
        roles = [role.role for role in self.roles.get(self._id(row), ())]
        if own == "student" or "student" in roles:
            return "student"
        return own or (roles[0] if roles else "")

    def _links(
        self, kinds: dict[str, str], relationships: Table | None
    ) -> dict[str, list[tuple[str, str]]]:
        """Student id → (parent id, relationship), each parent once."""
        links: dict[str, dict[str, str]] = {}
        for row in self.users.rows:
            user_id = self._id(row)
            kind = kinds[user_id]
            for agent in _ids(self._cell(row, self.agents)):
                if kind in PARENT_ROLES and kinds.get(agent) == "student":
                    links.setdefault(agent, {}).setdefault(user_id, kind)
                elif kind == "student" and kinds.get(agent) in PARENT_ROLES:
                    links.setdefault(user_id, {}).setdefault(agent, kinds[agent])
        if relationships is not None:
            student = relationships.column("userSourcedId")
            other = relationships.column("relationshipUserSourcedId")
            role = relationships.column("relationshipRole", "role")
            if student is not None and other is not None:
                for row in relationships.rows:
                    relationship = row[role].strip() if role is not None else ""
                    links.setdefault(row[student].strip(), {}).setdefault(
                        row[other].strip(), relationship or "parent"
                    )
        return {student: list(parents.items()) for student, parents in links.items()}

    def _parent(
        self, user_id: str, relationship: str, problems: list[Problem]
    ) -> ParentRecord | None:
        """The parent's record; None if not in users.csv or without a name."""
        position = self.positions.get(user_id)
        if position is None:
            return None
        row = self.users.rows[position]
        first_name = self._cell(row, self.first_name)
        last_name = self._cell(row, self.last_name)
        if not (first_name and last_name):
            problems.append(
                Problem(
                    self.users.name,
                    self.users.lines[position],
                    None,
                    None,
                    QCoreApplication.translate(
                        "Roster", "A parent contact needs a first and a last name."
                    ),
                )
            )
            return None
        return ParentRecord(
            source_id=self._id(row),
            first_name=first_name,
            last_name=last_name,
            email=self._cell(row, self.email) or None,
            phone=next((p for i in self.phones if (p := row[i].strip())), None),
            relationship=relationship,
        )

    def _student(
        self,
        row: list[str],
        line: int,
        parents: tuple[ParentRecord, ...],
        problems: list[Problem],
    ) -> StudentRecord:
        user_id = self._id(row)
        name = self.users.name
        header = self.users.header
        roles = sorted(
            (role for role in self.roles.get(user_id, ()) if role.role == "student"),
            key=lambda role: not role.primary,
        )

        grade = None
        if roles and roles[0].grade:
            # SDS v2.1 gives the grade with the role.
            text = roles[0].grade
            file, at, column = self.roles_name, roles[0].line, self.roles_grade
        else:
            text = next(_ids(self._cell(row, self.grades)), "")
            file, at = name, line
            column = header[self.grades] if self.grades is not None else None
        if text:
            grade = values.grade(text)
            if grade is None:
                problems.append(Problem(file, at, column, text, values.grade_problem()))

        active = None
        if self.enabled is not None and (enabled := row[self.enabled].strip()):
            active = values.active(enabled)
            if active is None:
                problems.append(
                    Problem(
                        name,
                        line,
                        header[self.enabled],
                        enabled,
                        values.boolean_problem(),
                    )
                )
        status = self._cell(row, self.status).casefold()
        if status == "inactive":
            active = False

        demographics = self.demographics.get(user_id)
        if demographics is not None:
            problems.extend(demographics.problems)
        had_password = self.password is not None and bool(row[self.password])
        return StudentRecord(
            file=name,
            line=line,
            source_id=user_id or None,
            student_number=self._cell(row, self.number) or None,
            username=self._cell(row, self.username) or None,
            first_name=self._cell(row, self.first_name),
            last_name=self._cell(row, self.last_name),
            grade=grade,
            gender=demographics.gender if demographics else None,
            birth_date=demographics.birth_date if demographics else None,
            email=self._cell(row, self.email) or None,
            school_source_id=self._school(row, roles),
            active=active,
            to_delete=status == TO_BE_DELETED,
            parents=parents,
            had_password=had_password,
            problems=tuple(problems),
        )

    def _school(self, row: list[str], roles: list[_Role]) -> str | None:
        """The first of the student's orgs that is (or is part of) a school."""
        candidates = [
            self._cell(row, self.primary_org),
            *(role.org for role in roles),
            *_ids(self._cell(row, self.org_ids)),
        ]
        candidates = [org for org in candidates if org]
        for org in candidates:
            school = _school_of(org, self.orgs)
            if school is not None:
                return school
        return candidates[0] if candidates else None


def _school_of(org_id: str, orgs: dict[str, _Org]) -> str | None:
    seen: set[str] = set()
    while org_id in orgs and org_id not in seen:
        org = orgs[org_id]
        if org.type == "school":
            return org_id
        seen.add(org_id)
        org_id = org.parent
    return None


def _ids(text: str) -> Iterator[str]:
    """The ids of a comma-separated list such as ``agentSourcedIds``."""
    return (part for item in text.split(",") if (part := item.strip()))


def _orgs(table: Table | None) -> dict[str, _Org]:
    if table is None:
        return {}
    identifier = table.column("sourcedId")
    if identifier is None:
        return {}
    name, kind, parent = (
        table.column("name"),
        table.column("type"),
        table.column("parentSourcedId"),
    )
    return {
        row[identifier].strip(): _Org(
            row[name].strip() if name is not None else "",
            row[kind].strip().casefold() if kind is not None else "",
            row[parent].strip() if parent is not None else "",
        )
        for row in table.rows
    }


def _roles(table: Table | None) -> dict[str, list[_Role]]:
    """User id → roles, without those a delta file deletes."""
    if table is None:
        return {}
    user, role = table.column("userSourcedId"), table.column("role")
    if user is None or role is None:
        return {}
    org, grade = table.column("orgSourcedId"), table.column("grade")
    role_type, is_primary = table.column("roleType"), table.column("isPrimary")
    status = table.column("status")
    found: dict[str, list[_Role]] = {}
    for row, line in zip(table.rows, table.lines, strict=True):
        if status is not None and row[status].strip().casefold() == TO_BE_DELETED:
            continue
        primary = (
            role_type is not None and row[role_type].strip().casefold() == "primary"
        ) or (is_primary is not None and values.active(row[is_primary].strip()) is True)
        found.setdefault(row[user].strip(), []).append(
            _Role(
                row[role].strip().casefold(),
                row[org].strip() if org is not None else "",
                row[grade].strip() if grade is not None else "",
                primary,
                line,
            )
        )
    return found


def _demographics(
    table: Table | None, date_order: DateOrder | None, file_problems: list[Problem]
) -> dict[str, _Demographics]:
    if table is None:
        return {}
    # OneRoster names the user "sourcedId" here, SDS v2.1 "userSourcedId".
    user = table.column("userSourcedId", "sourcedId")
    if user is None:
        return {}
    sex, birth = table.column("sex"), table.column("birthDate")
    dates = date_column(table, birth, date_order, None, file_problems)
    found: dict[str, _Demographics] = {}
    for position, row in enumerate(table.rows):
        line = table.lines[position]
        problems = list(table.row_problems.get(position, ()))
        gender = None
        if sex is not None and (text := row[sex].strip()):
            gender = values.gender(text)
            if gender is None:
                problems.append(
                    Problem(
                        table.name,
                        line,
                        table.header[sex],
                        text,
                        values.gender_problem(),
                    )
                )
        birth_date = None
        if birth is not None and (text := row[birth].strip()):
            birth_date, error = dates.read(text)
            if error:
                problems.append(
                    Problem(table.name, line, table.header[birth], text, error)
                )
        found[row[user].strip()] = _Demographics(gender, birth_date, tuple(problems))
    return found

"""Applying a previewed roster import in one transaction (F-22).

Everything the plan says is written at once or not at all: new students,
updates, deactivations, grade history, parents and their links, and the
table layout's column mapping. The rows go through the bulk writers of
``db.bulk``, which record the same audit trail and sync outbox as the ORM
does, so 50,000 new students take seconds, not minutes.
"""

from __future__ import annotations

import functools
import logging
import threading
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from cams_desktop.cancel import Cancelled
from cams_desktop.db.base import link_id, new_id, utcnow
from cams_desktop.db.bulk import StaleRowError, bulk_insert, bulk_update
from cams_desktop.db.engine import Database
from cams_desktop.db.school import SchoolSetting, Staff
from cams_desktop.db.students import (
    CaseloadAssignment,
    GradeChange,
    Parent,
    ParentLink,
    PlanStatus,
    Student,
)
from cams_desktop.db.tracking import CamsSession
from cams_desktop.services import plan_options
from cams_desktop.services.access import Action, Actor, require
from cams_desktop.services.roster.planning import (
    MAPPING_SETTING_PREFIX,
    STUDENT_FIELDS,
    ImportPlan,
    ImportRow,
    MissingStudent,
    ParentStep,
    RowKind,
)
from cams_desktop.services.students import gc_paused
from cams_desktop.text import fold, name_sort_key

log = logging.getLogger(__name__)

# Rows written per statement batch; progress and cancel are checked between.
CHUNK = 2000
# The reason kept in the grade history of a grade the file changed.
GRADE_CHANGE_REASON = "import"


# Names repeat a lot in a school (and usernames never): their folded forms
# are kept, which saves a third of the time new students take.
_fold = functools.lru_cache(maxsize=8192)(fold)
_name_sort_key = functools.lru_cache(maxsize=16384)(name_sort_key)


def search_text(first: str, last: str, username: str) -> str:
    """``fold(f"{first} {last} {username}")``, from the folded names.

    Folding collapses spaces and usernames are plain ASCII, so joining
    the non-empty folded parts with one space gives the same text.
    """
    return " ".join(
        part for part in (_fold(first), _fold(last), username.lower()) if part
    )


class StalePlan(Exception):
    """The database changed since the preview; nothing was written."""


class ImportRefused(ValueError):
    """The plan may not be applied as asked; nothing was written."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did (the wizard and the command line tell it)."""

    added: int
    updated: int
    unchanged: int
    deactivated: int
    errors_skipped: int
    passwords_ignored: int


def apply_import(
    db: Database,
    actor: Actor,
    plan: ImportPlan,
    *,
    deactivate_missing: bool = False,
    deactivate_many: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> ImportResult:
    """Write ``plan``: rows in error are left out, the rest is imported.

    ``deactivate_missing`` also deactivates the plans of the active
    students a full roster does not list; ``deactivate_many`` confirms it
    when that is more than half of the school's active students. Raises
    ImportRefused for a plan with problems about the whole file or a
    deactivation the plan cannot justify, StalePlan if a student changed
    since the preview, Cancelled if ``cancel`` is set midway; either way,
    and on any other error, nothing is written.
    """
    require(db, actor, Action.IMPORT_ROSTER)
    if plan.school_id != actor.school_id or plan.needs_school_choice:
        raise ImportRefused(
            QCoreApplication.translate(
                "RosterImport",
                "This preview cannot be imported as it is; preview the file again.",
            )
        )
    if plan.problems:
        raise ImportRefused(
            QCoreApplication.translate(
                "RosterImport",
                "The file has problems (listed in the preview); correct them, "
                "then preview it again. Nothing was imported.",
            )
        )
    missing = list(plan.missing) if deactivate_missing and plan.full else []
    if missing:
        _check_deactivation(plan, deactivate_many)
    rows = [row for row in plan.rows if row.kind in (RowKind.NEW, RowKind.UPDATE)]
    total = len(rows) + len(missing)
    writer = _Writer(actor, plan)
    try:
        with db.transaction(actor.staff_id) as session, gc_paused():
            writer.session = session
            _check_current(session, plan, missing)
            done = 0
            for start in range(0, len(rows), CHUNK):
                _check_cancel(cancel)
                chunk = rows[start : start + CHUNK]
                writer.write_students(chunk)
                done += len(chunk)
                _report(progress, done, total)
            _check_cancel(cancel)
            writer.write_parents(rows)
            for start in range(0, len(missing), CHUNK):
                _check_cancel(cancel)
                chunk_ids = [(m.id, m.version) for m in missing[start : start + CHUNK]]
                writer.deactivate(chunk_ids)
                done += len(chunk_ids)
                _report(progress, done, total)
            writer.remember_mapping()
            _check_cancel(cancel)
    except StaleRowError as error:
        raise StalePlan(_stale_message()) from error

    counts = plan.counts()
    result = ImportResult(
        added=counts[RowKind.NEW],
        updated=counts[RowKind.UPDATE],
        unchanged=counts[RowKind.UNCHANGED],
        deactivated=writer.deactivated,
        errors_skipped=counts[RowKind.ERROR],
        passwords_ignored=plan.passwords_ignored,
    )
    log.info(
        "import applied by staff %s: %d added, %d updated, %d deactivated, "
        "%d rows in error left out",
        actor.staff_id,
        result.added,
        result.updated,
        result.deactivated,
        result.errors_skipped,
    )
    return result


def _check_deactivation(plan: ImportPlan, deactivate_many: bool) -> None:
    refusal = plan.deactivation_refusal()
    if refusal is not None:
        raise ImportRefused(
            refusal
            + " "
            + QCoreApplication.translate("RosterImport", "Nothing was imported.")
        )
    if plan.deactivates_many and not deactivate_many:
        raise ImportRefused(
            QCoreApplication.translate(
                "RosterImport",
                "This would deactivate the plans of {0} of the {1} active "
                "students; confirm it to go on. Nothing was imported.",
            ).format(len(plan.missing), plan.active_students)
        )


def _report(progress: Callable[[int, int], None] | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled(
            QCoreApplication.translate(
                "RosterImport", "Import cancelled; nothing was imported."
            )
        )


def _stale_message() -> str:
    return QCoreApplication.translate(
        "RosterImport",
        "Students changed since this preview was made (someone else may be "
        "editing them). Nothing was imported; preview the file again.",
    )


def _check_current(
    session: CamsSession, plan: ImportPlan, missing: Sequence[MissingStudent]
) -> None:
    """Refuse a plan made before a student it relies on changed.

    Matched students must be at the version the preview read; the usernames,
    student numbers and ids that new rows bring must still be free.
    """
    students = Student.__table__.c
    current: dict[uuid.UUID, tuple[int, uuid.UUID, bool]] = {}
    username_owner: dict[str, uuid.UUID | None] = {}
    school_numbers: dict[str, uuid.UUID] = {}
    school_sources: set[str] = set()
    for row_id, school_id, version, key, number, source, deleted in session.execute(
        select(
            students.id,
            students.school_id,
            students.version,
            students.username_key,
            students.student_number,
            students.source_id,
            students.deleted_at,
        )
    ):
        current[row_id] = (version, school_id, deleted is not None)
        username_owner[key] = row_id
        if school_id == plan.school_id and deleted is None:
            if number:
                school_numbers[number] = row_id
            if source:
                school_sources.add(source)
    username_owner.update(
        (key, None) for key in session.scalars(select(Staff.username_key))
    )

    def unchanged(row_id: uuid.UUID | None, version: int | None) -> bool:
        found = current.get(row_id) if row_id is not None else None
        return found == (version, plan.school_id, False)

    stale = any(
        row.kind in (RowKind.UPDATE, RowKind.UNCHANGED)
        and not unchanged(row.student_id, row.version)
        for row in plan.rows
    ) or any(not unchanged(m.id, m.version) for m in missing)
    for row in plan.rows:
        if stale:
            break
        if row.kind is RowKind.NEW:
            values = _new_values(row)
            stale = (
                values["username"].casefold() in username_owner
                or values.get("source_id") in school_sources
                or values.get("student_number") in school_numbers
            )
        elif row.kind is RowKind.UPDATE:
            for change in row.changes:
                if change.field == "username":
                    owner = username_owner.get(change.new.casefold(), row.student_id)
                    stale = stale or owner != row.student_id
                elif change.field == "student_number":
                    owner = school_numbers.get(change.new, row.student_id)
                    stale = stale or owner != row.student_id
    if stale:
        raise StalePlan(_stale_message())


def _new_values(row: ImportRow) -> dict[str, Any]:
    return {c.field: c.new for c in row.changes if c.field in STUDENT_FIELDS}


class _Writer:
    """Writes a plan's rows inside one transaction, in batches."""

    def __init__(self, actor: Actor, plan: ImportPlan) -> None:
        self.actor = actor
        self.plan = plan
        self.session: CamsSession
        self.now = utcnow()
        self.batch_id = new_id()
        self.deactivated = 0
        self.school_directed: bool | None = None

    def write_students(self, rows: Sequence[ImportRow]) -> None:
        session = self.session
        if self.school_directed is None:
            self.school_directed = (
                plan_options.creation_mode(session, self.actor.school_id)
                is plan_options.PlanCreationMode.SCHOOL
            )
        new_rows = [row for row in rows if row.kind is RowKind.NEW]
        inserted = [self._student_values(row) for row in new_rows]
        bulk_insert(session, Student, inserted)
        if not self.actor.sees_all_students:
            # As when adding a student by hand: a teacher's new students join
            # their own list (F-42).
            staff_id = self.actor.staff_id
            bulk_insert(
                session,
                CaseloadAssignment,
                [
                    {
                        "id": link_id(staff_id, values["id"]),
                        "staff_id": staff_id,
                        "student_id": values["id"],
                    }
                    for values in inserted
                ],
            )

        updates = [row for row in rows if row.kind is RowKind.UPDATE]
        derived = self._derived_columns(updates)
        student_updates = []
        grade_changes = []
        for row in updates:
            assert row.student_id is not None and row.version is not None
            changes = {
                c.field: (c.old, c.new)
                for c in row.changes
                if c.field in STUDENT_FIELDS or c.field == "plan_status"
            }
            if not changes:
                continue
            changes.update(self._derived_changes(changes, derived[row.student_id]))
            student_updates.append((row.student_id, row.version, changes))
            if "grade" in changes:
                grade_changes.append(
                    {
                        "student_id": row.student_id,
                        "from_grade": changes["grade"][0],
                        "to_grade": changes["grade"][1],
                        "reason": GRADE_CHANGE_REASON,
                        "batch_id": self.batch_id,
                    }
                )
            status = changes.get("plan_status")
            if status is not None and status[1] is PlanStatus.INACTIVE:
                self.deactivated += 1
        bulk_update(session, Student, student_updates)
        bulk_insert(session, GradeChange, grade_changes)

    def _student_values(self, row: ImportRow) -> dict[str, Any]:
        values = _new_values(row)
        first, last, username = (
            values["first_name"],
            values["last_name"],
            values["username"],
        )
        return values | {
            "id": row.student_id,
            "school_id": self.actor.school_id,
            "username_key": username.casefold(),
            "sort_key": _name_sort_key(last, first),
            "search_text": search_text(first, last, username),
            "plan_status": PlanStatus.ACTIVE,
            "plan_created_at": self.now if self.school_directed else None,
            "plan_status_changed_at": self.now,
        }

    def _derived_columns(
        self, rows: Iterable[ImportRow]
    ) -> dict[uuid.UUID, dict[str, Any]]:
        """The stored keys that follow names, usernames and the plan status."""
        ids = [row.student_id for row in rows]
        columns = Student.__table__.c
        return {
            found.id: dict(found._mapping)
            for found in self.session.execute(
                select(
                    columns.id,
                    columns.username,
                    columns.first_name,
                    columns.last_name,
                    columns.username_key,
                    columns.sort_key,
                    columns.search_text,
                    columns.plan_status_changed_at,
                ).where(columns.id.in_(ids))
            )
        }

    def _derived_changes(
        self, changes: dict[str, tuple[Any, Any]], stored: dict[str, Any]
    ) -> dict[str, tuple[Any, Any]]:
        def now(name: str) -> Any:
            return changes[name][1] if name in changes else stored[name]

        first, last, username = now("first_name"), now("last_name"), now("username")
        derived = {
            "username_key": (stored["username_key"], username.casefold()),
            "sort_key": (stored["sort_key"], name_sort_key(last, first)),
            "search_text": (
                stored["search_text"],
                fold(f"{first} {last} {username}"),
            ),
        }
        if "plan_status" in changes:
            derived["plan_status_changed_at"] = (
                stored["plan_status_changed_at"],
                self.now,
            )
        return derived

    def write_parents(self, rows: Sequence[ImportRow]) -> None:
        """New parents, their changes (merged over rows) and links."""
        created: dict[uuid.UUID, dict[str, Any]] = {}
        updated: dict[uuid.UUID, tuple[int, dict[str, tuple[Any, Any]]]] = {}
        new_links: dict[uuid.UUID, dict[str, Any]] = {}
        link_updates: dict[uuid.UUID, tuple[int, dict[str, tuple[Any, Any]]]] = {}
        for row in rows:
            assert row.student_id is not None
            for step in row.parents:
                self._plan_parent(step, created, updated)
                self._plan_link(row.student_id, step, new_links, link_updates)
        bulk_insert(self.session, Parent, list(created.values()))
        bulk_update(
            self.session,
            Parent,
            [(pid, version, changes) for pid, (version, changes) in updated.items()],
        )
        bulk_insert(self.session, ParentLink, list(new_links.values()))
        removed = self._removed_at(link_updates)
        bulk_update(
            self.session,
            ParentLink,
            [
                (lid, version, changes | removed.get(lid, {}))
                for lid, (version, changes) in link_updates.items()
            ],
        )

    def _plan_parent(
        self,
        step: ParentStep,
        created: dict[uuid.UUID, dict[str, Any]],
        updated: dict[uuid.UUID, tuple[int, dict[str, tuple[Any, Any]]]],
    ) -> None:
        record = step.record
        if step.create:
            created[step.parent_id] = {
                "id": step.parent_id,
                "school_id": self.actor.school_id,
                "source_id": record.source_id,
                "first_name": record.first_name,
                "last_name": record.last_name,
                "email": record.email,
                "phone": record.phone,
                "preferred_language": record.preferred_language,
            }
            if record.preferred_language is None:
                del created[step.parent_id]["preferred_language"]
            return
        if step.parent_id in created:
            # A parent this import creates, told again by a brother's row.
            created[step.parent_id].update((c.field, c.new) for c in step.changes)
            return
        if not step.changes:
            return
        assert step.parent_version is not None
        _, changes = updated.setdefault(step.parent_id, (step.parent_version, {}))
        for change in step.changes:
            first = changes.get(change.field, (change.old, None))[0]
            changes[change.field] = (first, change.new)

    def _plan_link(
        self,
        student_id: uuid.UUID,
        step: ParentStep,
        new_links: dict[uuid.UUID, dict[str, Any]],
        link_updates: dict[uuid.UUID, tuple[int, dict[str, tuple[Any, Any]]]],
    ) -> None:
        relationship = step.record.relationship
        if step.link_row_id is None:
            row_id = link_id(step.parent_id, student_id)
            new_links.setdefault(
                row_id,
                {
                    "id": row_id,
                    "parent_id": step.parent_id,
                    "student_id": student_id,
                    "relationship": relationship,
                },
            )
            return
        changes: dict[str, tuple[Any, Any]] = {}
        if step.relationship is not None:
            changes["relationship"] = (step.relationship.old, step.relationship.new)
        if step.link:
            changes["deleted_at"] = (None, None)  # old value read before writing
        if changes:
            assert step.link_version is not None
            link_updates[step.link_row_id] = (step.link_version, changes)

    def _removed_at(
        self, link_updates: dict[uuid.UUID, tuple[int, dict[str, tuple[Any, Any]]]]
    ) -> dict[uuid.UUID, dict[str, tuple[Any, Any]]]:
        """For links the import restores: when they were removed."""
        restored = [lid for lid, (_, c) in link_updates.items() if "deleted_at" in c]
        if not restored:
            return {}
        rows = self.session.execute(
            select(ParentLink.id, ParentLink.deleted_at).where(
                ParentLink.id.in_(restored)
            )
        )
        return {lid: {"deleted_at": (removed, None)} for lid, removed in rows}

    def deactivate(self, students: Sequence[tuple[uuid.UUID, int]]) -> None:
        stored = dict(
            self.session.execute(
                select(Student.id, Student.plan_status_changed_at).where(
                    Student.id.in_([sid for sid, _ in students])
                )
            ).all()
        )
        bulk_update(
            self.session,
            Student,
            [
                (
                    sid,
                    version,
                    {
                        "plan_status": (PlanStatus.ACTIVE, PlanStatus.INACTIVE),
                        "plan_status_changed_at": (stored.get(sid), self.now),
                    },
                )
                for sid, version in students
            ],
        )
        self.deactivated += len(students)

    def remember_mapping(self) -> None:
        """Keep the table layout's mapping for the school's next import."""
        if self.plan.mapping is None:
            return
        signature, mapping = self.plan.mapping
        key = MAPPING_SETTING_PREFIX + signature
        setting = self.session.scalars(
            select(SchoolSetting).where(
                SchoolSetting.school_id == self.actor.school_id,
                SchoolSetting.key == key,
            )
        ).first()
        if setting is None:
            self.session.add(
                SchoolSetting(school_id=self.actor.school_id, key=key, value=mapping)
            )
        elif setting.value != mapping or setting.deleted_at is not None:
            setting.value = mapping
            setting.deleted_at = None
        self.session.flush()

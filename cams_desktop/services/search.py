"""Student search (F-12): combinable criteria, and each user's saved searches.

A search is a frozen value that the student list applies in memory, next to
its filter bar; the same value chooses the students of an export, a message
or a print job. Saved searches keep it as a small versioned JSON object, so
that a newer desktop can add criteria an older one ignores.
"""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from cams_desktop.db.base import utcnow
from cams_desktop.db.engine import Database
from cams_desktop.db.students import (
    GRADES,
    MAX_NAME_LENGTH,
    Gender,
    PlanStatus,
    SavedSearch,
)
from cams_desktop.labels import field_label, gender_label, plan_status_label
from cams_desktop.services.access import Action, Actor, NotFound, refuse, require
from cams_desktop.services.students import (
    StudentRow,
    ValidationError,
    list_groups,
    list_students,
)
from cams_desktop.text import code_point, fold, sort_key, unsafe_character

log = logging.getLogger(__name__)

SEARCH_FORMAT = 1
MAX_USERNAME_LENGTH = 64
MAX_SEARCH_NAME_LENGTH = 200

# Names repeat across a school: folding each once keeps a search over 50,000
# students within a few tens of milliseconds.
_fold_cached = functools.lru_cache(maxsize=1 << 17)(fold)
# Names compared without apostrophes, hyphens and spaces: "oconnor" finds
# "O'Connor" and "abourjeili" finds "Abou-Rjeili" (sort_key is that form).
_compact = functools.lru_cache(maxsize=1 << 17)(sort_key)


def _fold_field(text: str) -> str:
    """``fold(text)``, without its work for the plain ASCII of most usernames."""
    if (
        text.isascii()
        and text.isprintable()
        and "`" not in text
        and "  " not in text
        and text == text.strip()
    ):
        return text.lower()
    return _fold_cached(text)


_Choice = TypeVar("_Choice", PlanStatus, Gender)


@dataclass(frozen=True, slots=True)
class StudentSearch:
    """Search criteria, all optional and combined with AND.

    ``grades`` empty means every grade. The three texts match anywhere in
    the field, ignoring case, accents and the style of apostrophe; the two
    names also ignore apostrophes, hyphens and spaces altogether.
    """

    grades: frozenset[int] = frozenset()
    username: str = ""
    first_name: str = ""
    last_name: str = ""
    counsellor_id: uuid.UUID | None = None
    plan_status: PlanStatus | None = None
    gender: Gender | None = None
    group_id: uuid.UUID | None = None
    _needles: tuple[str, str, str] = field(
        init=False, repr=False, compare=False, hash=False, default=("", "", "")
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "grades", frozenset(self.grades))
        for key in ("username", "first_name", "last_name"):
            object.__setattr__(self, key, getattr(self, key).strip())
        object.__setattr__(
            self,
            "_needles",
            (
                fold(self.username),
                sort_key(self.first_name),
                sort_key(self.last_name),
            ),
        )

    @property
    def is_empty(self) -> bool:
        return self == StudentSearch()

    def matches(self, row: StudentRow) -> bool:
        """Whether the student meets every criterion."""
        if self.grades and row.grade not in self.grades:
            return False
        if self.plan_status is not None and row.plan_status != self.plan_status:
            return False
        if self.gender is not None and row.gender != self.gender:
            return False
        if self.counsellor_id is not None and (
            self.counsellor_id not in row.counsellor_ids
        ):
            return False
        if self.group_id is not None and self.group_id not in row.group_ids:
            return False
        username, first_name, last_name = self._needles
        # search_text holds the folded username: a needle missing from it is
        # missing from the field too, with no folding needed.
        return (
            (
                not username
                or (
                    username in row.search_text
                    and username in _fold_field(row.username)
                )
            )
            and (not first_name or first_name in _compact(row.first_name))
            and (not last_name or last_name in _compact(row.last_name))
        )

    def to_json(self) -> dict[str, Any]:
        """The criteria as a JSON object; criteria left empty are left out."""
        data: dict[str, Any] = {"version": SEARCH_FORMAT}
        if self.grades:
            data["grades"] = sorted(self.grades)
        for key in ("username", "first_name", "last_name"):
            if value := getattr(self, key):
                data[key] = value
        for key in ("counsellor_id", "group_id"):
            if (value := getattr(self, key)) is not None:
                data[key] = str(value)
        if self.plan_status is not None:
            data["plan_status"] = self.plan_status.value
        if self.gender is not None:
            data["gender"] = self.gender.value
        return data

    @classmethod
    def from_json(cls, data: object) -> StudentSearch:
        """Read ``to_json``'s object back; unknown keys are ignored.

        Raises ValueError, saying which criterion, when a value is not one
        this version can use.
        """
        if not isinstance(data, Mapping):
            raise ValueError(
                QCoreApplication.translate(
                    "Search", "A saved search must be a JSON object."
                )
            )
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise ValueError(
                QCoreApplication.translate(
                    "Search", "The saved search has no valid format version."
                )
            )
        if version > SEARCH_FORMAT:
            raise ValueError(
                QCoreApplication.translate(
                    "Search",
                    "This search was saved by a newer version of CAMS Desktop.",
                )
            )
        return cls(
            grades=_grades(data.get("grades", [])),
            username=_text(data, "username", MAX_USERNAME_LENGTH),
            first_name=_text(data, "first_name", MAX_NAME_LENGTH),
            last_name=_text(data, "last_name", MAX_NAME_LENGTH),
            counsellor_id=_id(data, "counsellor_id"),
            plan_status=_choice(data, "plan_status", PlanStatus),
            gender=_choice(data, "gender", Gender),
            group_id=_id(data, "group_id"),
        )

    def describe(
        self,
        counsellor_names: Mapping[uuid.UUID, str],
        group_names: Mapping[uuid.UUID, str],
    ) -> str:
        """The criteria in words, for the label shown while the search is on."""
        parts: list[str] = []
        if self.grades:
            parts.append(
                QCoreApplication.translate("Search", "{0}: {1}").format(
                    field_label("grade"), ", ".join(str(g) for g in sorted(self.grades))
                )
            )
        for key in ("username", "first_name", "last_name"):
            if value := getattr(self, key):
                parts.append(
                    QCoreApplication.translate("Search", "{0} contains “{1}”").format(
                        field_label(key), value
                    )
                )
        if self.counsellor_id is not None:
            parts.append(
                QCoreApplication.translate("Search", "Counsellor: {0}").format(
                    counsellor_names.get(self.counsellor_id, "?")
                )
            )
        if self.plan_status is not None:
            parts.append(
                QCoreApplication.translate("Search", "{0}: {1}").format(
                    field_label("plan_status"), plan_status_label(self.plan_status)
                )
            )
        if self.gender is not None:
            parts.append(
                QCoreApplication.translate("Search", "{0}: {1}").format(
                    field_label("gender"), gender_label(self.gender)
                )
            )
        if self.group_id is not None:
            parts.append(
                QCoreApplication.translate("Search", "Group: {0}").format(
                    group_names.get(self.group_id, "?")
                )
            )
        return "; ".join(parts)


def _bad_value(key: str) -> ValueError:
    return ValueError(
        QCoreApplication.translate(
            "Search", "The saved search has an invalid value for “{0}”."
        ).format(key)
    )


def _grades(value: object) -> frozenset[int]:
    if not isinstance(value, list) or not all(
        isinstance(g, int) and not isinstance(g, bool) and g in GRADES for g in value
    ):
        raise _bad_value("grades")
    return frozenset(value)


def _text(data: Mapping[str, object], key: str, longest: int) -> str:
    value = data.get(key, "")
    if (
        not isinstance(value, str)
        or len(value) > longest
        or unsafe_character(value) is not None
    ):
        raise _bad_value(key)
    return value.strip()


def _id(data: Mapping[str, object], key: str) -> uuid.UUID | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _bad_value(key)
    try:
        return uuid.UUID(value)
    except ValueError:
        raise _bad_value(key) from None


def _choice(
    data: Mapping[str, object], key: str, kind: type[_Choice]
) -> _Choice | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _bad_value(key)
    try:
        return kind(value)
    except ValueError:
        raise _bad_value(key) from None


def search_students(
    db: Database, actor: Actor, search: StudentSearch
) -> list[StudentRow]:
    """The students in the actor's scope that ``search`` finds, by last name.

    A group the actor cannot see (another user's private group, or one
    deleted since the search was saved) raises NotFound.
    """
    require(db, actor, Action.SEARCH_STUDENTS)
    if search.group_id is not None and search.group_id not in {
        group.id for group in list_groups(db, actor)
    }:
        raise NotFound(
            QCoreApplication.translate(
                "Search", "This group does not exist or is not visible to you."
            )
        )
    return [row for row in list_students(db, actor) if search.matches(row)]


# --- saved searches -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SavedSearchRow:
    """One of the actor's saved searches.

    ``search`` is None when this version cannot read the criteria (a newer
    version saved them); such a search can still be renamed or deleted.
    """

    id: uuid.UUID
    name: str
    search: StudentSearch | None


def list_saved_searches(db: Database, actor: Actor) -> list[SavedSearchRow]:
    """The actor's own saved searches, by name; nobody sees anyone else's."""
    require(db, actor, Action.SEARCH_STUDENTS)
    with db.read() as session:
        saved = session.execute(
            select(SavedSearch.id, SavedSearch.name, SavedSearch.criteria).where(
                SavedSearch.owner_id == actor.staff_id,
                SavedSearch.deleted_at.is_(None),
            )
        ).all()
    rows = []
    for search_id, name, criteria in saved:
        try:
            search: StudentSearch | None = StudentSearch.from_json(criteria)
        except ValueError:
            log.warning("saved search %s cannot be read by this version", search_id)
            search = None
        rows.append(SavedSearchRow(search_id, name, search))
    return sorted(rows, key=lambda row: (sort_key(row.name), row.name))


def save_search(
    db: Database, actor: Actor, name: str, search: StudentSearch
) -> uuid.UUID:
    """Keep ``search`` under ``name`` for the actor; returns its id."""
    require(db, actor, Action.SEARCH_STUDENTS)
    name = _checked_name(name)
    with db.transaction(actor.staff_id) as session:
        _check_name_is_free(session, actor, name, None)
        saved = SavedSearch(
            owner_id=actor.staff_id, name=name, criteria=search.to_json()
        )
        session.add(saved)
    return saved.id


def rename_saved_search(
    db: Database, actor: Actor, search_id: uuid.UUID, name: str
) -> None:
    require(db, actor, Action.SEARCH_STUDENTS)
    name = _checked_name(name)
    _own_saved_search(db, actor, search_id, "rename_saved_search")
    with db.transaction(actor.staff_id) as session:
        _check_name_is_free(session, actor, name, search_id)
        session.get_one(SavedSearch, search_id).name = name


def delete_saved_search(db: Database, actor: Actor, search_id: uuid.UUID) -> None:
    """Remove the search from the actor's list (the row is kept, soft-deleted)."""
    require(db, actor, Action.SEARCH_STUDENTS)
    _own_saved_search(db, actor, search_id, "delete_saved_search")
    with db.transaction(actor.staff_id) as session:
        session.get_one(SavedSearch, search_id).deleted_at = utcnow()


def _own_saved_search(
    db: Database, actor: Actor, search_id: uuid.UUID, what: str
) -> None:
    """Refuse unless the saved search exists and belongs to the actor."""
    with db.read() as session:
        saved = session.get(SavedSearch, search_id)
        owner_id = None if saved is None else saved.owner_id
        deleted = saved is None or saved.deleted_at is not None
    if deleted:
        raise NotFound(
            QCoreApplication.translate(
                "Search", "This saved search does not exist or was deleted."
            )
        )
    if owner_id != actor.staff_id:
        refuse(db, actor, what, search_id)


def _checked_name(name: str) -> str:
    name = " ".join(name.split())
    problem = None
    if not name:
        problem = QCoreApplication.translate("Search", "Give the search a name.")
    elif len(name) > MAX_SEARCH_NAME_LENGTH:
        problem = QCoreApplication.translate(
            "Search", "A search name holds at most {0} characters."
        ).format(MAX_SEARCH_NAME_LENGTH)
    elif (bad := unsafe_character(name)) is not None:
        problem = QCoreApplication.translate(
            "Search", "The name contains a character that cannot be stored ({0})."
        ).format(code_point(bad))
    if problem:
        raise ValidationError({"name": problem})
    return name


def _check_name_is_free(
    session: Session, actor: Actor, name: str, search_id: uuid.UUID | None
) -> None:
    """Refuse a name the actor already uses for another search, in any case."""
    wanted = name.casefold()
    taken = session.execute(
        select(SavedSearch.id, SavedSearch.name).where(
            SavedSearch.owner_id == actor.staff_id,
            SavedSearch.deleted_at.is_(None),
        )
    ).all()
    if any(other != search_id and n.casefold() == wanted for other, n in taken):
        raise ValidationError(
            {
                "name": QCoreApplication.translate(
                    "Search", "You already have a saved search named “{0}”."
                ).format(name)
            }
        )

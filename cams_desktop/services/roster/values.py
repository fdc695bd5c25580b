"""Reading one cell's value: dates, grades, genders, languages, yes/no.

Each reader returns the value, or None with the translated reason it could
not read it. Rosters repeat the same few values thousands of times, so each
distinct text is read once and remembered.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication

from cams_desktop.db.school import Language
from cams_desktop.db.students import GRADES, Gender
from cams_desktop.services.roster.records import DateOrder
from cams_desktop.services.roster.sources import header_key

# 2010-03-15, 2018-04-2, 2010/03/15, with an optional time after it
# (2023-05-01T18:25:43.511Z, 2010-03-15 08:30, a +05:00 offset).
_ISO_DATE = re.compile(
    r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r" ?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)
# 15/03/2010, 3-15-2010, 15.03.10 (the year's length is checked after).
_PARTS_DATE = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d+)")
_GRADE = re.compile(
    r"(?:grade\s*|gr\.?\s*)?0*(\d{1,2})\s*(?:e|er|re|eme|ème|th|st|nd|rd)?"
    r"(?:\s+ann[ée]e)?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\d{4}")

T = TypeVar("T")


class _Words(Generic[T]):
    """Words that name a value, compared as ``header_key`` does ("Féminin")."""

    def __init__(self, words: dict[str, T]) -> None:
        self._words = words
        self._seen: dict[str, T | None] = {}

    def __call__(self, text: str) -> T | None:
        try:
            return self._seen[text]
        except KeyError:
            found = self._words.get(header_key(text))
            if len(self._seen) < 1000:
                self._seen[text] = found
            return found


@dataclass(slots=True)
class DateColumn:
    """The dates of one column, all read in one order.

    ``order`` None means no value showed whether days or months come
    first; only values where it matters (4/2/2004, not 5/5/2005 or ISO
    dates) are then unreadable.
    """

    order: DateOrder | None
    years: bool = False  # a year alone means June 30 of it (a graduation)
    # The column mixes both orders: no value written day-month or month-day
    # is guessed, each is refused until the user chooses the order.
    conflicting: bool = False
    _cache: dict[str, tuple[dt.date | None, str | None]] = field(
        default_factory=dict, repr=False
    )

    def read(self, text: str) -> tuple[dt.date | None, str | None]:
        """The date, or None with why it is not one."""
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = self._parse(text)
        return found

    def _parse(self, text: str) -> tuple[dt.date | None, str | None]:
        if self.years and _YEAR.fullmatch(text):
            return _date(int(text), 6, 30)
        iso = _ISO_DATE.fullmatch(text)
        if iso is not None:
            if iso[4] is not None and not (
                int(iso[4]) <= 23 and int(iso[5]) <= 59 and int(iso[6] or 0) <= 59
            ):
                return None, QCoreApplication.translate(
                    "Roster", "This time of day does not exist."
                )
            return _date(int(iso[1]), int(iso[2]), int(iso[3]))
        parts = _PARTS_DATE.fullmatch(text)
        if parts is None:
            return None, QCoreApplication.translate("Roster", "This is not a date.")
        if len(parts[4]) != 4:
            return None, QCoreApplication.translate(
                "Roster", "The year must have four digits."
            )
        first, second, year = int(parts[1]), int(parts[3]), int(parts[4])
        if first == second:
            return _date(year, first, second)
        if self.conflicting:
            return None, QCoreApplication.translate(
                "Roster",
                "This column has dates written day first and others month first: "
                "choose the date order.",
            )
        if self.order is DateOrder.DAY_FIRST:
            return _date(year, second, first)
        if self.order is DateOrder.MONTH_FIRST:
            return _date(year, first, second)
        if first > 12 >= second:
            return _date(year, second, first)
        if second > 12 >= first:
            return _date(year, first, second)
        if first > 12 and second > 12:
            return None, QCoreApplication.translate(
                "Roster", "This date does not exist."
            )
        return None, QCoreApplication.translate(
            "Roster",
            "This date can be read day first or month first: choose the date order.",
        )


def _date(year: int, month: int, day: int) -> tuple[dt.date | None, str | None]:
    try:
        return dt.date(year, month, day), None
    except ValueError:
        return None, QCoreApplication.translate("Roster", "This date does not exist.")


@dataclass(frozen=True, slots=True)
class OrderFound:
    """What a column's values say about their order."""

    order: DateOrder | None  # None: nothing showed it, or the values disagree
    ambiguous: bool  # some value reads differently in each order
    conflicting: bool  # some values are day first and others month first


def detect_order(values: Iterable[str]) -> OrderFound:
    """Day first if some value starts above 12, month first if its middle is."""
    day_first = month_first = ambiguous = False
    for text in set(values):
        parts = _PARTS_DATE.fullmatch(text.strip())
        if parts is None:
            continue
        first, second = int(parts[1]), int(parts[3])
        if first > 12 >= second:
            day_first = True
        elif second > 12 >= first:
            month_first = True
        elif first != second and first <= 12 and second <= 12:
            ambiguous = True
    if day_first and month_first:
        return OrderFound(None, ambiguous, True)
    if day_first:
        return OrderFound(DateOrder.DAY_FIRST, ambiguous, False)
    if month_first:
        return OrderFound(DateOrder.MONTH_FIRST, ambiguous, False)
    return OrderFound(None, ambiguous, False)


_grades: dict[str, int | None] = {}


def grade(text: str) -> int | None:
    """1 to 12 from "9", "09", "9e", "Grade 9"; None for KG, PK, 13, "Other"…"""
    if text in _grades:
        return _grades[text]
    match = _GRADE.fullmatch(text.strip())
    value = int(match[1]) if match else None
    found = value if value in GRADES else None
    if len(_grades) < 1000:
        _grades[text] = found
    return found


def grade_problem() -> str:
    return QCoreApplication.translate(
        "Roster", "The grade is outside grades 1 to 12 (or is not a grade)."
    )


_GENDERS: dict[str, Gender] = {
    **dict.fromkeys(
        ("male", "m", "man", "boy", "homme", "h", "masculin", "garcon", "masc"),
        Gender.MALE,
    ),
    **dict.fromkeys(
        ("female", "f", "woman", "girl", "femme", "feminin", "fille", "fem"),
        Gender.FEMALE,
    ),
    **dict.fromkeys(
        ("nonbinary", "nonbinaire", "nb", "x", "other", "autre"),
        Gender.NON_BINARY,
    ),
    **dict.fromkeys(
        ("unspecified", "notspecified", "nonspecifie", "nonprecise", "u", "unknown"),
        Gender.UNSPECIFIED,
    ),
}


gender = _Words(_GENDERS)


def gender_problem() -> str:
    return QCoreApplication.translate("Roster", "This gender is not recognized.")


_LANGUAGES: dict[str, Language] = {
    **dict.fromkeys(
        ("en", "eng", "english", "anglais", "enca", "enus", "engb"), Language.ENGLISH
    ),
    **dict.fromkeys(
        ("fr", "fra", "fre", "french", "francais", "frca", "frfr"), Language.FRENCH
    ),
}


language = _Words(_LANGUAGES)


def language_problem() -> str:
    return QCoreApplication.translate(
        "Roster", "The language is not recognized: English or French."
    )


_STATUSES: dict[str, bool] = {
    **dict.fromkeys(
        ("active", "actif", "enabled", "true", "yes", "oui", "1", "vrai"),
        True,
    ),
    **dict.fromkeys(
        ("inactive", "inactif", "disabled", "false", "no", "non", "0", "faux"),
        False,
    ),
}


# True for active/yes/true, False for inactive/no/false, None otherwise.
active = _Words(_STATUSES)


def status_problem() -> str:
    return QCoreApplication.translate(
        "Roster", "This status is not recognized: active or inactive."
    )


def boolean_problem() -> str:
    return QCoreApplication.translate("Roster", "The value must be true or false.")

"""Student login slips (F-16, F-82): one page per student, in their language.

A slip tells a student where to sign in, their username and, right after a
password reset, the new password, which is shown nowhere else (passwords are
never stored in clear). Without a password the slip says to ask the
counsellor. One slip per page, as F-82 asks ("one page per student"), so
slips are handed out without cutting.

Like letters, the wording is written here in both languages and chosen by the
student's preferred language, not by the interface's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from cams_desktop.printing.fonts import BOLD, REGULAR
from cams_desktop.printing.layout import BODY_SIZE, Layout, Page, draw_documents


@dataclass(frozen=True)
class LoginSlip:
    """What one login slip says; the caller maps its rows to this."""

    language: str  # "fr" or "en": the student's preferred language
    school_name: str
    student_name: str
    student_sort_key: str
    grade: int
    username: str
    password: str | None  # None: the slip says to ask the counsellor
    site_url: str


_WORDING: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Fiche de connexion de l’élève",
        "grade": "Année {grade}",
        "intro": (
            "Voici les renseignements qui vous permettent d’ouvrir votre plan de "
            "carrière et de formation."
        ),
        "site": "Adresse du site\u00a0:",
        "username": "Nom d’utilisateur\u00a0:",
        "password": "Mot de passe\u00a0:",
        "ask": "Demandez-le à votre conseiller ou à votre conseillère.",
        "steps": "Pour vous connecter\u00a0:",
        "step1": "Rendez-vous à l’adresse {url}.",
        "step2": (
            "Entrez votre nom d’utilisateur et votre mot de passe, tels qu’ils "
            "sont imprimés."
        ),
        "private": (
            "Gardez cette fiche en lieu sûr et ne communiquez votre mot de passe "
            "à personne."
        ),
    },
    "en": {
        "title": "Student login slip",
        "grade": "Grade {grade}",
        "intro": ("Here is what you need to open your career and education plan."),
        "site": "Site address:",
        "username": "Username:",
        "password": "Password:",
        "ask": "Ask your counsellor for it.",
        "steps": "To sign in:",
        "step1": "Go to {url}.",
        "step2": "Enter your username and password exactly as printed.",
        "private": (
            "Keep this slip in a safe place and do not share your password with anyone."
        ),
    },
}

TITLE = "Fiches de connexion / Login slips"


def wording(language: str) -> dict[str, str]:
    """The fixed texts of a slip in ``language``; ValueError if not fr/en."""
    try:
        return _WORDING[language]
    except KeyError:
        message = f"slips are written in French or English, not {language!r}"
        raise ValueError(message) from None


def layout_slip(slip: LoginSlip) -> list[Page]:
    """Where every line of one slip goes (one page)."""
    words = wording(slip.language)
    page = Layout()
    page.header(slip.school_name, None, words["title"])
    page.paragraph(slip.student_name, font=BOLD, size=14.0, after=0.0)
    page.paragraph(words["grade"].format(grade=slip.grade), size=10.0, grey=0.35)
    page.space(8.0)
    page.paragraph(words["intro"], after=10.0)
    if slip.password is None:
        password = (words["password"], words["ask"], REGULAR, BODY_SIZE)
    else:
        password = (words["password"], slip.password, BOLD, 16.0)
    page.fields(
        [
            (words["site"], slip.site_url, REGULAR, BODY_SIZE),
            (words["username"], slip.username, BOLD, 16.0),
            password,
        ]
    )
    page.paragraph(words["steps"], font=BOLD)
    page.numbered([words["step1"].format(url=slip.site_url), words["step2"]])
    page.paragraph(words["private"])
    return page.pages


def layout_slips(slips: Iterable[LoginSlip]) -> Iterator[list[Page]]:
    """The pages of each slip, laid out one at a time as they are drawn."""
    for slip in slips:
        yield layout_slip(slip)


def render_slips(
    slips: Sequence[LoginSlip],
    path: Path,
    *,
    after_item: Callable[[int], None] | None = None,
) -> int:
    """Write ``slips`` to the PDF ``path`` in the order given; return its pages.

    ``after_item(index)`` runs after each slip; it may raise to stop, leaving
    ``path`` half-written for the caller to remove (print_in_batches does).
    """
    return draw_documents(
        layout_slips(slips), path, title=TITLE, after_document=after_item
    )

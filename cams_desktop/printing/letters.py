"""Parent access letters (F-82): one page per child per parent, in their language.

Each (parent, student) pair has its own activation code, and schools hand the
letters out through the students (by homeroom), so each child carries home a
letter naming that child: a parent of two children gets two letters. The
letter says so, so that a parent who receives one does not wait for a single
letter listing both codes.

The whole letter is in the parent's preferred language (``Letter.language``,
"fr" or "en"), not the interface's: its wording is written here rather than
passed through Qt's translation, and its dates are formatted with Babel in the
letter's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from cams_desktop.formatting import format_date
from cams_desktop.printing.fonts import BOLD, REGULAR
from cams_desktop.printing.layout import (
    BODY_SIZE,
    Layout,
    Logo,
    Page,
    draw_documents,
    fit_logo,
)

LANGUAGES = ("fr", "en")

LOGO_MAX_WIDTH = 144.0
LOGO_MAX_HEIGHT = 64.0


@dataclass(frozen=True)
class Letter:
    """What one parent access letter says; the caller maps its rows to this.

    Text fields hold what people typed and are printed exactly as typed.
    ``student_sort_key`` orders the letters (see batches.print_in_batches).
    """

    language: str  # "fr" or "en": the parent's preferred language
    school_name: str
    logo_path: Path | None  # PNG or JPEG; None: no logo
    parent_name: str
    student_name: str
    student_sort_key: str
    code: str  # e.g. "K7QM-3XPD-VH9A"
    expires_on: dt.date
    portal_url: str


# The wording of the letter. French follows Canadian usage ("Madame,
# Monsieur,", "code d’activation", "portail des parents"); a no-break space
# (U+00A0) stands before French colons so they never start a line.
_WORDING: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Accès au portail des parents",
        "recipient": "Parent ou tuteur de {student}",
        "subject": "Objet\u00a0: votre code d’activation du portail des parents",
        "greeting": "Madame, Monsieur,",
        "intro": (
            "Le portail des parents vous permet de consulter en ligne le plan de "
            "carrière et de formation de votre enfant et de laisser des "
            "commentaires à son conseiller ou à sa conseillère. Voici le code "
            "d’activation qui vous permettra de créer votre compte."
        ),
        "student": "Élève\u00a0:",
        "code": "Code d’activation\u00a0:",
        "expires": "Valide jusqu’au\u00a0:",
        "portal": "Adresse du portail\u00a0:",
        "steps": "Pour créer votre compte\u00a0:",
        "step1": "Rendez-vous à l’adresse {url}.",
        "step2": (
            "Choisissez de créer un compte et entrez le code d’activation "
            "ci-dessus, tel qu’il est imprimé."
        ),
        "step3": (
            "Choisissez votre mot de passe. Vous pourrez ensuite consulter le "
            "plan de votre enfant en tout temps."
        ),
        "expiry": (
            "Ce code ne peut servir qu’une seule fois et expire le {date}. Après "
            "cette date, communiquez avec le conseiller ou la conseillère de "
            "votre enfant pour en obtenir un nouveau. Gardez ce code "
            "confidentiel\u00a0: il donne accès au dossier de votre enfant."
        ),
        "one_child": (
            "Cette lettre concerne uniquement {student}. Si plusieurs de vos "
            "enfants fréquentent l’école, vous recevrez une lettre distincte "
            "pour chacun d’eux, avec son propre code."
        ),
        "closing": "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.",
        "signature": "L’équipe d’orientation",
    },
    "en": {
        "title": "Parent portal access",
        "recipient": "Parent or guardian of {student}",
        "subject": "Re: Your parent portal activation code",
        "greeting": "Dear Parent or Guardian,",
        "intro": (
            "The parent portal lets you view your child’s career and education "
            "plan online and leave comments for their counsellor. Below is the "
            "activation code you need to create your account."
        ),
        "student": "Student:",
        "code": "Activation code:",
        "expires": "Valid until:",
        "portal": "Portal address:",
        "steps": "To create your account:",
        "step1": "Go to {url}.",
        "step2": (
            "Choose to create an account and enter the activation code above, "
            "exactly as printed."
        ),
        "step3": (
            "Choose your password. You can then view your child’s plan at any time."
        ),
        "expiry": (
            "This code can be used only once and expires on {date}. After that "
            "date, contact your child’s counsellor for a new one. Keep this code "
            "private: it gives access to your child’s file."
        ),
        "one_child": (
            "This letter is only about {student}. If more than one of your "
            "children attends the school, you will receive a separate letter "
            "for each child, with its own code."
        ),
        "closing": "Sincerely,",
        "signature": "The Guidance Team",
    },
}


def wording(language: str) -> dict[str, str]:
    """The fixed texts of a letter in ``language``; ValueError if not fr/en."""
    try:
        return _WORDING[language]
    except KeyError:
        message = f"letters are written in French or English, not {language!r}"
        raise ValueError(message) from None


def layout_letter(letter: Letter, logo: Logo | None) -> list[Page]:
    """Where every line of one letter goes (one page; more only for absurd input)."""
    words = wording(letter.language)
    expires = format_date(letter.expires_on, letter.language)
    page = Layout()
    page.header(letter.school_name, logo, words["title"])
    page.paragraph(letter.parent_name, font=BOLD, size=12.0, after=0.0)
    page.paragraph(
        words["recipient"].format(student=letter.student_name),
        size=10.0,
        grey=0.35,
        after=16.0,
    )
    page.paragraph(words["subject"], font=BOLD, after=8.0)
    page.paragraph(words["greeting"])
    page.paragraph(words["intro"], after=10.0)
    page.fields(
        [
            (words["student"], letter.student_name, BOLD, 12.0),
            (words["code"], letter.code, BOLD, 18.0),
            (words["expires"], expires, REGULAR, BODY_SIZE),
            (words["portal"], letter.portal_url, REGULAR, BODY_SIZE),
        ]
    )
    page.paragraph(words["steps"], font=BOLD, after=6.0)
    page.numbered(
        [
            words["step1"].format(url=letter.portal_url),
            words["step2"],
            words["step3"],
        ]
    )
    page.paragraph(words["expiry"].format(date=expires))
    page.paragraph(words["one_child"].format(student=letter.student_name), after=10.0)
    # The school's name heads the letter; the signature does not repeat it,
    # which keeps a letter on one page even with a long name.
    page.paragraph(words["closing"], after=14.0)
    page.paragraph(words["signature"], after=0.0)
    return page.pages


def layout_letters(letters: Iterable[Letter]) -> Iterator[list[Page]]:
    """The pages of each letter, one letter at a time.

    Laid out as drawn rather than all first, so a cancel is felt at once and
    memory holds one letter. Each logo file is read once, not per letter.
    """
    logos: dict[Path | None, Logo | None] = {}
    for letter in letters:
        if letter.logo_path not in logos:
            logos[letter.logo_path] = fit_logo(
                letter.logo_path, LOGO_MAX_WIDTH, LOGO_MAX_HEIGHT
            )
        yield layout_letter(letter, logos[letter.logo_path])


# The file's title names the kind of document in both languages, since one
# file holds letters in each parent's own language.
TITLE = "Lettres aux parents / Parent letters"


def render_letters(
    letters: Sequence[Letter],
    path: Path,
    *,
    after_item: Callable[[int], None] | None = None,
) -> int:
    """Write ``letters`` to the PDF ``path`` in the order given; return its pages.

    ``after_item(index)`` runs after each letter is drawn; it may raise to
    stop (a cancel), and then ``path`` is left half-written for the caller to
    remove (print_in_batches does).
    """
    return draw_documents(
        layout_letters(letters), path, title=TITLE, after_document=after_item
    )

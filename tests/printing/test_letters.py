"""Letters and slips read back from the PDF: exact names, wording, font, wrapping.

Text is extracted with pypdf. Assertions compare exact strings; the only
normalisation (``flat``) undoes what line wrapping does to whitespace: a line
break after a hyphen disappears, and every other run of whitespace (line
breaks, no-break spaces) becomes one space.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from cams_desktop.printing.fonts import BOLD, REGULAR, missing_glyphs, text_width, wrap
from cams_desktop.printing.layout import MARGIN_X, PAGE_WIDTH, TextLine, fit_logo
from cams_desktop.printing.letters import Letter, layout_letter, render_letters
from cams_desktop.printing.slips import LoginSlip, layout_slip, render_slips

pytestmark = pytest.mark.unit

TYPED_NAMES = [
    "Nguyễn Thị Hà",
    "Jiří Nováček",
    "Zoé O’Neil-Tremblay",
    "<b>Léa</b> & Cie",
]
# 60 characters, hyphens only: too long for any line of the letter's boxes.
LONG_NAME = "Marie-Ève-Zoé-O’Neil-Tremblay-Beauchemin-Lévesque-St-Laurent"


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"-\n", "-", text)).strip()


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def make_letter(**changes: object) -> Letter:
    values: dict[str, object] = {
        "language": "fr",
        "school_name": "École secondaire Saint-Jean",
        "logo_path": None,
        "parent_name": "Marie Tremblay",
        "student_name": "Zoé Gagnon",
        "student_sort_key": "gagnon\x01zoe",
        "code": "K7QM-3XPD-VH9A",
        "expires_on": dt.date(2027, 1, 1),
        "portal_url": "https://parents.example.ca",
    }
    values.update(changes)
    return Letter(**values)  # type: ignore[arg-type]


def make_slip(**changes: object) -> LoginSlip:
    values: dict[str, object] = {
        "language": "fr",
        "school_name": "École secondaire Saint-Jean",
        "student_name": "Zoé Gagnon",
        "student_sort_key": "gagnon\x01zoe",
        "grade": 11,
        "username": "zgagnon",
        "password": "Tulipe-Rouge-47",
        "site_url": "https://plan.example.ca",
    }
    values.update(changes)
    return LoginSlip(**values)  # type: ignore[arg-type]


@pytest.fixture
def logo(tmp_path: Path) -> Path:
    path = tmp_path / "logo.png"
    Image.new("RGB", (90, 40), (20, 70, 150)).save(path)
    return path


def test_typed_names_read_back_exactly(tmp_path, logo):
    letters = [
        make_letter(
            student_name=name,
            parent_name=name,
            school_name=f"{name} School",
            logo_path=logo,
            language=language,
        )
        for name in TYPED_NAMES
        for language in ("fr", "en")
    ]
    path = tmp_path / "letters.pdf"
    assert render_letters(letters, path) == len(letters)
    texts = page_texts(path)
    assert len(texts) == len(letters)
    for letter, text in zip(letters, texts, strict=True):
        # Short names sit on one line: they read back without any normalising.
        assert f"\n{letter.student_name}\n" in text
        assert text.count(letter.student_name) >= 4  # recipient, box, body…
        assert f"{letter.school_name}\n" in text
        assert f"\n{letter.parent_name}\n" in text


def test_markup_is_printed_not_obeyed(tmp_path):
    path = tmp_path / "letter.pdf"
    render_letters([make_letter(parent_name="<b>Léa</b> & Cie &amp; <br/>")], path)
    assert "<b>Léa</b> & Cie &amp; <br/>" in page_texts(path)[0]


def test_french_letter_is_all_french(tmp_path):
    path = tmp_path / "fr.pdf"
    render_letters([make_letter(language="fr")], path)
    text = flat(page_texts(path)[0])
    for words in (
        "Madame, Monsieur,",
        "Code d’activation : K7QM-3XPD-VH9A",
        "portail des parents",
        "Valide jusqu’au : 1 janvier 2027",
        "expire le 1 janvier 2027.",
        "Rendez-vous à l’adresse https://parents.example.ca.",
        "Cette lettre concerne uniquement Zoé Gagnon.",
    ):
        assert words in text
    for english in ("Dear", "January", "code:", "Student"):
        assert english not in text


def test_english_letter_is_all_english(tmp_path):
    path = tmp_path / "en.pdf"
    render_letters([make_letter(language="en")], path)
    text = flat(page_texts(path)[0])
    for words in (
        "Dear Parent or Guardian,",
        "Activation code: K7QM-3XPD-VH9A",
        "Valid until: January 1, 2027",
        "expires on January 1, 2027.",
        "Go to https://parents.example.ca.",
        "This letter is only about Zoé Gagnon.",
    ):
        assert words in text
    for french in ("Madame", "janvier", "Élève", "portail"):
        assert french not in text


def test_each_letter_is_in_its_parents_language(tmp_path):
    path = tmp_path / "mixed.pdf"
    languages = ["fr", "en", "en", "fr"]
    render_letters([make_letter(language=lang) for lang in languages], path)
    found = [
        "fr" if "Madame, Monsieur," in text else "en" if "Dear Parent" in text else ""
        for text in page_texts(path)
    ]
    assert found == languages


def test_unknown_language_is_refused(tmp_path):
    with pytest.raises(ValueError, match="French or English"):
        render_letters([make_letter(language="es")], tmp_path / "x.pdf")


def test_the_shipped_font_is_embedded(tmp_path, logo):
    path = tmp_path / "letter.pdf"
    render_letters([make_letter(logo_path=logo)], path)
    page = PdfReader(path).pages[0]
    fonts = page["/Resources"]["/Font"]
    names = set()
    for ref in fonts.values():
        font = ref.get_object()
        names.add(str(font["/BaseFont"]).split("+")[-1])
        # A subset tag ("ABCDEF+") and a font file inside: embedded, not named.
        assert "+" in str(font["/BaseFont"])
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor
    assert names == {"DejaVuSans", "DejaVuSans-Bold"}
    assert len(page["/Resources"]["/XObject"]) == 1  # the logo


def test_long_hyphenated_name_wraps_inside_its_box(tmp_path):
    assert len(LONG_NAME) == 60
    letter = make_letter(student_name=LONG_NAME, parent_name=LONG_NAME)
    path = tmp_path / "long.pdf"
    render_letters([letter], path)
    text = page_texts(path)[0]
    assert flat(text).count(LONG_NAME) >= 4
    # Broken after a hyphen (not cut, not between letters) at least once.
    lines = text.splitlines()
    assert any(
        line.endswith("-") and line.split()[-1].rstrip("-") in LONG_NAME
        for line in lines
    )
    laid = layout_letter(letter, None)
    assert len(laid) == 1
    for op in laid[0]:
        if isinstance(op, TextLine):
            right = op.x + text_width(op.text, op.font, op.size)
            assert right <= PAGE_WIDTH - MARGIN_X + 0.01, op.text


def test_wrap_breaks_at_spaces_and_after_hyphens():
    assert wrap("Jean-Marc  Tremblay", REGULAR, 10, 1000) == ["Jean-Marc Tremblay"]
    width = text_width("Jean-Marc", REGULAR, 10)
    assert wrap("Jean-Marc Tremblay", REGULAR, 10, width) == ["Jean-Marc", "Tremblay"]
    assert wrap("Jean-Marc", REGULAR, 10, width - 1) == ["Jean-", "Marc"]
    # A no-break space holds its neighbours together: no line starts with ":".
    width = text_width("abc code", REGULAR, 10)
    assert wrap("abc code : X", REGULAR, 10, width) == ["abc code", ": X"]
    assert wrap("abc code\u00a0: X", REGULAR, 10, width) == ["abc", "code\u00a0: X"]
    # A part wider than the line is cut between characters, nothing lost.
    pieces = wrap("W" * 40, BOLD, 12, 100)
    assert "".join(pieces) == "W" * 40 and len(pieces) > 1
    assert all(text_width(p, BOLD, 12) <= 100 for p in pieces)
    assert wrap("   ", REGULAR, 10, 100) == []


def test_decomposed_accents_print_composed(tmp_path):
    decomposed = "Zoe\u0301 Nguye\u0302\u0303n"
    path = tmp_path / "nfd.pdf"
    render_letters([make_letter(student_name=decomposed)], path)
    assert "Zoé Nguyễn" in page_texts(path)[0]


def test_characters_beyond_the_basic_plane_read_back(tmp_path):
    # reportlab alone maps them back wrongly; fonts.py mends its map.
    path = tmp_path / "emoji.pdf"
    render_letters([make_letter(student_name="Zoé 😀 Hà")], path)
    assert "\nZoé 😀 Hà\n" in page_texts(path)[0]


def test_missing_glyphs_names_what_the_font_cannot_draw():
    assert missing_glyphs("Nguyễn Thị Hà, Jiří, O’Neil\u00a0😀") == ""
    assert missing_glyphs("王小明 Zoé 王 𝔄") == "王小明𝔄"


def test_unreadable_logo_is_refused_before_printing(tmp_path):
    bad = tmp_path / "logo.png"
    bad.write_bytes(b"not an image")
    with pytest.raises(ValueError, match="logo"):
        fit_logo(bad, 100, 50)


def test_slip_wording_password_and_language(tmp_path):
    slips = [
        make_slip(language="fr", student_name="Jiří Nováček"),
        make_slip(language="en", password=None, username="<b>x</b>&y"),
    ]
    path = tmp_path / "slips.pdf"
    assert render_slips(slips, path) == 2
    french, english = (flat(text) for text in page_texts(path))
    assert "Jiří Nováček Année 11" in french
    assert "Nom d’utilisateur : zgagnon" in french
    assert "Mot de passe : Tulipe-Rouge-47" in french
    assert "Password: Ask your counsellor for it." in english
    assert "Username: <b>x</b>&y" in english
    assert "Grade 11" in english and "Tulipe" not in english
    assert len(layout_slip(slips[0])) == 1

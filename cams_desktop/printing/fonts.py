"""The font shipped with the application, and how text is measured and broken.

Every printed document uses DejaVu Sans (regular and bold), shipped in
``resources/fonts/`` with its licence (``DejaVu-LICENSE.txt``: the Bitstream
Vera licence, which allows redistribution with software). Its glyphs cover
Latin with every diacritic, Vietnamese, Greek and Cyrillic, so names such as
"Nguyễn Thị Hà" print as typed. reportlab embeds only the glyphs a document
uses, with a map back to Unicode, so text copied from the PDF is the input.

Line breaking is done here rather than by reportlab's Paragraph: Paragraph
breaks inside a hyphenated word only when the word holds nothing but letters
(so "O’Neil-Tremblay" would not break at its hyphen), parses markup that typed
text would have to be escaped from, and costs more than twice a bare canvas.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
LICENCE = FONT_DIR / "DejaVu-LICENSE.txt"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

_lock = threading.Lock()
_registered = False
_covered: frozenset[int] = frozenset()

# Where a line may end: after spaces (which are dropped) and after hyphens
# (which stay at the end of the line). No-break spaces (U+00A0, U+202F) are
# not in the set, so French "code :" never leaves its colon alone on a line.
_SPACES = re.compile(r"[ \t\r\n]+")
_AFTER_HYPHENS = re.compile(r"[^-\u2010]*[-\u2010]+|[^-\u2010]+")


def register_fonts() -> None:
    """Make the shipped fonts known to reportlab (once; safe from any thread).

    Print jobs run on a worker thread while the window stays responsive, so
    the first job and a benchmark may race here.
    """
    global _registered, _covered
    with _lock:
        if _registered:
            return
        for name, file_name in _FILES.items():
            font = TTFont(name, str(FONT_DIR / file_name))
            pdfmetrics.registerFont(font)
            if name == REGULAR:
                _covered = frozenset(font.face.charToGlyph)
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD)
        _mend_unicode_map()
        _registered = True


def _mend_unicode_map() -> None:
    """Make reportlab map characters beyond U+FFFF back to Unicode correctly.

    reportlab (5.1 at least) writes such a character's entry in the map a
    PDF reader uses to turn glyphs back into text as ``<1F600>``, which is no
    valid entry: readers drop the character (an emoji, a rare Chinese name
    character), so the text read back is not the input. The entry must be
    the character in UTF-16, ``<D83DDE00>``. The original is replaced only
    while it still writes the wrong entry, so a fixed reportlab is left as is.
    """
    original = ttfonts.makeToUnicodeCMap
    if "<1F600>" not in original("probe", [0x1F600]):
        return

    def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        lines = original(fontname, subset).split("\n")
        for index, code in enumerate(subset):
            if code > 0xFFFF:
                utf16 = chr(code).encode("utf-16-be").hex().upper()
                wrong = f"<{index:02X}> <{code:04X}>"
                lines[lines.index(wrong)] = f"<{index:02X}> <{utf16}>"
        return "\n".join(lines)

    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap


def missing_glyphs(text: str) -> str:
    """The characters of ``text`` that DejaVu Sans cannot draw, in order, once.

    They would print as empty boxes (Chinese or Japanese names, emoji); a
    screen can warn before printing. Spacing and format characters draw
    nothing by design and are never reported.
    """
    register_fonts()
    seen: dict[str, None] = {}
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) not in _covered and unicodedata.category(ch)[0] not in "ZC":
            seen[ch] = None
    return "".join(seen)


def text_width(text: str, font: str, size: float) -> float:
    """Width in points of ``text`` drawn in ``font`` at ``size``."""
    if not _registered:
        register_fonts()
    width: float = pdfmetrics.stringWidth(text, font, size)
    return width


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points.

    Lines end at spaces (dropped) or after hyphens (kept), so a long
    hyphenated name breaks between its parts and is never cut. Only a single
    part wider than the whole line is broken between characters, never
    before a combining mark. Runs of spaces count as one; the text is put in
    composed form (NFC), which reads the same and draws accents with their
    letter. An empty text gives no lines.
    """
    space = text_width(" ", font, size)
    lines: list[str] = []
    line = ""
    line_width = 0.0
    for word in _SPACES.split(unicodedata.normalize("NFC", text)):
        if not word:
            continue
        for index, part in enumerate(_AFTER_HYPHENS.findall(word)):
            part_width = text_width(part, font, size)
            # A space separates words, nothing separates the parts of one.
            gap = space if index == 0 and line else 0.0
            if line and line_width + gap + part_width <= width:
                line += (" " if gap else "") + part
                line_width += gap + part_width
                continue
            if line:
                lines.append(line)
            line, line_width = part, part_width
            if part_width > width:
                pieces = _split_characters(part, font, size, width)
                lines.extend(pieces[:-1])
                line = pieces[-1]
                line_width = text_width(line, font, size)
    if line:
        lines.append(line)
    return lines


def _split_characters(part: str, font: str, size: float, width: float) -> list[str]:
    """Cut a part wider than a line into pieces that fit (at least one character)."""
    pieces: list[str] = []
    piece = ""
    piece_width = 0.0
    for ch in part:
        ch_width = text_width(ch, font, size)
        fits = piece_width + ch_width <= width
        if piece and not fits and not unicodedata.combining(ch):
            pieces.append(piece)
            piece, piece_width = "", 0.0
        piece += ch
        piece_width += ch_width
    pieces.append(piece)
    return pieces

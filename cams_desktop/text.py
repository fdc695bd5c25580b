"""Folding of names for accent-, case- and apostrophe-insensitive search and sort."""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into a base letter and a mark.
_SPECIAL_LETTERS = str.maketrans(
    {
        "œ": "oe",
        "Œ": "oe",
        "æ": "ae",
        "Æ": "ae",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ł": "l",
        "Ł": "l",
        "ı": "i",
        "ß": "ss",
    }
)
# Every way people type an apostrophe becomes the straight one.
_APOSTROPHES = str.maketrans(dict.fromkeys("’‘ʼ`´ʹ′＇", "'"))


def fold(text: str) -> str:
    """Return ``text`` without accents or case, with one apostrophe style.

    Used for filter-as-you-type: "zoe" finds "Zoé", "o'neil" finds "O’Neil".
    """
    text = text.translate(_APOSTROPHES).translate(_SPECIAL_LETTERS)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def sort_key(text: str) -> str:
    """Return the primary sort key of a name: letters and digits of ``fold``.

    Spaces, apostrophes and hyphens are ignored, so "De la Cruz", "Delacruz"
    and "de La-Cruz" sort together, and "O’Brien" sorts as "obrien".
    """
    return "".join(ch for ch in fold(text) if ch.isalnum())


def name_sort_key(last_name: str, first_name: str) -> str:
    """Sort key of a person: last name, then first name."""
    return f"{sort_key(last_name)}\x01{sort_key(first_name)}"


# Joiners that some scripts need inside words; every other format character
# (bidirectional overrides, zero-width spaces) can disguise what a name says.
_ALLOWED_FORMAT = frozenset("\u200c\u200d")


def unsafe_character(text: str, allow_newlines: bool = False) -> str | None:
    """The first character that must not be stored in a name or note, or None.

    Refused: control characters (tabs and line breaks only where
    ``allow_newlines``), invisible format characters such as U+202E, which
    shows "evil" as "live", and lone surrogates, which no file can encode.
    """
    for ch in text:
        if 0xD800 <= ord(ch) <= 0xDFFF:
            return ch
        category = unicodedata.category(ch)
        if category == "Cc" and not (allow_newlines and ch in "\n\t"):
            return ch
        if category == "Cf" and ch not in _ALLOWED_FORMAT:
            return ch
    return None


def code_point(ch: str) -> str:
    """``U+202E``: how a message names a character it cannot show."""
    return f"U+{ord(ch):04X}"

"""Refreshes translations/*.ts from the code with Qt's lupdate.

    update_translations.py [--fr FRENCH.json] [--en ENGLISH.json]

English is the source language: plain entries are filled with the source
text. Plural entries (tr(text, "", n)) need their forms in both languages,
and every new French entry needs its translation; give them as a JSON map
{source: translation} or {source: [singular, plural]}. The command lists
what is still missing and exits with 1 while anything is (the test suite
fails on it too).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cams_desktop.translations.build import qt_tool  # noqa: E402

FRENCH = ROOT / "translations" / "cams_fr.ts"
ENGLISH = ROOT / "translations" / "cams_en.ts"


def sources() -> list[str]:
    return sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "cams_desktop").rglob("*.py")
    )


def run_lupdate() -> None:
    subprocess.run(
        [
            str(qt_tool("lupdate")),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *sources(),
            "-ts",
            str(FRENCH),
            str(ENGLISH),
        ],
        check=True,
        cwd=ROOT,
    )


def is_open(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") == "unfinished":
        return True
    if message.get("numerus") == "yes":
        forms = translation.findall("numerusform")
        return not forms or not all(form.text for form in forms)
    return not translation.text


def fill(path: Path, given: dict[str, str | list[str]], source_is_text: bool) -> None:
    """Put the given translations (and, for English, the source) in open entries."""
    tree = ET.parse(path)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or not is_open(message):
            continue
        value = given.get(source)
        if message.get("numerus") == "yes":
            if isinstance(value, list):
                for form in list(translation):
                    translation.remove(form)
                for text in value:
                    ET.SubElement(translation, "numerusform").text = text
                translation.attrib.pop("type", None)
        elif isinstance(value, str) or source_is_text:
            translation.text = value if isinstance(value, str) else source
            translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def missing(path: Path) -> list[str]:
    return [
        m.findtext("source") or "" for m in ET.parse(path).iter("message") if is_open(m)
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fr", type=Path, help="JSON map of French translations")
    parser.add_argument("--en", type=Path, help="JSON map of English plural forms")
    args = parser.parse_args()

    run_lupdate()
    for path, option, source_is_text in (
        (FRENCH, args.fr, False),
        (ENGLISH, args.en, True),
    ):
        given = json.loads(option.read_text(encoding="utf-8")) if option else {}
        fill(path, given, source_is_text)
    run_lupdate()  # lupdate's own layout, so the files diff cleanly

    gaps = [(path.name, text) for path in (FRENCH, ENGLISH) for text in missing(path)]
    for name, text in gaps:
        print(f"{name}: no translation yet for {text!r}")
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main())

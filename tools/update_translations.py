"""Refreshes translations/*.ts from the code with Qt's lupdate.

English is the source language: its entries are filled with the source text.
French entries that are new come out "unfinished" for a translator (and the
test suite fails until they are translated).
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cams_desktop.translations.build import qt_tool  # noqa: E402

TS_FILES = [ROOT / "translations" / "cams_fr.ts", ROOT / "translations" / "cams_en.ts"]


def sources() -> list[str]:
    return sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "cams_desktop").rglob("*.py")
    )


def run_lupdate(ts_files: list[Path]) -> None:
    subprocess.run(
        [
            str(qt_tool("lupdate")),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *sources(),
            "-ts",
            *map(str, ts_files),
        ],
        check=True,
        cwd=ROOT,
    )


def fill_english(path: Path) -> None:
    tree = ET.parse(path)
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.find("source")
        if translation is not None and source is not None:
            translation.text = source.text
            translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def unfinished(path: Path) -> list[str]:
    return [
        message.findtext("source") or ""
        for message in ET.parse(path).iter("message")
        if (message.find("translation") is None)
        or message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
        or not (message.findtext("translation") or "")
    ]


def apply_french(path: Path, translations: dict[str, str]) -> None:
    """Fill unfinished French entries whose source text is in ``translations``."""
    tree = ET.parse(path)
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source")
        is_open = translation is not None and (
            translation.get("type") == "unfinished" or not translation.text
        )
        if translation is not None and is_open and source in translations:
            translation.text = translations[source]
            translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def main() -> int:
    """Usage: update_translations.py [FRENCH.json] (a {source: French} map)."""
    run_lupdate(TS_FILES)
    fill_english(TS_FILES[1])
    if len(sys.argv) > 1:
        french = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
        apply_french(TS_FILES[0], french)
        run_lupdate(TS_FILES)
    missing = unfinished(TS_FILES[0])
    for text in missing:
        print(f"untranslated in French: {text!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

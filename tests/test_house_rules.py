"""Rules of the code base turned into checks: layering and translations."""

from __future__ import annotations

import ast
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cams_desktop.translations.build import qt_tool

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "cams_desktop"
UI_FREE = [
    "db",
    "services",
    "reports",
    "printing",
    "sync",
    "server",
    "text.py",
    "formatting.py",
]
GLOSSARY = {
    "View/Action": "Voir/Action",
    "Edit profile": "Modifier le profil",
    "Deactivate plan": "Supprimer le plan",
    "Add a student": "Ajouter un(e) élève",
    "All students": "Tous les élèves",
    "My students": "Mes élèves",
    "Notes": "Notes",
    "Readiness status": "État de préparation",
    "Grade": "Année",
    "Program administrator": "Administrateur du programme",
    "School administrator / counsellor": "Administrateur scolaire-conseiller",
    "Teacher / counsellor": "Enseignant-conseiller",
    "Other staff": "Autres membres du personnel",
    "CAMS — Counsellor home page — {0}": "CAMS — Page d'accueil du conseiller — {0}",
}


def python_files(*parts: str) -> list[Path]:
    files: list[Path] = []
    for part in parts:
        path = PACKAGE / part
        files.extend([path] if path.is_file() else sorted(path.rglob("*.py")))
    return files


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_services_and_data_layers_never_import_widgets():
    offenders = [
        str(path.relative_to(ROOT))
        for path in python_files(*UI_FREE)
        if any(
            m.startswith(
                (
                    "PySide6.QtWidgets",
                    "cams_desktop.views",
                    "cams_desktop.dialogs",
                    "cams_desktop.models",
                )
            )
            for m in imported_modules(path)
        )
    ]
    assert offenders == []


def database_uses(path: Path) -> list[str]:
    """Places where a widget module opens a session or reaches the engine."""
    uses = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in {
            "transaction",
            "sessions",
            "engine",
            "read",
        }:
            owner = node.value
            name = (
                owner.attr
                if isinstance(owner, ast.Attribute)
                else getattr(owner, "id", "")
            )
            if name == "db":
                uses.append(f"{path.name}:{node.lineno} db.{node.attr}")
    return uses


def test_widgets_never_touch_the_database_directly():
    files = python_files("views", "dialogs", "models", "app.py")
    offenders = [
        str(path.relative_to(ROOT))
        for path in files
        if any(
            m.startswith(("sqlalchemy", "sqlite3", "cams_desktop.db.tracking"))
            for m in imported_modules(path)
        )
    ]
    assert offenders == []
    assert [use for path in files for use in database_uses(path)] == []


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


@pytest.mark.parametrize("language", ["fr", "en"])
def test_translation_files_are_complete_and_keep_placeholders(language):
    entries = messages(ROOT / "translations" / f"cams_{language}.ts")
    assert entries
    for (context, source), message in entries.items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, (
            context,
            source,
        )
        if message.get("numerus") == "yes":
            texts = [form.text or "" for form in translation.findall("numerusform")]
            assert len(texts) == 2, (context, source)
        else:
            texts = [translation.text or ""]
        for text in texts:
            assert text, (context, source)
            for placeholder in ("{0}", "{1}"):
                assert (placeholder in source) == (placeholder in text), (
                    context,
                    source,
                )


def test_translation_files_hold_every_string_of_the_code(tmp_path):
    scratch = tmp_path / "scratch.ts"
    shutil.copy(ROOT / "translations" / "cams_fr.ts", scratch)
    sources = sorted(str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py"))
    subprocess.run(
        [
            str(qt_tool("lupdate")),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *sources,
            "-ts",
            str(scratch),
        ],
        check=True,
        cwd=ROOT,
    )
    assert set(messages(scratch)) == set(messages(ROOT / "translations" / "cams_fr.ts"))


def test_french_uses_the_glossary_terms():
    french = {
        source: m.findtext("translation")
        for (_, source), m in messages(ROOT / "translations" / "cams_fr.ts").items()
    }
    assert {source: french.get(source) for source in GLOSSARY} == GLOSSARY

"""Shared fixtures: real SQLite files, a hand-made school and the demo school."""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest
from keyring.backend import KeyringBackend

from cams_desktop.db.engine import Database
from cams_desktop.db.school import AccessLevel, Board, School, Staff
from cams_desktop.services.access import Actor, actor_for


@dataclass
class TinySchool:
    """A school made by hand, so tests can name every value they expect."""

    db: Database
    school_id: uuid.UUID
    admin: Actor
    counsellor: Actor
    other_counsellor: Actor
    teacher: Actor
    office: Actor


def _staff(
    username: str, first: str, last: str, level: AccessLevel, school_id: uuid.UUID
) -> Staff:
    return Staff(
        school_id=school_id,
        username=username,
        username_key=username.casefold(),
        first_name=first,
        last_name=last,
        access_level=level,
    )


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cams", "CAMS Desktop")
    group.addoption(
        "--seeds",
        type=int,
        default=None,
        help="random sync workload: run this many seeds (default 8)",
    )
    group.addoption(
        "--seed",
        type=int,
        default=None,
        help="random sync workload: replay this one seed",
    )


@pytest.fixture
def tiny_school(tmp_path: Path) -> Iterator[TinySchool]:
    db = Database(tmp_path / "tiny.sqlite")
    with db.transaction(None) as session:
        board = Board(name="Conseil scolaire des Rivières")
        session.add(board)
        session.flush()
        school = School(board_id=board.id, name="École secondaire du Lac", code="ESL")
        session.add(school)
        session.flush()
        session.add_all(
            [
                _staff(
                    "admin", "Hélène", "Gagnon", AccessLevel.PROGRAM_ADMIN, school.id
                ),
                _staff(
                    "conseiller", "Marc", "Ouellet", AccessLevel.SCHOOL_ADMIN, school.id
                ),
                _staff(
                    "conseillere", "Sophie", "Roy", AccessLevel.SCHOOL_ADMIN, school.id
                ),
                _staff("enseignant", "Paul", "Côté", AccessLevel.TEACHER, school.id),
                _staff(
                    "secretariat", "Lise", "Bédard", AccessLevel.OTHER_STAFF, school.id
                ),
            ]
        )
        school_id = school.id
    yield TinySchool(
        db,
        school_id,
        actor_for(db, "admin"),
        actor_for(db, "conseiller"),
        actor_for(db, "conseillere"),
        actor_for(db, "enseignant"),
        actor_for(db, "secretariat"),
    )
    db.close()


DEMO_STUDENTS = 300
DEMO_SEED = 11


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from cams_desktop.services.demo import generate_demo

    path = tmp_path_factory.mktemp("demo") / "template.sqlite"
    generate_demo(path, DEMO_STUDENTS, DEMO_SEED)
    Database(path).close()  # checkpoints the WAL into the main file
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the demo school for one test."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    db = Database(path)
    yield db
    db.close()


@pytest.fixture
def languages(qapp):
    """The interface language switch, in French; English (no translator) after."""
    from cams_desktop.i18n import LanguageSwitch

    switch = LanguageSwitch()
    switch.set_language("fr")
    yield switch
    switch.uninstall()
    switch.language = "en"


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


class FileKeyring(KeyringBackend):
    """A keychain in a JSON file, so tests never touch the real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def _load(self) -> dict[str, str]:
        loaded: dict[str, str] = (
            json.loads(self.path.read_text()) if self.path.exists() else {}
        )
        return loaded

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}|{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}|{username}"] = password
        self.path.write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}|{username}", None)
        self.path.write_text(json.dumps(data))


@pytest.fixture
def file_keyring(tmp_path: Path) -> Iterator[FileKeyring]:
    """The system keychain replaced by a file for the test's duration."""
    previous = keyring.get_keyring()
    backend = FileKeyring(tmp_path / "keyring.json")
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)

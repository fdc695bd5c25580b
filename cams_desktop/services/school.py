"""The school the desktop works for: its name and first administrator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from cams_desktop.db.engine import Database
from cams_desktop.db.school import AccessLevel, School, Staff
from cams_desktop.services.access import Actor, NotFound


def school_name(db: Database, actor: Actor) -> str:
    with db.read() as session:
        name = session.scalar(select(School.name).where(School.id == actor.school_id))
    return name or ""


def first_administrator(db: Database) -> Actor:
    """The program administrator to work as until staff sign in."""
    with db.read() as session:
        staff = session.scalars(
            select(Staff)
            .where(
                Staff.access_level == AccessLevel.PROGRAM_ADMIN,
                Staff.is_active,
                Staff.deleted_at.is_(None),
            )
            .order_by(Staff.username_key)
            .limit(1)
        ).first()
    if staff is None:
        raise NotFound(
            QCoreApplication.translate(
                "School",
                "This database has no school administrator yet. "
                "Open the demo school with cams-desktop --demo, "
                "or create one with: cams demo --out FILE.",
            )
        )
    return Actor(staff.id, staff.school_id, staff.access_level, staff.display_name)


def sign_in_contacts(db: Database) -> list[str]:
    """Names of the program administrators, whom the sign-in screen says to ask.

    Shown before anyone signs in: names only, nothing else about them.
    """
    with db.read() as session:
        rows = session.execute(
            select(Staff.first_name, Staff.last_name)
            .where(
                Staff.access_level == AccessLevel.PROGRAM_ADMIN,
                Staff.is_active,
                Staff.deleted_at.is_(None),
            )
            .order_by(Staff.last_name, Staff.first_name)
            .limit(3)
        ).all()
    return [f"{first} {last}" for first, last in rows]

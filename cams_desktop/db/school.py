"""Boards, schools, settings, staff and the usage agreement."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any

from sqlalchemy import JSON, Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cams_desktop.db.base import Record, enum_values


class AccessLevel(enum.IntEnum):
    """The four access levels of SPEC F-04 (1 has the most rights)."""

    PROGRAM_ADMIN = 1
    SCHOOL_ADMIN = 2
    TEACHER = 3
    OTHER_STAFF = 4


class Language(enum.StrEnum):
    FRENCH = "fr"
    ENGLISH = "en"


LANGUAGE_ENUM = Enum(Language, native_enum=False, length=2, values_callable=enum_values)


class Board(Record):
    __tablename__ = "boards"

    name: Mapped[str] = mapped_column(String(200))


class School(Record):
    __tablename__ = "schools"
    __secret_columns__ = frozenset({"site_password_hash"})

    board_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("boards.id"))
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(40), unique=True)
    time_zone: Mapped[str] = mapped_column(String(64), default="America/Toronto")
    # Elementary schools have no job search tool (F-63).
    is_elementary: Mapped[bool] = mapped_column(default=False)
    planning_site_url: Mapped[str | None] = mapped_column(String(500))
    # The school site's account, asked at every sign-in before the staff
    # member's own password (F-01); Argon2id hash, never the password itself.
    site_username: Mapped[str | None] = mapped_column(String(64))
    site_password_hash: Mapped[str | None] = mapped_column(String(200))


class SchoolSetting(Record):
    """One customization value of a school (F-60 to F-68), stored as JSON."""

    __tablename__ = "school_settings"
    __table_args__ = (UniqueConstraint("school_id", "key"),)

    school_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("schools.id"))
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[Any] = mapped_column(JSON)


class Staff(Record):
    """A counsellor, teacher, administrator or other staff member."""

    __tablename__ = "staff"
    __secret_columns__ = frozenset({"password_hash"})

    school_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("schools.id"))
    username: Mapped[str] = mapped_column(String(64))
    # casefold() of the username; unique so that "Jo" and "jo" cannot coexist.
    username_key: Mapped[str] = mapped_column(String(64), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(254))
    access_level: Mapped[AccessLevel] = mapped_column(
        Enum(AccessLevel, native_enum=False, length=20)
    )
    preferred_language: Mapped[Language] = mapped_column(
        LANGUAGE_ENUM, default=Language.FRENCH
    )
    # Argon2id hash; never the password itself.
    password_hash: Mapped[str | None] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(default=False)
    is_active: Mapped[bool] = mapped_column(default=True)
    failed_sign_ins: Mapped[int] = mapped_column(default=0)
    # When the newest failure happened: the slow-down is counted from it.
    last_failed_sign_in_at: Mapped[dt.datetime | None]
    locked_until: Mapped[dt.datetime | None]
    agreement_edition: Mapped[str | None] = mapped_column(String(20))
    agreement_accepted_at: Mapped[dt.datetime | None]
    last_sign_in_at: Mapped[dt.datetime | None]

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class UsageAgreement(Record):
    """A version of the counsellor tool's usage agreement (F-01)."""

    __tablename__ = "usage_agreements"

    edition: Mapped[str] = mapped_column(String(20), unique=True)
    text_fr: Mapped[str]
    text_en: Mapped[str]
    published_on: Mapped[dt.date]

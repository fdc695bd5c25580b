"""Declarative base, key and timestamp types shared by every table."""

from __future__ import annotations

import datetime as dt
import enum
import secrets
import threading
import time
import uuid
from typing import Any, ClassVar

from sqlalchemy import DateTime, Integer, MetaData, String, TypeDecorator, Uuid
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# A fixed namespace so that link rows (caseload, group membership) made on two
# offline desktops for the same pair get the same id and converge on one row.
LINK_NAMESPACE = uuid.UUID("6f1d7c52-1b6e-4f53-9a43-2b1f1b7d5e10")


_last_id = 0
_id_lock = threading.Lock()
_RAND_B = (1 << 62) - 1


def new_id() -> uuid.UUID:
    """Return a time-ordered UUIDv7 (RFC 9562), the key of every synchronized row.

    48 bits of Unix time in milliseconds, then random bits; ids made in the
    same millisecond still grow (the random part is stepped up by one), so
    rows sort in the order they were made. A bulk write makes 150,000 of
    them: this is a few integer operations each.
    """
    global _last_id
    random_bits = secrets.randbits(74)
    value = (
        (time.time_ns() // 1_000_000) << 80
        | 0x7 << 76  # version 7
        | (random_bits >> 62) << 64  # rand_a, 12 bits
        | 0x2 << 62  # RFC 9562 variant
        | random_bits & _RAND_B  # rand_b, 62 bits
    )
    with _id_lock:
        if value <= _last_id:
            value = _last_id + 1
            if not value & _RAND_B:  # rand_b wrapped: carry into rand_a
                value = (value & ~(0x3 << 62)) | 0x2 << 62
        _last_id = value
    return uuid.UUID(int=value)


def link_id(*parts: uuid.UUID | str) -> uuid.UUID:
    """Return the deterministic id of a link row made of ``parts``."""
    return uuid.uuid5(LINK_NAMESPACE, "/".join(str(part) for part in parts))


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp stored in UTC and always read back timezone-aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        return value.astimezone(dt.UTC)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


def enum_values(enum_class: type[enum.Enum]) -> list[str]:
    return [str(member.value) for member in enum_class]


class Base(DeclarativeBase):
    """Root of every mapped class."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        uuid.UUID: Uuid(),
        dt.datetime: UTCDateTime(),
        str: String(),
    }

    # Tables that travel to the school's server; local bookkeeping tables
    # (outbox, device state, audit) set this to False.
    __synced__: bool = True
    # Tables whose field changes are written to the audit trail.
    __audited__: bool = True
    # Columns whose values never appear in the audit trail (password hashes).
    __secret_columns__: frozenset[str] = frozenset()


class Record(Base):
    """A synchronized row: UUIDv7 key, who/when, soft delete and a version."""

    __abstract__ = True

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[uuid.UUID | None]
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[uuid.UUID | None]
    deleted_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(Integer, default=1)

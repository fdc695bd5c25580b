"""Local bookkeeping: the audit trail, the sync outbox and device state."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from cams_desktop.db.base import Base, new_id, utcnow


class AuditEntry(Base):
    """One changed field of one row: who, when, old value and new value."""

    __tablename__ = "audit_entries"
    __synced__ = False
    __audited__ = False

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    occurred_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    actor_id: Mapped[uuid.UUID | None]
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID] = mapped_column(index=True)
    # create, update, or a refusal recorded by a service (denied).
    action: Mapped[str] = mapped_column(String(20))
    field: Mapped[str | None] = mapped_column(String(64))
    old_value: Mapped[str | None]
    new_value: Mapped[str | None]


class OutboxEntry(Base):
    """A local change waiting to be pushed to the school's server (SYNC.md)."""

    __tablename__ = "sync_outbox"
    __synced__ = False
    __audited__ = False

    mutation_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[uuid.UUID]
    transaction_id: Mapped[uuid.UUID] = mapped_column(index=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID]
    operation: Mapped[str] = mapped_column(String(10))
    base_version: Mapped[int | None]
    # {field: [old, new]} in JSON-friendly form.
    changes: Mapped[Any] = mapped_column(JSON)
    schema_version: Mapped[str] = mapped_column(String(40))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class DeviceState(Base):
    """Key/value state of this desktop (device id, sync cursor, ...)."""

    __tablename__ = "device_state"
    __synced__ = False
    __audited__ = False

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str]

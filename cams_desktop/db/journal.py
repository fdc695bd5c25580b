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
    # Mutation ids only ever grow, even once acknowledged entries are deleted:
    # the server takes an id at or below the last it applied for a duplicate.
    __table_args__ = ({"sqlite_autoincrement": True},)

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
    # Set when the server acknowledged the change. Acknowledged changes are
    # kept a while, so that a server restored from an older backup can ask
    # for them again (SYNC.md fault 20).
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(index=True)


class DeviceState(Base):
    """Key/value state of this desktop (device id, sync cursor, ...)."""

    __tablename__ = "device_state"
    __synced__ = False
    __audited__ = False

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str]


class SyncIssue(Base):
    """A change the server did not take as it was: a conflict or a refusal.

    The desktop keeps a copy of the change (SYNC.md rule 15: nothing
    unsynced is discarded) and shows the list; the server keeps its own for
    an administrator to resolve.
    """

    __tablename__ = "sync_issues"
    __synced__ = False
    __audited__ = False

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mutation_id: Mapped[int]
    transaction_id: Mapped[uuid.UUID]
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID] = mapped_column(index=True)
    operation: Mapped[str] = mapped_column(String(10))
    changes: Mapped[Any] = mapped_column(JSON)
    outcome: Mapped[str] = mapped_column(String(20))  # conflict, rejected
    reason: Mapped[str]
    recorded_at: Mapped[dt.datetime]
    settled_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

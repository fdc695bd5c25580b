"""Records every ORM write in the audit trail and the sync outbox.

Both are written by a ``before_flush`` hook, in the same transaction as the
change itself, so a write can never be committed without its record.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import enum
import uuid
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, UOWTransaction

from cams_desktop.db.base import Base, Record, new_id, utcnow
from cams_desktop.db.journal import AuditEntry, OutboxEntry

# Columns the hook itself maintains; they are not "changes" of their own.
BOOKKEEPING_COLUMNS = frozenset({"updated_at", "updated_by_id", "version"})
# The newest migration; every outbox entry carries it (tests check they agree).
SCHEMA_VERSION = "0005"
# What the audit trail shows for a secret (a password hash) that changed.
SECRET_SHOWN = "••••••"


def plain(value: Any) -> Any:
    """Turn a column value into its JSON form for the outbox."""
    if isinstance(value, enum.Enum):
        return value.value
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def audit_text(value: Any) -> str | None:
    """Turn a column value into the text kept in the audit trail."""
    if value is None:
        return None
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    shown = plain(value)
    return shown if isinstance(shown, str) else str(shown)


class CamsSession(Session):
    """The project's session: knows the acting staff member and the device."""

    @property
    def actor_id(self) -> uuid.UUID | None:
        value = self.info.get("actor_id")
        return value if isinstance(value, uuid.UUID) else None


def transaction_id(session: Session) -> uuid.UUID:
    tx_id = session.info.get("transaction_id")
    if not isinstance(tx_id, uuid.UUID):
        tx_id = new_id()
        session.info["transaction_id"] = tx_id
    return tx_id


def _column_changes(obj: Base) -> dict[str, tuple[Any, Any]]:
    state = inspect(obj)
    changes: dict[str, tuple[Any, Any]] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in BOOKKEEPING_COLUMNS:
            continue
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old != new:
            changes[attr.key] = (old, new)
    return changes


def _all_values(obj: Base) -> dict[str, tuple[Any, Any]]:
    state = inspect(obj)
    # Column defaults are applied at INSERT time; apply them now so that the
    # outbox carries the values the row will really hold, not None.
    for attr in state.mapper.column_attrs:
        if getattr(obj, attr.key) is not None:
            continue
        default = attr.columns[0].default
        if default is not None and default.is_scalar:
            setattr(obj, attr.key, default.arg)
        elif default is not None and default.is_callable:
            setattr(obj, attr.key, default.arg(None))
    return {
        attr.key: (None, getattr(obj, attr.key)) for attr in state.mapper.column_attrs
    }


@event.listens_for(CamsSession, "before_flush")
def _record_changes(
    session: Session, flush_context: UOWTransaction, instances: object
) -> None:
    now = utcnow()
    actor_id = session.info.get("actor_id")
    device_id = session.info.get("device_id")
    records: list[Base] = []

    for obj in list(session.new):
        if not isinstance(obj, Record):
            continue
        obj.id = obj.id or new_id()
        obj.created_at = obj.created_at or now
        obj.updated_at = now
        obj.created_by_id = obj.created_by_id or actor_id
        obj.updated_by_id = actor_id
        obj.version = 1
        records.extend(_describe(obj, "insert", None, _all_values(obj), now, session))

    for obj in list(session.dirty):
        if not isinstance(obj, Record) or not session.is_modified(obj):
            continue
        changes = _column_changes(obj)
        if not changes:
            continue
        base_version = obj.version
        obj.version = base_version + 1
        obj.updated_at = now
        obj.updated_by_id = actor_id
        operation = "delete" if "deleted_at" in changes and obj.deleted_at else "update"
        records.extend(_describe(obj, operation, base_version, changes, now, session))

    for obj in list(session.deleted):
        if isinstance(obj, Record):
            records.extend(_describe(obj, "purge", obj.version, {}, now, session))

    if records and not isinstance(device_id, uuid.UUID):
        raise RuntimeError("session has no device id; open it through Database")
    session.add_all(records)


def _describe(
    obj: Record,
    operation: str,
    base_version: int | None,
    changes: dict[str, tuple[Any, Any]],
    now: dt.datetime,
    session: Session,
) -> list[Base]:
    table = obj.__tablename__
    actor_id = session.info.get("actor_id")
    out: list[Base] = []
    secret = type(obj).__secret_columns__
    if type(obj).__synced__:
        out.append(
            OutboxEntry(
                device_id=session.info.get("device_id"),
                transaction_id=transaction_id(session),
                table_name=table,
                row_id=obj.id,
                operation=operation,
                base_version=base_version,
                # The server needs a secret's new value (a password hash), never
                # the one it replaces.
                changes={
                    k: [None if k in secret else plain(o), plain(n)]
                    for k, (o, n) in changes.items()
                },
                schema_version=SCHEMA_VERSION,
                recorded_at=now,
            )
        )
    if type(obj).__audited__:
        changes = {
            field: ((SECRET_SHOWN, SECRET_SHOWN) if field in secret else values)
            for field, values in changes.items()
        }
        if operation == "insert":
            out.append(
                AuditEntry(
                    occurred_at=now,
                    actor_id=actor_id,
                    table_name=table,
                    row_id=obj.id,
                    action="create",
                )
            )
        else:
            out.extend(
                AuditEntry(
                    occurred_at=now,
                    actor_id=actor_id,
                    table_name=table,
                    row_id=obj.id,
                    action=operation,
                    field=field,
                    old_value=audit_text(old),
                    new_value=audit_text(new),
                )
                for field, (old, new) in changes.items()
            )
    return out


@event.listens_for(CamsSession, "after_commit")
@event.listens_for(CamsSession, "after_rollback")
def _end_transaction(session: Session) -> None:
    session.info.pop("transaction_id", None)

"""What a desktop and the school's server say to each other.

The engine (``engine``) speaks in these types; a transport (``pg`` for the
school's PostgreSQL server) turns them into calls. Tests drive the engine
through the same interface, so every rule of SYNC.md is checked on the path
the application takes.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from typing import Any, Protocol


class Outcome(enum.StrEnum):
    """What the server did with one mutation (SYNC.md rule 4)."""

    APPLIED = "applied"
    MERGED = "merged"
    DUPLICATE = "duplicate"  # already applied: acknowledged, no effect
    CONFLICT = "conflict"  # kept on the server for a person to resolve
    REJECTED = "rejected"  # permanent: validation, permission, deleted parent
    RETRY = "retry"  # transient: send again later


# Outcomes after which the desktop forgets the mutation: the server holds it
# (applied, merged, or kept as a conflict) or refused it for good (the desktop
# keeps a copy in its list of refused changes).
SETTLED = frozenset(
    {
        Outcome.APPLIED,
        Outcome.MERGED,
        Outcome.DUPLICATE,
        Outcome.CONFLICT,
        Outcome.REJECTED,
    }
)


@dataclass(frozen=True, slots=True)
class Mutation:
    """One outbox entry as sent (SYNC.md rule 2)."""

    mutation_id: int
    transaction_id: uuid.UUID
    table: str
    row_id: uuid.UUID
    operation: str  # insert, update, delete
    base_version: int | None
    changes: dict[str, list[Any]]  # field → [old, new], JSON values
    recorded_at: str  # ISO time on the desktop's clock (never decides a winner)


@dataclass(frozen=True, slots=True)
class MutationResult:
    mutation_id: int
    outcome: Outcome
    reason: str = ""  # why a conflict, a rejection or a retry


@dataclass(frozen=True, slots=True)
class PushReply:
    """The server's answer to one local transaction."""

    results: tuple[MutationResult, ...]
    # Set when the server misses earlier mutations of this device: send
    # again from this mutation id (SYNC.md rule 3).
    resend_from: int | None = None


@dataclass(frozen=True, slots=True)
class ChangedRow:
    table: str
    row: dict[str, Any]  # the row's current state on the server, JSON values


@dataclass(frozen=True, slots=True)
class RemovedRow:
    """A row this user may no longer see (or that was purged)."""

    table: str
    row_id: uuid.UUID


@dataclass(frozen=True, slots=True)
class PullPage:
    rows: tuple[ChangedRow, ...]
    removed: tuple[RemovedRow, ...]
    cursor: int  # the highest change number scanned
    more: bool


@dataclass(frozen=True, slots=True)
class TableDigest:
    """Rows of one table this user may see: how many, and a hash of (id, version)."""

    count: int
    digest: str


@dataclass(slots=True)
class Counts:
    tables: dict[str, TableDigest] = field(default_factory=dict)


class ServerUnavailable(Exception):
    """The server cannot be reached now: work goes on offline, retried later."""


class ClientTooOld(Exception):
    """The server no longer accepts this version; the outbox is kept."""

    def __init__(self, message: str, required: str) -> None:
        super().__init__(message)
        self.required = required


class CursorTooOld(Exception):
    """This desktop was away longer than the server keeps deletions."""


class ServerBehind(CursorTooOld):
    """The server's log ends before this desktop's cursor.

    It was restored from an older backup: changes it acknowledged since may
    be lost, and the desktop sends again those it still keeps.
    """


class SyncServer(Protocol):
    """The calls a desktop makes; the server decides what the user may do."""

    def push(
        self, device_id: uuid.UUID, schema_version: str, mutations: list[Mutation]
    ) -> PushReply: ...

    def pull(self, cursor: int, schema_version: str, page_size: int) -> PullPage: ...

    def counts(self, schema_version: str) -> Counts: ...

    def table_rows(
        self,
        table: str,
        after_id: uuid.UUID | None,
        page_size: int,
        schema_version: str,
    ) -> tuple[list[dict[str, Any]], uuid.UUID | None, bool, int]:
        """One page of a table's visible rows: rows, last id, more, and the
        change number the download starts from."""
        ...

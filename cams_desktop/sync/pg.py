"""The school's PostgreSQL server as the sync engine sees it.

Every call is one of the server's functions (``cams.push``, ``cams.pull``,
``cams.counts``, ``cams.table_rows``), run as the staff member's own login
role: the server, not this code, decides what may be read or written.

A connection that the network or the server dropped (after a night idle,
say) is opened again once, transparently; a push sent twice is harmless,
the server acknowledges the second as a duplicate. A server that cannot be
reached raises ServerUnavailable: the desktop goes on offline.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

import psycopg
import psycopg.errors
from psycopg.types.json import Jsonb
from PySide6.QtCore import QCoreApplication

from cams_desktop.sync.protocol import (
    ChangedRow,
    ClientTooOld,
    Counts,
    CursorTooOld,
    Mutation,
    MutationResult,
    Outcome,
    PullPage,
    PushReply,
    RemovedRow,
    ServerBehind,
    ServerUnavailable,
    TableDigest,
)

log = logging.getLogger(__name__)

_T = TypeVar("_T")
# Errors after which the same call may succeed: the connection, the server
# restarting, a deadlock or a serialization failure inside the server.
_TRANSIENT = (
    psycopg.OperationalError,
    psycopg.errors.SerializationFailure,
    psycopg.errors.DeadlockDetected,
)
_OUTCOMES = {o.value: o for o in Outcome}
# Decisions a desktop lists for its user (SYNC.md rule 4).
_KEPT = (Outcome.CONFLICT.value, Outcome.REJECTED.value)


class SyncRefused(Exception):
    """The server refused the request itself (not one change): say why."""


class PgServer:
    """One staff member's connection to the school's server."""

    def __init__(self, conninfo: dict[str, Any] | str) -> None:
        self._conninfo = conninfo
        self._connection: psycopg.Connection[tuple[Any, ...]] | None = None

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _connect(self) -> psycopg.Connection[tuple[Any, ...]]:
        if self._connection is None or self._connection.closed:
            options: dict[str, Any] = (
                {"conninfo": self._conninfo}
                if isinstance(self._conninfo, str)
                else dict(self._conninfo)
            )
            options.setdefault("connect_timeout", 10)
            try:
                self._connection = psycopg.connect(
                    **options,
                    autocommit=True,
                    keepalives=1,
                    keepalives_idle=60,
                    keepalives_interval=10,
                    keepalives_count=3,
                )
            except psycopg.Error as error:
                if _refused_sign_in(error):
                    # Trying again later would not help: say so, not "offline".
                    raise SyncRefused(
                        QCoreApplication.translate(
                            "Sync", "the server refused the sign-in ({0})"
                        ).format(_reason(error))
                    ) from error
                raise ServerUnavailable(_reason(error)) from error
        return self._connection

    def _call(self, query: str, *params: Any) -> dict[str, Any]:
        """Run one server function; its JSON answer."""

        def run() -> dict[str, Any]:
            row = self._connect().execute(query, params).fetchone()
            if row is None or not isinstance(row[0], dict):
                raise SyncRefused(
                    QCoreApplication.translate(
                        "Sync", "the server gave no answer to {0}"
                    ).format(query.split("(")[0])
                )
            return row[0]

        return self._retrying(run)

    def _retrying(self, work: Callable[[], _T]) -> _T:
        for attempt in (1, 2):
            try:
                return work()
            except _TRANSIENT as error:
                self.close()
                if attempt == 2:
                    raise ServerUnavailable(_reason(error)) from error
                log.info("server connection lost; connecting again")
            except psycopg.Error as error:
                # The server refused the call itself: a fault of this
                # version or of the server, not of the network.
                raise SyncRefused(_reason(error)) from error
        raise AssertionError("unreachable")

    # the SyncServer protocol

    def push(
        self, device_id: uuid.UUID, schema_version: str, mutations: list[Mutation]
    ) -> PushReply:
        body = [
            {
                "mutation_id": m.mutation_id,
                "transaction_id": str(m.transaction_id),
                "table_name": m.table,
                "row_id": str(m.row_id),
                "operation": m.operation,
                "base_version": m.base_version,
                "changes": m.changes,
                "recorded_at": m.recorded_at,
            }
            for m in mutations
        ]
        answer = self._call(
            "SELECT cams.push(%s, %s, %s)", device_id, schema_version, Jsonb(body)
        )
        status = answer.get("status")
        if status == "resend":
            return PushReply((), resend_from=int(answer["resend_from"]))
        self._check(answer)
        results = []
        for item in answer.get("results") or []:
            outcome = _OUTCOMES.get(str(item.get("result")))
            if outcome is None:
                raise SyncRefused(
                    QCoreApplication.translate(
                        "Sync", "the server gave an unknown answer: {0}"
                    ).format(item.get("result"))
                )
            if outcome is Outcome.DUPLICATE and item.get("decision") in _KEPT:
                # The answer to the first delivery was lost: the desktop
                # still lists the conflict or the refusal.
                outcome = _OUTCOMES[str(item["decision"])]
            reason = item.get("message") or item.get("reason") or ""
            results.append(MutationResult(int(item["mutation_id"]), outcome, reason))
        return PushReply(tuple(results))

    def pull(self, cursor: int, schema_version: str, page_size: int) -> PullPage:
        answer = self._call(
            "SELECT cams.pull(%s, %s, %s)", cursor, schema_version, page_size
        )
        if answer.get("status") == "cursor_ahead":
            raise ServerBehind(f"the server's log ends at {answer.get('last_seq')}")
        if answer.get("status") == "cursor_too_old":
            raise CursorTooOld(f"the server's log starts at {answer.get('horizon')}")
        self._check(answer)
        return PullPage(
            rows=tuple(ChangedRow(r["table"], r["data"]) for r in answer["rows"]),
            removed=tuple(
                RemovedRow(r["table"], uuid.UUID(r["id"])) for r in answer["removed"]
            ),
            cursor=int(answer["cursor"]),
            more=bool(answer["has_more"]),
        )

    def counts(self, schema_version: str) -> Counts:
        answer = self._call("SELECT cams.counts(%s)", schema_version)
        self._check(answer)
        return Counts(
            {
                name: TableDigest(int(value["count"]), str(value["hash"]))
                for name, value in answer["tables"].items()
            }
        )

    def table_rows(
        self,
        table: str,
        after_id: uuid.UUID | None,
        page_size: int,
        schema_version: str,
    ) -> tuple[list[dict[str, Any]], uuid.UUID | None, bool, int]:
        """One page of a table's visible rows in id order.

        Returns the rows, the last id, whether more follow, and the change
        number the download starts from.
        """
        answer = self._call(
            "SELECT cams.table_rows(%s, %s, %s, %s)",
            table,
            after_id,
            page_size,
            schema_version,
        )
        self._check(answer)
        last = answer.get("last_id")
        return (
            [r["data"] for r in answer["rows"]],
            None if last is None else uuid.UUID(str(last)),
            bool(answer["has_more"]),
            int(answer.get("cursor") or 0),
        )

    # staff logins (program administrators)

    def set_staff_login(
        self, staff_id: uuid.UUID, role_name_hint: str, password: str
    ) -> dict[str, Any]:
        """Create or reset a staff member's login; the server's JSON answer.

        Only a SCRAM verifier leaves this desktop, computed here. A SCRAM
        verifier does not depend on the role's name (``role_name_hint``, the
        name the server gives, is what libpq asks for).
        """

        verifier = self._retrying(
            lambda: (
                self._connect()
                .pgconn.encrypt_password(
                    password.encode(), role_name_hint.encode(), b"scram-sha-256"
                )
                .decode()
            )
        )
        return self._call("SELECT cams.set_staff_login(%s, %s)", staff_id, verifier)

    def disable_staff_login(self, staff_id: uuid.UUID) -> dict[str, Any]:
        """Turn a staff member's login off; the server's JSON answer."""
        return self._call("SELECT cams.disable_staff_login(%s)", staff_id)

    @staticmethod
    def _check(answer: dict[str, Any]) -> None:
        status = answer.get("status")
        if status == "ok":
            return
        if status == "upgrade_required":
            install = str(answer.get("install") or answer.get("accepted") or "")
            raise ClientTooOld(
                str(answer.get("message") or "this version is too old for the server"),
                install,
            )
        message = answer.get("message") or answer.get("reason") or json.dumps(answer)
        raise SyncRefused(
            QCoreApplication.translate("Sync", "the server refused: {0}").format(
                message
            )
        )


def _reason(error: psycopg.Error) -> str:
    """The server's message without connection details (never a password)."""
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


# What PostgreSQL answers to a wrong password, an unknown or disabled login.
_SIGN_IN_REFUSED = (
    "password authentication failed",
    "does not exist",
    "is not permitted to log in",
    "no pg_hba.conf entry",
)


def _refused_sign_in(error: psycopg.Error) -> bool:
    text = str(error)
    return any(marker in text for marker in _SIGN_IN_REFUSED)

"""One sync cycle: push the outbox, then pull what changed (SYNC.md rule 7).

The engine never decides what the user may do: the server does. It keeps
the local file consistent whatever happens on the way: a push that gets
no answer is sent again (the server drops duplicates), a pull that stops
half-way leaves the last whole page and its cursor, and nothing waiting in
the outbox is ever thrown away.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections import Counter
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from cams_desktop.db.base import utcnow
from cams_desktop.db.engine import Database
from cams_desktop.db.tracking import SCHEMA_VERSION
from cams_desktop.sync import local
from cams_desktop.sync.protocol import (
    ChangedRow,
    CursorTooOld,
    Mutation,
    Outcome,
    PullPage,
    ServerBehind,
    SyncServer,
)

log = logging.getLogger(__name__)

PAGE_SIZE = 1000
# Acknowledged changes are kept this long, for a server restored from an
# older backup to ask for them again.
KEEP_ACKNOWLEDGED = dt.timedelta(days=90)


class SyncError(Exception):
    """The cycle stopped; the message says why and what to do."""


@dataclass(slots=True)
class SyncReport:
    outcomes: Counter[Outcome] = field(default_factory=Counter)
    pulled: int = 0
    pages: int = 0
    cursor: int = 0
    redownloaded: list[str] = field(default_factory=list)
    waiting: int = 0  # changes still in the outbox (the server said retry)


class SyncEngine:
    """Synchronizes one local database with one server connection."""

    def __init__(
        self, db: Database, server: SyncServer, *, page_size: int = PAGE_SIZE
    ) -> None:
        self.db = db
        self.server = server
        self.page_size = page_size

    def run(self) -> SyncReport:
        """Push, then pull, then check the copy; one cycle at a time per file."""
        report = SyncReport()
        with local.SyncLock(self.db.path):
            self._push(report)
            self._pull(report)
            self._verify(report)
            local.forget_acknowledged(self.db, utcnow() - KEEP_ACKNOWLEDGED)
        return report

    # push

    def _push(self, report: SyncReport, resend_from: int | None = None) -> None:
        # Each pass sends every waiting transaction in order; a "resend from"
        # answer starts one more pass from the mutation the server asks for.
        for _attempt in range(3):
            resend_from = self._push_pass(report, resend_from)
            if resend_from is None:
                return
        raise SyncError(
            QCoreApplication.translate(
                "Sync",
                "The server keeps asking for changes from number {0} on; "
                "synchronization stopped. Tell the school's IT.",
            ).format(resend_from)
        )

    def _push_pass(self, report: SyncReport, resend_from: int | None) -> int | None:
        transactions = local.pending_transactions(self.db, resend_from=resend_from)
        if resend_from is not None and not _covers(transactions, resend_from):
            raise SyncError(
                QCoreApplication.translate(
                    "Sync",
                    "The server has lost changes this desktop sent before (it "
                    "asks again from change {0}, older than what this desktop "
                    "keeps). Tell the school's IT: the server may have been "
                    "restored from an old backup.",
                ).format(resend_from)
            )
        for mutations in transactions:
            reply = self.server.push(self.db.device_id, SCHEMA_VERSION, mutations)
            if reply.resend_from is not None:
                log.warning("server asks to resend from mutation %s", reply.resend_from)
                return reply.resend_from
            waiting = local.settle(self.db, mutations, reply.results)
            report.outcomes.update(r.outcome for r in reply.results)
            if waiting:
                # A transient refusal: later transactions wait behind it, in order.
                report.waiting = local.pending_summary(self.db)[0]
                return None
        report.waiting = local.pending_summary(self.db)[0]
        return None

    # pull

    def _pull(self, report: SyncReport) -> None:
        try:
            self._pull_from(report, local.cursor(self.db))
        except CursorTooOld as error:
            if isinstance(error, ServerBehind):
                self._resend_kept(report)
            if report.waiting:
                raise SyncError(
                    QCoreApplication.translate(
                        "Sync",
                        "This desktop was offline longer than the server keeps "
                        "deletions, and some of its changes are not sent yet; "
                        "they stay here. Synchronize again when the server takes "
                        "them.",
                    )
                ) from None
            log.warning("cursor too old: downloading everything again")
            start = self._download(report, list(local.synced_tables()))
            local.set_cursor(self.db, start)
            self._pull_from(report, start)

    def _resend_kept(self, report: SyncReport) -> None:
        """Send again every change kept, acknowledged or not.

        A server restored from an older backup may have lost changes it
        acknowledged; it takes those it still has as duplicates. Its
        record of this device may be gone too (the device first pushed
        after the backup), so no "resend from" answer can be waited for.
        """
        first = local.first_kept_mutation(self.db)
        log.warning("the server is behind this desktop; sending kept changes again")
        if first is not None:
            self._push(report, resend_from=first)

    def _pull_from(self, report: SyncReport, cursor: int) -> None:
        more = True
        while more:
            page = self.server.pull(cursor, SCHEMA_VERSION, self.page_size)
            report.pulled += local.apply_page(self.db, page)
            report.pages += 1
            cursor, more = page.cursor, page.more
        report.cursor = cursor

    def _download(self, report: SyncReport, tables: list[str]) -> int:
        """Replace the local copy of ``tables`` by the server's rows.

        Returns the change number the download started from: pulling from
        there brings whatever changed while it ran.
        """
        start: int | None = None
        for name in tables:
            local.forget_table(self.db, name)
            after: uuid.UUID | None = None
            more = True
            while more:
                rows, after, more, cursor = self.server.table_rows(
                    name, after, self.page_size, SCHEMA_VERSION
                )
                start = cursor if start is None else min(start, cursor)
                page = PullPage(
                    tuple(ChangedRow(name, row) for row in rows), (), 0, False
                )
                report.pulled += local.apply_page(self.db, page, move_cursor=False)
                report.pages += 1
            report.redownloaded.append(name)
        return start or 0

    # verify

    def _verify(self, report: SyncReport) -> None:
        """Compare counts and hashes with the server; fetch again what differs."""
        if report.waiting:
            return  # local rows still differ on purpose
        remote = self.server.counts(SCHEMA_VERSION).tables
        mine = local.local_digests(self.db, remote)
        differing = [
            name
            for name in local.synced_tables()
            if name in remote and mine.get(name) != remote[name]
        ]
        if not differing:
            return
        log.warning("copy differs from the server for %s; downloading again", differing)
        self._download(report, differing)


def _covers(transactions: list[list[Mutation]], resend_from: int) -> bool:
    return bool(transactions) and transactions[0][0].mutation_id <= resend_from

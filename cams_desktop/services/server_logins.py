"""Staff members' logins on the school's server, made from the desktop.

A program administrator signed in to a connected desktop creates a staff
member's server login (the PostgreSQL role they sync as) when adding them,
sets a new server password later, and turns the login off when deactivating
them. The server does the work (``cams.set_staff_login``,
``cams.disable_staff_login``) and checks again who asks; only a SCRAM
verifier of the password leaves the desktop. Every call here blocks on the
network: run it off the GUI thread.
"""

from __future__ import annotations

import logging
import time
import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from cams_desktop.db.engine import Database
from cams_desktop.db.school import AccessLevel, Staff
from cams_desktop.services.access import Action, Actor, NotFound, allowed, require
from cams_desktop.services.auth import password_problem
from cams_desktop.services.server_connection import (
    login_role,
    server_login,
    server_settings,
)
from cams_desktop.services.students import ValidationError
from cams_desktop.services.sync_status import run_sync
from cams_desktop.sync.engine import SyncError
from cams_desktop.sync.local import SyncBusy
from cams_desktop.sync.pg import PgServer, SyncRefused
from cams_desktop.sync.protocol import ClientTooOld, CursorTooOld, ServerUnavailable

log = logging.getLogger(__name__)

# How long to wait for a sync cycle already running on this file.
BUSY_TRIES = 10
BUSY_WAIT_SECONDS = 1.0


class ServerLoginError(Exception):
    """The login could not be made or turned off; the message is for the user."""


def server_logins_available(db: Database, actor: Actor) -> bool:
    """Whether ``actor`` manages server logins from this desktop.

    The server lets program administrators only, and only through a desktop
    connected to it.
    """
    return (
        allowed(actor, Action.MANAGE_STAFF)
        and actor.access_level == AccessLevel.PROGRAM_ADMIN
        and server_settings(db) is not None
    )


def _staff(db: Database, actor: Actor, staff_id: uuid.UUID) -> Staff:
    with db.read() as session:
        found = session.scalar(
            select(Staff).where(
                Staff.id == staff_id, Staff.school_id == actor.school_id
            )
        )
    if found is None:
        raise NotFound(
            QCoreApplication.translate("ServerLogins", "No such staff member.")
        )
    return found


def validate_server_password(
    db: Database, actor: Actor, staff_id: uuid.UUID, password: str, again: str
) -> None:
    """The Server login… dialog's check: typed twice, as strong as any password."""
    require(db, actor, Action.MANAGE_STAFF)
    member = _staff(db, actor, staff_id)
    if password != again:
        raise ValidationError(
            {
                "again": QCoreApplication.translate(
                    "ServerLogins", "The two passwords are not the same."
                )
            }
        )
    problem = password_problem(
        password, member.username, member.first_name, member.last_name
    )
    if problem is not None:
        raise ValidationError({"password": problem})


def _offline_message() -> str:
    return QCoreApplication.translate(
        "ServerLogins",
        "The server cannot be reached; create the server login later with "
        "Staff administration → Server login…",
    )


def _send_changes(db: Database, actor: Actor) -> None:
    """One sync cycle, so the server has the staff row as this desktop has it."""
    for attempt in range(BUSY_TRIES):
        try:
            run_sync(db, actor)
        except SyncBusy:
            # The window's own cycle is running; it sends the same changes.
            if attempt == BUSY_TRIES - 1:
                return
            time.sleep(BUSY_WAIT_SECONDS)
            continue
        except (SyncError, SyncRefused, ClientTooOld, CursorTooOld) as error:
            # The server may have the row all the same: its answer says.
            log.warning("sync before a login change failed: %s", type(error).__name__)
        return


def _server(db: Database, actor: Actor) -> PgServer:
    """A connection as the administrator's own login: the server checks them."""
    login = server_login(db, actor)
    if login is None:
        raise ServerLoginError(
            QCoreApplication.translate(
                "ServerLogins",
                "Set your server password (My account → Server password…) "
                "to manage server logins.",
            )
        )
    return PgServer(login.conninfo())


def _refusal(answer: dict[str, Any], username: str) -> str:
    status = answer.get("status")
    reason = answer.get("reason")
    if status == "not_on_server":
        return QCoreApplication.translate(
            "ServerLogins",
            "{0} is not on the server yet: synchronize, then use Server login… again.",
        ).format(username)
    if reason in {"not_staff", "not_administrator"}:
        return QCoreApplication.translate(
            "ServerLogins", "Only program administrators manage server logins."
        )
    if reason == "inactive":
        return QCoreApplication.translate(
            "ServerLogins", "{0} is deactivated: reactivate them first."
        ).format(username)
    if reason == "own_login":
        return QCoreApplication.translate(
            "ServerLogins", "You cannot turn off your own server login."
        )
    return QCoreApplication.translate("ServerLogins", "The server refused: {0}").format(
        answer.get("message") or reason or status
    )


def create_server_login(
    db: Database, actor: Actor, staff_id: uuid.UUID, password: str
) -> str:
    """Create (or reset) a staff member's server login; returns the role's name.

    Synchronizes first, so a staff member just added here is on the server.
    """
    require(db, actor, Action.MANAGE_STAFF)
    member = _staff(db, actor, staff_id)
    settings = server_settings(db)
    if settings is None:
        raise ServerLoginError(
            QCoreApplication.translate(
                "ServerLogins", "This desktop is not connected to a school server."
            )
        )
    server = _server(db, actor)
    try:
        _send_changes(db, actor)
        answer = server.set_staff_login(
            staff_id, login_role(settings.database, member.username), password
        )
    except ServerUnavailable as error:
        raise ServerLoginError(_offline_message()) from error
    except SyncRefused as error:
        raise ServerLoginError(
            QCoreApplication.translate(
                "ServerLogins", "The server refused: {0}"
            ).format(error)
        ) from error
    finally:
        server.close()
    if answer.get("status") != "ok":
        raise ServerLoginError(_refusal(answer, member.username))
    log.info("server login set for staff %s by %s", staff_id, actor.staff_id)
    return str(answer["role"])


def disable_server_login(db: Database, actor: Actor, staff_id: uuid.UUID) -> str | None:
    """Turn a staff member's server login off; the role's name, None if none.

    The deactivation is sent first: the server turns the login off when the
    row arrives; the direct call is for a login the row does not name.
    """
    require(db, actor, Action.MANAGE_STAFF)
    member = _staff(db, actor, staff_id)
    server = _server(db, actor)
    try:
        _send_changes(db, actor)
        answer = server.disable_staff_login(staff_id)
    except ServerUnavailable as error:
        raise ServerLoginError(
            QCoreApplication.translate(
                "ServerLogins",
                "The server cannot be reached; it turns the server login off "
                "when this desktop next synchronizes.",
            )
        ) from error
    except SyncRefused as error:
        raise ServerLoginError(
            QCoreApplication.translate(
                "ServerLogins", "The server refused: {0}"
            ).format(error)
        ) from error
    finally:
        server.close()
    if answer.get("status") != "ok":
        raise ServerLoginError(_refusal(answer, member.username))
    role = answer.get("role")
    log.info("server login of staff %s disabled by %s", staff_id, actor.staff_id)
    return None if role is None else str(role)

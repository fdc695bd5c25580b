"""The school server this desktop synchronizes with (F-90, F-63).

The address belongs to the desktop (kept in its local database); each staff
member signs in to the server as their own login role, with a password kept
in the operating system's keychain, never in a file. Whether the connection
must be encrypted is the school's setting (F-63 "encrypted transfer
required"), so no desktop can quietly turn it off.

Login roles themselves are made by a program administrator's connected
desktop (``services.server_logins``, through the server's ``<prefix>logins``
role, the only one that may create roles) or by the school's IT with an
administrator connection (``cams server add-staff-role`` /
``disable-staff-role``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import dataclass
from typing import Any

import keyring
import keyring.errors
import psycopg
import psycopg.errors
from psycopg import conninfo
from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from cams_desktop.db.engine import Database
from cams_desktop.db.journal import DeviceState
from cams_desktop.db.school import SchoolSetting, Staff
from cams_desktop.db.tracking import SCHEMA_VERSION
from cams_desktop.server.roles import role_prefix, staff_role_name
from cams_desktop.services.access import Action, Actor, require
from cams_desktop.services.students import ValidationError

log = logging.getLogger(__name__)

KEYRING_SERVICE = "CAMS Desktop school server"
SERVER_KEY = "sync.server"
TLS_SETTING = "encrypted_transfer_required"
# Database names and host names as PostgreSQL and DNS accept them.
_DATABASE = re.compile(r"^[A-Za-z_][A-Za-z0-9_$-]{0,62}$")
_HOST = re.compile(r"^[A-Za-z0-9.:\-\[\]]{1,253}$")


@dataclass(frozen=True, slots=True)
class ServerSettings:
    host: str
    database: str
    port: int = 5432

    def label(self) -> str:
        return f"{self.host}:{self.port}/{self.database}"


@dataclass(frozen=True, slots=True)
class ServerLogin:
    """Everything needed to open a connection as one staff member."""

    settings: ServerSettings
    username: str
    password: str
    tls_required: bool

    def conninfo(self) -> dict[str, str | int]:
        return {
            "host": self.settings.host,
            "port": self.settings.port,
            "dbname": self.settings.database,
            "user": login_role(self.settings.database, self.username),
            "password": self.password,
            # "require" refuses a server without TLS; "prefer" uses it when
            # the server offers it.
            "sslmode": "require" if self.tls_required else "prefer",
            "connect_timeout": 10,
            "application_name": "cams-desktop",
        }


def login_role(database: str, username: str) -> str:
    """The PostgreSQL login role of a staff member on the school's server.

    Roles belong to the whole PostgreSQL server, so their names carry the
    database's name: several schools (and test runs) share a server. The
    name is the one ``cams server add-staff-role`` gives (``server.roles``).
    """
    return staff_role_name(role_prefix(database), username, set())


def server_settings(db: Database) -> ServerSettings | None:
    with db.read() as session:
        state = session.get(DeviceState, SERVER_KEY)
    if state is None:
        return None
    data = json.loads(state.value)
    return ServerSettings(str(data["host"]), str(data["database"]), int(data["port"]))


def tls_required(db: Database, actor: Actor) -> bool:
    with db.read() as session:
        value = session.scalar(
            select(SchoolSetting.value).where(
                SchoolSetting.school_id == actor.school_id,
                SchoolSetting.key == TLS_SETTING,
                SchoolSetting.deleted_at.is_(None),
            )
        )
    # Encryption is the default: only an explicit "no" turns it off.
    return value is not False


def validate_settings(host: str, port: str | int, database: str) -> ServerSettings:
    errors: dict[str, str] = {}
    host = host.strip()
    database = database.strip()
    if not _HOST.fullmatch(host):
        errors["host"] = QCoreApplication.translate(
            "Server", "Give the server's name or address, such as cams.school.example."
        )
    try:
        number = int(str(port).strip())
    except ValueError:
        number = 0
    if not 1 <= number <= 65535:
        errors["port"] = QCoreApplication.translate(
            "Server", "The port is a number from 1 to 65535 (PostgreSQL uses 5432)."
        )
    if not _DATABASE.fullmatch(database):
        errors["database"] = QCoreApplication.translate(
            "Server",
            "The database name has letters, digits and underscores only, "
            "and starts with a letter.",
        )
    if errors:
        raise ValidationError(errors)
    return ServerSettings(host, database, number)


def save_server_settings(db: Database, actor: Actor, settings: ServerSettings) -> None:
    """Point this desktop at a school server (program administrators)."""
    require(db, actor, Action.CONFIGURE_SERVER)
    value = json.dumps(
        {"host": settings.host, "port": settings.port, "database": settings.database}
    )
    with db.transaction(actor.staff_id) as session:
        state = session.get(DeviceState, SERVER_KEY)
        if state is None:
            session.add(DeviceState(key=SERVER_KEY, value=value))
        else:
            state.value = value
    log.info("server address set by staff %s", actor.staff_id)


def _account(settings: ServerSettings, username: str) -> str:
    return f"{settings.label()}/{username.casefold()}"


def _username(db: Database, actor: Actor) -> str:
    with db.read() as session:
        name = session.scalar(select(Staff.username).where(Staff.id == actor.staff_id))
    return name or ""


def store_server_password(
    db: Database, actor: Actor, settings: ServerSettings, password: str
) -> None:
    """Keep the signed-in staff member's server password in the keychain."""
    try:
        keyring.set_password(
            KEYRING_SERVICE, _account(settings, _username(db, actor)), password
        )
    except keyring.errors.KeyringError as error:
        raise ValidationError(
            {
                "password": QCoreApplication.translate(
                    "Server",
                    "The password could not be stored in the system keychain: {0}",
                ).format(error)
            }
        ) from error


def server_login(db: Database, actor: Actor) -> ServerLogin | None:
    """How the signed-in staff member connects, or None if not set up."""
    settings = server_settings(db)
    if settings is None:
        return None
    username = _username(db, actor)
    try:
        password = keyring.get_password(KEYRING_SERVICE, _account(settings, username))
    except keyring.errors.KeyringError:
        log.exception("the server password cannot be read from the keychain")
        return None
    if password is None:
        return None
    return ServerLogin(settings, username, password, tls_required(db, actor))


def set_tls_required(db: Database, actor: Actor, required: bool) -> None:
    """The school's "encrypted transfer required" setting (F-63)."""
    require(db, actor, Action.EDIT_SITE_SETTINGS)
    with db.transaction(actor.staff_id) as session:
        setting = session.scalar(
            select(SchoolSetting).where(
                SchoolSetting.school_id == actor.school_id,
                SchoolSetting.key == TLS_SETTING,
                SchoolSetting.deleted_at.is_(None),
            )
        )
        if setting is None:
            session.add(
                SchoolSetting(
                    school_id=actor.school_id, key=TLS_SETTING, value=required
                )
            )
        elif setting.value != required:
            setting.value = required
    log.info("encrypted transfer required: %s", required)


def login_for(
    db: Database, actor: Actor, settings: ServerSettings, password: str
) -> ServerLogin:
    """The signed-in staff member's login to ``settings``, before it is saved."""
    if not password:
        raise ValidationError(
            {
                "password": QCoreApplication.translate(
                    "Server", "Type your password for the school server."
                )
            }
        )
    return ServerLogin(
        settings, _username(db, actor), password, tls_required(db, actor)
    )


def has_server_password(db: Database, actor: Actor) -> bool:
    """Whether the signed-in staff member's server password is in the keychain."""
    settings = server_settings(db)
    if settings is None:
        return False
    try:
        found = keyring.get_password(
            KEYRING_SERVICE, _account(settings, _username(db, actor))
        )
    except keyring.errors.KeyringError:
        return False
    return found is not None


@dataclass(frozen=True, slots=True)
class ConnectionCheck:
    """What "Test the connection" found."""

    ok: bool
    message: str
    encrypted: bool = False
    server_version: str | None = None
    checked_at: dt.datetime | None = None


def connect(login: ServerLogin) -> psycopg.Connection[tuple[Any, ...]]:
    """A plain connection as the staff member's role (autocommit)."""
    text = conninfo.make_conninfo(
        "", **{key: str(value) for key, value in login.conninfo().items()}
    )
    return psycopg.connect(text, autocommit=True)


def check_connection(login: ServerLogin) -> ConnectionCheck:
    """Connect as the staff member's role and ask the server who it is.

    Blocks up to the connection timeout: run it off the GUI thread. Touches
    no local database, so any thread may run it.
    """
    now = dt.datetime.now(dt.UTC)
    try:
        with connect(login) as connection:
            encrypted = bool(connection.pgconn.ssl_in_use)
            row = connection.execute(
                "SELECT cams.server_info(%s)", (SCHEMA_VERSION,)
            ).fetchone()
    except psycopg.Error as error:
        log.info("connection check failed: %s", type(error).__name__)
        return ConnectionCheck(False, explain(error, login), checked_at=now)
    info = row[0] if row is not None and isinstance(row[0], dict) else {}
    version = str(info.get("version") or "") or None
    if info.get("status") != "ok":
        return ConnectionCheck(
            False,
            QCoreApplication.translate(
                "Server",
                "The server takes desktops of schema {0} to {1}; this desktop "
                "has {2}. Install the CAMS Desktop the school's IT gives, or ask "
                "them to upgrade the server.",
            ).format(info.get("min_version"), info.get("max_version"), SCHEMA_VERSION),
            encrypted,
            version,
            now,
        )
    if encrypted:
        message = QCoreApplication.translate(
            "Server", "Connected to {0}, encrypted (TLS). Server schema {1}."
        ).format(login.settings.label(), version)
    else:
        message = QCoreApplication.translate(
            "Server", "Connected to {0}, not encrypted. Server schema {1}."
        ).format(login.settings.label(), version)
    return ConnectionCheck(True, message, encrypted, version, now)


def explain(error: psycopg.Error, login: ServerLogin) -> str:
    """A sentence for the user about why the server could not be used."""
    text = str(error)
    role = login_role(login.settings.database, login.username)
    if isinstance(error, psycopg.errors.InsufficientPrivilege):
        return QCoreApplication.translate(
            "Server",
            "The server login {0} is not an active staff member of this school: "
            "ask the school's IT to create or enable it.",
        ).format(role)
    if isinstance(
        error, psycopg.errors.UndefinedFunction | psycopg.errors.InvalidSchemaName
    ):
        return QCoreApplication.translate(
            "Server",
            "The database {0} has no CAMS server: the school's IT sets it up "
            "with cams server init.",
        ).format(login.settings.database)
    if "password authentication failed" in text or (
        "role" in text and "does not exist" in text
    ):
        return QCoreApplication.translate(
            "Server",
            "The server refused the password of {0}: check your server password.",
        ).format(role)
    if "SSL was required" in text or "does not support SSL" in text:
        return QCoreApplication.translate(
            "Server",
            "The school requires encrypted transfer (TLS), but the server {0} "
            "does not offer it.",
        ).format(login.settings.label())
    if "database" in text and "does not exist" in text:
        return QCoreApplication.translate(
            "Server", "The server has no database named {0}."
        ).format(login.settings.database)
    return QCoreApplication.translate(
        "Server",
        "The server {0} cannot be reached: check the address and that the "
        "server is running.",
    ).format(login.settings.label())

"""PostgreSQL roles of a school's server: its owner, the staff group, staff logins.

Roles belong to the whole PostgreSQL server, not to one database, so every
role of a CAMS database starts with a prefix made from the database's name
when it was set up (``cams_<database>_``): several schools, and parallel test
runs, share one server without clashing.

- ``<prefix>owner`` (no login) owns the schema; the ``SECURITY DEFINER``
  functions run as this role, which is not a superuser;
- ``<prefix>staff`` (no login) holds what every staff member may do: read
  through row-level security, run push, pull and counts;
- ``<prefix>logins`` (no login, CREATEROLE) owns the functions through
  which a program administrator's desktop creates and disables staff logins
  (``cams.set_staff_login``, ``cams.disable_staff_login``) and the trigger
  turning off a deactivated staff member's login; it may read and write
  only what they need;
- ``<prefix>u_<username>`` is one staff member's login, a member of the group.

The server computes login names too (``cams.staff_role_name``), so the rule
below has a twin in SQL (``functions.STAFF_ROLE_NAME``): only ASCII letters
are lowered, so both give the same name whatever the locale.
"""

from __future__ import annotations

import hashlib
import logging
import re
import string
import uuid

from psycopg import sql

from cams_desktop.server import ServerError
from cams_desktop.server.connection import Connection, transaction

log = logging.getLogger(__name__)

# PostgreSQL cuts longer identifiers.
MAX_NAME = 63
_UNSAFE = re.compile(r"[^a-z0-9]+")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:6]


def role_prefix(database: str) -> str:
    """``cams_<database>_``, with a short hash when the name had to be changed."""
    slug = _UNSAFE.sub("_", database.lower()).strip("_")
    if slug != database or len(slug) > 30:
        slug = f"{slug[:23]}_{_digest(database)}"
    return f"cams_{slug}_"


def owner_role(prefix: str) -> str:
    return f"{prefix}owner"


def staff_group(prefix: str) -> str:
    return f"{prefix}staff"


def logins_role(prefix: str) -> str:
    return f"{prefix}logins"


def staff_role_name(prefix: str, username: str, taken: set[str]) -> str:
    """The login role of a staff member; a hash keeps clashing names apart."""
    slug = _UNSAFE.sub("_", username.translate(_ASCII_LOWER)).strip("_") or "staff"
    name = f"{prefix}u_{slug}"
    if len(name) > MAX_NAME or name in taken:
        name = f"{prefix}u_{slug[: MAX_NAME - len(prefix) - 9]}_{_digest(username)}"
    return name


def _prefix(connection: Connection) -> str:
    found = connection.execute(
        "SELECT to_regclass('cams.schema_info') IS NOT NULL"
    ).fetchone()
    row = None
    if found is not None and found[0]:
        row = connection.execute("SELECT role_prefix FROM cams.schema_info").fetchone()
    if row is None:
        raise ServerError("This database has no CAMS server: run cams server init.")
    return str(row[0])


def add_staff_role(
    admin_url: str, staff_id: uuid.UUID, username: str, password: str
) -> str:
    """Give a staff member of the server their login role; returns its name.

    Run again for the same staff member, it sets the new password and turns
    the login back on. The password travels as a SCRAM verifier only.
    """
    with transaction(admin_url) as connection:
        prefix = _prefix(connection)
        if (
            connection.execute(
                "SELECT 1 FROM cams.staff WHERE id = %s AND deleted_at IS NULL",
                (staff_id,),
            ).fetchone()
            is None
        ):
            raise ServerError(
                f"Staff member {staff_id} is not on the server; load the staff first."
            )
        row = connection.execute(
            "SELECT role_name FROM cams.staff_roles WHERE staff_id = %s", (staff_id,)
        ).fetchone()
        if row is not None:
            name = str(row[0])
        else:
            taken = {
                str(r[0])
                for r in connection.execute(
                    "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)",
                    (prefix,),
                )
            }
            name = staff_role_name(prefix, username, taken)
        verifier = connection.pgconn.encrypt_password(
            password.encode(), name.encode(), b"scram-sha-256"
        ).decode()
        exists = connection.execute(
            "SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)
        ).fetchone()
        statement = (
            "ALTER ROLE {} LOGIN PASSWORD {}"
            if exists
            else ("CREATE ROLE {} LOGIN PASSWORD {}")
        )
        connection.execute(
            sql.SQL(statement).format(sql.Identifier(name), sql.Literal(verifier))
        )
        connection.execute(
            sql.SQL("GRANT {} TO {}").format(
                sql.Identifier(staff_group(prefix)), sql.Identifier(name)
            )
        )
        if connection.execute(
            "SELECT 1 FROM pg_roles WHERE rolname = %s", (logins_role(prefix),)
        ).fetchone():
            # From PostgreSQL 16 the logins role alters only the roles it
            # administers: a desktop may then reset or disable this one.
            connection.execute(
                sql.SQL("GRANT {} TO {} WITH ADMIN OPTION").format(
                    sql.Identifier(name), sql.Identifier(logins_role(prefix))
                )
            )
        connection.execute(
            "INSERT INTO cams.staff_roles (role_name, staff_id) VALUES (%s, %s)"
            " ON CONFLICT (role_name) DO UPDATE SET disabled_at = NULL",
            (name, staff_id),
        )
    log.info("login role ready for staff %s", staff_id)
    return name


def disable_staff_role(admin_url: str, staff_id: uuid.UUID) -> str:
    """Turn a staff member's login off; their open sessions see nothing more.

    The role stays, so the audit trail keeps naming it.
    """
    with transaction(admin_url) as connection:
        _prefix(connection)
        row = connection.execute(
            "UPDATE cams.staff_roles SET disabled_at = now() WHERE staff_id = %s"
            " RETURNING role_name",
            (staff_id,),
        ).fetchone()
        if row is None:
            raise ServerError(f"Staff member {staff_id} has no login role.")
        name = str(row[0])
        connection.execute(
            sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(name))
        )
    log.info("login role of staff %s disabled", staff_id)
    return name


def find_staff(admin_url: str, username: str) -> uuid.UUID:
    """The id of the staff member of the server with this username."""
    with transaction(admin_url) as connection:
        _prefix(connection)
        rows = connection.execute(
            "SELECT id FROM cams.staff WHERE lower(username) = lower(%s)"
            " AND deleted_at IS NULL",
            (username.strip(),),
        ).fetchall()
    if len(rows) != 1:
        raise ServerError(
            f"No staff member {username!r} on the server; load the staff first."
            if not rows
            else f"Several staff members are named {username!r} on the server."
        )
    return uuid.UUID(str(rows[0][0]))

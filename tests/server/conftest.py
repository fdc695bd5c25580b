"""Throwaway PostgreSQL databases for the server tests, dropped with their roles.

CAMS_TEST_PG_URL is the administrator connection used to create and drop
them (default: the local server). Without a server the tests are skipped, or
fail when CI=true.
"""

from __future__ import annotations

import os
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import conninfo, sql

from cams_desktop.db.engine import Database
from cams_desktop.server.connection import shown
from cams_desktop.server.roles import add_staff_role, role_prefix
from cams_desktop.server.setup import init_server, load_from_local

URL_VARIABLE = "CAMS_TEST_PG_URL"
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
PASSWORD = "mot-de-passe-1"
DEMO_SEED = 5


@pytest.fixture(scope="session")
def pg_admin_url() -> str:
    url = os.environ.get(URL_VARIABLE, DEFAULT_URL)
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error as error:
        message = f"no PostgreSQL server through {URL_VARIABLE} ({shown(url)}): {error}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return url


@dataclass
class ServerDb:
    """A test database: its administrator URL and the roles made in it."""

    name: str
    url: str
    staff: dict[str, uuid.UUID] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)

    def admin(self) -> psycopg.Connection[Any]:
        return psycopg.connect(self.url, autocommit=True)

    def role_url(self, role: str, password: str = PASSWORD) -> str:
        return conninfo.make_conninfo(self.url, user=role, password=password)

    def connect_as(self, username: str) -> psycopg.Connection[Any]:
        """A plain psycopg connection as the staff member's own role."""
        return psycopg.connect(self.role_url(self.roles[username]), autocommit=True)

    def add_role(self, username: str) -> str:
        role = add_staff_role(self.url, self.staff[username], username, PASSWORD)
        self.roles[username] = role
        return role

    def scalar(self, query: str, *params: object) -> Any:
        with self.admin() as connection:
            row = connection.execute(query, params).fetchone()
        return None if row is None else row[0]

    def column(self, query: str, *params: object) -> list[Any]:
        with self.admin() as connection:
            return [row[0] for row in connection.execute(query, params)]


@pytest.fixture
def make_server_db(pg_admin_url: str) -> Iterator[Any]:
    """Makes empty databases named cams_test_<hex>; drops them and their roles."""
    made: list[str] = []

    def make() -> ServerDb:
        name = f"cams_test_{secrets.token_hex(6)}"
        with psycopg.connect(pg_admin_url, autocommit=True) as connection:
            connection.execute(
                sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
            )
        made.append(name)
        return ServerDb(name, conninfo.make_conninfo(pg_admin_url, dbname=name))

    yield make
    _drop(pg_admin_url, made)


def _drop(admin_url: str, names: list[str]) -> None:
    with psycopg.connect(admin_url, autocommit=True) as connection:
        for name in names:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(name)
                )
            )
            roles = connection.execute(
                "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)"
                " ORDER BY rolname LIKE '%%owner', rolname LIKE '%%staff'",
                (role_prefix(name),),
            ).fetchall()
            for (role,) in roles:
                connection.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))


@pytest.fixture(scope="session")
def demo50(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 50-student demo school (one board, three schools, one with staff)."""
    from cams_desktop.services.demo import generate_demo

    path = tmp_path_factory.mktemp("server-demo") / "demo50.sqlite"
    generate_demo(path, 50, DEMO_SEED)
    Database(path).close()
    return path


def _seed(server: ServerDb, demo: Path) -> None:
    init_server(server.url)
    load_from_local(server.url, demo)
    with server.admin() as connection:
        server.staff = {
            str(username): staff_id
            for username, staff_id in connection.execute(
                "SELECT username, id FROM cams.staff"
            )
        }


@pytest.fixture(scope="module")
def demo_server(pg_admin_url: str, demo50: Path) -> Iterator[ServerDb]:
    """The demo school on a server of its own, for one test module."""
    name = f"cams_test_{secrets.token_hex(6)}"
    with psycopg.connect(pg_admin_url, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    server = ServerDb(name, conninfo.make_conninfo(pg_admin_url, dbname=name))
    try:
        _seed(server, demo50)
        yield server
    finally:
        _drop(pg_admin_url, [name])


@pytest.fixture
def fresh_demo_server(make_server_db: Any, demo50: Path) -> ServerDb:
    """The demo school on a server of its own, for one test."""
    server: ServerDb = make_server_db()
    _seed(server, demo50)
    return server

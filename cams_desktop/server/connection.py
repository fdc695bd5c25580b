"""Administrator connections to the school's server, with readable errors."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import psycopg
from psycopg import conninfo

from cams_desktop.server import ServerError

Connection = psycopg.Connection[tuple[Any, ...]]


def shown(url: str) -> str:
    """The connection string without its password, for messages and logs."""
    try:
        parts = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "(a connection string that cannot be read)"
    parts.pop("password", None)
    return conninfo.make_conninfo("", **{k: str(v) for k, v in parts.items()})


@contextlib.contextmanager
def transaction(url: str) -> Iterator[Connection]:
    """A connection whose work is one transaction, committed if all went well.

    Whatever PostgreSQL refuses comes out as a ServerError naming the server
    (never its password); nothing of the transaction stays.
    """
    try:
        connection = psycopg.connect(url, connect_timeout=10)
    except psycopg.Error as error:
        raise ServerError(f"Cannot connect to {shown(url)}: {error}".strip()) from error
    try:
        with connection:
            yield connection
    except psycopg.Error as error:
        raise ServerError(f"The server {shown(url)} refused: {error}") from error

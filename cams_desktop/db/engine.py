"""Opening the local database: engine, pragmas, migrations and sessions."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from cams_desktop.db.base import new_id
from cams_desktop.db.journal import DeviceState
from cams_desktop.db.tracking import CamsSession

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


class DatabaseError(Exception):
    """The local database file cannot be opened, upgraded or copied."""


def _explain(path: Path, error: SQLAlchemyError) -> str:
    reason = str(getattr(error, "orig", error))
    if "file is not a database" in reason:
        return f"{path} is not a CAMS Desktop database (or it is damaged)."
    if "readonly" in reason or "unable to open" in reason:
        return (
            f"{path} cannot be written here: {reason}. Check the folder's permissions."
        )
    return f"{path} cannot be opened: {reason}."


def _set_pragmas(dbapi_connection: sqlite3.Connection, record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    return engine


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


@functools.cache
def _scripts() -> ScriptDirectory:
    """The migration scripts (read once: every database opening asks for them)."""
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _read_only(path: Path) -> str:
    """The SQLite URI opening ``path`` read-only (any character in its name)."""
    return f"{path.resolve().as_uri()}?mode=ro"


def backup_file(source: Path, target: Path) -> None:
    """Copy a live SQLite database consistently (WAL included) to ``target``.

    The copy is written beside the target first and renamed at the end, so a
    failed copy leaves nothing; like the database, it is private to its owner.
    """
    if not source.is_file():
        raise DatabaseError(f"There is no database at {source}.")
    partial = target.with_name(f".{target.name}.partial")
    try:
        with (
            contextlib.closing(sqlite3.connect(_read_only(source), uri=True)) as src,
            contextlib.closing(sqlite3.connect(partial)) as dst,
        ):
            src.backup(dst)
        partial.chmod(0o600)
        partial.replace(target)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise DatabaseError(
            f"Could not copy {source.name} to {target}: {error}"
        ) from error


def restore_file(backup: Path, target: Path) -> Path | None:
    """Put a backup's content in place of ``target``; return the safety copy.

    The backup is checked first (a readable CAMS Desktop database, intact,
    from this version or an older one: it is migrated the next time it is
    opened). What ``target`` held, its unsynchronized changes included, is
    first copied beside it, so a restore never loses anything.
    """
    if not backup.is_file():
        raise DatabaseError(f"There is no backup at {backup}.")
    if target.exists() and backup.resolve() == target.resolve():
        raise DatabaseError(f"{backup} is the database itself, not a backup of it.")
    _check_backup(backup)
    safety: Path | None = None
    if target.exists():
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        safety = target.with_name(
            f"{target.stem}.before-restore-{stamp}{target.suffix}"
        )
        backup_file(target, safety)
    try:
        with (
            contextlib.closing(sqlite3.connect(_read_only(backup), uri=True)) as src,
            contextlib.closing(sqlite3.connect(target)) as dst,
        ):
            # One SQLite backup step copies every page under a lock: a reader
            # sees the old database or the restored one, never a mix.
            src.backup(dst)
            # The restored file's history parts from what the server already
            # received from this desktop: it numbers its changes as a new
            # device, so none is taken for a duplicate and dropped.
            become_new_device(dst)
        target.chmod(0o600)
    except (sqlite3.Error, OSError) as error:
        raise DatabaseError(
            f"Could not restore {backup.name} into {target}: {error}"
            + (
                f". The database before the restore is in {safety.name}."
                if safety
                else ""
            )
        ) from error
    log.info("restored the local database from a backup")
    return safety


def become_new_device(connection: sqlite3.Connection) -> uuid.UUID:
    """Give a database file (a copy, a restored backup) a device id of its own.

    Changes still waiting are sent as the new device's. Those the server
    acknowledged belong to the old device's history: kept under the new id,
    they would be sent again as new changes should the server ask this
    device to resend (a server restored from an older backup).
    """
    device = new_id()
    with connection:
        connection.execute(
            "UPDATE device_state SET value = ? WHERE key = 'device_id'", (str(device),)
        )
        connection.execute("DELETE FROM sync_outbox WHERE acknowledged_at IS NOT NULL")
        connection.execute("UPDATE sync_outbox SET device_id = ?", (device.hex,))
    return device


def _check_backup(backup: Path) -> None:
    known = {rev.revision for rev in _scripts().walk_revisions()}
    try:
        with contextlib.closing(
            sqlite3.connect(_read_only(backup), uri=True)
        ) as connection:
            (verdict,) = connection.execute("PRAGMA quick_check").fetchone()
            revision = connection.execute(
                "SELECT version_num FROM alembic_version"
            ).fetchone()
    except sqlite3.Error as error:
        raise DatabaseError(
            f"{backup} is not a CAMS Desktop database (or it is damaged)."
        ) from error
    if verdict != "ok":
        raise DatabaseError(f"{backup} is damaged ({verdict}); it was not restored.")
    if revision is None or revision[0] not in known:
        raise DatabaseError(
            f"{backup} was written by another or a newer version of CAMS Desktop; "
            "it was not restored."
        )


def migrate(path: Path, engine: Engine) -> Path | None:
    """Bring the file's schema to the newest revision; return the backup taken."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    known = {rev.revision for rev in _scripts().walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseError(
            f"{path.name} was written by a newer version of CAMS Desktop "
            f"(database schema {current}; this version knows up to {head}). "
            "Install the newer version to open it."
        )
    backup: Path | None = None
    if current is not None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        backup = path.with_name(f"{path.stem}.before-{head}-{stamp}{path.suffix}")
        backup_file(path, backup)
        log.info("backed up the local database before migrating from %s", current)
    try:
        command.upgrade(alembic_config(engine), "head")
    except Exception as error:
        raise DatabaseError(
            f"Could not upgrade {path.name} to schema {head}: {error}. "
            f"The file was left as it was"
            + (f"; a copy is in {backup.name}." if backup else ".")
        ) from error
    log.info("local database schema now at %s", head)
    return backup


class Database:
    """One local database file, migrated and ready for sessions."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        if not path.exists() and not create:
            raise DatabaseError(f"There is no database at {path}.")
        if path.is_dir():
            raise DatabaseError(f"{path} is a folder, not a database file.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # The file holds personal data: readable by its owner only.
            path.touch(mode=0o600, exist_ok=True)
        except OSError as error:
            raise DatabaseError(f"Cannot create {path}: {error.strerror}.") from error
        self.engine = make_engine(path)
        try:
            self.backup_path = migrate(path, self.engine)
        except SQLAlchemyError as error:
            self.engine.dispose()
            raise DatabaseError(_explain(path, error)) from error
        self.sessions = sessionmaker(
            self.engine, class_=CamsSession, expire_on_commit=False
        )
        self.device_id = self._device_id()

    def _device_id(self) -> uuid.UUID:
        with self.sessions() as session, session.begin():
            state = session.get(DeviceState, "device_id")
            if state is None:
                state = DeviceState(key="device_id", value=str(new_id()))
                session.add(state)
            return uuid.UUID(state.value)

    @contextlib.contextmanager
    def transaction(self, actor_id: uuid.UUID | None) -> Iterator[CamsSession]:
        """A session in one transaction, committed on success, rolled back on error."""
        with self.sessions() as session:
            session.info["actor_id"] = actor_id
            session.info["device_id"] = self.device_id
            with session.begin():
                yield session

    def read(self) -> CamsSession:
        """A session for queries only."""
        session = self.sessions()
        session.info["device_id"] = self.device_id
        return session

    def close(self) -> None:
        self.engine.dispose()

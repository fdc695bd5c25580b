"""Alembic environment: migrates the engine handed over by the application."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine, create_engine

import cams_desktop.db  # noqa: F401  (registers every table on the metadata)
from cams_desktop.db.base import Base

config = context.config
engine = config.attributes.get("engine")
if not isinstance(engine, Engine):
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no engine or sqlalchemy.url given to the migrations")
    engine = create_engine(url)

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()

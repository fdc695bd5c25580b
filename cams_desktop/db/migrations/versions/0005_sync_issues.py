"""Outbox ids that never repeat and are kept a while once acknowledged;
the desktop's list of refused changes.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import cams_desktop.db.base

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table(
        "sync_outbox",
        recreate="always",
        table_kwargs={"sqlite_autoincrement": True},
    ) as batch_op:
        batch_op.add_column(
            sa.Column(
                "acknowledged_at",
                cams_desktop.db.base.UTCDateTime(timezone=True),
                nullable=True,
            )
        )
        # The waiting changes are counted every few seconds among the
        # acknowledged ones kept for weeks.
        batch_op.create_index(
            batch_op.f("ix_sync_outbox_acknowledged_at"),
            ["acknowledged_at"],
            unique=False,
        )
    op.create_table(
        "sync_issues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mutation_id", sa.Integer(), nullable=False),
        sa.Column("transaction_id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("operation", sa.String(length=10), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column(
            "recorded_at",
            cams_desktop.db.base.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "settled_at",
            cams_desktop.db.base.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_issues")),
    )
    with op.batch_alter_table("sync_issues", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_issues_row_id"), ["row_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_issues", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_issues_row_id"))
    op.drop_table("sync_issues")
    with op.batch_alter_table(
        "sync_outbox",
        recreate="always",
        table_kwargs={"sqlite_autoincrement": False},
    ) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_outbox_acknowledged_at"))
        batch_op.drop_column("acknowledged_at")

"""the change log's head row, with a fresh epoch

Revision ID: 0002
Revises: 0001
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    head = sa.table(
        "log_head",
        sa.column("id", sa.Integer),
        sa.column("seq", sa.BigInteger),
        sa.column("epoch", sa.String),
    )
    op.bulk_insert(head, [{"id": 1, "seq": 0, "epoch": str(uuid.uuid4())}])


def downgrade() -> None:
    op.execute("DELETE FROM log_head")

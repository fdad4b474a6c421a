"""changes recorded offline keep the console's time beside the service's; a mutation id
remembers what kind of change it was used for

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.models.base import UTCDateTime

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Adding a nullable column rewrites no row, so the append-only triggers stay in force.
    op.add_column("change_log", sa.Column("recorded_at", UTCDateTime(), nullable=True))
    op.add_column("mutations", sa.Column("operation", sa.String(40), nullable=True))


def downgrade() -> None:
    op.drop_column("mutations", "operation")
    op.drop_column("change_log", "recorded_at")

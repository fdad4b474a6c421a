"""shift handovers: the summary signed by a room's outgoing supervisor, and the incoming
supervisor's signature

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from app.models.base import UTCDateTime

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "shift_handovers",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("room", sa.String(length=20), nullable=False),
        sa.Column("shift_start", UTCDateTime(timezone=True), nullable=False),
        sa.Column("shift_end", UTCDateTime(timezone=True), nullable=False),
        sa.Column("summary", sa.JSON().with_variant(
            postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("outgoing_id", sa.Integer(), nullable=False),
        sa.Column("outgoing_name", sa.String(length=120), nullable=False),
        sa.Column("outgoing_signed_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("incoming_id", sa.Integer(), nullable=True),
        sa.Column("incoming_name", sa.String(length=120), nullable=True),
        sa.Column("incoming_signed_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["room"], ["rooms.code"],
                                name=op.f("fk_shift_handovers_room_rooms")),
        sa.ForeignKeyConstraint(["outgoing_id"], ["users.id"],
                                name=op.f("fk_shift_handovers_outgoing_id_users")),
        sa.ForeignKeyConstraint(["incoming_id"], ["users.id"],
                                name=op.f("fk_shift_handovers_incoming_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_handovers")),
        sa.UniqueConstraint("room", "shift_start", name=op.f("uq_shift_handovers_room")),
        sa.UniqueConstraint("mutation_id", name=op.f("uq_shift_handovers_mutation_id")),
    )


def downgrade() -> None:
    op.drop_table("shift_handovers")

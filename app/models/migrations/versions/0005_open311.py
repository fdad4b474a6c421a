"""Open311 GeoReport v2: client app keys and the incidents filed through them

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.models.base import UTCDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "open311_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_open311_keys")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_open311_keys_key_hash")),
        sa.UniqueConstraint("name", name=op.f("uq_open311_keys_name")),
    )
    op.create_table(
        "open311_requests",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("incident_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=False),
        sa.Column("service_request_id", sa.String(length=20), nullable=False),
        sa.Column("service_code", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("media_url", sa.String(length=2000), nullable=True),
        sa.Column("requested_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"],
                                name=op.f("fk_open311_requests_incident_id_incidents")),
        sa.ForeignKeyConstraint(["key_id"], ["open311_keys.id"],
                                name=op.f("fk_open311_requests_key_id_open311_keys")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_open311_requests")),
        sa.UniqueConstraint("incident_id", name=op.f("uq_open311_requests_incident_id")),
        sa.UniqueConstraint("service_request_id",
                            name=op.f("uq_open311_requests_service_request_id")),
    )
    with op.batch_alter_table("open311_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_open311_requests_key_id"), ["key_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_open311_requests_requested_at"), ["requested_at"],
                              unique=False)


def downgrade() -> None:
    op.drop_table("open311_requests")
    op.drop_table("open311_keys")

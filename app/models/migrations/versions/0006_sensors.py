"""city sensors: gateways, and each sensor's thresholds, state and incident links

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.models.base import UTCDateTime

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sensor_gateways",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sensor_gateways")),
        sa.UniqueConstraint("name", name=op.f("uq_sensor_gateways_name")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_sensor_gateways_token_hash")),
    )
    op.create_table(
        "sensors",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("gateway_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("alarm", sa.Float(), nullable=False),
        sa.Column("clear", sa.Float(), nullable=False),
        sa.Column("interval_seconds", sa.Integer(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("street", sa.String(length=200), nullable=True),
        sa.Column("house", sa.String(length=20), nullable=True),
        sa.Column("type_code", sa.String(length=40), nullable=False),
        sa.Column("configured_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("last_value", sa.Float(), nullable=True),
        sa.Column("last_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("silent_since", UTCDateTime(timezone=True), nullable=True),
        sa.Column("incident_id", sa.BigInteger(), nullable=True),
        sa.Column("silence_incident_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["gateway_id"], ["sensor_gateways.id"],
                                name=op.f("fk_sensors_gateway_id_sensor_gateways")),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"],
                                name=op.f("fk_sensors_incident_id_incidents")),
        sa.ForeignKeyConstraint(["silence_incident_id"], ["incidents.id"],
                                name=op.f("fk_sensors_silence_incident_id_incidents")),
        sa.ForeignKeyConstraint(["type_code"], ["incident_types.code"],
                                name=op.f("fk_sensors_type_code_incident_types")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_sensors")),
    )
    with op.batch_alter_table("sensors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sensors_gateway_id"), ["gateway_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sensors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sensors_gateway_id"))
    op.drop_table("sensors")
    op.drop_table("sensor_gateways")

"""emergencies: an incident's level, declaration, lifting and next report's deadline, and the
reports sent to the regional crisis centre

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from app.models.base import UTCDateTime

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable columns: SQLite adds them in place, no table copy.
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("emergency_level", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("emergency_at", UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("emergency_lifted_at", UTCDateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column("emergency_report_due", UTCDateTime(timezone=True),
                                      nullable=True))
    op.create_table(
        "emergency_reports",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("incident_id", sa.BigInteger(), nullable=False),
        sa.Column("declared_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("due_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("sent_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("sent_by_id", sa.Integer(), nullable=True),
        sa.Column("sent_by_name", sa.String(length=120), nullable=False),
        sa.Column("channel", sa.String(length=60), nullable=False),
        sa.Column("accepted_by", sa.String(length=120), nullable=False),
        sa.Column("body", sa.JSON().with_variant(
            postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"],
                                name=op.f("fk_emergency_reports_incident_id_incidents")),
        sa.ForeignKeyConstraint(["sent_by_id"], ["users.id"],
                                name=op.f("fk_emergency_reports_sent_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_emergency_reports")),
        sa.UniqueConstraint("incident_id", "declared_at", "number",
                            name=op.f("uq_emergency_reports_incident_id")),
        sa.UniqueConstraint("mutation_id", name=op.f("uq_emergency_reports_mutation_id")),
    )
    with op.batch_alter_table("emergency_reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_emergency_reports_incident_id"), ["incident_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("emergency_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_emergency_reports_incident_id"))
    op.drop_table("emergency_reports")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_column("emergency_report_due")
        batch_op.drop_column("emergency_lifted_at")
        batch_op.drop_column("emergency_at")
        batch_op.drop_column("emergency_level")

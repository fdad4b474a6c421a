"""the change log hash-chained and append-only

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.domain.chain import GENESIS, link_hash
from app.models.base import JSONType, UTCDateTime

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFUSAL = "the change log is append-only"


def _chain_existing_rows() -> str:
    """Link the rows written before the chain existed, in order; returns the last hash."""
    log = sa.table(
        "change_log", sa.column("seq", sa.BigInteger), sa.column("at", UTCDateTime),
        sa.column("actor_id", sa.Integer), sa.column("actor_name", sa.String),
        sa.column("kind", sa.String), sa.column("entity", sa.String),
        sa.column("entity_id", sa.BigInteger), sa.column("incident_id", sa.BigInteger),
        sa.column("room", sa.String), sa.column("before", JSONType),
        sa.column("after", JSONType), sa.column("mutation_id", sa.String),
        sa.column("prev_hash", sa.String), sa.column("hash", sa.String),
    )
    bind = op.get_bind()
    prev = GENESIS
    for row in bind.execute(sa.select(log).order_by(log.c.seq)).mappings().all():
        h = link_hash(prev, row)
        bind.execute(log.update().where(log.c.seq == row["seq"])
                     .values(prev_hash=prev, hash=h))
        prev = h
    return prev


def upgrade() -> None:
    with op.batch_alter_table("change_log") as batch:
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    with op.batch_alter_table("log_head") as batch:
        batch.add_column(sa.Column("last_hash", sa.String(length=64), nullable=False,
                                   server_default=GENESIS))
    last = _chain_existing_rows()
    op.execute(sa.text("UPDATE log_head SET last_hash = :h").bindparams(h=last))
    with op.batch_alter_table("change_log") as batch:
        batch.alter_column("prev_hash", existing_type=sa.String(length=64), nullable=False)
        batch.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION change_log_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION '{REFUSAL}: % refused', TG_OP;
            END $$ LANGUAGE plpgsql""")
        op.execute("""CREATE TRIGGER change_log_append_only BEFORE UPDATE OR DELETE
                      ON change_log FOR EACH ROW EXECUTE FUNCTION change_log_append_only()""")
        op.execute("""CREATE TRIGGER change_log_no_truncate BEFORE TRUNCATE
                      ON change_log FOR EACH STATEMENT
                      EXECUTE FUNCTION change_log_append_only()""")
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(f"""CREATE TRIGGER change_log_no_{event.lower()} BEFORE {event}
                           ON change_log BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END""")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER change_log_no_truncate ON change_log")
        op.execute("DROP TRIGGER change_log_append_only ON change_log")
        op.execute("DROP FUNCTION change_log_append_only()")
    else:
        op.execute("DROP TRIGGER change_log_no_update")
        op.execute("DROP TRIGGER change_log_no_delete")
    with op.batch_alter_table("log_head") as batch:
        batch.drop_column("last_hash")
    with op.batch_alter_table("change_log") as batch:
        batch.drop_column("hash")
        batch.drop_column("prev_hash")

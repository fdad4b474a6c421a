"""`dispatch-server`: run the service and administer its database."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from app.domain.enums import Role
from app.models.db import Database, migrate
from app.schemas.auth import UserCreate
from app.server.settings import CONFIG_ENV, ConfigFileMissing, ServerSettings
from app.services.context import ServiceContext


def _settings() -> ServerSettings:
    return ServerSettings()


@contextmanager
def _service_context() -> Iterator[ServiceContext]:
    """The service's context on its database, brought to the newest schema first."""
    from app.server.app import make_context

    settings = _settings()
    migrate(settings.database_url)
    ctx = make_context(settings)
    try:
        yield ctx
    finally:
        ctx.db.dispose()


def cmd_run(args: argparse.Namespace) -> int:
    import uvicorn

    from app.server.app import create_app

    settings = _settings()
    if (settings.ssl_certfile is None) != (settings.ssl_keyfile is None):
        print("error: TLS needs both DISPATCH_SSL_CERTFILE and DISPATCH_SSL_KEYFILE",
              file=sys.stderr)
        return 2
    for path in (settings.ssl_certfile, settings.ssl_keyfile):
        if path is not None and not path.is_file():
            print(f"error: cannot read {path}", file=sys.stderr)
            return 2
    uvicorn.run(create_app(settings), host=args.host or settings.host,
                port=args.port or settings.port, log_level="info",
                ssl_certfile=settings.ssl_certfile, ssl_keyfile=settings.ssl_keyfile)
    return 0


def cmd_migrate(_args: argparse.Namespace) -> int:
    migrate(_settings().database_url)
    print("database is at the newest schema")
    return 0


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from app.server.app import make_context
    from app.services.demo import seed_demo

    settings = _settings()
    migrate(settings.database_url)
    report = seed_demo(make_context(settings), incidents=args.incidents)
    print(report)
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    from app.server.app import make_context
    from app.services.auth import create_user
    from app.services.errors import DomainError

    password = (getpass.getpass("Password: ") if sys.stdin.isatty()
                else sys.stdin.readline().rstrip("\n"))
    try:
        body = UserCreate(login=args.login, name=args.name or args.login, role=Role(args.role),
                          room=args.room, duty_service=args.service, password=password)
    except ValidationError as e:
        for err in e.errors():
            print(f"error: {'.'.join(map(str, err['loc']))}: {err['msg']}", file=sys.stderr)
        return 2
    settings = _settings()
    migrate(settings.database_url)
    try:
        user = create_user(make_context(settings), body)
    except DomainError as e:
        print(f"error: {e.message}", file=sys.stderr)
        return 2
    print(f"created user {user.login} ({user.role.value}, room {user.room or '-'})")
    return 0


def cmd_revoke_sessions(args: argparse.Namespace) -> int:
    from app.services.auth import TOKEN_CACHE_SECONDS, revoke_sessions_of
    from app.services.errors import DomainError

    with _service_context() as ctx:
        try:
            done = revoke_sessions_of(ctx, args.login)
        except DomainError as e:
            print(f"error: {e.message}", file=sys.stderr)
            return 2
    print(f"ended {done.sessions_ended} sessions of {done.login}; running services refuse "
          f"them within {TOKEN_CACHE_SECONDS:g} s")
    return 0


def cmd_import_gazetteer(args: argparse.Namespace) -> int:
    from app.services.gazetteer import import_addresses

    settings = _settings()
    migrate(settings.database_url)
    text = Path(args.file).read_text(encoding="utf-8-sig")
    db = Database(settings.database_url)
    try:
        with db.write() as session:
            report = import_addresses(session, text, replace=args.replace)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    for line in report.errors:
        print(f"skipped: {line}", file=sys.stderr)
    print(f"imported {report.imported} addresses, skipped {len(report.errors)} rows")
    return 0


def cmd_routing(args: argparse.Namespace) -> int:
    import json

    from app.services.routing import set_routing

    settings = _settings()
    migrate(settings.database_url)
    try:
        rules = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"error: cannot read {args.file}: {e}", file=sys.stderr)
        return 2
    db = Database(settings.database_url)
    try:
        set_routing(db, rules)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    print("room routing updated")
    return 0


def _issue_secret(create: Callable[[Any, str], str], name: str, announce: str) -> int:
    """Create a credential and print it this once: the service keeps only its hash."""
    from app.services.errors import DomainError

    with _service_context() as ctx:
        try:
            secret = create(ctx, name)
        except DomainError as e:
            print(f"error: {e.message}", file=sys.stderr)
            return 2
    print(announce)
    print(secret)
    return 0


def cmd_create_sensor_gateway(args: argparse.Namespace) -> int:
    from app.services.sensors import create_gateway

    return _issue_secret(create_gateway, args.name, f"created sensor gateway "
                         f"{args.name.strip()}; its token (shown only now):")


def cmd_set_sensors(args: argparse.Namespace) -> int:
    from app.services.sensors import set_sensors

    return _apply_table_file(args.file, set_sensors, "sensors updated: {} configured")


def _read_table_file(name: str) -> dict[str, object]:
    """A JSON or TOML file (by its suffix); ValueError or OSError when it cannot be read."""
    import json
    import tomllib

    path = Path(name)
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object or a TOML document")
    return data


def _apply_table_file(name: str, apply: Callable[[Any, dict[str, object]], int],
                      done: str) -> int:
    """Read a JSON or TOML file and hand it to ``apply``; each refusal names the file."""
    try:
        data = _read_table_file(name)
    except (OSError, ValueError) as e:  # TOMLDecodeError and JSONDecodeError are ValueErrors
        print(f"error: cannot read {name}: {e}", file=sys.stderr)
        return 2
    with _service_context() as ctx:
        try:
            count = apply(ctx, data)
        except ValueError as e:
            print(f"error: {name}: {e}", file=sys.stderr)
            return 2
    print(done.format(count))
    return 0


def cmd_set_webhooks(args: argparse.Namespace) -> int:
    from app.services.webhooks import set_webhooks

    return _apply_table_file(args.file, set_webhooks,
                             "webhooks updated: {} duty services have one")


def cmd_webhook_status(_args: argparse.Namespace) -> int:
    from app.services.webhooks import status

    with _service_context() as ctx:
        rows = status(ctx)
    if not rows:
        print("no webhooks configured and no deliveries")
        return 0
    for row in rows:
        oldest = row.oldest_pending.isoformat() if row.oldest_pending else "-"
        print(f"{row.service}: {row.url or '(no webhook)'}\n"
              f"  pending {row.pending} (oldest {oldest}), delivered {row.delivered}, "
              f"failed {row.failed}\n  last error: {row.last_error or '-'}")
    return 0


def cmd_mark_restored(_args: argparse.Namespace) -> int:
    from app.services.feed import new_epoch

    with _service_context() as ctx:
        epoch = new_epoch(ctx)
    print(f"the journal has a new epoch {epoch}: consoles and walls reload on reconnect")
    return 0


def cmd_verify_journal(_args: argparse.Namespace) -> int:
    from app.services.feed import verify_chain

    with _service_context() as ctx:
        report = verify_chain(ctx)
    if report.broken_at is None:
        print(f"the journal verifies: {report.rows} changes, every link holds")
        return 0
    print(f"the journal is broken at change {report.broken_at}: its link to the one before "
          f"does not hold ({report.rows} changes read)", file=sys.stderr)
    return 1


def cmd_erase_personal_data(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from app.services.personal_data import erase_expired

    with _service_context() as ctx:
        days = _settings().personal_data_retention_days
        report = erase_expired(ctx, timedelta(days=days),
                               dry_run=args.dry_run)
    print(report)
    return 0


def cmd_export_personal_data(args: argparse.Namespace) -> int:
    import json

    from app.domain.phones import InvalidPhone, normalize_phone
    from app.services.errors import DomainError
    from app.services.personal_data import actor_by_login, export

    try:
        phone = normalize_phone(args.phone)
    except InvalidPhone as e:
        print(f"error: {e.message}", file=sys.stderr)
        return 2
    with _service_context() as ctx:
        try:
            found = export(ctx, actor_by_login(ctx, args.by), phone)
        except DomainError as e:
            print(f"error: {e.message}", file=sys.stderr)
            return 2
    print(json.dumps(found.model_dump(mode="json"), ensure_ascii=False, indent=2))
    return 0


def cmd_create_open311_key(args: argparse.Namespace) -> int:
    from app.services.open311 import create_key

    return _issue_secret(create_key, args.name, f"Open311 api_key for {args.name.strip()} "
                         "(shown once, keep it with the app):")


def cmd_report(args: argparse.Namespace) -> int:
    from datetime import datetime

    from app.domain.reports import NONE, Grouping
    from app.schemas.reports import COLUMNS, table, write_csv, write_xlsx
    from app.services.errors import DomainError
    from app.services.reports import build, labels

    try:
        start, end = datetime.fromisoformat(args.start), datetime.fromisoformat(args.end)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    by = Grouping(args.by)
    with _service_context() as ctx:
        try:
            found = build(ctx, start, end, by).model_dump(mode="json", by_alias=True)
            names = labels(ctx, by)
        except DomainError as e:
            print(f"error: {e.message}", file=sys.stderr)
            return 2
    rows = table(found, lambda g: names.get(g, g) if g != NONE else "—", "total")
    header = [by.value, *COLUMNS]
    out = Path(args.out)
    if args.format == "xlsx":
        write_xlsx(out, header, rows, title=f"by {by.value}")
    else:
        write_csv(out, header, rows)
    print(f"wrote {len(rows) - 1} groups and the total of {found['total']['count']} incidents "
          f"to {out}")
    return 0


def cmd_export_journal(args: argparse.Namespace) -> int:
    from datetime import datetime

    from app.services.errors import DomainError
    from app.services.journal_export import check_range, csv_chunks

    try:
        start, end = datetime.fromisoformat(args.start), datetime.fromisoformat(args.end)
        check_range(None, start, end)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except DomainError as e:
        print(f"error: {e.message}", file=sys.stderr)
        return 2
    with _service_context() as ctx:
        if args.output:
            with Path(args.output).open("w", encoding="utf-8", newline="") as f:
                for chunk in csv_chunks(ctx, start, end):
                    f.write(chunk)
            print(f"wrote the journal of {start.isoformat()} to {end.isoformat()} to "
                  f"{args.output}", file=sys.stderr)
        else:
            for chunk in csv_chunks(ctx, start, end):
                sys.stdout.write(chunk)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="dispatch-server",
        description="Central service of the city dispatch console. Settings come from the "
        "environment (DISPATCH_DATABASE_URL, default sqlite:///dispatch.db, and the others in "
        "docs/deployment.md), a .env file, and a TOML settings file.",
    )
    p.add_argument("--config", metavar="FILE", help="a TOML settings file (or DISPATCH_CONFIG); "
                   "the environment wins over it")
    sub = p.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="serve the API and the live stream (over TLS when "
                         "DISPATCH_SSL_CERTFILE and DISPATCH_SSL_KEYFILE are set)")
    run.add_argument("--host", help="default: the `host` setting, 127.0.0.1")
    run.add_argument("--port", type=int, help="default: the `port` setting, 8700")
    run.set_defaults(func=cmd_run)
    sub.add_parser("migrate", help="bring the schema to the newest version").set_defaults(
        func=cmd_migrate)
    seed = sub.add_parser("seed-demo", help="load the synthetic Mezhdurechensk demo")
    seed.add_argument("--incidents", type=int, default=300)
    seed.set_defaults(func=cmd_seed_demo)
    cu = sub.add_parser("create-user", help="create a user; the password is read from stdin")
    cu.add_argument("login")
    cu.add_argument("--role", required=True, choices=[r.value for r in Role])
    cu.add_argument("--room")
    cu.add_argument("--service", help="duty service code, for the duty_service role")
    cu.add_argument("--name", help="full name shown to colleagues")
    cu.set_defaults(func=cmd_create_user)
    rs = sub.add_parser("revoke-sessions", help="end every session of a user (a lost badge, a "
                        "leaked password); the user must sign in again")
    rs.add_argument("login")
    rs.set_defaults(func=cmd_revoke_sessions)
    ig = sub.add_parser("import-gazetteer", help="import a CSV extract of the address register")
    ig.add_argument("file")
    ig.add_argument("--replace", action="store_true", help="drop the old addresses first")
    ig.set_defaults(func=cmd_import_gazetteer)
    rt = sub.add_parser(
        "set-routing",
        help="replace the room routing rules from a JSON file with default_room, by_type, "
        "by_category and by_district",
    )
    rt.add_argument("file")
    rt.set_defaults(func=cmd_routing)
    sg = sub.add_parser("create-sensor-gateway", help="create a sensor gateway and print its "
                        "token once (the service keeps only its hash)")
    sg.add_argument("name")
    sg.set_defaults(func=cmd_create_sensor_gateway)
    ss = sub.add_parser(
        "set-sensors",
        help="replace the city sensors and their thresholds from a JSON or TOML file (a list "
        "'sensors'; TOML: [[sensors]] tables); kept sensors keep their state")
    ss.add_argument("file")
    ss.set_defaults(func=cmd_set_sensors)
    wh = sub.add_parser(
        "set-webhooks",
        help="replace the duty services' hand-over webhooks from a JSON or TOML file (a list "
        "'webhooks' of {service, url, secret}; TOML: [[webhooks]] tables)")
    wh.add_argument("file")
    wh.set_defaults(func=cmd_set_webhooks)
    sub.add_parser("webhook-status", help="per duty service: hand-over deliveries pending, "
                   "delivered and given up, and the last error").set_defaults(
        func=cmd_webhook_status)
    sub.add_parser("mark-restored", help="after restoring the database from a backup: a new "
                   "epoch, so every console reloads its state").set_defaults(
        func=cmd_mark_restored)
    sub.add_parser("verify-journal", help="check the change log's hash chain and name the "
                   "first broken link").set_defaults(func=cmd_verify_journal)
    ep = sub.add_parser(
        "erase-personal-data",
        help="erase callers' names and phones of incidents finished longer ago than "
        "DISPATCH_PERSONAL_DATA_RETENTION_DAYS (the running service also does it hourly)")
    ep.add_argument("--dry-run", action="store_true", help="only count what would be erased")
    ep.set_defaults(func=cmd_erase_personal_data)
    xp = sub.add_parser("export-personal-data",
                        help="print as JSON everything held about one phone number; the "
                        "export is recorded as a read by the user given with --by")
    xp.add_argument("phone")
    xp.add_argument("--by", required=True, metavar="LOGIN",
                    help="the supervisor or administrator answering the request")
    xp.set_defaults(func=cmd_export_personal_data)
    ok = sub.add_parser("create-open311-key",
                        help="make an api_key for a citizen app that files reports through "
                        "Open311 GeoReport v2 (/open311/v2); the key is printed once")
    ok.add_argument("name", help="the client app, e.g. the regional citizen app")
    ok.set_defaults(func=cmd_create_open311_key)
    rp = sub.add_parser("report", help="write the counts and times of the incidents received "
                        "in [--from, --to) by type, duty service, district or source")
    rp.add_argument("--from", dest="start", required=True,
                    help="ISO 8601 with its offset, e.g. 2026-11-01T00:00:00+07:00")
    rp.add_argument("--to", dest="end", required=True, help="excluded; ISO 8601 with its offset")
    rp.add_argument("--by", default="type", choices=["type", "service", "district", "source"])
    rp.add_argument("--format", default="csv", choices=["csv", "xlsx"])
    rp.add_argument("--out", required=True, metavar="FILE")
    rp.set_defaults(func=cmd_report)
    ej = sub.add_parser("export-journal", help="write the change log of [--from, --to) as CSV "
                        "(at most 31 days; callers appear by id only)")
    ej.add_argument("--from", dest="start", required=True,
                    help="ISO 8601 with its offset, e.g. 2026-11-01T00:00:00+07:00")
    ej.add_argument("--to", dest="end", required=True, help="excluded; ISO 8601 with its offset")
    ej.add_argument("--output", metavar="FILE", help="the file to write (default: stdout)")
    ej.set_defaults(func=cmd_export_journal)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.config:
        os.environ[CONFIG_ENV] = args.config
    try:
        return args.func(args)
    except ConfigFileMissing as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())

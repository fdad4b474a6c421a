"""`dispatch-server`: run the service and administer its database."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from pydantic import ValidationError

from app.domain.enums import Role
from app.models.db import Database, migrate
from app.schemas.auth import UserCreate
from app.server.settings import ServerSettings


def _settings() -> ServerSettings:
    return ServerSettings()


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
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info",
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
    from app.server.app import make_context
    from app.services.auth import TOKEN_CACHE_SECONDS, revoke_sessions_of
    from app.services.errors import DomainError

    settings = _settings()
    migrate(settings.database_url)
    ctx = make_context(settings)
    try:
        done = revoke_sessions_of(ctx, args.login)
    except DomainError as e:
        print(f"error: {e.message}", file=sys.stderr)
        return 2
    finally:
        ctx.db.dispose()
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


def cmd_verify_journal(_args: argparse.Namespace) -> int:
    from app.server.app import make_context
    from app.services.feed import verify_chain

    settings = _settings()
    migrate(settings.database_url)
    ctx = make_context(settings)
    try:
        report = verify_chain(ctx)
    finally:
        ctx.db.dispose()
    if report.broken_at is None:
        print(f"the journal verifies: {report.rows} changes, every link holds")
        return 0
    print(f"the journal is broken at change {report.broken_at}: its link to the one before "
          f"does not hold ({report.rows} changes read)", file=sys.stderr)
    return 1


def cmd_erase_personal_data(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from app.server.app import make_context
    from app.services.personal_data import erase_expired

    settings = _settings()
    migrate(settings.database_url)
    ctx = make_context(settings)
    try:
        report = erase_expired(ctx, timedelta(days=settings.personal_data_retention_days),
                               dry_run=args.dry_run)
    finally:
        ctx.db.dispose()
    print(report)
    return 0


def cmd_export_personal_data(args: argparse.Namespace) -> int:
    import json

    from app.domain.phones import InvalidPhone, normalize_phone
    from app.server.app import make_context
    from app.services.errors import DomainError
    from app.services.personal_data import actor_by_login, export

    try:
        phone = normalize_phone(args.phone)
    except InvalidPhone as e:
        print(f"error: {e.message}", file=sys.stderr)
        return 2
    settings = _settings()
    migrate(settings.database_url)
    ctx = make_context(settings)
    try:
        found = export(ctx, actor_by_login(ctx, args.by), phone)
    except DomainError as e:
        print(f"error: {e.message}", file=sys.stderr)
        return 2
    finally:
        ctx.db.dispose()
    print(json.dumps(found.model_dump(mode="json"), ensure_ascii=False, indent=2))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="dispatch-server",
        description="Central service of the city dispatch console. The database comes from "
        "DISPATCH_DATABASE_URL (default: sqlite:///dispatch.db).",
    )
    sub = p.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="serve the API and the live stream (over TLS when "
                         "DISPATCH_SSL_CERTFILE and DISPATCH_SSL_KEYFILE are set)")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8700)
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
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())

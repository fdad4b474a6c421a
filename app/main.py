"""The composition root: `dispatch` starts the embedded service (or uses a central one)
and the console on top of it."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from app.models.db import MIGRATIONS, migrate
from app.server.app import create_app, make_context
from app.server.embedded import ServiceThread
from app.server.settings import ServerSettings
from app.services.demo import DEMO_PASSWORD, seed_demo

log = logging.getLogger("dispatch")


def data_dir() -> Path:
    """Where the embedded database and the console's replica live, per user."""
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    path = Path(os.environ.get("DISPATCH_DATA_DIR", base / "city-dispatch"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def start_embedded(folder: Path, *, demo_incidents: int = 300) -> ServiceThread:
    """The same service the city runs, in-process on a SQLite file, with the demo loaded
    on first start."""
    url = f"sqlite:///{folder / 'dispatch.db'}"
    migrate(url)
    settings = ServerSettings(database_url=url, demo_motion_seconds=5.0)
    ctx = make_context(settings)
    try:
        report = seed_demo(ctx, incidents=demo_incidents)
        log.info("%s", report)
    finally:
        ctx.db.dispose()
    return ServiceThread(create_app(settings, run_migrations=False)).start()


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="dispatch", description="City dispatch console (ЕДДС)")
    p.add_argument("--server", help="URL of a central service; embedded mode when absent")
    p.add_argument("--service-only", action="store_true",
                   help="start the embedded service and keep it running, without a window")
    p.add_argument("--as", dest="as_login", metavar="LOGIN",
                   help="embedded demo only: sign in as this demo user (e.g. supervisor, "
                        "ds-gas for the gas service's board) instead of the operator")
    p.add_argument("--smoke-test", action="store_true",
                   help="for checking a build: print the first window shown and whether the "
                        "console's files are all there (one JSON line), then exit")
    commands = p.add_subparsers(dest="command", metavar="{wall}")
    wall = commands.add_parser("wall", help="the video wall, full screen, read-only")
    wall.add_argument("--screen", type=int, metavar="N",
                      help="the screen to show it on, 0 first (remembered here)")
    wall.add_argument("--layout", type=Path, metavar="FILE",
                      help="a TOML layout of pages and screens (see resources/wall)")
    # Its own name: a subcommand's default would overwrite a --server given before it.
    wall.add_argument("--server", dest="wall_server", metavar="URL",
                      help="URL of a central service; embedded mode when absent")
    args = p.parse_args(argv)
    if args.command == "wall" and args.wall_server is not None:
        args.server = args.wall_server
    return args


def chosen_server(args: argparse.Namespace) -> str | None:
    """The central service: ``--server`` wins; then the workstation's settings (Settings →
    Server, kept as ``server``); none means the embedded demo."""
    if args.server is not None:
        return str(args.server)
    from app.ui.console import settings

    return str(settings().value("server", "") or "") or None


def wall(args: argparse.Namespace) -> int:
    """The unattended wall, signed in with the read-only wall role. Its password comes
    from DISPATCH_WALL_PASSWORD; the demo's otherwise."""
    from app.ui.wall.run import run_wall

    login = ("wall", os.environ.get("DISPATCH_WALL_PASSWORD", DEMO_PASSWORD))
    options = {"login": login, "screen": args.screen, "layout_file": args.layout,
               "replicas": data_dir() / "replicas"}
    server = chosen_server(args)
    if server is not None:
        return run_wall(server, **options)
    started: list[ServiceThread] = []

    def embedded() -> str:
        started.append(start_embedded(data_dir()))
        return started[0].url

    try:
        return run_wall(embedded, **options)
    except KeyboardInterrupt:
        return 0
    finally:
        for service in started:
            service.stop()


def smoke_checks(args: argparse.Namespace) -> dict[str, Callable[[], bool]] | None:
    """What a build's smoke test checks beyond the console's own files: the migrations the
    embedded service runs on first start."""
    if not args.smoke_test:
        return None
    return {"migrations": lambda: any((MIGRATIONS / "versions").glob("0001_*.py"))}


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    args = parse(argv)
    if args.service_only:
        service = start_embedded(data_dir()) if args.server is None else None
        print(f"dispatch service: {service.url if service else args.server}", file=sys.stderr)
        try:
            if service is not None:
                service.thread.join()
        except KeyboardInterrupt:
            pass
        finally:
            if service is not None:
                service.stop()
        return 0
    if args.command == "wall":
        return wall(args)
    from app.ui.console import run_console

    server = chosen_server(args)
    if server is not None:
        return run_console(server, replicas=data_dir() / "replicas",
                           smoke_test=smoke_checks(args))
    started: list[ServiceThread] = []

    def embedded() -> str:
        started.append(start_embedded(data_dir()))
        return started[0].url

    login = (args.as_login, DEMO_PASSWORD) if args.as_login else None
    try:
        return run_console(embedded, replicas=data_dir() / "replicas", login=login,
                           smoke_test=smoke_checks(args))
    except KeyboardInterrupt:
        return 0
    finally:
        for service in started:
            service.stop()


if __name__ == "__main__":
    raise SystemExit(main())

"""The composition root: `dispatch` starts the embedded service (or uses a central one)
and the console on top of it."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from app.models.db import migrate
from app.server.app import create_app, make_context
from app.server.embedded import ServiceThread
from app.server.settings import ServerSettings
from app.services.demo import seed_demo

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
    return p.parse_args(argv)


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
    from app.ui.console import run_console

    if args.server is not None:
        return run_console(args.server, replicas=data_dir() / "replicas")
    started: list[ServiceThread] = []

    def embedded() -> str:
        started.append(start_embedded(data_dir()))
        return started[0].url

    try:
        return run_console(embedded, replicas=data_dir() / "replicas")
    except KeyboardInterrupt:
        return 0
    finally:
        for service in started:
            service.stop()


if __name__ == "__main__":
    raise SystemExit(main())

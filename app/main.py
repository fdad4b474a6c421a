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
    settings = ServerSettings(database_url=url)
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
    service = None
    url = args.server
    if url is None:
        service = start_embedded(data_dir())
        url = service.url
    print(f"dispatch service: {url}", file=sys.stderr)
    try:
        if args.service_only:
            if service is not None:
                service.thread.join()
            return 0
        from app.ui.console import run_console

        return run_console(url, embedded=service is not None)
    except KeyboardInterrupt:
        return 0
    finally:
        if service is not None:
            service.stop()


if __name__ == "__main__":
    raise SystemExit(main())

"""A console's sync client as its own process, for kill -9 tests: it prints every change
number it applies, one per line, and runs until killed."""

from __future__ import annotations

import sys
import threading

from app.sync import SyncClient


def main() -> None:
    url, replica, login, password = sys.argv[1:5]
    client = SyncClient(url, replica=replica)
    client.login(login, password)
    resumed_from = client.store.seq
    print(f"start {resumed_from}", flush=True)

    def show(batch):
        if batch is None:
            print(f"snapshot {client.store.seq}", flush=True)
            return
        for change in batch:
            print(f"seq {change.seq}", flush=True)

    client.store.subscribe(show)
    client.start()
    threading.Event().wait()


if __name__ == "__main__":
    main()

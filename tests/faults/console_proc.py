"""A console's sync client as its own process, so that the fault-injection test can kill it
with SIGKILL at any moment (a command half sent, a change half applied) and start it again
on the same replica file.

It talks JSON, one object a line: commands on stdin, answers and events on stdout. Commands
run one at a time on the main thread while the stream runs on its own, as in the console."""

from __future__ import annotations

import json
import sys
import threading
from typing import Any

from app.sync import ApiError, Offline, SyncClient
from app.sync.store import ENTITIES, ReplicaStore

_out = threading.Lock()


def say(**message: Any) -> None:
    with _out:
        sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
        sys.stdout.flush()


def capture(store: ReplicaStore) -> dict[str, Any]:
    """The replica's rows and the number they are exact at, read under one lock."""
    taken: dict[str, Any] = {}

    def take(s: ReplicaStore) -> bool:
        taken["seq"] = s.seq
        taken["data"] = {e: list(s.data.get(e, {}).values()) for e in ENTITIES}
        return True

    store.wait_for(take, 0)  # the predicate runs under the store's lock
    return taken


def send(client: SyncClient, method: str, kwargs: dict[str, Any]) -> dict[str, Any]:
    try:
        return {"answer": getattr(client, method)(**kwargs)}
    except Offline as e:
        return {"offline": str(e)}
    except ApiError as e:
        return {"status": e.status, "code": e.code, "message": e.message}


def main() -> None:
    url, replica, token = sys.argv[1:4]
    client = SyncClient(url, replica=replica)
    client.http.token = token  # a restarted console keeps its session
    say(event="start", seq=client.store.seq)
    client.store.subscribe(
        lambda batch: say(event="snapshot", seq=client.store.seq) if batch is None else None)
    client.start()
    for line in sys.stdin:
        cmd = json.loads(line)
        n, op = cmd["n"], cmd["op"]
        if op == "send":
            say(n=n, **send(client, cmd["method"], cmd["kwargs"]))
        elif op == "state":
            say(n=n, **capture(client.store))
        elif op == "wait":
            target = cmd["seq"]
            client.store.wait_for(lambda s, t=target: s.seq >= t, cmd["timeout"])
            say(n=n, seq=client.store.seq)
        elif op == "drop":
            client.drop_connection()
            say(n=n)
    client.close()


if __name__ == "__main__":
    main()

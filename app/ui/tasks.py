"""Background work for the GUI: run a callable on the thread pool, get the result back on
the GUI thread through a signal. The network and the database are never touched on the
GUI thread."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as e:  # handed to the caller's on_error on the GUI thread
            self._tell("failed", e)
        else:
            self._tell("done", result)
        finally:
            # The pool deletes its runnables in its own time, and this wrapper with them;
            # until then it must not keep the relay (and the caller's closures) alive.
            self.fn = self.relay = None  # type: ignore[assignment]

    def _tell(self, signal: str, value: Any) -> None:
        # The application may have shut down meanwhile, taking the relay with it.
        with contextlib.suppress(RuntimeError):
            getattr(self.relay, signal).emit(value)


_live: set[_Relay] = set()


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    pool: QThreadPool | None = None,
    owner: QObject | None = None,
) -> None:
    """Run ``fn`` off the GUI thread; ``on_done``/``on_error`` run on the GUI thread, and
    not at all if ``owner`` (the widget that asked) was closed and deleted meanwhile."""
    relay = _Relay()
    _live.add(relay)  # keep it alive until the task reports

    def finish(cb: Callable[[Any], None] | None, value: Any) -> None:
        _live.discard(relay)
        # The connections hold these closures and the closures hold the relay: a cycle
        # through Qt that Python's collector cannot see, so every task leaked its relay
        # (the wall's map recounts its heat this way all day). Cut it once it has reported.
        relay.done.disconnect()
        relay.failed.disconnect()
        relay.deleteLater()
        if owner is not None and not shiboken6.isValid(owner):
            return
        if cb is not None:
            cb(value)

    relay.done.connect(lambda r: finish(on_done, r))
    relay.failed.connect(lambda e: finish(on_error, e))
    (pool or QThreadPool.globalInstance()).start(_Task(fn, relay))


_commands: QThreadPool | None = None


def command_pool() -> QThreadPool:
    """One thread for the operator's changes, so they reach the outbox in the order the
    operator made them, however quickly the keys come."""
    global _commands
    if _commands is None:
        _commands = QThreadPool()
        _commands.setMaxThreadCount(1)
    return _commands

"""Background tasks hand their results back and then leave nothing behind."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool

from app.ui import tasks
from app.ui.tasks import run_task

TASKS = 100


def test_a_finished_task_leaves_no_relay_behind(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The wall's map recounts its heat with a task every few seconds, for days: a relay
    # kept per task (a cycle through Qt's connections) grew the wall's memory all day.
    made: list[weakref.ref] = []

    class Counted(tasks._Relay):
        def __init__(self) -> None:
            super().__init__()
            made.append(weakref.ref(self))

    monkeypatch.setattr(tasks, "_Relay", Counted)
    results: list[int] = []
    failures: list[Exception] = []
    for i in range(TASKS):
        run_task(lambda i=i: i, results.append)
    run_task(lambda: 1 / 0, on_error=failures.append)
    qtbot.waitUntil(lambda: len(results) == TASKS and len(failures) == 1, timeout=10000)
    assert sorted(results) == list(range(TASKS))
    # The pool lets go of its runnables (and their relays) once they have run; on a busy
    # machine that can come after the results.
    QThreadPool.globalInstance().waitForDone()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    assert len(made) == TASKS + 1
    # The runnables let go of their relays as they finish, whenever the pool deletes them
    # (before the fix every relay stayed, and under load a runnable kept its own a while).
    alive = [ref for ref in made if ref() is not None]
    assert alive == [], f"{len(alive)} of {TASKS + 1} relays are still held"

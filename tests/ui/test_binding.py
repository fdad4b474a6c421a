"""The Qt binding itself: a console emits signals all day long (every stream batch, every
clock tick), so an emit must not cost the interpreter anything. PySide6 6.12.0 on Python
3.11 dropped a reference to ``True`` per emit and aborted the process after a few hundred;
this runs in a child process so such a crash fails the test instead of the whole run."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Source(QObject):
        plain = Signal()
        carrying = Signal(list)

    app = QCoreApplication([])
    source, got = Source(), []
    source.plain.connect(lambda: got.append(1))
    source.carrying.connect(got.append)
    before = sys.getrefcount(True)
    for i in range(20000):
        source.plain.emit()
        source.carrying.emit([i])
    print(len(got), sys.getrefcount(True) - before)
""")


def test_signals_can_be_emitted_all_day_without_harming_the_interpreter() -> None:
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert run.returncode == 0, run.stderr[-2000:]
    delivered, drift = map(int, run.stdout.split())
    assert delivered == 40000
    assert abs(drift) < 100, f"each emit leaks a reference to True ({drift} after 40,000)"

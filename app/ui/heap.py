"""The console holds the whole city's state: hundreds of thousands of long-lived dicts.
Python's cyclic collector would walk all of them on every full collection, pausing the GUI
for a tenth of a second at random moments (seen in the queue benchmark). Once a snapshot is
loaded they are moved out of its way; they are still freed by reference counting."""

from __future__ import annotations

import gc


def settle_heap() -> None:
    gc.collect()
    gc.freeze()

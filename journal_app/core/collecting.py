"""Python's cycle collector paused while many objects that are all kept are made (ten thousand
summaries, a megabyte post's tokens): a collection would free nothing and walk them again and
again. Used by the journal's open and by the renderer."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """The collector off for the block, and on again after it, when it was on and this is the
    main thread. Left alone when paused already (by the caller, or by the window, whose process
    collects from its GUI thread alone) and on any other thread: turning it on again after the
    block could undo another part's pause."""
    if not gc.isenabled() or threading.current_thread() is not threading.main_thread():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()

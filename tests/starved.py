"""For tests of a stop or cancel that must end another process at once: that process frozen (as
if a busy machine gave it no processor time), the stop asked for from a second thread, and the
work's thread allowed a while to end."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from collections.abc import Callable


def freeze_then(child: subprocess.Popen, stop: Callable[[], None]) -> None:
    """Freeze ``child`` and call ``stop`` 0.2 s later from another thread (the window's, closing)."""
    os.kill(child.pid, signal.SIGSTOP)
    threading.Timer(0.2, stop).start()


def ends_in_time(work: Callable[[], object], stopped: type[BaseException], frozen: list) -> bool:
    """Whether ``work``, run on a thread, raised ``stopped`` within 30 s and every process in
    ``frozen`` had been ended by then (by the stop). They are killed afterwards either way, so a
    work that still waits is let go and the suite goes on."""
    ended: list = []

    def run() -> None:
        try:
            work()
        except stopped:
            ended.append(True)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    waited = thread.is_alive()
    left = [child for child in frozen if child.poll() is None]  # (before the kill below)
    for child in frozen:
        child.kill()
    thread.join()
    return not waited and not left and ended == [True]

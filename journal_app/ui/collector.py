"""Python's cyclic garbage collector, run only on the GUI thread.

The preview renders on a thread of its own. When an allocation there crosses the collector's
threshold, Python collects on that thread, and a reference cycle holding Qt objects (widgets,
models, timers of a closed window) is then destroyed off the GUI thread, which crashes Qt. So
the window's process turns automatic collection off and collects from a timer on the GUI thread
instead, with the same generation thresholds (the approach calibre takes for the same reason).

It also keeps the automatic collector's rule for the oldest generation: a full collection runs
only once the objects that reached it since the last one are more than a quarter of those that
lived through it. Without that rule every tenth collection walked the whole heap (a journal of
10,000 posts: a 280 ms pause on the GUI thread, every few seconds while posts were read).

While many objects are made (a cold scan's posts and tree rows), checks every 500 ms let the
young generations grow far past their thresholds: a younger collection then walked everything
made in seconds (70 to 100 ms). So a check that finds the youngest generation many
times over its threshold collects both younger generations and checks again after
``BUSY_INTERVAL_MS``: each collection then walks only what was made since the last one. A
full collection due meanwhile waits until no check found such a burst for ``QUIET_S`` (the
scan's end) and no scan holds it off (``hold``): it would walk the whole heap in the middle
of it.

A full collection walks every object (a megabyte post open: 50 ms and more of the GUI thread),
and one of the middle generation holds what the renders left (20 ms), so both wait while the user
types (``note_typing``, called on each edit) until a pause of ``QUIET_S``; the youngest
generation is still collected meanwhile, and a collection owed four times over runs even during
typing, so memory stays bounded.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 100  # (a burst then waits at most this long for its first collection)
BUSY_INTERVAL_MS = 30  # while objects are made fast
BUSY_TIMES = 4  # the youngest generation this many times over its threshold: busy
QUIET_S = 1.0  # a collection waits until no check was busy, and no key typed, for this long
HOLD_LIMIT_S = 60.0  # a hold older than this is let go (its scan's window gone without a word)
_typed_at = -QUIET_S  # time.monotonic() of the last edit the user made


def note_typing() -> None:
    """The user edited the text now: the older generations' collections wait for a pause."""
    global _typed_at
    _typed_at = time.monotonic()


class GuiThreadCollector(QObject):
    """Collects, on the GUI thread, the generations whose counts passed their thresholds."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        gc.disable()
        self.long_lived = len(gc.get_objects(2))  # in the oldest generation after a full collection
        self.pending = 0  # moved into it by younger collections since
        self.interval_ms = interval_ms
        self.busy_at = 0.0  # (time.monotonic) of the last busy check
        # who holds the full collections off (a scan running), and since when
        self.holding: dict[int, float] = {}
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        """Collect what the automatic collector would have collected by now."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        busy = counts[0] > BUSY_TIMES * thresholds[0]
        now = time.monotonic()
        if busy:
            self.busy_at = now
        held = any(now - since < HOLD_LIMIT_S for since in self.holding.values())
        quiet = now - self.busy_at > QUIET_S and not held
        typing = now - _typed_at < QUIET_S
        owed = counts[2] > thresholds[2] and self.pending > self.long_lived // 4
        if owed and quiet and (not typing or self.pending > self.long_lived):
            gc.collect(2)
            self.long_lived, self.pending = len(gc.get_objects(2)), 0
        elif busy or (counts[1] > thresholds[1] and (not typing or counts[1] > 4 * thresholds[1])):
            young = len(gc.get_objects(0)) + len(gc.get_objects(1))
            self.pending += max(young - gc.collect(1), 0)  # the survivors move to the oldest
        elif counts[0] > thresholds[0]:
            gc.collect(0)
        self._timer.setInterval(min(BUSY_INTERVAL_MS, self.interval_ms) if busy else self.interval_ms)

    def hold(self, holder: object, held: bool) -> None:
        """While ``holder`` holds them (a scan: its posts are made in bursts with pauses
        between), full collections wait (the younger ones go on), ``HOLD_LIMIT_S`` at most."""
        if held:
            self.holding[id(holder)] = time.monotonic()
        else:
            self.holding.pop(id(holder), None)


_installed: GuiThreadCollector | None = None


def hold_full_collections(holder: object, held: bool) -> None:
    """:meth:`GuiThreadCollector.hold` on this process's collector, if it has one."""
    if _installed is not None:
        _installed.hold(holder, held)


def collect_on_gui_thread() -> GuiThreadCollector:
    """Install the collector once for this process's QApplication; returns it."""
    global _installed
    if _installed is None:
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("the collector needs a QApplication")
        _installed = GuiThreadCollector(app)
    return _installed

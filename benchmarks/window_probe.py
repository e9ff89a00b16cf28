"""One measured run of the real window, in its own process (started by run_all.py).

Usage: python benchmarks/window_probe.py filled|type TARGET ENV_DIR START [--expect N]
       [--at end|middle] [--keys 20] [--linger SECONDS]
``START`` is the ``time.time()`` at which the caller started this process. Prints one JSON line.

Every run has the longest-stall probe: a 5 ms precise QTimer on the GUI thread recording the
largest gap between two of its ticks (what a user feels as a freeze; 5 ms means never stalled).

- ``filled``: from the process start to the sidebar showing the journal at TARGET (a folder),
  with ``--expect`` posts in it (and the CPU time of the app's own process until then); the
  longest stall from the first event-loop turn until then, and the time from building the
  window to the first event-loop turn (the window exists but answers nothing in between).
- ``type``: opens the post TARGET; once the preview has shown it (the page has answered for
  the newest render), 1.5 s have passed without a page update, and 1.5 s more after the page
  was laid out (its layout forced by a script: a megabyte article takes seconds) and the
  cursor was put where the keys go (the view scrolled there: that is not typing), types
  ``--keys`` times a short marker word (at the end of the post or in its middle) and times each
  from the insertion to the preview's ``updated`` signal after which the page's text holds the
  marker (and the CPU time of the app's own process, all its threads, in between; and the GUI
  thread's own CPU time over the whole typing, per keystroke); 0.4 s
  between keystrokes (the status line's recount runs in that pause). Prints the
  times, the longest stall over the whole typing, and the PSS of the app's process tree then.
  With ``--linger``, the probe goes on that long after the last key (a pause in typing: the
  recovery file and the autosave come due in it), and its stall counts.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from proctree import pss_of_tree, uss_of_tree  # noqa: E402


class StallProbe:
    """A 5 ms timer recording the largest gap between its ticks."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.first: float | None = None
        self.last: float | None = None
        self.longest = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.first is None:
            self.first = now
        elif self.last is not None:
            self.longest = max(self.longest, now - self.last)
        self.last = now

    def reset(self) -> None:
        """Forget the gaps seen so far."""
        self.longest, self.last = 0.0, time.perf_counter()


def tweak_profile(tweaks: str) -> None:
    """For bench_web_memory.py: change the preview's web profile before the window is made
    (``nocache``: no HTTP cache; ``nopdf``: no PDF viewer and no plugins; ``nospell``: no spell
    check service), to see what each costs."""
    if not tweaks:
        return
    from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineSettings

    from journal_app.ui.preview import shared_profile

    profile = shared_profile()
    if "nocache" in tweaks:
        profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.NoCache)
    if "nopdf" in tweaks:
        profile.settings().setAttribute(QWebEngineSettings.WebAttribute.PdfViewerEnabled, False)
        profile.settings().setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
    if "nospell" in tweaks:
        profile.setSpellCheckEnabled(False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("filled", "type"))
    parser.add_argument("target")
    parser.add_argument("env_dir")
    parser.add_argument("start", type=float)
    parser.add_argument("--expect", type=int, default=1)
    parser.add_argument("--at", choices=("end", "middle"), default="end")
    parser.add_argument("--keys", type=int, default=20)
    parser.add_argument("--linger", type=float, default=0.0, help="seconds after the last key, still probed")
    args = parser.parse_args()

    from PySide6 import QtWebEngineWidgets  # noqa: F401  (before the QApplication)
    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([sys.argv[0]])
    from journal_app.ui.app import create_window
    from journal_app.ui.highlighter import inline_later
    from journal_app.ui.settings import Environment

    tweak_profile(os.environ.get("BENCH_WEB_PROFILE", ""))
    probe = StallProbe()
    built = time.perf_counter()
    inline_later()  # as the app's main does: the first paint does not wait for the inline parser
    window = create_window(Path(args.target), Environment.in_folder(Path(args.env_dir)))
    result: dict = {}

    def finish() -> None:
        print(json.dumps(result), flush=True)
        window.editor.document().setModified(False)
        window.close()
        app.quit()

    if args.mode == "filled":

        def filled() -> None:
            journal = getattr(window, "journal", None)
            posts = len(journal.posts) if journal is not None else 0
            if window.sidebar.model.rowCount() > 0 and posts >= args.expect:
                result.update(
                    filled=time.time() - args.start,
                    cpu=time.process_time(),  # the app's own process, from its start
                    posts=posts,
                    stall_ms=probe.longest * 1000,
                    before_loop_ms=((probe.first or built) - built) * 1000,
                )
                finish()
            else:
                QTimer.singleShot(5, filled)

        QTimer.singleShot(0, filled)
    else:
        times: list[float] = []
        cpus: list[float] = []
        state = {"n": 0, "marker": "", "typed": 0.0, "updated": 0.0, "last_update": 0.0}

        def check(found, key: int) -> None:
            # several page updates may each ask about one keystroke: it is counted once
            if found is True and state["updated"] and key == state["n"] and len(times) < key:
                times.append((state["updated"] - state["typed"]) * 1000)
                cpus.append((state["cpu_updated"] - state["cpu_typed"]) * 1000)
                state["marker"] = ""
                QTimer.singleShot(400, type_next)

        def updated() -> None:
            state["last_update"] = time.perf_counter()
            # the page answered for what it was last sent (answers come in order): a megabyte
            # article filled anew is laid out before that, and typing must not start before it
            state["answered"] = getattr(window.preview, "_shown", None)
            if state["marker"]:
                state["updated"], state["cpu_updated"] = time.perf_counter(), time.process_time()
                script = "document.getElementById('content').textContent.indexOf(%r) >= 0"
                key = state["n"]
                window.preview.run_in_page(script % state["marker"], lambda found: check(found, key))

        window.preview.updated.connect(updated)

        def type_next() -> None:
            if state["n"] >= args.keys and args.linger and not state.get("lingered"):
                state["lingered"] = True  # a pause in typing: the recovery file and the autosave
                QTimer.singleShot(int(args.linger * 1000), type_next)
                return
            if state["n"] >= args.keys:
                pss, processes = pss_of_tree(os.getpid())
                result.update(
                    keystroke_ms=times,
                    # the GUI thread's own CPU over the whole typing (pauses too), per keystroke
                    gui_cpu_ms=(time.thread_time() - state["gui_cpu"]) * 1000 / args.keys,
                    cpu_ms=cpus,
                    stall_ms=probe.longest * 1000,
                    pss_mb=pss,
                    processes=processes,
                    uss_mb=uss_of_tree(os.getpid()),
                )
                finish()
                return
            state["n"] += 1
            place()
            if args.at == "end":
                typed = ("\n\n" if state["n"] == 1 else " ") + f"zq{state['n']}x"
            else:
                typed = f" zq{state['n']}x"
            state["marker"], state["updated"] = typed.strip(), 0.0
            state["typed"], state["cpu_typed"] = time.perf_counter(), time.process_time()
            window.editor.insertPlainText(typed)

        def place() -> None:  # the cursor where the keys go: the end, or the middle line's end
            cursor = window.editor.textCursor()
            if args.at == "end":
                cursor.movePosition(cursor.MoveOperation.End)
            else:
                cursor.setPosition(window.editor.document().characterCount() // 2)
                cursor.movePosition(cursor.MoveOperation.EndOfBlock)
            window.editor.setTextCursor(cursor)

        def start() -> None:  # the post shown, and then 1.5 s without a page update
            quiet = time.perf_counter() - state["last_update"]
            busy = getattr(window.preview, "_busy", False)  # a render still running on its thread
            # the newest render is what the page last answered for (not still being laid out)
            answered = state.get("answered") is getattr(window.preview, "_latest", None)
            if window.preview.ready and state["last_update"] and quiet > 1.5 and not busy and answered:
                # the page's layout forced and waited for: a megabyte article filled anew is
                # laid out after its script answered, and the first patch would wait behind it
                window.preview.run_in_page("document.body.getBoundingClientRect().height", laid_out)
            else:
                QTimer.singleShot(50, start)

        def laid_out(_height) -> None:
            # the editor (and the preview after it) scrolled there before the typing begins:
            # the lines coming into view are highlighted then, as after any jump
            place()
            QTimer.singleShot(1500, begin)

        def begin() -> None:
            probe.reset()
            state["gui_cpu"] = time.thread_time()  # this runs on the GUI thread
            type_next()

        start()
    app.exec()
    window.preview.shutdown()


if __name__ == "__main__":
    main()

"""Apps driven from outside: launch to a window showing a post, and the memory of the app then.

Used by run_all.py for journal_app and its peers (ghostwriter, ReText) and for the floor (a
bare QWebEngineView, ``floor_view.py``), all alike, so that their numbers compare:

- launch: from starting the process to a visible X window of that process (``_NET_WM_PID``)
  whose title names the post (each app puts the file's or the post's name in its title once the
  post is loaded), polled with ``xdotool search`` every 10 ms; needs an X display (Xvfb).
  journal_app's title names the post once the post is in its editor, in a window already shown
  (painted a few milliseconds later, when the platform asks for the frame); its preview's web
  view is made after that paint, and shows the post some tenths of a second later (the floor's
  end is a loaded page). ``first_paint.py`` measures the processor time to that first paint
  from inside the process;
- CPU: user + system time of the app's whole process tree at that moment (/proc/PID/stat);
- memory: 5 s later (the preview rendered), PSS summed over the process tree, and the part of
  it in the processes the app started (QtWebEngine's zygotes and renderer; the browser side of
  the web engine lives in the app's own process), and the tree's private memory (USS).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from proctree import pss_of, pss_of_tree, tree_pids, uss_of_tree  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class App:
    """How to start one app on a post, and how its window title shows that post."""

    name: str
    command: list[str]
    title: str  # a piece of the window title once the post is shown
    env: dict[str, str] = field(default_factory=dict)
    config: dict[str, str] = field(default_factory=dict)  # file under XDG_CONFIG_HOME -> text


@dataclass
class Launch:
    """One launch: seconds to the post shown, CPU seconds then, PSS (MB) and processes later."""

    shown: float
    cpu: float
    pss_mb: float
    processes: int
    helpers_mb: float  # the part of pss_mb in the processes the app started (the web engine's)
    uss_mb: float  # private memory of the whole tree


def cpu_of_tree(pid: int) -> float:
    """User + system seconds of ``pid`` and its live descendants."""
    total = 0
    for current in tree_pids(pid):
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
        except (OSError, IndexError, ValueError):
            pass
    return total / TICKS


def window_shown(pid: int, title: str) -> bool:
    """Whether ``pid`` has a visible window whose title contains ``title``."""
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(pid), "--name", title],
        capture_output=True,
        text=True,
    )
    return bool(found.stdout.strip())


def can_observe() -> bool:
    """An X display and xdotool: windows can be watched from outside."""
    return bool(os.environ.get("DISPLAY")) and shutil.which("xdotool") is not None


def stop(process: subprocess.Popen) -> None:
    """End the app and every process it started (by their ids)."""
    pids = tree_pids(process.pid)
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    for pid in pids[1:]:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def launch(app: App, home: Path, settle: float = 5.0, timeout: float = 120.0) -> Launch | None:
    """Start ``app`` with its settings under ``home`` and measure it; None when its window did
    not show the post within ``timeout`` seconds."""
    home.mkdir(parents=True, exist_ok=True)
    for name, text in app.config.items():
        path = home / "config" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    env = dict(os.environ, XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    env.update(XDG_CACHE_HOME=str(home / "cache"), JOURNAL_APP_CACHE_DIR=str(home / "cache" / "journal_app"))
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: modules compiled once
    env.update(app.env)
    if os.geteuid() == 0:
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"  # Chromium's sandbox refuses root
    start = time.perf_counter()
    log = (home / "stderr.txt").open("w")
    process = subprocess.Popen(app.command, env=env, stdout=subprocess.DEVNULL, stderr=log, cwd=home)
    try:
        while not window_shown(process.pid, app.title):
            if process.poll() is not None or time.perf_counter() - start > timeout:
                ended = "exited" if process.returncode is not None else "timed out"
                tail = (home / "stderr.txt").read_text(errors="replace")[-600:]
                print(f"{app.name}: {ended} (code {process.returncode}) before showing the post: {tail}")
                return None
            time.sleep(0.01)
        shown = time.perf_counter() - start
        cpu = cpu_of_tree(process.pid)
        time.sleep(settle)
        pss, processes = pss_of_tree(process.pid)
        own = pss_of(process.pid)
        return Launch(shown, cpu, pss, processes, pss - own, uss_of_tree(process.pid))
    finally:
        stop(process)
        log.close()

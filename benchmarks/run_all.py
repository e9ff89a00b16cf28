"""The table of issue 17: journal_app against its peers and the floor, in one run, as ratios.

Usage: python benchmarks/run_all.py [--seed POST] [--quick] [--only NAME ...]
       [--ghostwriter CMD] [--retext CMD] [--cmark-python PYTHON]
Without a display it runs itself again under ``xvfb-run`` (the peers' windows are watched on X).
Rows (medians of interleaved runs; see BENCHMARKS.md for what each measures):
  launch   launch -> window showing the seed post, and memory (PSS of every process of the app)
           5 s later: journal_app, ghostwriter and ReText when installed, a bare QWebEngineView
  keys     keystroke -> preview on the seed post, with the longest event-loop stall
  huge     keystroke -> preview on a 1 MB post and the longest stall while typing there;
           cmark-gfm rendering the same 1 MB (the floor)
  tree     a 10,000-post journal -> filled tree, warm index and cold (empty index)
  list     ``journal-app list`` of the 10,000 posts, warm and cold; floors: reading the warm
           index's SQLite, and every header read with libyaml
  export   ``journal-app export --all`` of 1,000 posts (cold) and ``export`` of the seed post;
           floor: the same with cmark-gfm
Peers are observed from outside: their launch and memory only (when a keystroke reaches their
preview cannot be seen from outside; the table says so). ghostwriter: the Debian package;
ReText: ``pip install ReText PyQt6 PyQt6-WebEngine`` in its own venv, given with --retext;
cmark-gfm: the ``cmarkgfm`` package in the interpreter given with --cmark-python.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from bench_incremental import make_post  # noqa: E402
from bench_list import timed  # noqa: E402
from generate_journal import generate  # noqa: E402
from launched import App, Launch, can_observe, launch  # noqa: E402
from proctree import load, machine, median  # noqa: E402
from table import Row, print_table  # noqa: E402

SECTIONS = ("launch", "keys", "huge", "tree", "list", "export")
NOT_OBSERVABLE = "n/o"  # not observable from outside


def probe(
    mode: str, target: Path, env_dir: Path, cache: Path, *extra: str, env_more: dict | None = None
) -> dict:
    """One run of window_probe.py (a fresh process, ``env_more`` added to its environment); its
    JSON answer."""
    env = dict(os.environ, PYTHONPATH=str(REPO), JOURNAL_APP_CACHE_DIR=str(cache), **(env_more or {}))
    env.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if os.geteuid() == 0:
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    command = [
        sys.executable,
        str(HERE / "window_probe.py"),
        mode,
        str(target),
        str(env_dir),
        str(time.time()),
    ]
    result = subprocess.run(
        command + list(extra), capture_output=True, text=True, env=env, cwd=REPO, timeout=900
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(f"window_probe {mode} failed:\n{result.stderr[-3000:]}")
    return json.loads(lines[-1])


def title_pattern(text: str) -> str:
    """A regular expression for xdotool matching ``text`` (other characters as any)."""
    return "".join(char if char.isalnum() or char == " " else "." for char in text)


def apps(args, seed: Path) -> list[App]:
    """The apps of the launch row: journal_app, the installed peers, the floor."""
    from journal_app.core import load_post

    found = [
        App(
            "journal_app",
            [sys.executable, "-m", "journal_app", str(seed)],
            title_pattern(load_post(seed).title),
        )
    ]
    found[0].env = {"PYTHONPATH": str(REPO)}
    if args.ghostwriter:
        config = "[Preview]\nhtmlPreviewOpen=true\n[Session]\nrestoreSession=false\n"
        found.append(
            App(
                "ghostwriter",
                [args.ghostwriter, str(seed)],
                seed.name,
                config={"ghostwriter/ghostwriter.conf": config},
            )
        )
    if args.retext:
        config = (  # the live preview in a web view, as journal_app's; no single-instance hand-off
            "[General]\ndefaultPreviewState=live-preview\nuseWebEngine=true\nopenFilesInExistingWindow=false\n"
        )
        found.append(
            App("ReText", [args.retext, str(seed)], seed.name, config={"ReText project/ReText.conf": config})
        )
    found.append(App("floor", [sys.executable, str(HERE / "floor_view.py"), str(seed)], seed.name))
    return found


def section_launch(args, seed: Path, work: Path, runs: int) -> list[Row]:
    if not can_observe():
        return [Row("launch -> window showing the seed post", "no X display: not measured")]
    contenders = apps(args, seed)
    homes = {app.name: work / f"home-{app.name}" for app in contenders}
    found: dict[str, list[Launch]] = {app.name: [] for app in contenders}
    for app in contenders:  # the page cache, compiled modules, first-run settings
        launch(app, homes[app.name], settle=1.0)
    for _ in range(runs):
        for app in contenders:
            measured = launch(app, homes[app.name])
            if measured is None:  # now and then a client cannot connect to Xvfb: once more
                measured = launch(app, homes[app.name])
            if measured is not None:
                found[app.name].append(measured)
    launches = Row(
        "launch -> window showing the seed post (wall)",
        unit="s",
        target=0.25,
        floor_name="bare QWebEngineView",
    )
    cpu = Row("  CPU of all its processes until then", unit="s")
    memory = Row(
        "memory, seed post open (PSS, all processes)", unit="MB", target=270, floor_name="bare QWebEngineView"
    )
    private = Row("  private memory (USS), all processes", unit="MB")
    for name, results in found.items():
        if not results:
            for row in (launches, cpu, memory, private):
                row.add(name, "failed")
            continue
        failed = f"{runs - len(results)} failed" if len(results) < runs else ""
        launches.add(name, median([r.shown for r in results]), len(results), note=failed)
        cpu.add(name, median([r.cpu for r in results]), len(results))
        processes = max(r.processes for r in results)
        helpers = median([r.helpers_mb for r in results])
        private.add(name, median([r.uss_mb for r in results]), len(results))
        memory.add(
            name,
            median([r.pss_mb for r in results]),
            len(results),
            note=f"{processes} proc, {helpers:.0f} MB in helpers",
        )
    return [launches, cpu, memory, private]


def section_keys(seed: Path, work: Path, runs: int, keys: int, huge: Path | None = None) -> list[Row]:
    target, at = (huge, "middle") if huge else (seed, "end")
    label = "1 MB post" if huge else "seed post"
    times, stalls, cpus, gui = [], [], [], []
    for run in range(runs):
        found = probe(
            "type",
            target,
            work / f"env-keys-{label}-{run}",
            work / "cache-keys",
            "--at",
            at,
            "--keys",
            str(keys),
        )
        times += found["keystroke_ms"]
        cpus += found["cpu_ms"]
        gui.append(found["gui_cpu_ms"])
        stalls.append(found["stall_ms"])
    keystroke = Row(f"keystroke -> preview, {label}", unit="ms", target=250 if huge else 30)
    keystroke.add("journal_app", median(times), len(times))
    keystroke.add("ghostwriter", NOT_OBSERVABLE)
    keystroke.add("ReText", NOT_OBSERVABLE)
    cpu = Row("  CPU of the app's own process per keystroke", unit="ms")
    cpu.add("journal_app", median(cpus), len(cpus))
    gui_cpu = Row("  CPU of the GUI thread per keystroke (pauses included)", unit="ms")
    gui_cpu.add("journal_app", median(gui), len(gui))
    stall = Row(
        f"longest event-loop stall, typing in the {label}", unit="ms", target=16, floor_name="one frame"
    )
    stall.add("journal_app", median(stalls), len(stalls), note=f"max {max(stalls):.0f}")
    stall.add("floor", 16.7)
    return [keystroke, cpu, gui_cpu, stall]


def section_tree(root: Path, work: Path, runs: int) -> list[Row]:
    expect = str(sum(1 for _ in root.rglob("*.md")))
    warm_cache, cold = work / "cache-tree-warm", []
    probe("filled", root, work / "env-tree-warm", warm_cache, "--expect", expect)
    warm = []
    for run in range(runs):
        warm.append(probe("filled", root, work / f"env-tree-warm-{run}", warm_cache, "--expect", expect))
        cold.append(
            probe(
                "filled",
                root,
                work / f"env-tree-cold-{run}",
                work / f"cache-tree-cold-{run}",
                "--expect",
                expect,
            )
        )
    rows = []
    for label, found, target in (("warm", warm, 0.30), ("cold", cold, 1.0)):
        row = Row(f"{expect}-post journal -> filled tree, {label}", unit="s", target=target)
        row.add("journal_app", median([f["filled"] for f in found]), len(found))
        cpu = Row("  CPU of the app's own process until then", unit="s")
        cpu.add("journal_app", median([f["cpu"] for f in found]), len(found))
        rows += [row, cpu]
        stall = Row(
            f"  longest stall, {label} scan (+ before the first event-loop turn)", unit="ms", target=16
        )
        stall.add(
            "journal_app",
            median([f["stall_ms"] for f in found]),
            len(found),
            note=f"+ {median([f['before_loop_ms'] for f in found]):.0f} ms",
        )
        rows.append(stall)
    return rows


def contenders_row(row: Row, cpu_row: Row | None, runs: int, contenders: dict[str, object]) -> None:
    """Run each contender (a function giving (wall, cpu)) in turn, ``runs`` times; medians."""
    found: dict[str, list[tuple[float, float]]] = {name: [] for name in contenders}
    for _ in range(runs):
        for name, run in contenders.items():
            wall, cpu, _ = run()  # type: ignore[operator]
            found[name].append((wall, cpu))
    for name, results in found.items():
        row.add(name, median([wall for wall, _ in results]), len(results))
        if cpu_row is not None:
            cpu_row.add(name, median([cpu for _, cpu in results]), len(results))


def section_list(root: Path, work: Path, runs: int) -> list[Row]:
    command = [sys.executable, "-m", "journal_app", "list", str(root)]
    warm_cache = work / "cache-list-warm"
    timed(command, REPO, dict(os.environ, JOURNAL_APP_CACHE_DIR=str(warm_cache)))
    database = max(warm_cache.rglob("*"), key=lambda path: path.stat().st_size if path.is_file() else 0)

    def cold():
        with tempfile.TemporaryDirectory(dir=work) as empty:
            return timed(command, REPO, dict(os.environ, JOURNAL_APP_CACHE_DIR=empty))

    def warm():
        return timed(command, REPO, dict(os.environ, JOURNAL_APP_CACHE_DIR=str(warm_cache)))

    def floor_sqlite():
        return timed([sys.executable, str(HERE / "floors.py"), "sqlite", str(database)], REPO)

    def floor_headers():
        return timed([sys.executable, str(HERE / "floors.py"), "headers", str(root)], REPO)

    rows = []
    for label, run, floor, floor_name, target in (
        ("warm", warm, floor_sqlite, "read its SQLite", 0.15),
        ("cold", cold, floor_headers, "libyaml headers", 0.7),
    ):
        row = Row(
            f"`journal-app list`, 10,000 posts, {label}", unit="s", target=target, floor_name=floor_name
        )
        cpu = Row("  CPU", unit="s")
        contenders_row(row, cpu, runs, {"journal_app": run, "floor": floor})
        rows += [row, cpu]
    return rows


def section_export(site: Path, seed: Path, work: Path, runs: int, cmark: str | None) -> list[Row]:
    def whole():
        with tempfile.TemporaryDirectory(dir=work) as out, tempfile.TemporaryDirectory(dir=work) as cache:
            command = [sys.executable, "-m", "journal_app", "export", "--all", str(site), "-o", out]
            return timed(command, REPO, dict(os.environ, JOURNAL_APP_CACHE_DIR=cache))

    def one():
        return timed(
            [sys.executable, "-m", "journal_app", "export", str(seed), "-o", str(work / "one.html")], REPO
        )

    def floor_whole():
        with tempfile.TemporaryDirectory(dir=work) as out:
            return timed([cmark, str(HERE / "floors.py"), "export-all", str(site), out], REPO)  # type: ignore[list-item]

    def floor_one():
        return timed([cmark, str(HERE / "floors.py"), "export", str(seed), str(work / "floor.html")], REPO)  # type: ignore[list-item]

    rows = []
    count = sum(1 for _ in site.rglob("*.md"))
    for label, run, floor, target in (
        (f"`export --all`, {count} posts, cold", whole, floor_whole, 1.0),
        ("`journal-app export` one post (whole process)", one, floor_one, 0.06),
    ):
        row = Row(label, unit="s", target=target, floor_name="cmark-gfm")
        cpu = Row("  CPU (with its workers)", unit="s")
        contenders = {"journal_app": run}
        if cmark:
            contenders["floor"] = floor
        else:
            row.add("floor", "cmarkgfm not importable")
        run()  # the page cache and compiled modules
        contenders_row(row, cpu, runs, contenders)
        rows += [row, cpu]
    return rows


def version(command: list[str]) -> str:
    """The first line ``command`` prints (a version), or "?"."""
    try:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")  # a Qt app's --version needs no window
        found = subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)
        return (found.stdout.strip().splitlines() or ["?"])[-1]
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def peer_versions(args, cmark: str | None) -> str:
    """The peers' and the floor's versions, for the record."""
    parts = []
    if args.ghostwriter:
        parts.append(version([args.ghostwriter, "--version"]))
    if args.retext:
        interpreter = Path(args.retext).read_text(errors="replace").splitlines()[0].lstrip("#!").strip()
        parts.append("ReText " + version([interpreter, "-c", META % "ReText"]))
        parts.append("PyQt6-WebEngine " + version([interpreter, "-c", META % "PyQt6-WebEngine-Qt6"]))
    if cmark:
        parts.append("cmarkgfm " + version([cmark, "-c", META % "cmarkgfm"]))
    return ", ".join(parts) or "none"


META = "import importlib.metadata as m; print(m.version(%r))"


def progress(section: str) -> None:
    """Say that ``section`` is done, with the load average then (the load during the run)."""
    print(f"{datetime.datetime.now():%H:%M:%S} {section} done; load average {load()}", flush=True)


def cmark_python(given: str | None) -> str | None:
    """An interpreter that can import cmarkgfm, or None."""
    for candidate in [given, sys.executable]:
        if (
            candidate
            and subprocess.run([candidate, "-c", "import cmarkgfm"], capture_output=True).returncode == 0
        ):
            return candidate
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", help="the seed post (default: the largest post of the sample journal)")
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    parser.add_argument("--only", action="append", choices=SECTIONS, help="only these rows (repeatable)")
    parser.add_argument("--ghostwriter", default=shutil.which("ghostwriter"))
    parser.add_argument("--retext", default=shutil.which("retext"), help="ReText's executable (its own venv)")
    parser.add_argument("--cmark-python", help="an interpreter with cmarkgfm installed (a scratch venv)")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and shutil.which("xvfb-run") and not os.environ.get("RUN_ALL_NESTED"):
        os.environ["RUN_ALL_NESTED"] = "1"
        # -noreset: between two apps no client is connected, and a server that resets then
        # refuses the next one for a moment ("could not connect to display")
        screen = ["-s", "-screen 0 1280x900x24 -noreset"]
        number = ["-n", str(200 + os.getpid() % 700)]  # -a alone starts at 99, where others race
        sys.exit(subprocess.call(["xvfb-run", "-a", *number, *screen, sys.executable, *sys.argv]))
    from journal_app.resources import resource_path

    sample = Path(resource_path("sample-journal")) / "content"
    seed_source = Path(args.seed) if args.seed else max(sample.glob("*.md"), key=lambda p: p.stat().st_size)
    only = args.only or list(SECTIONS)
    runs = 2 if args.quick else 7
    cmark = cmark_python(args.cmark_python)
    started = time.time()
    print(f"date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
    print("\n".join(machine(REPO)))
    print(
        f"seed post: {seed_source.name}, {seed_source.stat().st_size:,} bytes; load average at start {load()}"
    )
    print(
        f"peers: ghostwriter {args.ghostwriter or 'not installed'}; ReText {args.retext or 'not installed'}; "
        f"cmark-gfm {'in ' + cmark if cmark else 'not importable'}"
    )
    print(f"versions: {peer_versions(args, cmark)}")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="run-all-") as folder:
        work = Path(folder)
        journal = work / "journal"
        (journal / "content").mkdir(parents=True)
        (journal / "images").mkdir()
        seed = journal / "content" / "seed.md"
        shutil.copy(seed_source, seed)
        huge_journal = work / "huge" / "content"
        huge_journal.mkdir(parents=True)
        huge = huge_journal / "big.md"
        huge.write_text("---\ntitle: 큰 글\n---\n" + make_post(1), encoding="utf-8")
        if "launch" in only:
            rows += section_launch(args, seed, work, runs)
            progress("launch")
        if "keys" in only:
            rows += section_keys(seed, work, 1 if args.quick else 3, 10 if args.quick else 20)
            progress("keys")
        if "huge" in only:
            huge_rows = section_keys(seed, work, 1 if args.quick else 3, 5 if args.quick else 10, huge)
            if cmark:
                floor = subprocess.run(
                    [cmark, str(HERE / "floors.py"), "render", str(huge), "9"], capture_output=True, text=True
                )
                huge_rows[0].add("floor", float(floor.stdout.strip()) if floor.returncode == 0 else "failed")
                huge_rows[0].floor_name = "cmark-gfm render"
            rows += huge_rows
            progress("huge")
        big = HERE / "out" / "journal-10000"
        if not big.exists() and ("tree" in only or "list" in only):
            generate(big, 10_000)
        if "tree" in only:
            rows += section_tree(big.resolve(), work, 2 if args.quick else 5)
            progress("tree")
        if "list" in only:
            rows += section_list(big.resolve(), work, 3 if args.quick else 7)
            progress("list")
        if "export" in only:
            site = HERE / "out" / "journal-1000"
            if not site.exists():
                generate(site, 1000)
            rows += section_export(site.resolve(), seed, work, 2 if args.quick else 5, cmark)
            progress("export")
    print()
    print_table(rows)
    print()
    print(f"load average at end {load()}; {time.time() - started:.0f} s in all")
    print(f"{NOT_OBSERVABLE}: not observable from outside the app (when its preview shows a keystroke).")


if __name__ == "__main__":
    main()

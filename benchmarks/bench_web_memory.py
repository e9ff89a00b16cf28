"""What the web engine costs: the app's memory with Chromium flags and web profile settings.

Usage: python benchmarks/bench_web_memory.py [--seed POST] [--runs 3] [--only NAME ...]
Without a display it runs itself again under ``xvfb-run``. For each variant (interleaved, run
by run) one window_probe.py run on the seed post, with ``QTWEBENGINE_CHROMIUM_FLAGS`` (and, for
some, the preview's web profile changed first): the PSS of all the app's processes after three
keystrokes, their private memory (USS), the number of processes, and whether each keystroke
reached the preview (the variant still renders). Prints the median PSS, its difference from the
baseline, the median USS and the median keystroke -> preview time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from proctree import load, machine, median  # noqa: E402
from run_all import REPO, probe  # noqa: E402

VARIANTS: dict[str, tuple[str, str]] = {  # name -> (Chromium flags, profile tweaks)
    "baseline": ("", ""),
    "single-process": ("--single-process", ""),
    "process-per-site": ("--process-per-site", ""),
    "small cache": ("--disk-cache-size=1048576 --media-cache-size=1048576", "nocache"),
    "no GPU": ("--disable-gpu --disable-gpu-compositing", ""),
    "in-process GPU": ("--in-process-gpu", ""),
    "no PDF, plugins, spell check": ("--disable-extensions --disable-pdf-extension", "nopdf nospell"),
    "disabled features": ("--disable-features=SpellCheckService,Translate,MediaRouter,OptimizationHints", ""),
    "V8 lite mode": ("--js-flags=--lite-mode", ""),
    "renderer limit 1": ("--renderer-process-limit=1", ""),
    "no GPU + small cache": (
        "--disable-gpu --disable-gpu-compositing --disk-cache-size=1048576 --media-cache-size=1048576",
        "nocache",
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", help="the seed post (default: the largest post of the sample journal)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", action="append", choices=list(VARIANTS))
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and shutil.which("xvfb-run") and not os.environ.get("RUN_ALL_NESTED"):
        os.environ["RUN_ALL_NESTED"] = "1"
        number = ["-n", str(200 + os.getpid() % 700)]  # -a alone starts at 99, where others race
        # -noreset: between two apps no client is connected, and a server that resets then
        # refuses the next one for a moment ("could not connect to display")
        screen = ["-s", "-screen 0 1280x900x24 -noreset"]
        sys.exit(subprocess.call(["xvfb-run", "-a", *number, *screen, sys.executable, *sys.argv]))
    from journal_app.resources import resource_path

    sample = Path(resource_path("sample-journal")) / "content"
    seed_source = Path(args.seed) if args.seed else max(sample.glob("*.md"), key=lambda p: p.stat().st_size)
    print("\n".join(machine(REPO)))
    platform = "xcb (Xvfb)" if os.environ.get("DISPLAY") else "offscreen"
    print(f"load average at start {load()}; platform {platform}")
    names = args.only or list(VARIANTS)
    found: dict[str, list[dict]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory(prefix="web-memory-") as folder:
        work = Path(folder)
        (work / "journal" / "content").mkdir(parents=True)
        seed = work / "journal" / "content" / "seed.md"
        shutil.copy(seed_source, seed)
        for run in range(args.runs):
            for name in names:
                flags, tweaks = VARIANTS[name]
                env = {"QTWEBENGINE_CHROMIUM_FLAGS": flags, "BENCH_WEB_PROFILE": tweaks}
                env_dir = work / f"env-{run}-{len(found[name])}-{names.index(name)}"
                try:
                    found[name].append(
                        probe("type", seed, env_dir, work / "cache", "--keys", "3", env_more=env)
                    )
                except SystemExit as failed:
                    print(f"{name}: failed: {str(failed)[-300:]}")
    base = median([r["pss_mb"] for r in found.get("baseline", [])]) if found.get("baseline") else None
    print("\n| variant | flags / profile | PSS | vs baseline | USS | processes | keystroke -> preview |")
    print("|---|---|---|---|---|---|---|")
    for name in names:
        results = found[name]
        if not results:
            print(f"| {name} | {' '.join(VARIANTS[name]).strip()} | failed | | | | |")
            continue
        each = [r["pss_mb"] for r in results]
        uss = median([r["uss_mb"] for r in results])
        pss = median(each)
        keys = [t for r in results for t in r["keystroke_ms"]]
        rendered = sum(len(r["keystroke_ms"]) for r in results)
        delta = f"{pss - base:+.0f} MB" if base is not None else ""
        flags = " / ".join(part for part in VARIANTS[name] if part) or "—"
        processes = max(r["processes"] for r in results)
        print(
            f"| {name} | {flags} | {pss:.0f} MB ({min(each):.0f}–{max(each):.0f}, n={len(each)}) | {delta} "
            f"| {uss:.0f} MB | {processes} | {median(keys):.0f} ms ({rendered}/{3 * len(results)} shown) |"
        )
    print(f"\nload average at end {load()}")


if __name__ == "__main__":
    main()

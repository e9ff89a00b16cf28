"""Run the core's promises over real exported blogs (not in the repo: point it at copies).

Usage: python benchmarks/check_real_blogs.py FOLDER [FOLDER ...]
For every post under each folder: open and save unchanged (bytes must be identical), rename a
tag in a scratch copy (only the lines holding it may change, one per key), run `check` (must not crash),
export the post (must not fail; every local image that exists must be embedded), render it as
the journal's flavor (named in the counts) and as every other flavor (must not raise). For the
block structure against each platform's own renderer, see compare_flavors.py. Prints counts.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from journal_app.core import Journal, check_post, load_post, save_post
from journal_app.core.export import export_post
from journal_app.core.render import FLAVORS, render_post
from journal_app.core.scan import image_refs, is_remote, locate_image


def main(folders: list[str]) -> int:
    failures = 0
    for folder in map(Path, folders):
        counts: Counter[str] = Counter()
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / "journal"
            shutil.copytree(folder, copy)
            journal = Journal(copy, use_index=False)
            counts["posts"] = len(journal.posts)
            counts[f"flavor {journal.flavor}"] = 1
            for info in journal.posts:
                original = info.path.read_bytes()
                post = load_post(info.path)
                save_post(post)
                if info.path.read_bytes() != original:
                    counts["NOT IDENTICAL after save"] += 1
                    print("changed by an unchanged save:", info.relpath)
                counts["invalid headers"] += post.header_invalid
                problems = check_post(post, copy)
                counts["undefined lines"] += sum("'undefined' line" in p.message for p in problems)
                counts["missing images"] += sum("image not found" in p.message for p in problems)
                out = Path(scratch) / "page.html"
                result = export_post(post, out, copy)
                local = [
                    ref.src
                    for ref in image_refs(post.body)
                    if not is_remote(ref.src) and locate_image(ref.src, post.path, copy).path
                ]
                if len(result.images) != len(local):
                    counts["EXPORT IMAGE MISMATCH"] += 1
                counts["images embedded"] += len(result.images)
                for flavor in FLAVORS:
                    try:
                        render_post(post, copy, flavor=flavor)
                    except Exception as error:  # a renderer bug: counted, the run goes on
                        counts["RENDER RAISED"] += 1
                        print(f"render as {flavor} raised on {info.relpath}: {error!r}")
                counts["exported"] += 1
            tags = journal.tag_counts()
            if tags:
                tag = tags[0][0]
                before = {info.path: info.path.read_bytes() for info in journal.posts}
                run = subprocess.run(
                    [sys.executable, "-m", "journal_app", "tag", "rename", str(copy), tag, tag + "-renamed"],
                    capture_output=True,
                    text=True,
                )
                counts["tag rename exit"] = run.returncode
                for path, data in before.items():
                    after = path.read_bytes()
                    if after == data:
                        continue
                    diff = [
                        line
                        for line in difflib.ndiff(
                            data.decode(errors="replace").splitlines(),
                            after.decode(errors="replace").splitlines(),
                        )
                        if line[:1] in "+-"
                    ]
                    counts["renamed posts"] += 1
                    removed = [d for d in diff if d.startswith("-")]
                    added = [d for d in diff if d.startswith("+")]
                    # one line for each key that holds the tag (tags and categories may both)
                    if (
                        not removed
                        or len(removed) != len(added)
                        or not all(tag in line for line in removed)
                        or not all(tag + "-renamed" in line for line in added)
                    ):
                        counts["RENAME TOUCHED MORE THAN ONE LINE"] += 1
                        print("rename diff:", path, diff[:6])
            check = subprocess.run(
                [sys.executable, "-m", "journal_app", "check", str(copy)], capture_output=True, text=True
            )
            counts["check exit"] = check.returncode
            if "Traceback" in check.stderr:
                counts["CHECK CRASHED"] += 1
        bad = sum(value for key, value in counts.items() if key.isupper() or key.split()[0].isupper())
        failures += bad
        print(f"{folder}: " + ", ".join(f"{key} {value}" for key, value in counts.items()))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

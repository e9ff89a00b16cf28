"""A writer killed at random moments during 200 saves of a growing post: the file on disk is
always a complete old or new version that loads."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

from journal_app.core import load_post

WRITER = """
import sys
from journal_app.core import load_post, save_post
path = sys.argv[1]
start = int(sys.argv[2])
for number in range(start, 200):
    post = load_post(path)
    post.body = post.body + f"줄 {number} " + "가나다라마바사 " * 200 + "\\n"
    save_post(post)
    print(number, flush=True)
"""


def complete_versions(text: str) -> int:
    """How many whole lines the body holds; raises if a line is cut short."""
    body = text.split("---\n", 2)[2]
    lines = body.split("\n")
    assert lines[-1] == ""  # ends with a full line
    for number, line in enumerate(lines[:-1]):
        assert line == f"줄 {number} " + "가나다라마바사 " * 200, f"line {number} is damaged"
    return len(lines) - 1


def kill_during_a_save(child: subprocess.Popen, rng: random.Random) -> None:
    """Let ``child`` finish a random number of saves (1 to 40), then kill it at a random moment
    of a later one: somewhere in the time its last save took, so during the load, the write,
    the sync or the rename. Waiting on its reports rather than on a clock means no kill is
    spent while the child is still starting."""
    last = time.monotonic()
    took = 0.0
    for _ in range(rng.randint(1, 40)):
        if not child.stdout.readline():  # it finished all 200 (or died): nothing to interrupt
            break
        now = time.monotonic()
        took, last = now - last, now
    time.sleep(rng.uniform(0, took))
    child.send_signal(signal.SIGKILL)
    child.wait()


def test_killed_writer_never_leaves_a_partial_file(tmp_path):
    path = tmp_path / "growing.md"
    path.write_text("---\ntitle: 자라는 글\n---\n", encoding="utf-8")
    rng = random.Random(7)
    done = kills = 0
    while done < 200:
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(done)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        kill_during_a_save(child, rng)
        kills += 1
        post = load_post(path)  # always loads
        assert post.metadata == {"title": "자라는 글"}
        done = complete_versions(path.read_text(encoding="utf-8"))
        # a kill between writing and renaming leaves a hidden temporary file, never a post
        leftovers = [name for name in os.listdir(tmp_path) if name != "growing.md"]
        assert all(name.startswith(".growing.md.") and name.endswith(".tmp") for name in leftovers)
        assert kills < 1000
    assert done == 200 and kills >= 5
    from journal_app.core import Journal

    assert [info.relpath for info in Journal(tmp_path, use_index=False).posts] == ["growing.md"]

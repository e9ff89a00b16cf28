"""The summary index: reused while files are unchanged, refreshed when they change."""

from __future__ import annotations

import os
from datetime import datetime

from journal_app.core import Journal
from journal_app.core.storage import cache_folder


def snapshot(journal: Journal) -> list[tuple]:
    return [
        (
            info.relpath,
            info.title,
            info.date,
            info.tags,
            info.description,
            info.problems,
            info.header_invalid,
            info.readable,
        )
        for info in journal.posts
    ]


def test_index_gives_the_same_summaries(quirk_journal):
    root, _ = quirk_journal
    fresh = snapshot(Journal(root, use_index=False))
    first = snapshot(Journal(root))
    assert list(cache_folder().glob("summaries-*.sqlite"))
    second = snapshot(Journal(root))
    assert fresh == first == second


def test_changed_file_is_read_again(quirk_journal):
    root, _ = quirk_journal
    path = root / "notes/plain.md"
    Journal(root)
    stat = path.stat()
    path.write_text("# A new title\n")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert Journal(root).get(path).title == "A new title"


def test_deleted_file_disappears(quirk_journal):
    root, written = quirk_journal
    Journal(root)
    (root / "notes/plain.md").unlink()
    assert len(Journal(root).posts) == len(written) - 1


def test_many_files_read_in_parallel_match_serial(tmp_path):
    import json
    import subprocess
    import sys

    root = tmp_path / "many"
    root.mkdir()
    for index in range(450):
        tags = '["가","나"]' if index % 2 else "[]"
        header = (
            f'---\ntitle: "글 {index}"\ndate: 2020-01-{index % 28 + 1:02d}T00:00:00Z\ntags: {tags}\n---\n'
        )
        (root / f"{index:03d}.md").write_text(header + "본문\n" * 5)
    (root / "bad.md").write_bytes(b"\xff\xfe")
    # workers are forked only from a single-threaded process, and pytest's watchdog is a thread
    script = (
        "import json, sys\nfrom journal_app.core import Journal\n"
        "journal = Journal(sys.argv[1], use_index=False)\n"
        "print(json.dumps({'workers': journal.scan_workers, 'posts': [[info.relpath, info.title, "
        "info.date.isoformat(), info.tags, info.description, info.problems, info.header_invalid, "
        "info.readable] for info in journal.posts]}, ensure_ascii=False))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(root)], capture_output=True, text=True, timeout=120, check=True
    )
    found = json.loads(result.stdout)
    if (os.cpu_count() or 1) > 1:
        assert found["workers"] > 1
    parallel = [(p[0], p[1], datetime.fromisoformat(p[2]), *p[3:]) for p in found["posts"]]
    from journal_app.core import journal as journal_module

    serial_minimum, journal_module.PARALLEL_MINIMUM = journal_module.PARALLEL_MINIMUM, 10**9
    try:
        serial = snapshot(Journal(root, use_index=False))
    finally:
        journal_module.PARALLEL_MINIMUM = serial_minimum
    assert parallel == serial and len(parallel) == 451

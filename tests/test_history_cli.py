"""``journal-app history POST``: the versions of a post, and one version's exact bytes, from
the app's snapshots and from git (run through the entry point ``python -m journal_app`` runs,
in this process; the git one as a real process, its bytes through a real pipe)."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone

from journal_app.core.history import data_folder, open_history
from tests.clirun import run_in_process, run_process
from tests.gitrepos import git, new_repo


def run(*args, data, real: bool = False):
    env = dict(os.environ, JOURNAL_APP_DATA_DIR=str(data))
    return (run_process if real else run_in_process)(*args, env=env, text=False)


def test_history_lists_and_shows_the_snapshots(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("JOURNAL_APP_DATA_DIR", str(data))
    root = tmp_path / "journal"
    root.mkdir()
    post = root / "후기.md"
    first = "---\ntitle: AI Expo 후기\n---\n첫 줄\r\n".encode()
    post.write_bytes(first)
    history = open_history(root, data_folder())
    hour_ago = (datetime.now(timezone.utc) - timedelta(hours=1)).timestamp()
    history.record(post, first + "둘째\n셋째\n".encode(), before=first, since=hour_ago)
    history.close()
    post.write_bytes(first + "둘째\n셋째\n".encode())

    listed = run("history", post, "--root", root, data=data)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.decode().splitlines()
    assert len(lines) == 2
    number, _when, size, summary = lines[0].split("\t")
    assert (number, size, summary) == ("1", f"{len(first) + 14} bytes", "+2 \u22120 lines")
    assert lines[1].endswith("earliest kept version")
    shown = run("history", post, "--root", root, "--show", "2", data=data)
    assert shown.returncode == 0 and shown.stdout == first  # byte for byte, CRLF and all
    objects = json.loads(run("history", post, "--root", root, "--json", data=data).stdout)
    assert [item["number"] for item in objects] == [1, 2]
    assert objects[0]["added"] == 2 and objects[0]["summary"] == "+2 \u22120 lines"
    missing = run("history", post, "--root", root, "--show", "3", data=data)
    assert missing.returncode == 1
    assert missing.stderr.decode().strip() == f"journal-app: There is no version 3 of {post}: it has 2."


def test_history_of_a_post_under_git(tmp_path):
    top = new_repo(tmp_path / "blog", {"_posts/a.md": "one\n"})
    (top / "_posts/a.md").write_text("one\ntwo\n", encoding="utf-8")
    git(top, "commit", "-qam", 'Update "a"')
    listed = run("history", top / "_posts/a.md", data=tmp_path / "data", real=True)
    assert listed.returncode == 0, listed.stderr
    summaries = [line.split("\t")[3] for line in listed.stdout.decode().splitlines()]
    assert summaries == ['+1 \u22120 lines · Update "a"', "earliest kept version · first"]
    assert run("history", top / "_posts/a.md", "--show", "2", data=tmp_path, real=True).stdout == b"one\n"
    assert not (tmp_path / "data").exists()


def test_history_of_a_post_never_saved_says_so(tmp_path):
    post = tmp_path / "j" / "p.md"
    post.parent.mkdir()
    post.write_text("x\n")
    result = run("history", post, data=tmp_path / "data")
    assert result.returncode == 0 and result.stdout == b""
    assert "No saved versions" in result.stderr.decode()
    assert run("history", tmp_path / "nothing.md", data=tmp_path).returncode == 1

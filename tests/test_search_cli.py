"""`journal-app search`, run through the entry point ``python -m journal_app`` runs (in this
process, tests/clirun.py; once as a real process)."""

from __future__ import annotations

import json

from tests.clirun import run_in_process, run_process


def run(*args):
    return run_in_process(*args)


def write_journal(root):
    posts = root / "posts"
    posts.mkdir(parents=True)
    (posts / "startup.md").write_text(
        "---\ntitle: 스타트업 후기\ndate: 2021-10-03\ntags: [일상]\n---\n"
        "# 첫 해\n\n스타트업에서\tPython을 배웠다.\n",
        encoding="utf-8",
    )
    (posts / "trip.md").write_text(
        "---\ntitle: 여행\ndate: 2022-05-01\ntags: [여행]\n---\n바다를 봤다. 후련했다.\n", encoding="utf-8"
    )
    return root


def test_search_text(tmp_path):
    root = write_journal(tmp_path / "journal")
    result = run_process("search", root, "스타트업에")  # a real process
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "posts/startup.md:8\t스타트업 후기\t2021-10-03\t스타트업에서 Python을 배웠다."
    ]


def test_search_json_limit_and_order(tmp_path):
    root = write_journal(tmp_path / "journal")
    result = run("search", root, "후", "--json")
    found = json.loads(result.stdout)
    assert [post["path"] for post in found] == ["posts/trip.md", "posts/startup.md"]  # newest first
    assert found[0]["line"] == 6 and found[0]["tags"] == ["여행"]
    start, end = found[0]["marks"][0]
    assert found[0]["snippet"][start:end] == "후"
    limited = json.loads(run("search", root, "후", "--json", "--limit", "1").stdout)
    assert [post["path"] for post in limited] == ["posts/trip.md"]


def test_search_filters_and_nothing_found(tmp_path):
    root = write_journal(tmp_path / "journal")
    assert run("search", root, "tag:일상 python").stdout.startswith("posts/startup.md:8\t")
    nothing = run("search", root, "year:2020")
    assert nothing.returncode == 1 and nothing.stdout == ""
    missing = run("search", tmp_path / "nowhere", "x")
    assert missing.returncode == 1 and "There is no folder" in missing.stderr


def test_search_follows_an_edit(tmp_path):
    root = write_journal(tmp_path / "journal")
    assert run("search", root, "꿀팁").returncode == 1
    path = root / "posts" / "trip.md"
    path.write_text(path.read_text(encoding="utf-8") + "꿀팁 하나.\n", encoding="utf-8")
    result = run("search", root, "꿀팁")
    assert result.returncode == 0 and result.stdout.startswith("posts/trip.md:7\t")

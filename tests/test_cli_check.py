"""``journal-app check``: the checks before publishing, ``--fix`` and ``--dry-run`` across a velog
backup; ``list --json`` with the stored and the local date. Run as a real process."""

from __future__ import annotations

import json

from tests.test_cli import run

HEADER = '---\ntitle: "책 "데미안" 읽고"\ndescription: "싱클레어"\n'
REST = 'date: 2020-11-02T23:02:03.000Z\ntags: ["독서"]\n---\n본문\n\n'
BROKEN = HEADER + REST + "undefined\n"
FIXED = HEADER.replace('"책 "데미안" 읽고"', '"책 \\"데미안\\" 읽고"') + REST


def backup(tmp_path):
    root = tmp_path / "backup"
    (root / "content").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "content" / "데미안.md").write_bytes(BROKEN.encode())
    (root / "content" / "fine.md").write_bytes(b'---\ntitle: "fine"\ntags: ["a"]\n---\nok\n')
    (root / "content" / "long.md").write_bytes(
        ('---\ntitle: "long"\ndescription: "' + "가" * 151 + '"\n---\n').encode()
    )
    return root


def test_dry_run_prints_each_change_and_writes_none(tmp_path):
    root = backup(tmp_path)
    result = run("check", root, "--fix", "--dry-run")
    assert result.stdout.startswith(
        "--- a/content/데미안.md\n+++ b/content/데미안.md\n"
        '@@ -2,1 +2,1 @@\n-title: "책 "데미안" 읽고"\n+title: "책 \\"데미안\\" 읽고"\n'
        "--- a/content/데미안.md\n+++ b/content/데미안.md\n@@ -9,1 +9,0 @@\n-undefined\n"
    )
    assert "fixed " not in result.stdout
    assert (root / "content" / "데미안.md").read_bytes() == BROKEN.encode()
    assert "content/데미안.md:2: the header has text after the closing quote" in result.stdout
    assert result.returncode == 1


def test_fix_repairs_the_backup_and_the_check_then_finds_only_what_is_left(tmp_path):
    root = backup(tmp_path)
    result = run("check", root, "--fix")
    assert "fixed content/데미안.md: Fix header, Remove 1 'undefined' line(s)" in result.stdout
    assert (root / "content" / "데미안.md").read_bytes() == FIXED.encode()
    assert (root / "content" / "fine.md").read_bytes() == b'---\ntitle: "fine"\ntags: ["a"]\n---\nok\n'
    out = [line for line in result.stdout.splitlines() if line.startswith("content/")]
    assert out == [
        "content/long.md:the post has no tags",  # problems without a line come first
        "content/long.md:3: the description is 151 characters; velog shows the first 150",
    ]
    again = run("check", root, "--fix")
    assert "fixed" not in again.stdout and "---" not in again.stdout  # nothing left to repair
    assert run("check", root, "--dry-run").returncode == 1  # --dry-run alone is a usage error


def test_list_json_gives_the_stored_and_the_local_date(tmp_path, seoul):
    root = backup(tmp_path)
    posts = {post["path"]: post for post in json.loads(run("list", root, "--json").stdout)}
    post = posts["content/데미안.md"]
    assert (post["date"], post["local_date"]) == ("2020-11-02T23:02:03+00:00", "2020-11-03T08:02:03+09:00")

"""The command line: in this process through the entry point ``python -m journal_app`` runs
(tests/clirun.py), and as a real process where only one shows it (Korean through the locale's
output, the exit status of a usage error, a closed pipe, hostile files within limits)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.clirun import run_in_process, run_process
from tests.hostile import deep_folders, hostile_journal, run_python


def run(*args, cwd=None):
    return run_in_process(*args, cwd=cwd)


def test_list_text(quirk_journal):
    root, written = quirk_journal
    result = run_process("list", root)  # a real process: Korean through the locale's stdout
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(written)
    assert "2021-03-28\t제주 여행 후기\t여행, 일상\tbackup/content/제주 여행 후기.md" in lines


def test_list_json_and_tag_filter(quirk_journal, seoul):
    root, _ = quirk_journal
    result = run("list", root, "--json", "--tag", "hugo")
    posts = json.loads(result.stdout)
    assert [post["title"] for post in posts] == ["Hugo post", "TOML post"]
    assert posts[0] == {
        "path": "content/posts/hugo.md",
        "title": "Hugo post",
        "date": "2024-02-02T04:14:54-08:00",
        "local_date": "2024-02-02T21:14:54+09:00",  # 12:14 UTC, nine hours on
        "tags": ["hugo", "static", "web"],
        "description": "A short summary",
        "problems": [],
    }


def test_list_tag_ignores_case_and_a_closed_pipe_is_quiet(quirk_journal, tmp_path):
    root, _ = quirk_journal
    posts = json.loads(run("list", root, "--json", "--tag", "HUGO").stdout)
    assert [post["title"] for post in posts] == ["Hugo post", "TOML post"]
    many = tmp_path / "many"
    many.mkdir()
    for number in range(160):  # long titles: more than a pipe holds in few files
        (many / f"{number:04} 글.md").write_text(
            f"---\ntitle: 긴 제목의 글 {number} {'가' * 150}\n---\n", encoding="utf-8"
        )
    assert len(run("list", many).stdout.encode()) > 1 << 16  # a pipe's 64 KiB
    reader = subprocess.Popen(
        [sys.executable, "-m", "journal_app", "list", str(many)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    reader.stdout.read(10)
    reader.stdout.close()  # like "| head -c 10"
    assert reader.wait(30) == 0 and reader.stderr.read() == b""


def test_list_json_reports_problems(quirk_journal):
    root, _ = quirk_journal
    posts = {post["path"]: post for post in json.loads(run("list", root, "--json").stdout)}
    assert "a backslash that starts no escape" in posts["backup/content/윈도우 경로.md"]["problems"][0]


def test_tags(quirk_journal):
    root, _ = quirk_journal
    lines = run("tags", root).stdout.splitlines()
    assert lines[:2] == ["2\thugo", "2\twindows"]
    data = json.loads(run("tags", root, "--json").stdout)
    assert {"tag": "여행", "count": 1} in data


def test_check_reports_everything(quirk_journal):
    root, _ = quirk_journal
    (root / "notes/undecodable.md").write_bytes(b"\xff\xfe\xfa bad")
    result = run("check", root)
    assert result.returncode == 1
    out = result.stdout.splitlines()
    assert "backup/content/윈도우 경로.md:3: the header has a backslash" in "\n".join(out)
    assert any(
        line.startswith("backup/content/책 \u201c데미안\u201d 읽고.md:2: the header has ") for line in out
    )
    assert "notes/list-header.md:2: the header is a list, not a mapping of keys to values" in out
    assert "backup/content/사진 모음.md:9: 'undefined' line: an image velog-backup failed to download" in out
    assert "backup/content/사진 모음.md:11: 'undefined' line: an image velog-backup failed to download" in out
    assert "backup/content/사진 모음.md:13: image not found: /images/missing.png" in out
    assert any(line.startswith("notes/undecodable.md:The file is not valid UTF-8") for line in out)
    assert "Traceback" not in result.stderr


def test_check_names_symlink_loops(quirk_journal):
    root, _ = quirk_journal
    (root / "a.md").symlink_to(root / "b.md")
    (root / "b.md").symlink_to(root / "a.md")
    out = run("check", root).stdout.splitlines()
    assert f"a.md:Could not read {root / 'a.md'}: the path is a loop of symbolic links." in out


@pytest.mark.permissions
def test_check_names_unreadable_folders_and_posts(quirk_journal):
    root, _ = quirk_journal
    (root / "locked").mkdir()
    (root / "locked" / "p.md").write_text("x")
    (root / "notes" / "secret.md").write_text("x")
    (root / "notes" / "secret.md").chmod(0)
    (root / "locked").chmod(0)
    try:
        result = run("check", root)
    finally:
        (root / "locked").chmod(0o755)
    out = result.stdout.splitlines()
    assert f"Could not read {root / 'locked'}: permission was denied." in out
    assert f"notes/secret.md:Could not read {root / 'notes' / 'secret.md'}: permission was denied." in out
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_check_clean_journal_exits_zero(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: a\ntags: [b]\n---\nfine\n")
    result = run("check", tmp_path)
    assert result.returncode == 0 and result.stdout == ""


def test_tag_rename_changes_only_the_tags_line(quirk_journal):
    root, written = quirk_journal
    result = run("tag", "rename", root, "hugo", "휴고")
    assert result.returncode == 0, result.stderr
    hugo = root / "content/posts/hugo.md"
    assert hugo.read_bytes() == written[hugo].replace(b"  - hugo\n", "  - 휴고\n".encode())
    toml = root / "content/posts/toml.md"
    assert toml.read_bytes() == written[toml].replace(b'"hugo"]', '"휴고"]'.encode())
    for path, data in written.items():
        if path not in (hugo, toml):
            assert path.read_bytes() == data
    assert "renamed in content/posts/hugo.md" in result.stdout


def test_tag_rename_merges_and_keeps_style(quirk_journal):
    root, written = quirk_journal
    velog = root / "backup/content/제주 여행 후기.md"
    result = run("tag", "rename", root, "일상", "여행")
    assert result.returncode == 0
    assert velog.read_bytes() == written[velog].replace(
        'tags: ["여행","일상"]'.encode(), 'tags: ["여행"]'.encode()
    )


def test_tag_rename_lists_invalid_headers(quirk_journal):
    root, written = quirk_journal
    result = run("tag", "rename", root, "독서", "책")
    path = root / "backup/content/책 \u201c데미안\u201d 읽고.md"
    assert "skipped backup/content/책 \u201c데미안\u201d 읽고.md" in result.stdout
    assert path.read_bytes() == written[path]


def test_tag_rename_space_separated_string(quirk_journal):
    root, written = quirk_journal
    run("tag", "rename", root, "leap", "leap-year")
    path = root / "_posts/2016-02-29-leap-day.md"
    assert path.read_bytes() == written[path].replace(b"tags: jekyll leap\n", b"tags: jekyll leap-year\n")


def test_tag_rename_reports_a_post_it_cannot_change_and_fails(tmp_path):
    (tmp_path / "a.md").write_bytes(b"---\ntags: [old]\n---\n")
    json_header = b'{"tags": ["old"]}\nJSON front matter is not edited field by field\n'
    (tmp_path / "b.md").write_bytes(json_header)
    result = run("tag", "rename", tmp_path, "old", "new")
    assert result.returncode == 1
    assert result.stdout.splitlines() == ["renamed in a.md", "'old' -> 'new' in 1 post(s); 1 failed."]
    assert result.stderr.startswith("not changed b.md: Editing JSON front matter is not supported")
    assert (tmp_path / "b.md").read_bytes() == json_header


def test_tag_rename_dry_run_prints_the_lines_and_writes_nothing(quirk_journal):
    root, written = quirk_journal
    result = run("tag", "rename", root, "hugo", "휴고", "--dry-run")
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert "would rename in content/posts/hugo.md" in out
    assert "  -  - hugo" in out and "  +  - 휴고" in out
    assert out[-1] == "Dry run, nothing written: 'hugo' -> '휴고' in 2 post(s)."
    for path, data in written.items():
        assert path.read_bytes() == data


def test_tag_rename_dry_run_merge_in_korean(quirk_journal):
    root, written = quirk_journal
    result = run("tag", "rename", root, "일상", "여행", "--dry-run")
    assert result.returncode == 0
    assert '  -tags: ["여행","일상"]' in result.stdout.splitlines()
    assert '  +tags: ["여행"]' in result.stdout.splitlines()
    assert all(path.read_bytes() == data for path, data in written.items())


@pytest.mark.parametrize("dry", [[], ["--dry-run"]])
def test_tag_rename_of_a_tag_no_post_has_says_so_and_fails(quirk_journal, dry):
    root, written = quirk_journal
    result = run("tag", "rename", root, "없는태그", "new", *dry)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "No post has the tag '없는태그'; nothing was changed.\n"
    assert all(path.read_bytes() == data for path, data in written.items())


def test_tag_rename_needs_names(tmp_path):
    result = run("tag", "rename", tmp_path, " ", "new")
    assert result.returncode == 1 and result.stderr == "journal-app: Tag names cannot be empty.\n"


@pytest.mark.parametrize(
    "args, message",
    [
        (("list", "/no/such/folder"), "There is no folder at /no/such/folder."),
        (("tags", __file__), "is a file, not a journal folder."),
    ],
)
def test_errors_are_one_sentence(args, message):
    result = run(*args)
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_usage_error_exit_status():
    result = run_process("list")  # the real process's exit status
    assert result.returncode == 2 and "ROOT" in result.stderr


def test_list_dates_are_local(tmp_path, seoul):
    (tmp_path / "docker.md").write_text(
        '---\ntitle: "Docker"\ndate: 2023-03-14T23:13:00.000Z\n---\n', encoding="utf-8"
    )
    assert run("list", tmp_path).stdout.startswith("2023-03-15\tDocker\t")


def test_check_and_list_name_every_hostile_file_and_read_the_rest(tmp_path):
    root, server = hostile_journal(tmp_path, bomb_title="*a9", tags=50000)
    (root / "deep.md").write_text("+++\na = " + "[" * 600 + "]" * 600 + "\n+++\n")
    (root / "deep-json.md").write_text('{"a": ' + "[" * 5000 + "]" * 5000 + "}\n")
    try:
        with deep_folders(root, 1100, (1100,)):
            checked = run_python("-m", "journal_app", "check", root)
            listed = run_python("-m", "journal_app", "list", root, "--json")
    finally:
        server.close()
    assert "Traceback" not in checked.stderr + listed.stderr and checked.returncode == 1
    out = checked.stdout.splitlines()
    problems = {line.split(":", 1)[0] for line in out if not line.startswith("Did not read")}
    assert problems == {
        "pipe.md",
        "socket.md",
        "zero.md",
        "key.md",
        "bomb.md",
        "deep.md",
        "deep-json.md",
        "tags.md",
        "big.md",
    }
    assert (
        f"key.md:Could not read {root / 'key.md'}: the file is a link to a place outside the "
        "journal; it is not read." in out
    )
    assert "big.md:1: the header is 2.0 MB, too large to read" in out
    assert "tags.md:the header has 50,000 tags; only the first 100 are listed in the journal" in out
    assert sum(line.startswith("Did not read the folders in ") for line in out) == 1
    posts = {post["path"]: post for post in json.loads(listed.stdout)}
    assert posts["good.md"]["problems"] == [] and posts["good.md"]["tags"] == ["ok"]
    assert len(posts["tags.md"]["tags"]) == 100
    assert "PRIVATE KEY" not in checked.stdout + listed.stdout


def test_help_shows_how_to_open_the_window_and_the_version():
    shown = run("--help")
    assert shown.returncode == 0 and "journal-app [FOLDER | POST.md]" in shown.stdout
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("journal-app ")

"""check_post: undefined lines, missing images (both velog layouts), header problems."""

from __future__ import annotations

from journal_app.core import check_post, load_post
from tests.quirks import PNG_HEAD


def test_undefined_lines_and_missing_images(quirk_journal):
    root, _ = quirk_journal
    problems = check_post(load_post(root / "backup/content/사진 모음.md"), root)
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (9, "'undefined' line"),
        (11, "'undefined' line"),
        (13, "image not found"),
    ]
    assert problems[-1].message.endswith("/images/missing.png")


def test_relative_image_that_exists_is_fine(quirk_journal):
    root, _ = quirk_journal
    assert check_post(load_post(root / "backup/content/제주 여행 후기.md"), root) == []


def test_root_relative_image_in_dated_backup(tmp_path):
    post_path = tmp_path / "backup/2021-10-31/content/p.md"
    post_path.parent.mkdir(parents=True)
    (tmp_path / "backup/2021-10-31/images").mkdir()
    (tmp_path / "backup/2021-10-31/images/a.png").write_bytes(PNG_HEAD)
    post_path.write_text('![](/images/a.png)\n![](../images/a.png)\n<img src="../images/b.png">\n')
    problems = check_post(load_post(post_path), tmp_path)
    assert [(p.line, p.message) for p in problems] == [(3, "image not found: ../images/b.png")]


def test_remote_images_and_code_are_not_checked(tmp_path):
    path = tmp_path / "p.md"
    path.write_text("![](https://example.com/a.png)\n\n```\n![](missing.png)\nundefined\n```\n")
    assert check_post(load_post(path), tmp_path) == []


def test_header_problem_has_its_line(quirk_journal):
    root, _ = quirk_journal
    problems = check_post(load_post(root / "backup/content/윈도우 경로.md"), root)
    assert problems[0].line == 3 and "a backslash that starts no escape" in problems[0].message


def test_empty_and_huge_files_are_reported(tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "huge.md").write_text("# 큰 글\n\n" + "가나다라 " * 1_500_000, encoding="utf-8")
    assert [p.message for p in check_post(load_post(tmp_path / "empty.md"), tmp_path)] == [
        "the file is empty"
    ]
    message = check_post(load_post(tmp_path / "huge.md"), tmp_path)[0].message
    assert message.startswith("the post is 1") and "MB" in message

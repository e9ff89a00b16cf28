"""Every message the core makes for real bad input is a template marked for translation and its
values: ``message == template.format(**values)``, and Qt's lupdate finds each template (and each
template of a value that is itself core words) in the core's source, so the window can show it
in Korean while the CLI keeps printing the English."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from journal_app.core import ConflictError, FieldEditError, HeaderError, JournalError, SaveError
from journal_app.core.attachments import NotAnImage, keep_image, link_to_file
from journal_app.core.checks import check_post
from journal_app.core.errors import JournalError as BaseError
from journal_app.core.flavor import FLAVORS
from journal_app.core.journal import Journal
from journal_app.core.postinfo import PostInfo
from journal_app.core.post import Post, load_post, read_error_message, read_error_words, save_post
from journal_app.core.problems import Problem
from journal_app.core.repairs import write_repairs
from journal_app.core.site import export_site
from journal_app.core.words import CONTEXT, Words
from tests.hostile import BOMB, deep_folders, hostile_journal, special_files
from tests.quirks import write_quirks

CORE = Path(__file__).resolve().parents[2] / "journal_app" / "core"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
PASS_THROUGH = {"{message}", "{reason}"}  # a value shown as it is (the system's or a parser's words)

BROKEN_HEADERS = [  # one for each plain sentence the YAML, TOML and JSON headers can get
    '---\ntitle: "책 "데미안" 읽고"\n---\n',
    '---\ntitle: "unclosed\ndate: 2020-01-01\n---\n',
    '---\ndescription: "C:\\Users\\나"\n---\n',
    "---\na: %x\n---\n",
    "---\na: " + "[" * 70 + "]" * 70 + "\n---\n",
    "---\ntitle: a\n- b\n---\n",
    "---\ntitle: a: b\n---\n",
    "---\ntitle: a\n\tdate: b\n---\n",
    "---\ntitle: *nothing\n---\n",
    "---\ntitle: [a, b\n---\n",
    "---\ntitle: {a: b\n---\n",
    "---\ntitle: 'it's'\n---\n",
    "---\ntitle: a\n  b: c\n---\n",
    "---\nkey: value\n? [a\n---\n",
    "---\n- one\n- two\n---\n",
    "---\ntitle: \udcff\n---\n",
    '+++\ntitle = "a\n+++\n',
    "+++\ntitle = \n+++\n",
    '{"a": ' + "[" * 2000 + "]" * 2000 + "}\nbody\n",
    "---\ntitle: big\n" + ("note: " + "x" * 63 + "\n") * 17_000 + "---\n",
    BOMB + "---\nbody\n",
    "---\ntags: [" + ", ".join(f"t{n}" for n in range(150)) + "]\n---\n",
]


@pytest.fixture(scope="module")
def marked(tmp_path_factory) -> set[str]:
    """The templates lupdate finds in the core, in the core's context."""
    if not LUPDATE.exists():
        pytest.skip("pyside6-lupdate is not installed")
    ts = tmp_path_factory.mktemp("lupdate") / "core.ts"
    subprocess.run(
        [LUPDATE, *sorted(map(str, CORE.glob("*.py"))), "-ts", ts, "-locations", "none"],
        check=True,
        capture_output=True,
    )
    root = ET.parse(ts).getroot()
    return {
        message.findtext("source") or ""
        for context in root.iter("context")
        if context.findtext("name") == CONTEXT
        for message in context.iter("message")
    }


def templates(said: Words):
    """The template of ``said`` and those of its values that are core words too."""
    yield said.template
    for value in said.values.values():
        if isinstance(value, Words):
            yield from templates(value)


def assert_marked(said: Words, text: str, marked: set[str]) -> None:
    assert str(said) == text
    for template in templates(said):
        assert template in marked or template in PASS_THROUGH, template


def assert_problem(problem: Problem, marked: set[str]) -> None:
    assert problem.template, problem
    assert problem.message == problem.template.format(**problem.values)
    assert_marked(problem.words, problem.message, marked)
    assert_marked(problem.full_words, str(problem), marked)


def all_problems(root: Path) -> list[Problem]:
    found = []
    for path in sorted(root.rglob("*.md")):
        try:
            post = load_post(path, root)
        except OSError:
            continue
        for flavor in FLAVORS:
            found += check_post(post, root, flavor, publishing=True)
    return found


def test_problems_of_the_quirk_files_are_marked_templates(tmp_path, marked):
    write_quirks(tmp_path)
    (tmp_path / "backup/images/notpng.png").write_text("not an image")
    (tmp_path / "_posts").mkdir(exist_ok=True)
    (tmp_path / "_posts/undated.md").write_text("---\ntitle: x\ndate: 2020-01-02\n---\n![](../x.png)\n")
    (tmp_path / "_posts/2020-01-01-a.md").write_text(
        "---\ntitle: a\ndate: 2020-01-02\ndraft: true\ndescription: " + "가" * 200 + "\n---\n"
        '![](../backup/images/notpng.png) [b](missing.md) {{< ref "gone" >}} {% post_url nope %}\n'
    )
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "nul.md").write_bytes(b"# a\x00b\n")
    (tmp_path / "bad.md").write_bytes(b"# caf\xe9 \xff\n")
    problems = all_problems(tmp_path)
    assert len({problem.kind for problem in problems}) >= 15
    for problem in problems:
        assert_problem(problem, marked)


@pytest.mark.parametrize("text", BROKEN_HEADERS, ids=range(len(BROKEN_HEADERS)))
def test_a_broken_header_is_a_marked_template(text, marked):
    post = Post(text.encode("utf-8", "surrogateescape"))
    assert post.problem_details, text[:80]
    for problem in post.problem_details:
        assert_problem(problem, marked)
    if post.header is not None and post.header.problem is not None:
        with pytest.raises(HeaderError) as raised:
            post.set_field("title", "새 제목")
        assert_error(raised.value, marked)


def assert_error(error: BaseError, marked: set[str]) -> None:
    assert str(error) == error.template.format(**error.values)
    assert_marked(error.words, str(error), marked)


def test_the_hostile_journal_is_said_in_marked_templates(tmp_path, marked):
    root, server = hostile_journal(tmp_path, bomb_title="폭탄", tags=150)
    try:
        for problem in all_problems(root):
            assert_problem(problem, marked)
        refused = 0
        for name in ("pipe.md", "socket.md", "zero.md", "key.md", "missing.md"):
            try:
                load_post(root / name, root)
            except OSError as exc:
                refused += 1
                said = read_error_words(root / name, exc)
                assert_marked(said, read_error_message(root / name, exc), marked)
        assert refused == 5
    finally:
        server.close()


def test_folder_problems_are_marked_templates(tmp_path, marked):
    loop = tmp_path / "고리"
    loop.symlink_to(loop)
    with deep_folders(tmp_path, 66):
        journal = Journal(tmp_path, use_index=False)
        journal.folders(loop)
        assert len(journal.folder_problems) == 2
        for problem in journal.folder_problems:
            assert_problem(problem, marked)


def test_errors_of_bad_edits_and_saves_are_marked_templates(tmp_path, marked):
    errors: list[JournalError] = []
    folder = tmp_path / "folder.md"
    folder.mkdir()
    (tmp_path / "a.md").write_text("---\ntitle: a\n---\n")
    post = Post("---\ntitle: a\n---\n".encode(), tmp_path / "a.md")
    for attempt in (
        lambda: save_post(post, folder),
        lambda: save_post(Post(b"x")),
        lambda: save_post(post, tmp_path / "nowhere" / "a.md"),
        lambda: Post(b'{"title": 1}\n').set_field("title", "x"),
        lambda: Post(b"---\n{a: 1}\n---\n").set_field("a", 2),
        lambda: Post(b"+++\na = 1\n+++\n").set_field("a", None),
        lambda: post.set_header_text("not a header"),
        _unencodable,
        lambda: write_repairs(tmp_path / "a.md", b"other", [], "utf-8"),
    ):
        with pytest.raises(JournalError) as raised:
            attempt()
        errors.append(raised.value)
    loaded = load_post(tmp_path / "a.md")
    (tmp_path / "a.md").write_text("---\ntitle: changed on disk\n---\n")
    loaded.body = "mine"
    with pytest.raises(ConflictError) as conflict:
        save_post(loaded)
    errors.append(conflict.value)
    assert {type(error) for error in errors} >= {SaveError, HeaderError, FieldEditError, ConflictError}
    for error in errors:
        assert_error(error, marked)


def _unencodable() -> None:
    post = Post("---\ntitle: 옛날\n---\n한글 본문입니다\n".encode("cp949"))
    post.body = "😀"
    post.to_bytes()


def test_a_pipe_refused_by_name_keeps_its_words(tmp_path, marked):
    server = special_files(tmp_path)
    try:
        with pytest.raises(OSError) as raised:
            load_post(tmp_path / "pipe.md")
        said = read_error_words(tmp_path / "pipe.md", raised.value)
        reason = said.values["reason"]
        assert isinstance(reason, Words) and reason.template not in PASS_THROUGH
        assert "named pipe" in str(said)
        assert_marked(said, read_error_message(tmp_path / "pipe.md", raised.value), marked)
    finally:
        server.close()


def test_the_summaries_keep_the_words_of_their_problems_through_the_index(tmp_path, marked):
    root, server = hostile_journal(tmp_path, bomb_title="폭탄", tags=150)
    try:
        write_quirks(root)
        first = Journal(root)  # read from the files, summaries written to the index
        again = Journal(root)  # read back from the index
    finally:
        server.close()
    for journal in (first, again):
        with_problems = [info for info in journal.posts if info.problems]
        assert len(with_problems) >= 8 and not all(info.readable for info in with_problems)
        for info in with_problems:
            assert [str(said) for said in info.problem_words] == info.problems
            for said, text in zip(info.problem_words, info.problems):
                assert_marked(said, text, marked)
            data = json.loads(json.dumps(info.to_dict()))
            assert PostInfo.from_dict(info.path, info.relpath, data) == info
            data["problem_words"] = data["problem_words"][1:]  # damaged: refused, the file read again
            with pytest.raises(ValueError):
                PostInfo.from_dict(info.path, info.relpath, data)


def test_images_refused_when_pasted_are_marked_templates(tmp_path, marked):
    post = tmp_path / "a.md"
    post.write_text("# a\n")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "notes.txt").write_text("text")
    journal = tmp_path / "journal"
    journal.mkdir()
    for attempt in (
        lambda: keep_image(b"not an image", journal / "a.md", journal, "commonmark"),
        lambda: link_to_file(tmp_path / "outside" / "notes.txt", journal / "a.md", journal, "commonmark"),
    ):
        with pytest.raises(NotAnImage) as raised:
            attempt()
        assert_marked(raised.value.words, str(raised.value), marked)


def test_posts_the_site_export_leaves_out_are_marked_templates(tmp_path, marked):
    root, server = hostile_journal(tmp_path, bomb_title="폭탄", tags=3)
    try:
        result = export_site(root, tmp_path / "site")
    finally:
        server.close()
    assert len(result.failed) >= 3 and [str(said) for said in result.failed_words] == result.failed
    for said, text in zip(result.failed_words, result.failed):
        assert_marked(said, text, marked)

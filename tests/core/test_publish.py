"""Checks before publishing, per platform, on real files in tmp_path."""

from __future__ import annotations

from journal_app.core import check_post, load_post
from journal_app.core.problems import ProblemKind as K
from journal_app.core.publish import publish_problems


def write(root, relative: str, text: str):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load_post(path)


def found(post, root, flavor):
    return [(problem.line, problem.kind) for problem in publish_problems(post, root, flavor)]


def test_velog_cuts_a_description_over_150_characters_and_refuses_a_title_over_255(tmp_path):
    # 151 characters once "&#x3A;" is decoded to ":" (velog shows the decoded text)
    description = "가" * 145 + "&#x3A;" + "나" * 5
    post = write(
        tmp_path,
        "content/a.md",
        f'---\ntitle: "{"제" * 256}"\ndescription: "{description}"\ntags: ["일상"]\n---\n',
    )
    problems = publish_problems(post, tmp_path, "velog")
    assert [(p.line, p.kind) for p in problems] == [(3, K.DESCRIPTION_CUT), (2, K.TITLE_TOO_LONG)]
    assert problems[0].message == "the description is 151 characters; velog shows the first 150"
    assert problems[1].message == "the title is 256 characters; velog takes at most 255"
    exactly = write(
        tmp_path, "content/b.md", f'---\ntitle: "{"제" * 255}"\ndescription: "{"가" * 150}"\ntags: [a]\n---\n'
    )
    assert found(exactly, tmp_path, "velog") == []


def test_hugo_dates_drafts_and_titles(tmp_path):
    rfc = write(
        tmp_path, "content/posts/a.md", "---\ntitle: A\ndate: 2024-02-02T04:14:54-08:00\ntags: [x]\n---\n"
    )
    assert found(rfc, tmp_path, "hugo") == []
    day = write(tmp_path, "content/posts/d.md", "---\ntitle: D\ndate: 2024-02-02\ntags: [x]\n---\n")
    assert found(day, tmp_path, "hugo") == []  # a full date is RFC 3339 too
    jekyllish = write(
        tmp_path,
        "content/posts/b.md",
        '---\ndate: "2016-02-29 09:48:44 +0100"\ndraft: true\ntags: [x]\n---\n',
    )
    problems = publish_problems(jekyllish, tmp_path, "hugo")
    assert [(p.line, p.kind) for p in problems] == [(2, K.DATE_NOT_RFC3339), (3, K.DRAFT), (None, K.NO_TITLE)]
    assert problems[0].message.startswith("the date 2016-02-29 09:48:44 +0100 is not RFC 3339")
    naive = write(
        tmp_path, "content/posts/c.md", "+++\ntitle = 'C'\ndate = 2024-02-02T04:14:54\ntags = ['x']\n+++\n"
    )
    assert found(naive, tmp_path, "hugo") == [(3, K.DATE_NOT_RFC3339)]  # no offset
    # the same post is fine for velog: these are Hugo's rules
    assert found(jekyllish, tmp_path, "velog") == []


def test_jekyll_names_of_posts(tmp_path):
    undated = write(tmp_path, "_posts/leap-day.md", "---\ntitle: L\ntags: [x]\n---\n")
    assert found(undated, tmp_path, "jekyll") == [(None, K.POST_NAME_UNDATED)]
    differs = write(
        tmp_path, "_posts/2016-02-29-leap.md", "---\ntitle: L\ndate: 2016-03-01 09:00 +0100\ntags: [x]\n---\n"
    )
    problems = publish_problems(differs, tmp_path, "jekyll")
    assert [(p.line, p.kind) for p in problems] == [(3, K.NAME_DATE_DIFFERS)]
    assert problems[0].message == "the file name says 2016-02-29 but the header's date is 2016-03-01"
    agrees = write(
        tmp_path, "_posts/2016-02-29-same.md", "---\ntitle: L\ndate: 2016-02-29 23:30 -0500\ntags: [x]\n---\n"
    )
    assert found(agrees, tmp_path, "jekyll") == []  # the date as the header writes it
    page = write(tmp_path, "about.md", "---\ntitle: About\ntags: [x]\n---\n")
    assert found(page, tmp_path, "jekyll") == []  # not a post


def test_links_to_posts_that_do_not_exist_and_posts_without_tags(tmp_path):
    write(tmp_path, "notes/there.md", "---\ntags: [x]\n---\n")
    write(tmp_path, "_posts/2010-07-21-name.md", "---\ntags: [x]\n---\n")
    post = write(
        tmp_path,
        "notes/links.md",
        "---\ntitle: links\n---\n"
        "[ok](there.md) [gone](gone.md#part) [web](https://a.kr/x.md) [page](#top)\n"
        "\n```\n[in code](nowhere.md)\n```\n"
        "{% post_url 2010-07-21-name %} {% post_url 2010-07-22-other %}\n"
        "[root](/notes/there.md) [root gone](/notes/none.md)\n",
    )
    problems = publish_problems(post, tmp_path, "jekyll")
    assert [(p.line, p.kind) for p in problems] == [
        (4, K.LINK_MISSING),
        (10, K.LINK_MISSING),
        (9, K.LINK_MISSING),
        (None, K.NO_TAGS),
    ]
    assert [p.message for p in problems[:3]] == [
        "link to a post that does not exist: gone.md#part",
        "link to a post that does not exist: /notes/none.md",
        "link to a post that does not exist: {% post_url 2010-07-22-other %}",
    ]
    # check_post sorts them by line, with the checks of every journal
    assert [p.line for p in check_post(post, tmp_path, "jekyll", publishing=True)] == [None, 4, 9, 10]
    assert check_post(post, tmp_path, "jekyll") == []  # only when publishing is asked


def test_hugo_refs(tmp_path):
    write(tmp_path, "content/posts/first.md", "---\ntitle: F\ntags: [x]\n---\n")
    write(tmp_path, "content/posts/bundle/index.md", "---\ntitle: B\ntags: [x]\n---\n")
    post = write(
        tmp_path,
        "content/posts/refs.md",
        '---\ntitle: R\ntags: [x]\n---\n{{< ref "first.md" >}} {{< relref "posts/bundle" >}}\n'
        '{{< ref "missing" >}}\n',
    )
    assert found(post, tmp_path, "hugo") == [(6, K.LINK_MISSING)]


def test_blank_lines_before_the_header_are_reported_where_the_platform_would_not_read_it(tmp_path):
    text = "\n\n---\ntitle: L\ntags: [x]\n---\nbody\n"
    jekyll = write(tmp_path, "_posts/2016-02-29-leap.md", text)
    problems = publish_problems(jekyll, tmp_path, "jekyll")
    assert [(p.line, p.kind) for p in problems] == [(3, K.HEADER_AFTER_BLANK_LINES)]
    assert "Jekyll reads a header only on the file's first line" in problems[0].message
    velog = write(tmp_path, "content/a.md", text)
    assert found(velog, tmp_path, "velog") == [(3, K.HEADER_AFTER_BLANK_LINES)]
    assert found(write(tmp_path, "content/posts/a.md", text), tmp_path, "hugo") == []  # Hugo reads it

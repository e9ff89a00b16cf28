"""A post from someone else's backup cannot run script or reach the network in the preview;
the same post exported carries no runnable script either."""

from __future__ import annotations

import pytest

import re

from tests.ui.conftest import page_value, wait_for_page

HOSTILE = """---
title: "<script>document.body.setAttribute('data-pwned','title')</script>"
tags: ["보안"]
---
# 위험한 글

<script>document.body.setAttribute('data-pwned', 'script')</script>

<img src="missing.png" onerror="document.body.setAttribute('data-pwned', 'onerror')">

<svg onload="document.body.setAttribute('data-pwned', 'svg')"></svg>

<div style="background: url(https://tracker.example/bg.png)">styled</div>

<link rel="stylesheet" href="https://tracker.example/x.css">

<iframe src="https://tracker.example/frame"></iframe>

![remote](https://tracker.example/pixel.png)

![outside](file:///etc/hostname)

<img src="../../../../../../etc/passwd">

[click me](javascript:document.body.setAttribute('data-pwned','link'))

끝.
"""

PWNED = "document.body.getAttribute('data-pwned')"


def open_hostile(qtbot, window, journal_root):
    path = journal_root / "content" / "위험한 글.md"
    path.write_text(HOSTILE, encoding="utf-8")
    window.open_post(path)
    wait_for_page(
        qtbot, window, "document.getElementById('content').innerText", lambda text: "끝." in (text or "")
    )
    qtbot.wait(500)  # give any handler a chance to fire
    return path


def outside_requests(window) -> list[str]:
    root = str(window.journal.root.resolve())
    return [
        url
        for url in window.preview.guard.allowed
        if re.match(r"https?:", url) or (url.startswith("file:") and root not in url)
    ]


@pytest.mark.web_view
def test_no_script_runs_and_nothing_leaves_the_machine(qtbot, window, journal_root):
    open_hostile(qtbot, window, journal_root)
    assert page_value(qtbot, window, PWNED) is None
    assert "&lt;script&gt;" in page_value(qtbot, window, "document.getElementById('post-header').innerHTML")
    page_value(qtbot, window, "(Array.from(document.links).forEach(function (a) { a.click(); }), true)")
    qtbot.wait(500)
    assert page_value(qtbot, window, PWNED) is None
    assert outside_requests(window) == []
    assert window.preview.url().toString().startswith("file://")
    # the sanitizer already dropped the post's file:///etc/hostname; the guard stops one anyway
    assert not any(url.endswith("/etc/hostname") for url in window.preview.guard.blocked)
    page_value(
        qtbot,
        window,
        "(document.body.appendChild(Object.assign(new Image(), {src: 'file:///etc/hostname'})), true)",
    )
    qtbot.waitUntil(lambda: any(url.endswith("/etc/hostname") for url in window.preview.guard.blocked))


@pytest.mark.web_view
def test_remote_images_only_when_allowed(qtbot, window, journal_root, env):
    open_hostile(qtbot, window, journal_root)
    window.commands.view_remote_images.setChecked(True)
    assert env.settings.remote_images(window.journal.root)
    wait_for_page(
        qtbot, window, "document.getElementById('content').innerText", lambda text: "끝." in (text or "")
    )
    qtbot.waitUntil(
        lambda: any(url == "https://tracker.example/pixel.png" for url in window.preview.guard.allowed),
        timeout=10000,
    )
    assert not any(
        "x.css" in url or "frame" in url for url in window.preview.guard.allowed
    )  # images only (a CSS background is one)
    assert page_value(qtbot, window, PWNED) is None
    assert [
        url
        for url in window.preview.guard.allowed
        if url.startswith("file:") and str(window.journal.root.resolve()) not in url
    ] == []


def test_exported_page_has_no_runnable_script(qtbot, window, journal_root, tmp_path):
    open_hostile(qtbot, window, journal_root)
    target = tmp_path / "hostile.html"
    assert window.document.export_to(target)
    page = target.read_text(encoding="utf-8")
    assert "script-src" not in page or "default-src 'none'" in page
    assert "<title>&lt;script&gt;" in page
    # the post's own HTML is stripped of script too, not only blocked by the policy
    assert not re.search(
        r"<(script|svg|link|iframe)\b|\son\w+=|javascript:|=\"file:|tracker\.example/bg", page, re.IGNORECASE
    )
    assert "Embedded content: https://tracker.example/frame</a>" in page and "끝." in page


@pytest.mark.web_view
def test_the_guard_lets_through_only_image_files_inside_the_journal(qtbot, window, journal_root):
    """The same rule as the renderer's, again at the request: a file inside the journal that is
    not an image (or not a regular file) is blocked even when a page asks for it."""
    import os

    image = next(journal_root.rglob("*.png"), None)  # one of the journal's (before the two below:
    # which a folder lists first depends on the file system)
    (journal_root / "notes" / "token.png").write_text("[remote] token = secret\n")
    os.mkfifo(journal_root / "notes" / "fifo.png")
    for name in ("token.png", "fifo.png", "not-there.png"):
        url = (journal_root / "notes" / name).as_uri()
        page_value(
            qtbot, window, f"(document.body.appendChild(Object.assign(new Image(), {{src: '{url}'}})), true)"
        )
        qtbot.waitUntil(lambda: any(u.endswith(f"/notes/{name}") for u in window.preview.guard.blocked))
    assert image is not None and not any(u.endswith(image.name) for u in window.preview.guard.blocked)

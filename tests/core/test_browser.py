"""The exported page opened in a real headless Chromium: it renders, with its images."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from journal_app.core import load_post
from journal_app.core.export import export_post
from tests.core.test_export import RED, velog_post  # noqa: F401  (fixture)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium binary on this machine")


def chromium(tmp_path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    profile.mkdir()
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def red_pixels(png_path) -> tuple[int, int]:
    """(red pixels, pixels that are not white) in a screenshot."""
    from PySide6.QtGui import QImage

    image = QImage(str(png_path))
    assert not image.isNull()
    red = other = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            color = image.pixelColor(x, y)
            if color.red() > 240 and color.green() < 20 and color.blue() < 20:
                red += 1
            elif (color.red(), color.green(), color.blue()) != (255, 255, 255):
                other += 1
    return red, other


def test_exported_page_renders_in_chromium(velog_post, tmp_path):  # noqa: F811
    root, path = velog_post
    out = tmp_path / "page.html"
    export_post(load_post(path), out, root)
    dom = chromium(tmp_path, "--dump-dom", out.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; 후기</title>" in dom.stdout
    assert dom.stdout.count('src="data:image/png;base64,') == 2
    shot = tmp_path / "page.png"
    result = chromium(tmp_path, "--window-size=900,1400", f"--screenshot={shot}", out.as_uri())
    assert shot.is_file(), result.stderr[-2000:]
    red, other = red_pixels(shot)
    assert red >= 350  # both embedded 40x20 red images (200 sampled pixels each) were drawn
    assert other > 2000  # text was drawn: the page is not blank

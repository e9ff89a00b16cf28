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
    """(red pixels, pixels that are not white) in a screenshot, every second pixel of every
    second row (read from the image's bytes: a call per pixel takes seconds)."""
    from PySide6.QtGui import QImage

    image = QImage(str(png_path))
    assert not image.isNull()
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    data, stride, width = bytes(image.constBits()), image.bytesPerLine(), image.width()
    red = other = 0
    for y in range(0, image.height(), 2):
        row = data[y * stride : y * stride + width * 3]
        for r, g, b in zip(row[0::6], row[1::6], row[2::6]):
            if r > 240 and g < 20 and b < 20:
                red += 1
            elif (r, g, b) != (255, 255, 255):
                other += 1
    return red, other


def test_exported_page_renders_in_chromium(velog_post, tmp_path):  # noqa: F811
    root, path = velog_post
    out = tmp_path / "page.html"
    export_post(load_post(path), out, root)
    shot = tmp_path / "page.png"
    # one Chromium start prints the DOM and takes the screenshot
    result = chromium(tmp_path, "--window-size=900,1400", "--dump-dom", f"--screenshot={shot}", out.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; 후기</title>" in result.stdout
    assert result.stdout.count('src="data:image/png;base64,') == 2
    assert shot.is_file(), result.stderr[-2000:]
    red, other = red_pixels(shot)
    assert red >= 350  # both embedded 40x20 red images (200 sampled pixels each) were drawn
    assert other > 2000  # text was drawn: the page is not blank

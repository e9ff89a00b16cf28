"""A real window under Xvfb, on the sample journal, saved as a PNG and checked for content."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

XVFB_RUN = shutil.which("xvfb-run")


@pytest.mark.skipif(XVFB_RUN is None, reason="Xvfb (xvfb-run) is not installed")
def test_window_screenshot_under_xvfb(tmp_path):
    out = tmp_path / "window.png"
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    result = subprocess.run(
        [
            XVFB_RUN,
            "-a",
            "-s",
            "-screen 0 1600x1000x24",
            sys.executable,
            "-m",
            "journal_app.ui.screenshot",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)
    colours = {image.pixel(x, y) for x in range(0, 1400, 20) for y in range(0, 900, 20)}
    assert len(colours) > 50  # widgets, text and the preview's image, not a blank frame
    # the preview's image (a blue-green gradient) is on screen: many blue-green pixels on the right
    greenish = sum(
        1
        for x in range(900, 1400, 10)
        for y in range(0, 900, 10)
        if (lambda c: c.green() > 150 and c.blue() > 120 and c.red() < 120)(image.pixelColor(x, y))
    )
    assert greenish > 200

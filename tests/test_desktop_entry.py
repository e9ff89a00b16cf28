"""The desktop's menu entry: shipped in resources/, valid by desktop-file-validate, and written
for the user by ``journal-app --install-desktop`` with a command that starts this program, with
the icon as SVG and as a PNG of each size."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import struct
import subprocess
import sys

import pytest

from journal_app.core.desktop_entry import PNG_SIZES, png_icon
from journal_app.resources import resource_path

VALIDATE = shutil.which("desktop-file-validate")


def png_size(path):
    """(width, height) from a PNG's header."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR"
    return struct.unpack(">II", head[16:24])


def read_entry(path):
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_desktop_writes_the_entry_and_the_icon(tmp_path):
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path / "home"))
    result = subprocess.run(
        [sys.executable, "-m", "journal_app", "--install-desktop"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    entry = tmp_path / "data" / "applications" / "journal-app.desktop"
    icon = tmp_path / "data" / "icons" / "hicolor" / "scalable" / "apps" / "journal-app.svg"
    assert f"wrote {entry}" in result.stdout and f"wrote {icon}" in result.stdout
    assert icon.read_bytes() == resource_path("icons/journal-app.svg").read_bytes()
    for size in PNG_SIZES:  # and a bitmap of each size beside the scalable icon
        png = tmp_path / "data" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "journal-app.png"
        assert f"wrote {png}" in result.stdout
        assert png.read_bytes() == resource_path(png_icon(size)).read_bytes()
        assert png_size(png) == (size, size)
    fields = read_entry(entry)
    assert fields["Icon"] == "journal-app" and fields["Type"] == "Application"
    command = shlex.split(fields["Exec"])
    assert command[-1] == "%F"
    assert os.access(command[0], os.X_OK)  # this environment's journal-app (or its python)
    if VALIDATE:
        checked = subprocess.run([VALIDATE, str(entry)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.skipif(VALIDATE is None, reason="desktop-file-validate (desktop-file-utils) is not installed")
def test_the_shipped_entry_is_valid():
    checked = subprocess.run(
        [VALIDATE, str(resource_path("journal-app.desktop"))], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "error" not in checked.stdout

"""Shared fixtures: a journal folder holding every quirk of FORMATS.md."""

from __future__ import annotations

import pytest

from tests.quirks import write_quirks


@pytest.fixture
def quirk_journal(tmp_path):
    """A journal folder with every quirk file; yields (root, {path: original bytes})."""
    root = tmp_path / "journal"
    written = write_quirks(root)
    return root, written

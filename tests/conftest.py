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


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own cache folder (the summary index), never the user's."""
    monkeypatch.setenv("JOURNAL_APP_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))

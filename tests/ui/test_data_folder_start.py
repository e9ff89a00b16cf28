"""A start with a fake HOME: the data folder is ~/.local/share/journal_app (the name once), and
what the old ~/.local/share/journal_app/journal_app held, recovery files first, is moved there
before the window reads it; the remembered sample journal follows."""

from __future__ import annotations

import json
import os
import subprocess
import sys

CHILD = """
import json, sys
from journal_app.ui.settings import Environment
env = Environment.default()
print(json.dumps({"data": str(env.data_dir), "last": env.settings.get("state/last_journal"),
                  "settings": env.settings.store.fileName()}))
"""


def test_the_data_folder_is_named_once_and_the_old_one_is_moved(tmp_path):
    home = tmp_path / "home"
    data_home = tmp_path / "xdg-data"
    old = data_home / "journal_app" / "journal_app"
    (old / "recovery").mkdir(parents=True)
    (old / "recovery" / "key.1-abcdef12.json").write_text('{"text": "살려 줘"}', encoding="utf-8")
    (old / "sample-journal").mkdir()
    config = tmp_path / "xdg-config"
    (config / "journal_app").mkdir(parents=True)
    (config / "journal_app" / "journal_app.conf").write_text(
        f"[state]\nlast_journal={old / 'sample-journal'}\n", encoding="utf-8"
    )
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(data_home), XDG_CONFIG_HOME=str(config))
    env.pop("JOURNAL_APP_CACHE_DIR", None)
    result = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    folder = data_home / "journal_app"
    assert seen["data"] == str(folder)
    assert seen["settings"] == str(config / "journal_app" / "journal_app.conf")  # where it always was
    assert (folder / "recovery" / "key.1-abcdef12.json").read_text(encoding="utf-8") == '{"text": "살려 줘"}'
    assert not old.exists()
    assert seen["last"] == str(folder / "sample-journal")

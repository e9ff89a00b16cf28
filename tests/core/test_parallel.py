"""ChunkedResults: the workers are forked with this process's objects frozen (their collections
do not walk them), and this process is not left frozen while it takes their results."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

FROZEN = """
import gc
from journal_app.core.parallel import ChunkedResults

def frozen_in_the_worker(items):
    return [gc.get_freeze_count() > 0 for _ in items]

parts = ChunkedResults(frozen_in_the_worker, range(400), minimum=1, chunk=100)
here = []
workers = set()
for part in parts:
    here.append(gc.get_freeze_count())
    workers.update(part)
print(parts.workers, sorted(workers), max(here), gc.get_freeze_count())
"""


def test_workers_start_frozen_and_this_process_goes_on_unfrozen():
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root))
    said = subprocess.run([sys.executable, "-c", FROZEN], env=env, capture_output=True, text=True, check=True)
    workers, seen = said.stdout.split(" ", 1)
    assert int(workers) > 1
    # each worker frozen from its start; this process unfrozen while taking parts and after
    assert seen.strip() == "[True] 0 0", said.stdout

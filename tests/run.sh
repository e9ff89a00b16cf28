#!/usr/bin/env bash
# Installs what the tests need and runs them.
#  - as root on Debian/Ubuntu: the system libraries Qt and QtWebEngine need, Korean and emoji
#    fonts, Xvfb and Chromium (for the browser and screenshot tests), the Korean and English
#    hunspell dictionaries and enchant (spell check), git (the history and sync tests);
#  - a virtual environment in .venv with the package and its test extra;
#  - ruff (lint and format check) and mypy, then pytest, offscreen, one worker per core.
#    Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends \
    python3-venv libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 \
    libxkbcommon0 fonts-nanum libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libasound2 \
    libxkbfile1 xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
    libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 chromium git hunspell-ko \
    hunspell-en-us libenchant-2-2 fonts-noto-color-emoji desktop-file-utils >/dev/null
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'

export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
if [ "$(id -u)" = 0 ]; then
  export QTWEBENGINE_DISABLE_SANDBOX=1
fi
# the run keeps the compiled bytecode (a shell that sets PYTHONDONTWRITEBYTECODE would make each
# worker and each child python the tests start compile the project again), compiled once here
unset PYTHONDONTWRITEBYTECODE
.venv/bin/python -m compileall -q -j 0 journal_app tests >/dev/null
# pytest compiles the test files again with its assertion messages (about 4 s of processor time
# for the suite) and keeps them beside the bytecode: one collection, on the core that mypy leaves
# idle, does it once instead of once in each worker
.venv/bin/python -m pytest --collect-only -q -p no:cacheprovider >/dev/null 2>&1 &
collected=$!

# lint, format and types first: a failure here fails the run, as a failing test does
.venv/bin/ruff check journal_app tests benchmarks
.venv/bin/ruff format --check journal_app tests benchmarks
.venv/bin/mypy journal_app
wait "$collected" || true  # a collection error shows again in the run itself
# one pytest worker per core (pytest-xdist), an idle worker taking tests queued for the busy one;
# "-n 0" among the arguments runs them in one process
exec .venv/bin/python -m pytest -n auto --dist worksteal "$@"

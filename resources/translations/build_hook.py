"""Compiles the interface translations (``*.ts`` beside this file) to Qt's ``.qm`` when the
package is built or installed, editable installs included.

It runs as hatchling's custom build hook (pyproject.toml: ``[tool.hatch.build.hooks.custom]``),
with PySide6-Essentials in the build environment for Qt's ``lrelease``. The ``.qm`` files are
written next to the sources (ignored by git) and ship inside the wheel with the rest of
``resources/``. To redo them by hand after editing a ``.ts``:
``python resources/translations/build_hook.py``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def lrelease_binary() -> Path:
    """Qt's lrelease as PySide6 ships it."""
    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    return Path(PySide6.__file__).resolve().parent / name


def compile_translations(folder: Path = HERE) -> list[Path]:
    """Every ``*.ts`` of ``folder`` compiled to a ``.qm`` beside it; the ``.qm`` paths."""
    made = []
    for source in sorted(folder.glob("*.ts")):
        target = source.with_suffix(".qm")
        subprocess.run(
            [str(lrelease_binary()), "-silent", str(source), "-qm", str(target)],
            check=True,
        )
        made.append(target)
    return made


try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # run by hand, without hatchling
    pass
else:

    class TranslationsHook(BuildHookInterface):
        """hatchling's hook: compiles the translations before the files are collected."""

        PLUGIN_NAME = "custom"

        def initialize(self, version: str, build_data: dict) -> None:
            compile_translations()


if __name__ == "__main__":
    for path in compile_translations():
        print(path)

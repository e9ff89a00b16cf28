"""The command line, run the way ``python -m journal_app ARGS`` runs it: in this process (the
same entry point, arguments, environment, working folder, exit status and bytes on stdout and
stderr, without the half second of processor time a new Python takes to start and import), or
as a real child process for what only a process shows: the output's encoding under the
machine's locale, a closed pipe, what a fresh interpreter imports."""

from __future__ import annotations

import io
import gc
import os
import subprocess
import sys
import traceback
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path


def run_in_process(
    *args, cwd: str | Path | None = None, env: dict[str, str] | None = None, text: bool = True
) -> subprocess.CompletedProcess:
    """What ``python -m journal_app ARGS`` exits with and prints, run in this process: ``env``
    (the whole environment, as ``subprocess.run`` takes it) and ``cwd`` hold for the call only.
    The streams are UTF-8 with the errors a child's streams have here (undecodable file names
    written back as their bytes on stdout, escaped on stderr); an exception that escapes is
    printed and exits 1, as the interpreter does."""
    from journal_app.__main__ import main

    argv = [str(arg) for arg in args]
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", errors="surrogateescape", write_through=True)
    stderr = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True)
    saved_env, saved_cwd, collecting = dict(os.environ), os.getcwd(), gc.isenabled()
    try:
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        if cwd is not None:
            os.chdir(cwd)
        with redirect_stdout(stdout), redirect_stderr(stderr):
            try:
                code = main(argv)
            except SystemExit as exit:  # argparse's usage errors and --help
                code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
                if isinstance(exit.code, str):
                    print(exit.code, file=sys.stderr)
            except Exception:
                traceback.print_exc()
                code = 1
            stdout.flush()
            stderr.flush()
    finally:
        if collecting:  # (a listing turns the collector off: a process of its own would end)
            gc.enable()
        os.chdir(saved_cwd)
        if env is not None:
            os.environ.clear()
            os.environ.update(saved_env)
    if not text:
        return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())
    return subprocess.CompletedProcess(argv, code, out.getvalue().decode(), err.getvalue().decode())


def run_process(
    *args, cwd: str | Path | None = None, env: dict[str, str] | None = None, text: bool = True
) -> subprocess.CompletedProcess:
    """``python -m journal_app ARGS`` as a child process, its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "journal_app", *map(str, args)],
        capture_output=True,
        text=text,
        cwd=cwd,
        env=env,
        timeout=300,
    )

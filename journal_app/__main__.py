"""``python -m journal_app`` and the ``journal-app`` command.

With a subcommand (list, tags, check, tag, export) it runs the command line; otherwise it opens
the window on the journal folder or post given, or on the last or sample journal.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Entry point: the CLI for subcommands and options, else the window."""
    argv = list(sys.argv[1:] if argv is None else argv)
    from .cli import COMMANDS, main as cli_main

    if argv and (argv[0] in COMMANDS or argv[0].startswith("-")):
        return cli_main(argv)
    from .ui.app import main as window_main

    return window_main(argv)


if __name__ == "__main__":
    sys.exit(main())

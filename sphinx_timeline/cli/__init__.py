"""The ``sphinx-timeline`` console command: one module per subcommand.

Each subcommand module holds its argument set-up and its run loop, and imports what
does the work (Sphinx among it) only when it runs: ``sphinx-timeline --help`` is quick.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from . import convert, new, tweets

DISTRIBUTION = "sphinx-career-timeline"


def build_parser() -> argparse.ArgumentParser:
    """The command's argument parser, with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="sphinx-timeline",
        description="Tools for Sphinx projects that use sphinx-career-timeline.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s ({DISTRIBUTION}) {__version__}"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    convert.add_parser(commands)
    new.add_parser(commands)
    tweets.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``sphinx-timeline`` with ``argv`` (default: the command line); the exit status."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit:  # a usage error (2), or --help and --version (0)
        return exit.code if isinstance(exit.code, int) else 2
    try:
        status: int = args.run(args)
    except KeyboardInterrupt:  # Ctrl-C: the status a shell gives it, not a traceback
        print("\ninterrupted; run the command again to finish", file=sys.stderr)
        return 130
    return status

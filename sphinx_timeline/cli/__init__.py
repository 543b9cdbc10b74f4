"""The ``sphinx-timeline`` console command; one module per subcommand."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .. import __version__
from . import tweets


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``sphinx-timeline`` with ``argv`` (default: the command line); the exit status."""
    parser = argparse.ArgumentParser(
        prog="sphinx-timeline",
        description="Tools for sphinx-career-timeline projects.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    tweets.add_parser(commands)
    args = parser.parse_args(argv)
    status: int = args.run(args)
    return status

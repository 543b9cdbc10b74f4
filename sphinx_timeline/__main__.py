"""``python -m sphinx_timeline``: the ``sphinx-timeline`` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())

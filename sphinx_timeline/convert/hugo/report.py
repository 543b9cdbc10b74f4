"""What a conversion could not do: items left for the writer, and errors."""

from __future__ import annotations

import dataclasses as dc
from pathlib import Path


@dc.dataclass(frozen=True)
class Leftover:
    """Something left in the output as it was, for the writer to finish."""

    source: Path
    line: int
    name: str
    """The shortcode or construct (``echarts``, ``link``, ``image``)."""
    advice: str
    """What it became and what to do."""

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.name} — {self.advice}"

"""The directive base every feature's directives share: tolerant options and located
warnings."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .warnings_ import TimelineWarning, warn


class UnknownOption(str):
    """The raw value of an option the directive does not know."""


class Options(dict[str, Callable[[str | None], Any]]):
    """An ``option_spec`` that lets unknown options through, marked as :class:`UnknownOption`.

    Docutils and MyST would otherwise reject them with their own error before the
    directive runs; this way the directive reports them as ``timeline.option`` and
    still renders.
    """

    def __missing__(self, name: str) -> Callable[[str | None], Any]:
        return lambda value: UnknownOption(value or "")


class BaseDirective(SphinxDirective):
    """A directive that reports its writer's mistakes as ``timeline.*`` warnings."""

    option_spec: ClassVar[Options] = Options()  # type: ignore[assignment]

    def warn(self, message: str, subtype: TimelineWarning) -> None:
        """Warn about this directive, at its file and line."""
        warn(message, subtype, self.get_location())

    def in_syntax(self, myst: str, rst: str) -> str:
        """``myst`` in a Markdown page, ``rst`` in a reStructuredText page."""
        return myst if type(self.state).__module__.startswith("myst_parser") else rst

    def project_file(self, path_text: str, what: str, subtype: TimelineWarning) -> Path | None:
        """The file ``path_text`` names (relative to the page, or to the source folder when
        it starts with ``/``), noted as a dependency of the page; ``None``, with a warning
        that calls it ``what``, when there is no such file."""
        relative, absolute = self.env.relfn2path(path_text, self.env.docname)
        self.env.note_dependency(relative)
        path = Path(absolute)
        if not path.is_file():
            self.warn(
                f"{what} {path_text!r} not found (looked for {path}); the path is relative "
                "to the page, or to the source folder when it starts with '/'",
                subtype,
            )
            return None
        return path

    def check_unknown_options(self) -> None:
        """Warn once for each option this directive does not know, and drop it."""
        known = ", ".join(f":{name}:" for name in self.option_spec)
        for name, value in list(self.options.items()):
            if isinstance(value, UnknownOption):
                del self.options[name]
                self.warn(
                    f"unknown option :{name}: in {self.name}; the known options are {known}",
                    TimelineWarning.OPTION,
                )

    def choice(
        self,
        name: str,
        allowed: Iterable[str],
        default: str | None,
        *,
        what: str = "",
        subtype: TimelineWarning = TimelineWarning.OPTION,
    ) -> str | None:
        """Option ``name`` if its value is one of ``allowed``; else warn (as ``subtype``)
        and use ``default``.

        ``what`` names the allowed values when they are too many to list.
        """
        value = self.options.get(name)
        if value is None:
            return default
        allowed = list(allowed)
        if value in allowed:
            return str(value)
        hint = f"use {what}" if what else f"use one of {', '.join(allowed)}"
        if close := difflib.get_close_matches(value, allowed, n=1):
            hint = f"did you mean {close[0]!r}? Otherwise {hint}"
        self.warn(f"{self.name} :{name}: {value!r} is not allowed; {hint}", subtype)
        return default


def text(value: str | None) -> str:
    """An option's text, stripped; an empty option gives ``""``."""
    return (value or "").strip()


def class_names(value: str | None) -> list[str]:
    """A ``:class:`` option: space-separated names, each made a valid CSS class."""
    return [name for name in map(nodes.make_id, (value or "").split()) if name]

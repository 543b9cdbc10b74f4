"""The directive base every feature's directives share: options checked by converters,
and located warnings in line order.

A converter in an ``option_spec`` returns the option's value, or an :class:`OptionError`
saying what is wrong with it. Unlike a converter that raises (docutils then drops the
whole directive with an error of its own), an :class:`OptionError` becomes one
``timeline.*`` warning at the option's own line, and the option is dropped so that
its default applies; a *fatal* one drops the directive's output, with the warning
saying why.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .myst import UNCLOSED_FENCES
from .warnings_ import TimelineWarning, in_line_order, warn


class UnknownOption(str):
    """The raw value of an option the directive does not know."""


class OptionError(str):
    """An option value its converter refused: the value as written, and ``message``,
    which follows ``"<directive> :<option>: "`` in the warning."""

    message: str
    subtype: TimelineWarning
    fatal: bool

    def __new__(
        cls,
        value: str,
        message: str,
        subtype: TimelineWarning = TimelineWarning.OPTION,
        *,
        fatal: bool = False,
    ) -> OptionError:
        error = super().__new__(cls, value)
        error.message, error.subtype, error.fatal = message, subtype, fatal
        return error


Converter = Callable[[str | None], Any]


class Options(dict[str, Converter]):
    """An ``option_spec`` that lets unknown options through, marked as :class:`UnknownOption`.

    Docutils and MyST would otherwise reject them with their own error before the
    directive runs; this way the directive reports them as ``timeline.option`` and
    still renders.
    """

    def __missing__(self, name: str) -> Converter:
        return lambda value: UnknownOption(value or "")

    def __bool__(self) -> bool:
        return True  # the parsers look for options only when an option_spec is truthy


class BaseDirective(SphinxDirective):
    """A directive that reports its writer's mistakes as ``timeline.*`` warnings.

    Subclasses write :meth:`render` instead of ``run``: by then every option has been
    checked, and the warnings of the directive and of what it holds come out in the
    order of their lines.
    """

    option_spec: ClassVar[Options] = Options()  # type: ignore[assignment]

    def run(self) -> list[nodes.Node]:
        source, line = self.get_source_info()
        with in_line_order(source, line):
            if not self.check_options():
                return []
            return self.render()

    def render(self) -> list[nodes.Node]:
        """The directive's nodes."""
        raise NotImplementedError

    def warn(self, message: str, subtype: TimelineWarning, option: str = "") -> None:
        """Warn about this directive, at the line of its ``option`` or at its first line."""
        source, line = self.get_source_info()
        warn(message, subtype, f"{source}:{self.option_line(option) if option else line}")

    def option_line(self, name: str) -> int:
        """The line of option ``name`` (``:name: value``, or ``name: value`` in MyST's
        ``---`` block); the directive's first line when it is not found."""
        offset = _option_offset(self.block_text.splitlines(), name)
        if offset is None:  # MyST-Parser before 5 leaves the options out of block_text
            source, line = self.get_source_info()
            lines = _source_lines(source)[(line or 1) - 1 :]
            offset = _option_offset(lines, name)
        return self.lineno + (offset or 0)

    @property
    def fence_never_closed(self) -> bool:
        """Whether this is a MyST ``:::`` directive whose fence is never closed (the page's
        syntax check has said so)."""
        unclosed: set[int] = self.env.temp_data.get(UNCLOSED_FENCES) or set()
        return self.lineno in unclosed

    def in_syntax(self, myst: str, rst: str) -> str:
        """``myst`` in a Markdown page, ``rst`` in a reStructuredText page."""
        return myst if type(self.state).__module__.startswith("myst_parser") else rst

    def project_file(
        self, path_text: str, what: str, subtype: TimelineWarning, option: str = ""
    ) -> Path | None:
        """The file ``path_text`` names (relative to the page, or to the source folder when
        it starts with ``/``), noted as a dependency of the page; ``None``, with a warning
        that calls it ``what`` (at the line of ``option``), when there is no such file."""
        where = "relative to the page, or to the source folder when it starts with '/'"
        if not path_text:
            self.warn(f"no {what} given; write its path, {where}", subtype, option)
            return None
        relative, absolute = self.env.relfn2path(path_text, self.env.docname)
        self.env.note_dependency(relative)
        path = Path(absolute)
        if not path.is_file():
            self.warn(
                f"{what} {path_text!r} not found (looked for {path}); the path is {where}",
                subtype,
                option,
            )
            return None
        return path

    def check_options(self) -> bool:
        """Warn once for each unknown or refused option, and drop it; ``False`` when a
        refused option is fatal to the directive."""
        known = list(self.option_spec)
        usable = True
        for name, value in list(self.options.items()):
            if isinstance(value, UnknownOption):
                del self.options[name]
                listed = ", ".join(f":{option}:" for option in known)
                hint = f"the known options are {listed}" if known else "it takes none"
                if close := difflib.get_close_matches(name, known, n=1):
                    hint = f"did you mean :{close[0]}:? The known options are {listed}"
                self.warn(
                    f"unknown option :{name}: in {self.name}; {hint}",
                    TimelineWarning.OPTION,
                    name,
                )
            elif isinstance(value, OptionError):
                del self.options[name]
                self.warn(f"{self.name} :{name}: {value.message}", value.subtype, name)
                usable = usable and not value.fatal
        return usable


def _option_offset(lines: list[str], name: str) -> int | None:
    """How many lines after a directive's first line (``lines[0]``) option ``name`` is."""
    rest = lines[1:]
    yaml = bool(rest) and rest[0].strip() == "---"
    pattern = re.compile(rf"\s*{re.escape(name)}\s*:" if yaml else rf"\s*:{re.escape(name)}:")
    for offset, text in enumerate(rest[1:] if yaml else rest, 2 if yaml else 1):
        if pattern.match(text):
            return offset
        if not text.strip() or (yaml and text.strip() == "---"):
            break
    return None


def _source_lines(source: str | None) -> list[str]:
    """The lines of the file ``source``; none when it cannot be read."""
    try:
        return Path(source or "").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def text(value: str | None) -> str:
    """An option's text, stripped; an empty option gives ``""``."""
    return (value or "").strip()


def class_names(value: str | None) -> list[str]:
    """A ``:class:`` option: space-separated names, each made a valid CSS class."""
    return [name for name in map(nodes.make_id, (value or "").split()) if name]


def one_of(allowed: Callable[[], Iterable[str]] | Iterable[str], what: str = "") -> Converter:
    """A converter that accepts the words ``allowed`` (or a function giving them);
    ``what`` names them when they are too many to list."""

    def convert(value: str | None) -> str | OptionError:
        word = text(value)
        choices = list(allowed() if callable(allowed) else allowed)
        if word in choices:
            return word
        hint = f"use {what}" if what else f"use one of {', '.join(choices)}"
        if close := difflib.get_close_matches(word, choices, n=1):
            hint = f"did you mean {close[0]!r}? Otherwise {hint}"
        return OptionError(word, f"{word!r} is not allowed; {hint}")

    return convert


def checked(
    check: Callable[[str], Any],
    subtype: TimelineWarning = TimelineWarning.OPTION,
    *,
    fatal: bool = False,
    skip_empty: bool = True,
) -> Converter:
    """A converter that passes the option's text through ``check``, whose ``ValueError``
    says what is wrong; an empty option is ``""`` unless ``skip_empty`` is false."""

    def convert(value: str | None) -> Any:
        word = text(value)
        if not word and skip_empty:
            return ""
        try:
            return check(word)
        except ValueError as error:
            return OptionError(word, str(error), subtype, fatal=fatal)

    return convert

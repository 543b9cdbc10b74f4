"""Writing MyST Markdown: front matter, directives, code blocks and escaped text.

Shared by the Hugo converter and ``sphinx-timeline new``; plain text in, MyST out, no
Sphinx needed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

import yaml

_COLON_FENCE = re.compile(r"^[ \t>]*(:{3,})", re.MULTILINE)
_BACKTICKS = re.compile(r"`+")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>{}#|~$])")
_OPTION_MISREAD = re.compile(r"""^['"|>#]|\s#""")
"""What MyST reads otherwise in a plain ``:key: value``: a quoted or block value, a comment."""


def front_matter(fields: Mapping[str, Any]) -> str:
    """``fields`` as a YAML front matter block (``""`` when there are none)."""
    if not fields:
        return ""
    text = yaml.safe_dump(
        dict(fields), allow_unicode=True, sort_keys=False, default_flow_style=False, width=10**6
    )
    return f"---\n{text}---\n"


def colon_fence(body: str) -> str:
    """A ``:::`` fence longer than every colon fence inside ``body``."""
    inner = max((len(match.group(1)) for match in _COLON_FENCE.finditer(body)), default=2)
    return ":" * max(3, inner + 1)


def directive(
    name: str, argument: str = "", options: Iterable[tuple[str, str]] = (), body: str = ""
) -> str:
    """A colon-fenced directive (without a final line end)."""
    body = body.strip("\n")
    fence = colon_fence(body)
    lines = [f"{fence}{{{name}}}" + (f" {one_line(argument)}" if argument else "")]
    lines.extend(
        f":{key}: {option_value(value)}" if value else f":{key}:" for key, value in options
    )
    if body.startswith((":", "---")):  # would be read as options
        lines.append("")
    if body:
        lines.append(body)
    lines.append(fence)
    return "\n".join(lines)


def option_value(value: str) -> str:
    """An option's value on one line, double-quoted when MyST would otherwise read it as
    something else (a value starting with a quote, or holding a ``#`` comment)."""
    text = one_line(value)
    return json.dumps(text, ensure_ascii=False) if _OPTION_MISREAD.search(text) else text


def markdown_destination(url: str) -> str:
    """``url`` as a Markdown link's destination: ``<``, ``>`` and ``\\`` percent-encoded
    (they would end it, or escape its end), in angle brackets when it has white space or
    parentheses."""
    url = url.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E")
    return f"<{url}>" if re.search(r"[\s()]", url) else url


def code_block(code: str, language: str = "", options: Iterable[tuple[str, str]] = ()) -> str:
    """A backtick code block, as a ``code-block`` directive when it has options."""
    code = code.strip("\n")
    runs = [len(run) for run in _BACKTICKS.findall(code)]
    fence = "`" * max(3, max(runs, default=0) + 1)
    options = list(options)
    if options:
        head = f"{fence}{{code-block}} {language or 'text'}"
        lines = [head, *(f":{key}: {value}" if value else f":{key}:" for key, value in options)]
        return "\n".join([*lines, "", code, fence]) if code else "\n".join([*lines, fence])
    return f"{fence}{language}\n{code}\n{fence}" if code else f"{fence}{language}\n{fence}"


def comment(text: str) -> str:
    """A MyST comment: lines that start with ``%``, shown nowhere."""
    return "\n".join(f"% {line}".rstrip() for line in text.split("\n"))


def inline_code(text: str) -> str:
    """``text`` as inline code, on one line."""
    text = " ".join(text.split())
    runs = [len(run) for run in _BACKTICKS.findall(text)]
    ticks = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def escape(text: str) -> str:
    """Plain ``text`` as Markdown that shows it as it is."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def one_line(text: str) -> str:
    """``text`` with its runs of white space made single spaces."""
    return " ".join(str(text).split())

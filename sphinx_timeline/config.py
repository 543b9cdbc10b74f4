"""Every ``timeline_*`` configuration value, declared once.

:class:`TimelineConfig` holds each value's type, default, validator and help text.
From that one declaration the values are registered with Sphinx, validated when the
configuration is read (a bad value is a ``timeline.config`` warning and the default
is used), and the configuration reference in the docs is generated.

Read the values through :func:`get_config`, which works even when only the theme was
loaded and ``config-inited`` was never seen.
"""

from __future__ import annotations

import dataclasses as dc
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .shared import find_line
from .warnings_ import TimelineWarning, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

PREFIX = "timeline_"

Validator = Callable[[str, Any], None]


def instance_of(*types: type) -> Validator:
    """A validator that accepts only values of ``types``."""

    def validate(name: str, value: Any) -> None:
        if not isinstance(value, types) or (bool not in types and isinstance(value, bool)):
            expected = " or ".join(t.__name__ for t in types)
            raise TypeError(f"must be a {expected}, not {value!r}")

    return validate


def strftime_format(value: str) -> None:
    """Raise ``ValueError`` unless ``value`` has a strftime code (``%Y``, ...) or is empty."""
    if value and "%" not in value:
        raise ValueError(f"must contain strftime codes such as %Y, %B or %d (got {value!r})")


def date_format(name: str, value: Any) -> None:
    """A ``str`` of strftime codes, or ``""``."""
    instance_of(str)(name, value)
    strftime_format(value)


def tweet_embed_mode(name: str, value: Any) -> None:
    """One of the embedding modes of the ``tweet`` directive."""
    modes = ("click", "static", "widget")
    if value not in modes:
        raise ValueError(f"must be one of {', '.join(map(repr, modes))}, not {value!r}")


@dc.dataclass(frozen=True)
class TimelineConfig:
    """The extension's configuration; each field is ``timeline_<name>`` in ``conf.py``."""

    date_format: str = dc.field(
        default="",
        metadata={
            "validator": date_format,
            "help": "How timeline dates are shown: strftime codes as in Sphinx's "
            "``today_fmt`` (``%B %Y``, ``%d.%m.%Y``, ...), localised for the "
            "project's ``language``. Codes finer than a date's precision are "
            "left out, so ``2019`` stays a year. Empty: the language's own long "
            "format (``February 11, 2013``, ``11. Februar 2013``).",
        },
    )
    tweet_embed: str = dc.field(
        default="click",
        metadata={
            "validator": tweet_embed_mode,
            "help": "How ``tweet`` cards load X's own script: ``click`` shows the card and "
            "a button that loads the post from X for that card once the reader asks "
            "(remembered in the browser); ``static`` never loads any script; ``widget`` "
            "loads it when the page opens. See :doc:`tweet`.",
        },
    )
    tweet_cache: str = dc.field(
        default="_tweets",
        metadata={
            "validator": instance_of(str),
            "help": "The folder of the ``tweet`` cache, one ``<id>.json`` file per post, "
            "relative to the folder of ``conf.py``; ``sphinx-timeline tweets fetch`` "
            "fills it.",
        },
    )

    lightbox: bool = dc.field(
        default=False,
        metadata={
            "validator": instance_of(bool),
            "help": "Whether a click on an ``image-float`` image opens it enlarged in a "
            "lightbox, on pages whose front matter has no ``lightgallery`` field and for "
            "figures without a ``:lightbox:`` option. See :doc:`image-float`.",
        },
    )

    @classmethod
    def from_sphinx(cls, config: Config) -> TimelineConfig:
        """The configuration as set in ``conf.py`` (validated by :func:`validate_config`)."""
        return cls(**{f.name: getattr(config, PREFIX + f.name) for f in dc.fields(cls)})


def setup_config(app: Sphinx) -> None:
    """Register every ``timeline_*`` value and validate them once the config is read."""
    for field in dc.fields(TimelineConfig):
        app.add_config_value(PREFIX + field.name, field.default, "env")
    app.connect("config-inited", validate_config, priority=400)


def validate_config(app: Sphinx, config: Config) -> None:
    """Replace each invalid ``timeline_*`` value by its default, with a warning."""
    for field in dc.fields(TimelineConfig):
        name = PREFIX + field.name
        value = getattr(config, name)
        try:
            field.metadata["validator"](name, value)
        except (TypeError, ValueError) as error:
            warn(
                f"{name} {error}; using the default {field.default!r}. Fix the value in conf.py.",
                TimelineWarning.CONFIG,
                conf_location(app.confdir, name),
            )
            setattr(config, name, field.default)


def conf_location(confdir: str | os.PathLike[str] | None, name: str) -> str | None:
    """``"<conf.py>:<line>"`` of the line that sets ``name``, if ``conf.py`` has one."""
    path = Path(confdir or ".", "conf.py")
    line = find_line(path, re.compile(rf"\s*{re.escape(name)}\s*="))
    return f"{path}:{line}" if line else None


def get_config(env: BuildEnvironment) -> TimelineConfig:
    """The validated configuration of this build."""
    return TimelineConfig.from_sphinx(env.config)

"""Settings: each feature declares its ``timeline_*`` values, the core registers them.

A :class:`Setting` holds a value's name, default, validator and help text, next to
the code of the feature it belongs to. :func:`add_settings` registers them with
Sphinx and validates them once the configuration is known: a bad value is one
``timeline.config`` warning, at its line in ``conf.py``, and the default is used. The
docs' configuration reference is generated from the same declarations.

A theme loaded through its entry point sets the extension up after ``config-inited``
has fired: the settings are then validated at once (:func:`when_configured`).
"""

from __future__ import annotations

import dataclasses as dc
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .source import find_line
from .warnings_ import TimelineWarning, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

PREFIX = "timeline_"

Validator = Callable[[Any], None]
"""Raises ``TypeError`` or ``ValueError``, whose message completes "timeline_x ...",
when a value cannot be used."""


@dc.dataclass(frozen=True)
class Setting:
    """One ``timeline_<name>`` value of ``conf.py``."""

    name: str
    default: Any
    validator: Validator
    help: str
    """reStructuredText, shown in the configuration reference."""
    types: tuple[type, ...] = ()
    """The types Sphinx lets through unwarned, when more than the default's."""

    @property
    def key(self) -> str:
        """The name in ``conf.py``."""
        return PREFIX + self.name

    def value(self, config: Config) -> Any:
        """The validated value of this build."""
        return getattr(config, self.key)


def instance_of(*types: type) -> Validator:
    """A validator that accepts only values of ``types``."""

    def validate(value: Any) -> None:
        if not isinstance(value, types) or (bool not in types and isinstance(value, bool)):
            expected = " or ".join(t.__name__ for t in types)
            raise TypeError(f"must be a {expected}, not {value!r}")

    return validate


def one_of(*choices: str) -> Validator:
    """A validator that accepts only the strings ``choices``."""

    def validate(value: Any) -> None:
        if value not in choices:
            raise ValueError(f"must be one of {', '.join(map(repr, choices))}, not {value!r}")

    return validate


def loaded_late(app: Sphinx) -> bool:
    """Whether the extension is being set up after the configuration was read, as it is
    when a theme loads it through its entry point (``config-inited`` has fired)."""
    return hasattr(app, "builder")


def when_configured(
    app: Sphinx, callback: Callable[[Sphinx, Config], None], priority: int = 500
) -> None:
    """Call ``callback(app, config)`` once the configuration is read: at ``config-inited``,
    or at once when the extension is set up late (:func:`loaded_late`), before Sphinx
    checks the types of the values a theme's extensions add."""
    if loaded_late(app):
        callback(app, app.config)
    else:
        app.connect("config-inited", callback, priority=priority)


def add_settings(app: Sphinx, settings: Sequence[Setting]) -> None:
    """Register ``settings`` and validate them once the configuration is read."""
    for setting in settings:
        app.add_config_value(setting.key, setting.default, "env", setting.types)
    when_configured(app, lambda app, config: validate(app, config, settings), priority=400)


def validate(app: Sphinx, config: Config, settings: Sequence[Setting]) -> None:
    """Replace each invalid value of ``settings`` by its default, with a warning."""
    for setting in settings:
        value = setting.value(config)
        try:
            setting.validator(value)
        except (TypeError, ValueError) as error:
            warn(
                f"{setting.key} {error}; using the default {setting.default!r}. "
                "Fix the value in conf.py.",
                TimelineWarning.CONFIG,
                conf_location(app.confdir, setting.key),
            )
            setattr(config, setting.key, setting.default)


def set_by_project(config: Config, name: str) -> bool:
    """Whether ``conf.py`` or a ``-D`` override set ``name``."""
    return name in getattr(config, "_raw_config", {}) or name in getattr(config, "_overrides", {})


def conf_dir(config: Config, srcdir: str | os.PathLike[str]) -> Path:
    """The folder of ``conf.py`` (the source folder when there is none)."""
    conf_file = getattr(config, "_raw_config", {}).get("__file__")
    return Path(conf_file).parent if conf_file else Path(srcdir)


def conf_location(confdir: str | os.PathLike[str] | None, name: str) -> str | None:
    """``"<conf.py>:<line>"`` of the line that sets ``name``, if ``conf.py`` has one."""
    path = Path(confdir or ".", "conf.py")
    line = find_line(path, re.compile(rf"\s*{re.escape(name)}\s*="))
    return f"{path}:{line}" if line else None

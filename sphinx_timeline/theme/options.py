"""The theme's options (``html_theme_options``), read and checked once per build.

Their defaults are in ``sphinx_timeline/theme.toml``. A value that cannot be used is one
``timeline.theme`` warning at the line of ``html_theme_options`` in ``conf.py``, and the
default is used.
"""

from __future__ import annotations

import dataclasses as dc
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.config import conf_location
from ..core.warnings_ import TimelineWarning, warn
from .icons import LABELS

if TYPE_CHECKING:
    from sphinx.application import Sphinx

CSS_COLOUR = re.compile(
    r"#[0-9a-f]{3,4}|#[0-9a-f]{6}|#[0-9a-f]{8}|[a-z]{3,30}"
    r"|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([0-9a-z.,%/ +-]{1,80}\)",
    re.IGNORECASE,
)
"""A CSS colour as the options take it: a hex colour, a name or a colour function (nothing
that could end the ``<style>`` element it is written into)."""

LINK_SCHEMES = ("https://", "http://", "mailto:")
SCHEMES = ("auto", "light", "dark")
TRUE = ("true", "yes", "1", "on")
FALSE = ("false", "no", "0", "off", "")


@dc.dataclass(frozen=True)
class SocialLink:
    """A link of the profile to another site."""

    name: str
    """The icon's name (``github``, ``mastodon``, ... or any other word)."""
    url: str

    @property
    def label(self) -> str:
        """The accessible name: the site's name."""
        return LABELS.get(self.name.lower(), self.name)


@dc.dataclass(frozen=True)
class ThemeOptions:
    """The checked theme options of a build."""

    accent_color: str = ""
    accent_color_dark: str = ""
    navigation_depth: int = 4
    logo_dark: str = ""
    show_project_name: bool = True
    profile_name: str = ""
    profile_photo: str = ""
    profile_bio: str = ""
    social_links: tuple[SocialLink, ...] = ()
    footer_text: str = ""
    announcement: str = ""
    reading_time: bool = True
    edit_url: str = ""
    default_scheme: str = "auto"


class BadOptionError(ValueError):
    """An option value the theme cannot use; the message says what it must be."""


def text(value: Any) -> str:
    """A string option."""
    if not isinstance(value, str):
        raise BadOptionError(f"must be a string, not {value!r}")
    return value.strip()


def flag(value: Any) -> bool:
    """A true/false option, also as the strings ``theme.toml`` and ``-A`` give."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in TRUE + FALSE:
        return value.strip().lower() in TRUE
    raise BadOptionError(f"must be true or false, not {value!r}")


def colour(value: Any) -> str:
    """An empty string or a CSS colour."""
    found = text(value)
    if found and not CSS_COLOUR.fullmatch(found):
        raise BadOptionError(f"must be a CSS colour such as '#0b7285', not {found!r}")
    return found


def depth(value: Any) -> int:
    """A positive number of levels."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise BadOptionError(f"must be a whole number of levels, 1 or more, not {value!r}")
    return value


def scheme(value: Any) -> str:
    """One of the colour schemes."""
    if value not in SCHEMES:
        raise BadOptionError(f"must be one of {', '.join(map(repr, SCHEMES))}, not {value!r}")
    return str(value)


def edit_template(value: Any) -> str:
    """An empty string or an address with ``{path}`` in it."""
    found = text(value)
    if found and ("{path}" not in found or not found.startswith(LINK_SCHEMES[:2])):
        raise BadOptionError(
            "must be an https:// address with {path} where the page's source file goes, "
            f"such as 'https://github.com/me/site/edit/main/docs/{{path}}', not {found!r}"
        )
    return found


CHECKS: dict[str, Callable[[Any], Any]] = {
    "accent_color": colour,
    "accent_color_dark": colour,
    "navigation_depth": depth,
    "logo_dark": text,
    "show_project_name": flag,
    "profile_name": text,
    "profile_photo": text,
    "profile_bio": text,
    "footer_text": text,
    "announcement": text,
    "reading_time": flag,
    "edit_url": edit_template,
    "default_scheme": scheme,
}


def read_options(app: Sphinx, values: Mapping[str, Any]) -> ThemeOptions:
    """The options of this build from the theme's ``values``, each bad one warned of."""
    location = conf_location(app.confdir, "html_theme_options")
    defaults = ThemeOptions()
    checked: dict[str, Any] = {}

    def complain(name: str, problem: str) -> None:
        warn(
            f"html_theme_options['{name}'] {problem}; using the default. Fix the value in "
            "conf.py (the options are listed on the theme's docs page).",
            TimelineWarning.THEME,
            location,
        )

    for name, check in CHECKS.items():
        if name not in values:
            continue
        try:
            checked[name] = check(values[name])
        except BadOptionError as error:
            complain(name, str(error))
    checked["social_links"] = social_links(values.get("social_links") or {}, complain)
    options = dc.replace(defaults, **checked)
    for name in ("logo_dark", "profile_photo"):
        filename = getattr(options, name)
        if filename and not static_file_exists(app, filename):
            complain(name, f"names {filename!r}, which is in none of the html_static_path folders")
            options = dc.replace(options, **{name: ""})  # type: ignore[arg-type]
    return options


def social_links(value: Any, complain: Callable[[str, str], None]) -> tuple[SocialLink, ...]:
    """The social links, from a table of site names and addresses, in their order."""
    if not isinstance(value, Mapping):
        complain("social_links", f"must be a dict of site names and addresses, not {value!r}")
        return ()
    links = []
    for name, url in value.items():
        if (
            not isinstance(name, str)
            or not isinstance(url, str)
            or not url.startswith(LINK_SCHEMES)
        ):
            complain(
                "social_links",
                f"has {name!r}: {url!r}; each address must start with https://, http:// or mailto:",
            )
            continue
        links.append(SocialLink(name, url))
    return tuple(links)


def static_file_exists(app: Sphinx, filename: str) -> bool:
    """Whether ``filename`` is in one of the project's ``html_static_path`` folders."""
    confdir = Path(app.confdir)
    return any((confdir / folder / filename).is_file() for folder in app.config.html_static_path)

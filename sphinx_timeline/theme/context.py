"""What the theme's templates get: ``stl_*`` values added at ``html-page-context``.

Everything that needs the whole project (the navigation, the checked options, where
pages are edited) is worked out once per build and kept on the builder; each page
then costs little more than a few lookups.
"""

from __future__ import annotations

import dataclasses as dc
import math
import os
import posixpath
import re
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from docutils import nodes
from sphinx.errors import ExtensionError

from ..core.i18n import _
from ..notes.domain import notes_domain
from ..notes.settings import READING_SPEED
from .description import add_description
from .icons import icon
from .markup import repair
from .navigation import SiteNavigation, signature
from .options import ThemeOptions, read_options

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment

    from ..notes.fields import Note

THEME_NAME = "sphinx_timeline"
SIGNATURE = "stl_theme_navigation"
"""The attribute of the environment that keeps the navigation's digest between builds."""

FORGES = {
    "github.com": "{repo}/edit/{branch}/{path}",
    "gitlab.com": "{repo}/-/edit/{branch}/{path}",
}
"""How the code forges Read the Docs builds from name the page that edits a file."""


@dc.dataclass
class BuildState:
    """The theme's values for one build (one per writing process)."""

    options: ThemeOptions
    navigation: SiteNavigation
    edit_url: str


def is_ours(app: Sphinx) -> bool:
    """Whether this build writes HTML with this theme."""
    theme = getattr(app.builder, "theme", None)
    return app.builder.format == "html" and getattr(theme, "name", None) == THEME_NAME


def theme_values(builder: StandaloneHTMLBuilder) -> dict[str, Any]:
    """The theme's options as the builder merged them with ``html_theme_options``."""
    values: dict[str, Any] = builder.theme.get_options(builder.config.html_theme_options)
    return values


def check_options(app: Sphinx) -> None:
    """Check the theme options once, as the builder starts (``builder-inited``)."""
    if is_ours(app):
        builder: Any = app.builder
        builder.stl_theme_options = read_options(app, theme_values(builder))


def state_of(app: Sphinx) -> BuildState:
    """This build's values, worked out on the first page written."""
    builder: Any = app.builder
    state: BuildState | None = getattr(builder, "stl_theme_state", None)
    if state is None:
        options = getattr(builder, "stl_theme_options", None) or ThemeOptions()
        state = BuildState(
            options,
            SiteNavigation(builder, options.navigation_depth),
            edit_template(app, options),
        )
        builder.stl_theme_state = state
    return state


def edit_template(app: Sphinx, options: ThemeOptions) -> str:
    """The address of the page that edits a source file, ``{path}`` standing for it:
    the ``edit_url`` option, else from ``html_context``'s ``github_user``,
    ``github_repo``, ``github_version`` and ``conf_py_path`` (as Read the Docs' theme
    reads them), else from the repository Read the Docs builds."""
    if options.edit_url:
        return options.edit_url
    context = app.config.html_context
    user, repo = context.get("github_user"), context.get("github_repo")
    if isinstance(user, str) and isinstance(repo, str) and user and repo:
        branch = str(context.get("github_version") or "main")
        folder = str(context.get("conf_py_path") or "/").strip("/")
        path = posixpath.join(folder, "{path}") if folder else "{path}"
        return f"https://github.com/{quote(user)}/{quote(repo)}/edit/{quote(branch)}/{path}"
    return read_the_docs_template(app)


def read_the_docs_template(app: Sphinx) -> str:
    """The edit address from the variables of a Read the Docs build (none elsewhere)."""
    clone = os.environ.get("READTHEDOCS_GIT_CLONE_URL", "")
    branch = os.environ.get("READTHEDOCS_GIT_IDENTIFIER", "")
    if os.environ.get("READTHEDOCS") != "True" or not clone or not branch:
        return ""
    found = re.fullmatch(r"(?:https://|git@)([^/:]+)[/:](.+?)(?:\.git)?/?", clone)
    if found is None or found[1] not in FORGES:
        return ""
    repo = f"https://{found[1]}/{found[2]}"
    folder = Path(os.path.relpath(app.srcdir, Path.cwd())).as_posix().strip("./")
    path = posixpath.join(folder, "{path}") if folder else "{path}"
    return FORGES[found[1]].format(repo=repo, branch=quote(branch), path=path)


def add_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Give the page the theme's ``stl_*`` values."""
    if not is_ours(app):
        return
    state = state_of(app)
    options = state.options
    is_note = doctree is not None and pagename in notes_of(app.env)
    source = f"{pagename}{context.get('page_source_suffix', '')}"
    pathto = context["pathto"]
    if isinstance(context.get("body"), str):
        context["body"] = repair(context["body"])
    if doctree is not None:
        add_description(context, doctree)
    context.update(
        stl_options=options,
        stl_navigation=state.navigation.html(pagename),
        stl_is_note=is_note,
        stl_edit_url=(
            state.edit_url.replace("{path}", quote(source))
            if state.edit_url and pagename in app.env.all_docs  # not a generated page
            else ""
        ),
        stl_social=[
            {"url": link.url, "label": link.label, "icon": icon(link.name.lower())}
            for link in options.social_links
        ],
        stl_icons={name: icon(name) for name in ("auto", "light", "dark", "menu", "search")},
        stl_icon_edit=icon("edit"),
        stl_accent_css=accent_css(options),
        stl_toc=page_toc(app.env, pagename) if doctree is not None else "",
        stl_favicon_url=context.get("favicon_url")
        or pathto("_static/sphinx-timeline-favicon.svg", 1),
        stl_logo_dark_url=(pathto(f"_static/{options.logo_dark}", 1) if options.logo_dark else ""),
        stl_profile_photo_url=(
            pathto(f"_static/{options.profile_photo}", 1) if options.profile_photo else ""
        ),
        stl_words={
            "skip": _("Skip to content"),
            "menu": _("Site menu"),
            "scheme_auto": _("Colour scheme: automatic, as the system's"),
            "scheme_light": _("Colour scheme: light"),
            "scheme_dark": _("Colour scheme: dark"),
            "search": _("Search"),
            "search_label": _("Search the site"),
            "on_this_page": _("On this page"),
            "site": _("Site"),
            "edit": _("Edit this page"),
            "previous": _("Previous"),
            "next": _("Next"),
            "pages": _("Previous and next page"),
            "profile": _("Profiles elsewhere"),
        },
    )


def notes_of(env: BuildEnvironment) -> dict[str, Note]:
    """The project's author notes; none when the notes Domain came too late for this
    environment (the theme loaded the extension, which was not in ``extensions``)."""
    try:
        return notes_domain(env).notes
    except ExtensionError:
        return {}


def accent_css(options: ThemeOptions) -> str:
    """The ``<style>`` rules of the accent colours chosen (checked: no markup in them)."""
    rules = []
    if options.accent_color:
        rules.append(f":root{{--stl-accent:{options.accent_color}}}")
    if options.accent_color_dark:
        dark = f"--stl-accent:{options.accent_color_dark}"
        rules.append(
            f'@media (prefers-color-scheme:dark){{:root:not([data-theme="light"]){{{dark}}}}}'
            f':root[data-theme="dark"]{{{dark}}}'
        )
    return "".join(rules)


def page_toc(env: BuildEnvironment, pagename: str) -> str:
    """The page's sections below its title, two levels deep, as nested lists."""
    toc = env.tocs.get(pagename)
    if toc is None:
        return ""
    titles = list(toc.findall(nodes.list_item))
    if not titles:
        return ""
    inner = next(iter(titles[0].findall(nodes.bullet_list)), None)
    return section_list(inner, 2) if inner is not None else ""


def section_list(bullets: nodes.bullet_list, levels: int) -> str:
    """``<ul>`` of the sections in ``bullets``, ``levels`` deep."""
    items = []
    for item in bullets.children:
        if not isinstance(item, nodes.list_item):
            continue
        reference = next(iter(item.findall(nodes.reference)), None)
        if reference is None:
            continue
        href = reference.get("anchorname") or "#"
        html = f'<li><a href="{escape(href)}">{escape(reference.astext())}</a>'
        children = [child for child in item.children if isinstance(child, nodes.bullet_list)]
        if levels > 1 and children:
            html += section_list(children[0], levels - 1)
        items.append(html + "</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def drop_reading_time(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Take the reading time out of note headers when ``reading_time`` is off (after the
    notes have filled their headers at ``doctree-resolved``)."""
    if not is_ours(app) or state_of(app).options.reading_time:
        return
    note = notes_of(app.env).get(docname)
    if note is None:
        return
    minutes = max(1, math.ceil(note.words / READING_SPEED.value(app.config)))
    shown = _("{minutes} min read").format(minutes=minutes)
    for meta in doctree.findall(nodes.paragraph):
        if "stl-note-meta" not in meta["classes"]:
            continue
        for index, child in enumerate(list(meta.children)):
            if isinstance(child, nodes.Text) and child.astext() == shown:
                meta.remove(child)
                if index and isinstance(meta.children[index - 1], nodes.Text):
                    meta.remove(meta.children[index - 1])  # the separator before it
                break


def navigation_changed(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Every page, when the navigation (titles, toctrees) has changed since the last
    build: each page's sidebar shows it (``env-updated``)."""
    if not is_ours(app):
        return []
    digest = signature(env)
    before = getattr(env, SIGNATURE, None)
    setattr(env, SIGNATURE, digest)
    return sorted(env.found_docs) if before not in (None, digest) else []

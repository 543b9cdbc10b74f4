"""A Hugo site: its configuration, its languages, and the content files to convert.

The configuration is ``hugo.toml`` (or ``.yaml``, ``.yml``, ``.json``; or the older
``config.*``) at the site's root, or the files of ``config/_default/`` (``hugo.toml``
for the top level, ``params.toml`` for ``params``, and so on). Hugo reads its keys in
any case, so they are kept in lower case here.
"""

from __future__ import annotations

import dataclasses as dc
import json
import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

CONFIG_STEMS = ("hugo", "config")
DATA_SUFFIXES = (".toml", ".yaml", ".yml", ".json")
CONTENT_SUFFIXES = (".md", ".markdown", ".mdown")
OTHER_CONTENT = (".html", ".htm", ".org", ".adoc", ".asciidoc", ".pdc", ".pandoc", ".rst")
"""Content formats Hugo reads that are not converted (they are listed, not dropped)."""


class SiteError(ValueError):
    """A site that cannot be used as asked (an unknown ``--lang``): a usage error."""


class DataError(ValueError):
    """A configuration file that cannot be read."""


def read_data(path: Path) -> dict[str, Any]:
    """A TOML, YAML or JSON file's top-level table, keys in lower case."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"{path}: cannot be read ({error})") from None
    try:
        if path.suffix == ".toml":
            data: Any = tomllib.loads(text)
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            data = yaml.safe_load(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError, yaml.YAMLError) as error:
        first = str(error).split("\n")[0]
        raise DataError(f"{path}: not valid {path.suffix[1:].upper()}: {first}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataError(f"{path}: holds a {type(data).__name__}, not a table of settings")
    lowered = lower_keys(data)
    assert isinstance(lowered, dict)
    return lowered


def lower_keys(value: Any) -> Any:
    """``value`` with the keys of every mapping in lower case."""
    if isinstance(value, dict):
        return {str(key).lower(): lower_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [lower_keys(item) for item in value]
    return value


def config_files(root: Path) -> list[Path]:
    """The configuration files of the site at ``root``, the top-level one first."""
    for stem in CONFIG_STEMS:
        for suffix in DATA_SUFFIXES:
            if (root / f"{stem}{suffix}").is_file():
                return [root / f"{stem}{suffix}"]
    folder = root / "config" / "_default"
    if folder.is_dir():
        files = sorted(p for p in folder.iterdir() if p.suffix in DATA_SUFFIXES and p.is_file())
        return sorted(files, key=lambda path: path.stem not in CONFIG_STEMS)
    return []


def is_site_root(folder: Path) -> bool:
    """Whether ``folder`` holds a Hugo configuration."""
    return bool(config_files(folder))


@dc.dataclass(frozen=True)
class Site:
    """A Hugo site's settings, for the language being converted."""

    root: Path | None
    config: Mapping[str, Any]
    language: str

    @classmethod
    def load(cls, root: Path, language: str | None, errors: list[str]) -> Site:
        """The site at ``root`` (read errors are added to ``errors``); ``language`` is the
        content language to convert, by default the site's default one."""
        config: dict[str, Any] = {}
        for path in config_files(root):
            try:
                data = read_data(path)
            except DataError as error:
                errors.append(str(error))
                continue
            if path.stem in CONFIG_STEMS:
                config.update(data)
            else:
                config[path.stem.lower()] = data
        site = cls(root, config, "")
        chosen = (language or site.default_language).lower()
        known = site.languages
        if language is not None and known and chosen not in known:
            raise SiteError(
                f"--lang {language}: the site's languages are {', '.join(sorted(known))}"
            )
        return dc.replace(site, language=chosen)

    @classmethod
    def bare(cls, language: str | None) -> Site:
        """Settings for content that belongs to no site."""
        return cls(None, {}, (language or "en").lower())

    @property
    def default_language(self) -> str:
        return str(self.config.get("defaultcontentlanguage", "en")).lower()

    @property
    def languages(self) -> Mapping[str, Mapping[str, Any]]:
        """The site's languages and their settings (``{}`` for a one-language site)."""
        languages = self.config.get("languages")
        if not isinstance(languages, dict):
            return {}
        return {str(k).lower(): v for k, v in languages.items() if isinstance(v, dict)}

    def setting(self, name: str, default: Any = None) -> Any:
        """A top-level setting, the language's own value first."""
        own = self.languages.get(self.language, {})
        if name in own:
            return own[name]
        return self.config.get(name, default)

    @property
    def params(self) -> Mapping[str, Any]:
        """The site's ``params``, the language's own over the site's."""
        merged = dict(self.config.get("params") or {})
        merged.update(self.languages.get(self.language, {}).get("params") or {})
        return merged

    @property
    def title(self) -> str:
        return str(self.setting("title", "") or "")

    @property
    def base_url(self) -> str:
        url = str(self.setting("baseurl", "") or "")
        return url if url.startswith(("http://", "https://")) else ""

    @property
    def language_code(self) -> str:
        """The language as Sphinx names it (``zh_CN`` for Hugo's ``zh-cn``)."""
        code = str(self.setting("languagecode", "") or self.language or "en")
        base, _, region = code.replace("_", "-").partition("-")
        return f"{base.lower()}_{region.upper()}" if region else base.lower()

    @property
    def content_dir(self) -> Path | None:
        if self.root is None:
            return None
        return self.root / str(self.setting("contentdir", "content"))

    @property
    def static_dirs(self) -> list[Path]:
        if self.root is None:
            return []
        value = self.setting("staticdir", "static")
        names = value if isinstance(value, list) else [value]
        return [self.root / str(name) for name in names]

    @property
    def language_names(self) -> set[str]:
        """Every language a file name can be marked with (``index.fr.md``)."""
        return {*self.languages, self.default_language, self.language}

    def language_of(self, path: Path) -> str:
        """The language of a content file: its ``.LANG`` mark, else the default one."""
        mark = self.language_mark(path)
        return mark or self.default_language

    def language_mark(self, path: Path) -> str:
        """The ``LANG`` of ``name.LANG.md``, or ``""``."""
        parts = path.name.split(".")
        if len(parts) < 3:
            return ""
        mark = parts[-2].lower()
        return mark if mark in self.language_names else ""

    def page_stem(self, path: Path) -> str:
        """The name of a content file without its suffix and language mark."""
        stem = path.name[: -len(path.suffix)] if path.suffix else path.name
        mark = self.language_mark(path)
        return stem[: -len(mark) - 1] if mark else stem

    def prefix(self) -> str:
        """The URL path of the language's pages (``/fr`` for a non-default language)."""
        in_subdir = bool(self.config.get("defaultcontentlanguageinsubdir", False))
        if self.languages and (self.language != self.default_language or in_subdir):
            return f"/{self.language}"
        return ""


@dc.dataclass(frozen=True)
class Page:
    """A content file to convert."""

    source: Path
    """Its path, as found from the command's arguments."""
    rel: PurePosixPath
    """Where it goes, relative to the notes folder (``posts/x/index.md``)."""
    site: Site
    content_root: Path
    bundle: bool = False
    """A leaf bundle's ``index.md``: the files beside it are its resources."""
    section: bool = False
    """A ``_index.md``: a section's page."""

    @property
    def folder(self) -> Path:
        return self.source.parent


@dc.dataclass(frozen=True)
class Skipped:
    """A file found but not converted, and why."""

    source: Path
    reason: str


@dc.dataclass
class Discovery:
    """What the command's arguments name: the pages, the sites, what is skipped."""

    pages: list[Page] = dc.field(default_factory=list)
    sites: list[Site] = dc.field(default_factory=list)
    skipped: list[Skipped] = dc.field(default_factory=list)
    errors: list[str] = dc.field(default_factory=list)
    resources: dict[Path, list[Path]] = dc.field(default_factory=dict)
    """The resource files of each leaf bundle, by the bundle's ``index.md``."""
    other_languages: set[str] = dc.field(default_factory=set)
    """The languages of the pages left out, as they are not the one converted."""


def discover(sources: Sequence[Path], language: str | None) -> Discovery:
    """The pages of each source: a site's root (its ``content/``), a content folder, or
    a content file; in each, the files of the language being converted."""
    found = Discovery()
    sites: dict[Path | None, Site] = {}

    def site_for(root: Path | None) -> Site:
        if root not in sites:
            sites[root] = Site.load(root, language, found.errors) if root else Site.bare(language)
            found.sites.append(sites[root])
        return sites[root]

    seen: set[Path] = set()
    for source in sources:
        if source.is_dir() and is_site_root(source):
            site = site_for(source)
            content = site.content_dir
            assert content is not None
            if not content.is_dir():
                found.errors.append(f"{source}: the site has no content folder {content}")
                continue
            files, root = walk(content), content
        else:
            folder = source if source.is_dir() else source.parent
            site_root = _site_above(folder)
            site = site_for(site_root)
            content = site.content_dir
            if source.is_dir():
                files = walk(source)
                root = content if content and _inside(source, content) else source
            else:
                files = [source]
                root = content if content and _inside(source, content) else source.parent
        for path in files:
            if path.resolve() in seen:
                continue
            seen.add(path.resolve())
            _add(found, site, root, path, files)
    return found


def walk(folder: Path) -> list[Path]:
    """Every file under ``folder``, in a stable order, without hidden files and folders."""
    found: list[Path] = []
    for path, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found.extend(Path(path) / name for name in sorted(names) if not name.startswith("."))
    return found


def _add(found: Discovery, site: Site, root: Path, path: Path, files: Iterable[Path]) -> None:
    suffix = path.suffix.lower()
    if suffix not in CONTENT_SUFFIXES:
        if suffix in OTHER_CONTENT and _is_page(path, site):
            found.skipped.append(
                Skipped(path, f"{suffix} content is not converted; rewrite it in Markdown")
            )
        return
    if site.language_of(path) != site.language:
        found.other_languages.add(site.language_of(path))
        return
    stem = site.page_stem(path)
    folder = path.parent
    bundle = stem == "index"
    if not bundle and _bundle_index(folder, site) is not None and folder != root:
        found.skipped.append(
            Skipped(path, "a Markdown file inside a page bundle is a resource, not a page")
        )
        return
    relative = PurePosixPath(folder.relative_to(root).as_posix()) if folder != root else None
    name = "index.md" if stem in ("index", "_index") else f"{stem}.md"
    rel = relative / name if relative else PurePosixPath(name)
    page = Page(path, rel, site, root, bundle=bundle, section=stem == "_index")
    found.pages.append(page)
    if bundle:
        found.resources[path] = [
            other
            for other in walk(folder)
            if other.suffix.lower() not in CONTENT_SUFFIXES and other != path
        ]


def _is_page(path: Path, site: Site) -> bool:
    """Whether a non-Markdown content file is a page of the language (not a resource)."""
    return site.language_of(path) == site.language and _bundle_index(path.parent, site) is None


def _bundle_index(folder: Path, site: Site) -> Path | None:
    for suffix in CONTENT_SUFFIXES:
        for name in (f"index{suffix}", f"index.{site.language}{suffix}"):
            if (folder / name).is_file():
                return folder / name
    return None


def _site_above(folder: Path) -> Path | None:
    for candidate in (folder, *folder.resolve().parents):
        if is_site_root(candidate):
            return candidate
    return None


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def page_urls(page: Page, fields: Mapping[str, Any]) -> list[str]:
    """The URL paths Hugo gives ``page`` (``/posts/x/``), its aliases after it."""
    site = page.site
    lowered = {key.lower(): value for key, value in fields.items()}
    urls = []
    if isinstance(lowered.get("url"), str) and lowered["url"].strip():
        urls.append(normal_url(lowered["url"]))
    else:
        folders = list(page.rel.parts[:-1])
        in_folder = page.bundle or page.section
        base = (folders.pop() if folders else "") if in_folder else page.rel.stem
        slug = lowered.get("slug")
        name = str(slug) if isinstance(slug, (str, int)) and str(slug).strip() else base
        pattern = _permalink(site, folders[0] if folders else "", page)
        if pattern:
            path = _expand(pattern, page, lowered, name, base)
        else:
            path = "/" + "/".join([*folders, name]) if name or folders else "/"
        urls.append(normal_url(site.prefix() + path))
    aliases = lowered.get("aliases")
    for alias in aliases if isinstance(aliases, list) else [aliases] if aliases else []:
        if isinstance(alias, str) and alias.strip():
            urls.append(normal_url(alias if alias.startswith("/") else f"/{alias}"))
    return urls


def normal_url(path: str) -> str:
    """A URL path as the link map compares it: lower case, ``/`` at both ends."""
    path = re.sub(r"/+", "/", "/" + path.strip().strip("/"))
    if path.endswith(("/index.html", "/index.htm")):
        path = path.rsplit("/", 1)[0]
    return (path.rstrip("/") + "/").lower()


def _permalink(site: Site, section: str, page: Page) -> str:
    permalinks = site.config.get("permalinks")
    if not isinstance(permalinks, dict) or page.section or not section:
        return ""
    pages = permalinks.get("page")
    value = pages.get(section.lower()) if isinstance(pages, dict) else None
    value = value or permalinks.get(section.lower())
    return value if isinstance(value, str) else ""


def _expand(pattern: str, page: Page, fields: Mapping[str, Any], slug: str, base: str) -> str:
    date = str(fields.get("date", ""))
    year, month, day = (date[:4], date[5:7], date[8:10]) if len(date) >= 10 else ("", "", "")
    title = urlize(str(fields.get("title", base)))
    tokens = {
        ":year": year,
        ":month": month,
        ":day": day,
        ":slugorcontentbasename": slug,
        ":slugorfilename": slug,
        ":contentbasename": base,
        ":filename": base,
        ":sections": "/".join(page.rel.parts[:-1]),
        ":section": page.rel.parts[0] if len(page.rel.parts) > 1 else "",
        ":slug": urlize(slug) if slug != base else title,
        ":title": title,
    }
    for token, value in tokens.items():
        pattern = pattern.replace(token, value)
    return pattern


def urlize(text: str) -> str:
    """A title as Hugo puts it in a URL: lower case, spaces as ``-``."""
    text = re.sub(r"[\s]+", "-", text.strip().lower())
    return re.sub(r"[^\w\-./~]", "", text)


def lookup(value: Any, path: str) -> Any:
    """The value at the dotted ``path`` of nested mappings, in any case; ``None`` when
    there is none."""
    for part in path.lower().split("."):
        if not isinstance(value, Mapping):
            return None
        value = {str(key).lower(): item for key, item in value.items()}.get(part)
    return value

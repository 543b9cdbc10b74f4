"""The MyST of each shortcode the converter knows: Hugo's built-in ones, the LoveIt and
DoIt themes' ``admonition``, ``image`` and ``link``, and a hand-made ``timeline``.

Each renderer gets the :class:`~.calls.Call` and returns a :class:`~.calls.Block` (a
directive, on lines of its own) or an :class:`~.calls.Inline` (text within a line).
What it cannot convert it leaves visible with :meth:`~.calls.Call.keep`, and each
parameter it does not use is listed by :meth:`~.calls.Call.unused`.
"""

from __future__ import annotations

import datetime
import re
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from pygments.filters import ErrorToken  # type: ignore[import-untyped]
from pygments.lexers import get_lexer_by_name  # type: ignore[import-untyped]
from pygments.util import ClassNotFound  # type: ignore[import-untyped]

from ..myst import code_block, directive, escape, markdown_destination, one_line
from .calls import Block, Call, Inline, Renderer, Result, TimelineGroup
from .site import lookup

if TYPE_CHECKING:
    from .body import Fragment

FLOAT_RIGHT = {"imageright", "image-right", "right", "float-right", "floatright", "fr",
               "pull-right", "alignright", "align-right"}  # fmt: skip
FLOAT_LEFT = {"imageleft", "image-left", "left", "float-left", "floatleft", "fl",
              "pull-left", "alignleft", "align-left"}  # fmt: skip
CENTER = {"center", "centre", "aligncenter", "align-center", "imagecenter", "ci"}
FLOAT_FORMATS = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
"""The image files ``image-float`` reads the size of."""
_LENGTH = re.compile(r"\d+(?:\.\d+)?(?:%|px|em|ex|pt|pc|in|cm|mm)?")
_ID = re.compile(r"[\w\-]+")
_POST_ID = re.compile(r"[0-9]{1,20}")
_HANDLE = re.compile(r"[A-Za-z0-9_]{1,15}")
"""A post's number and its author's handle, as the ``tweet`` directive takes them."""
_OPTION = re.compile(r"(\w+)\s*=\s*(\[[^\]]*\]|\"[^\"]*\"|[^,\s]+(?:\s+\d[\d\-\s]*)?)")

ADMONITIONS = {
    # LoveIt / DoIt type: (docutils admonition, sphinx-design colour)
    "note": ("note", "primary"),
    "abstract": ("note", "info"),
    "summary": ("note", "info"),
    "info": ("note", "info"),
    "todo": ("note", "info"),
    "tip": ("tip", "success"),
    "hint": ("hint", "success"),
    "important": ("important", "info"),
    "success": ("tip", "success"),
    "check": ("tip", "success"),
    "done": ("tip", "success"),
    "question": ("hint", "info"),
    "help": ("hint", "info"),
    "faq": ("hint", "info"),
    "warning": ("warning", "warning"),
    "caution": ("caution", "warning"),
    "attention": ("attention", "warning"),
    "failure": ("error", "danger"),
    "fail": ("error", "danger"),
    "missing": ("error", "danger"),
    "danger": ("danger", "danger"),
    "error": ("error", "danger"),
    "bug": ("error", "danger"),
    "example": ("hint", "secondary"),
    "quote": ("note", "secondary"),
    "cite": ("note", "secondary"),
}
"""Each admonition type, the docutils admonition that shows it and the colour of its
collapsible form. Types docutils has are written as such; the others as a titled
``admonition`` with the class of the nearest one."""
DOCUTILS_ADMONITIONS = {"note", "tip", "hint", "important", "warning", "caution", "attention",
                        "danger", "error"}  # fmt: skip


def tweet(call: Call) -> Result:
    """``{{< tweet user="x" id="1" >}}``, ``{{< tweet 1 >}}``, ``{{< x user id >}}``."""
    params = call.node.params
    positional = params.positional
    post = params.get("id") or (positional[-1] if positional else "")
    user = params.get("user") or (positional[0] if len(positional) > 1 else "")
    post, user = post.strip(), user.strip().lstrip("@")
    if not _POST_ID.fullmatch(post):
        return call.keep(
            f"{post!r} is not the number of a post; write a tweet directive with the post's "
            "URL or number"
        )
    if user and not _HANDLE.fullmatch(user):
        return call.keep(
            f"{user!r} is not a handle on X; write a tweet directive with the post's URL or number"
        )
    call.unused({"id", "user"}, 2 if len(positional) > 1 else 1)
    call.context.tweets += 1
    if user:
        return Block(directive("tweet", f"https://x.com/{user}/status/{post}", [("user", user)]))
    return Block(directive("tweet", post))


def image(call: Call) -> Result:
    """``image`` and ``figure``: an ``image-float`` when the class floats it, else a
    figure (or an image, without a caption)."""
    params = call.node.params
    src = (params.get("src", 0) or "").strip()
    if not src:
        return call.keep("no src: write the picture's file as its src")
    classes = (params.get("class") or "").split()
    lowered = {name.lower() for name in classes}
    align = "right" if lowered & FLOAT_RIGHT else "left" if lowered & FLOAT_LEFT else ""
    centred = bool(lowered & CENTER)
    kept = [name for name in classes if name.lower() not in FLOAT_RIGHT | FLOAT_LEFT | CENTER]
    links = call.context.links
    remote = links.internal_path(src) is None
    path = src if remote else links.file(src)
    if path is None:
        return call.keep(
            f"no file {src!r} beside the page, in static/ or in content/; put it there and "
            "run again"
        )
    captions = [
        call.inline(text)
        for text in (params.get("title"), params.get("caption") or params.get("description"))
        if text and text.strip()
    ]
    attribution = params.get("attr")
    if attribution:
        text = call.inline(attribution)
        source = params.get("attrlink")
        target = call.fragment.link_destination(source) if source else ""
        captions.append(f"[{text}]({markdown_destination(target)})" if target else text)
    options: list[tuple[str, str]] = []
    alt = params.get("alt")
    if alt:
        options.append(("alt", one_line(alt)))
    width = _length(call, params.get("width"), "width")
    height = _length(call, params.get("height"), "height")
    link = params.get("link")
    if link:
        target = call.fragment.link_destination(link)
        if target:
            options.append(("target", target))
    floated = align and not remote and PurePosixPath(path).suffix.lower() in FLOAT_FORMATS
    if kept:
        options.append(("class", " ".join(kept)))
    call.unused(
        {"src", "class", "alt", "title", "caption", "description", "attr", "attrlink",
         "width", "height", "link", "target", "rel", "loading", "decoding", "src_s",
         "src_l", "linked", "lightgallery"},
        1,
    )  # fmt: skip
    body = "\n\n".join(captions)
    if floated:
        sizes = [("width", width)] if width else []
        return Block(directive("image-float", path, [("align", align), *sizes, *options], body))
    sizes = [(name, value) for name, value in (("width", width), ("height", height)) if value]
    placed = [("align", align or "center")] if align or centred else []
    return Block(directive("figure" if body else "image", path, [*options, *sizes, *placed], body))


def _length(call: Call, value: str | None, name: str) -> str:
    if not value or not value.strip():
        return ""
    value = value.strip()
    if _LENGTH.fullmatch(value):
        return value
    call.left(f"{name} {value!r} is not a length such as 40% or 300px; it is not kept")
    return ""


def admonition(call: Call) -> Result:
    """LoveIt's and DoIt's ``admonition`` (type, title, and collapsed or open)."""
    params = call.node.params
    kind = (params.get("type", 0) or "note").strip().lower()
    title = (params.get("title", 1) or "").strip()
    details = (params.get("details", 2) or "").strip().lower() == "true"
    opened = (params.get("open") or "").strip().lower()
    body = call.inner()
    if not body.strip():
        return call.keep("an admonition without content; write its text inside it")
    call.unused({"type", "title", "details", "open"}, 3)
    shown, colour = ADMONITIONS.get(kind, ("note", "primary"))
    heading = call.inline(title) if title else escape(kind.title())
    if details or opened == "false":
        options = [("color", colour)] + ([("open", "")] if opened == "true" else [])
        return Block(directive("dropdown", heading, options, body))
    if not title and kind in DOCUTILS_ADMONITIONS:
        return Block(directive(kind, body=body))
    return Block(directive("admonition", heading, [("class", shown)], body))


def highlight(call: Call) -> Result:
    """``{{< highlight go "linenos=table,hl_lines=8 15-17" >}}`` as a code block."""
    params = call.node.params
    language = (params.get("lang", 0) or "").strip()
    known = call.fragment.known_language(language, call.line)
    options = code_options(params.get("options", 1) or "")
    call.unused({"lang", "options"}, 2)
    code = call.literal_inner()
    if not lexes(known, code):
        options.append(("force", ""))
    return Block(code_block(code, known, options))


def link(call: Call) -> Result:
    """LoveIt's ``link``: ``{{< link "url" "text" "title" >}}`` or ``href=… content=…``."""
    params = call.node.params
    href = (params.get("href", 0) or "").strip()
    if not href:
        return call.keep("no href: write the link's address as its href")
    content = params.get("content", 1) or href
    title = (params.get("title", 2) or "").replace('"', "'").replace("\\", "\\\\").strip()
    call.unused({"href", "content", "title", "rel", "class", "card"}, 3)
    target = call.fragment.link_destination(href)
    if content == href and target == href and re.fullmatch(r"[a-z]+:[^\s<>]*", href):
        return Inline(f"<{href}>")
    text = call.inline(content) if content != href else escape(href)
    if not target:
        return Inline(text)
    title = f' "{title}"' if title else ""
    return Inline(f"[{text}]({markdown_destination(target)}{title})")


def card(title: str, url: str) -> Result:
    """A link card: what an embedded player or widget leads to, readable offline."""
    return Block(directive("card", escape(title), body=f"<{url}>"))


def youtube(call: Call) -> Result:
    """``{{< youtube ID >}}`` (or ``id=…``, ``title=…``, ``start=…``)."""
    params = call.node.params
    video = (params.get("id", 0) or "").strip()
    if not _ID.fullmatch(video):
        return call.keep(f"{video!r} is not a YouTube video id")
    start = (params.get("start") or "").strip()
    call.unused({"id", "title", "autoplay", "loading", "class", "start", "end", "mute",
                 "controls", "loop", "allowfullscreen"}, 1)  # fmt: skip
    url = f"https://www.youtube.com/watch?v={video}" + (f"&t={start}s" if start.isdigit() else "")
    return card(params.get("title") or "Video on YouTube", url)


def vimeo(call: Call) -> Result:
    """``{{< vimeo ID >}}`` (or ``id=…``, ``title=…``)."""
    params = call.node.params
    video = (params.get("id", 0) or "").strip()
    if not _ID.fullmatch(video):
        return call.keep(f"{video!r} is not a Vimeo video id")
    call.unused({"id", "title", "class", "loading", "allowfullscreen"}, 1)
    return card(params.get("title") or "Video on Vimeo", f"https://vimeo.com/{video}")


def bilibili(call: Call) -> Result:
    """LoveIt's ``{{< bilibili BV… [part] >}}``."""
    params = call.node.params
    video = (params.get("id", 0) or "").strip()
    if not _ID.fullmatch(video):
        return call.keep(f"{video!r} is not a bilibili video id")
    part = (params.get("p", 1) or "").strip()
    call.unused({"id", "p"}, 2)
    video = video if video.lower().startswith(("bv", "av")) else f"av{video}"
    url = f"https://www.bilibili.com/video/{video}/" + (f"?p={part}" if part.isdigit() else "")
    return card("Video on bilibili", url)


def gist(call: Call) -> Result:
    """``{{< gist USER ID [FILE] >}}``."""
    params = call.node.params
    user = (params.get("user", 0) or "").strip()
    number = (params.get("id", 1) or "").strip()
    if not (_ID.fullmatch(user) and _ID.fullmatch(number)):
        return call.keep("a gist needs its user and its id: {{< gist user id >}}")
    file = (params.get("file", 2) or "").strip()
    call.unused({"user", "id", "file"}, 3)
    anchor = "#file-" + re.sub(r"[^\w\-]", "-", file.lower()) if file else ""
    return card(f"Gist by {user}" + (f": {file}" if file else ""),
                f"https://gist.github.com/{user}/{number}{anchor}")  # fmt: skip


def instagram(call: Call) -> Result:
    """``{{< instagram ID >}}``."""
    params = call.node.params
    post = (params.get("id", 0) or "").strip()
    if not _ID.fullmatch(post):
        return call.keep(f"{post!r} is not an Instagram post id")
    call.unused({"id", "hidecaption"}, 2)
    return card("Post on Instagram", f"https://www.instagram.com/p/{post}/")


def ref(call: Call) -> Result:
    """``ref`` and ``relref``: the converted page they name."""
    target = (call.node.params.get("path", 0) or "").strip()
    found = call.context.links.ref(target) if target else None
    if found is None:
        return call.keep(f"no converted page {target!r}; point the link at a page by hand")
    call.unused({"path", "lang", "outputformat"}, 1)
    if call.in_destination:
        return Inline(found)
    if call.in_attribute:  # raw HTML: the page's address in the HTML output
        path, _, fragment = found.partition("#")
        html = path[: -len(".md")] + ".html" if path.endswith(".md") else path
        return Inline(html + (f"#{fragment}" if fragment else ""))
    return Inline(f"[]({found})")


def param_value(call: Call) -> str | None:
    """The value ``{{< param "name" >}}`` shows: the page's front matter field, else the
    site's ``params`` (dotted names reach into tables)."""
    name = (call.node.params.get("name", 0) or "").strip()
    if not name:
        return None
    for fields in (call.context.fields, call.context.site_params):
        value = lookup(fields, name)
        if value is not None and not isinstance(value, (dict, list)):
            return str(value).lower() if isinstance(value, bool) else str(value)
    return None


def param(call: Call) -> Result:
    """``{{< param "name" >}}``: its value, as text."""
    value = param_value(call)
    if value is None:
        name = call.node.params.get("name", 0)
        return call.keep(f"no page or site parameter {name!r}; write its value by hand")
    return Inline(escape(value))


RENDERERS: dict[str, Renderer] = {
    "admonition": admonition,
    "bilibili": bilibili,
    "figure": image,
    "gist": gist,
    "highlight": highlight,
    "image": image,
    "instagram": instagram,
    "instagram_simple": instagram,
    "link": link,
    "param": param,
    "ref": ref,
    "relref": ref,
    "tweet": tweet,
    "twitter": tweet,
    "twitter_simple": tweet,
    "vimeo": vimeo,
    "vimeo_simple": vimeo,
    "x": tweet,
    "x_simple": tweet,
    "youtube": youtube,
}
"""The renderer of each shortcode the converter knows, by name in lower case."""


def timeline(fragment: Fragment, group: TimelineGroup, continuation: str) -> Result:
    """A run of timeline shortcodes as one ``timeline``: each
    ``{{% timeline timelinedate="2015-05-01" %}}LABEL:: text{{% /timeline %}}`` an entry
    dated by its ``timelinedate``, labelled by what comes before its ``::``."""
    parts: list[str] = []
    entries: list[str] = []

    def close() -> None:
        if entries:
            parts.append(directive("timeline", body="\n\n".join(entries)))
            entries.clear()

    for node in group.entries:
        call = Call(fragment, node, continuation, True)
        params = node.params
        written = params.get("timelinedate") or params.get("date", 0) or ""
        date = iso_date(written)
        if date is None:
            close()
            kept = call.keep(
                f"the date {written!r} is not a date such as 2015-05-01; write it as "
                "YYYY, YYYY-MM or YYYY-MM-DD and run again"
            )
            parts.append(kept.text)
            continue
        end = params.get("end") or params.get("timelineend")
        options: list[tuple[str, str]] = []
        inner = call.inner_source
        label, separator, body = inner.partition("::")
        if not separator:
            label, body = "", inner
        if label.strip():
            options.append(("label", call.inline(label)))
        if end:
            end_date = "present" if end.strip().lower() == "present" else iso_date(end)
            if end_date:
                options.append(("end", end_date))
            else:
                call.left(f"the end {end!r} is not a date; it is not kept")
        call.unused({"timelinedate", "date", "end", "timelineend"}, 1)
        start, _ = node.inner_span
        line = fragment.line(start + len(label) + len(separator))
        converted = fragment.nested(body.strip("\n").strip(), line).convert()
        entries.append(directive("timeline-entry", date, options, converted))
    close()
    return Block("\n\n".join(parts))


DATE_FORMS = (
    *((form, 10) for form in ("%Y/%m/%d", "%Y.%m.%d", "%d.%m.%Y", "%B %d, %Y", "%b %d, %Y",
                              "%d %B %Y", "%d %b %Y")),
    *((form, 7) for form in ("%B %Y", "%b %Y", "%Y/%m")),
)  # fmt: skip
"""Written dates a timeline shortcode may hold, and the length of their ISO form."""


def code_options(attributes: str) -> list[tuple[str, str]]:
    """Hugo's highlighting options (``linenos=table,hl_lines=8 15-17``, or a fence's
    ``{linenos=true, hl_lines=[8,"15-17"]}``) as ``code-block`` options."""
    options: list[tuple[str, str]] = []
    for name, value in _OPTION.findall(attributes):
        value = value.strip().strip('"')
        if name == "linenos" and value.lower() not in ("false", "none", ""):
            options.append(("linenos", ""))
        elif name == "hl_lines":
            numbers = re.findall(r"\d+(?:-\d+)?", value)
            if numbers:
                options.append(("emphasize-lines", ",".join(numbers)))
        elif name == "linenostart" and value.isdigit():
            options.append(("lineno-start", value))
    return options


def lexes(language: str, code: str) -> bool:
    """Whether Pygments highlights ``code`` as ``language`` without an error token (else
    Sphinx warns, unless the block has ``:force:``)."""
    if not language or language == "text":
        return True
    try:
        lexer = get_lexer_by_name(language)
    except ClassNotFound:
        return True
    lexer.add_filter("raiseonerror")
    try:
        for _ in lexer.get_tokens(code):
            pass
    except ErrorToken:
        return False
    return True


def iso_date(text: str) -> str | None:
    """``text`` as an ISO date of its precision (``2015``, ``2015-05``, ``2015-05-01``),
    from ISO dates and times and from the usual written forms; ``None`` for none."""
    text = " ".join(text.split())
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if match:
        year, month, day = (int(part) if part else 1 for part in match.groups())
        try:
            datetime.date(year, month, day)
        except ValueError:
            return None
        return text
    moment = re.match(r"(\d{4}-\d{2}-\d{2})[T ]", text)
    if moment:
        return iso_date(moment.group(1))
    for form, precision in DATE_FORMS:
        try:
            return datetime.datetime.strptime(text, form).date().isoformat()[:precision]
        except ValueError:
            continue
    return None

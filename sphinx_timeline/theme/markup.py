"""Repairs to the ARIA of the HTML that Sphinx and docutils write into a page's body.

Each is a fixed fragment of their output that axe-core reports as a violation, and the
least change that fixes it; a page without the fragment is left as it is.
"""

from __future__ import annotations

import re

REPAIRS = (
    # a toctree's caption: a heading without its level (Sphinx)
    (
        re.compile(r'<p class="caption" role="heading">'),
        '<p class="caption" role="heading" aria-level="2">',
    ),
    # the footnotes of a page: an <aside> (a complementary landmark) inside the main one
    (re.compile(r'<aside class="footnote-list'), '<aside role="none" class="footnote-list'),
    # footnotes: <aside> elements that axe takes for landmarks, which then need distinct
    # names (docutils 0.22)
    (
        re.compile(r'(<aside class="footnote [^"<>]*" id="([^"<>]*)" role="doc-footnote")'),
        r'\1 aria-label="\2"',
    ),
    # a citation: a deprecated role, not allowed on a <div>, in a role="list" (docutils)
    (
        re.compile(r'(<div class="citation" id="[^"<>]*") role="doc-biblioentry"'),
        r'\1 role="listitem"',
    ),
)


def repair(body: str) -> str:
    """``body`` with its known ARIA mistakes fixed."""
    for pattern, replacement in REPAIRS:
        body = pattern.sub(replacement, body)
    return body

"""The theme's icons: small inline SVG drawings (24 units square, in ``currentColor``).

Drawn for this theme, not copied from an icon set: simple outlines that stay legible at
16 px. Each is hidden from assistive technology; the link or button around it carries
the accessible name.
"""

from __future__ import annotations

SVG = (
    '<svg class="stl-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" '
    'focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" '
    'stroke-linecap="round" stroke-linejoin="round">{}</svg>'
)

DRAWINGS = {
    # a branching commit graph: for the code forges
    "git": '<circle cx="6" cy="5" r="2.2"/><circle cx="6" cy="19" r="2.2"/>'
    '<circle cx="18" cy="8" r="2.2"/><path d="M6 7.2v9.6M18 10.2c0 4-6 3.5-11 7"/>',
    "github": '<path d="M9 19c-4 1.3-4-2-6-2.5m12 5v-3.5c0-1 .1-1.4-.5-2 2.8-.3 5.5-1.4 '
    "5.5-6a4.6 4.6 0 0 0-1.3-3.2 4.2 4.2 0 0 0-.1-3.2s-1.1-.3-3.5 1.3a12 12 0 0 0-6.2 0C6.5 "
    "2.8 5.4 3.1 5.4 3.1a4.2 4.2 0 0 0-.1 3.2A4.6 4.6 0 0 0 4 9.5c0 4.6 2.7 5.7 5.5 6-.6.6-.6 "
    '1.2-.5 2V22"/>',
    "gitlab": '<path d="M12 21 3 13.5l2.5-9 2.7 7.5h7.6l2.7-7.5 2.5 9z"/>',
    "mastodon": '<path d="M5 3.5h14a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-6l-5 4v-4H5a2 2 0 0 1-2-2v-8a2 '
    '2 0 0 1 2-2z"/><path d="M8 12.5V9a1.5 1.5 0 0 1 3 0v2m0-2a1.5 1.5 0 0 1 3 0v3.5"/>',
    "bluesky": '<path d="M12 11C10.5 8 6.5 3.5 4 4s-1 6 1 7.5c1.3 1 3.5 1 3.5 1S5 14 6.5 '
    "16.5 11 17 12 14c1 3 4 5 5.5 2.5S15.5 12.5 15.5 12.5s2.2 0 3.5-1c2-1.5 3.5-7 1-7.5S13.5 8 "
    '12 11z"/>',
    "x": '<path d="M4 4l16 16M20 4 4 20"/>',
    "linkedin": '<rect x="3" y="3" width="18" height="18" rx="2.5"/>'
    '<path d="M8 10.5V17M8 7.2v.1M12 17v-6.5M12 13.5c0-1.7 1-3 2.5-3s2.5 1 2.5 3V17"/>',
    "youtube": '<rect x="2.5" y="5" width="19" height="14" rx="4"/><path d="m10 9 5 3-5 3z"/>',
    "stackoverflow": '<path d="M5 14v6h13v-6M8.5 17h6.5M9 13.5l6.3 1.3M10 10l5.8 2.7M12 6.5l5 4"/>',
    "email": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3.5 6 8.5 7 8.5-7"/>',
    "rss": '<path d="M5 4a15 15 0 0 1 15 15M5 10a9 9 0 0 1 9 9"/><circle cx="6" cy="18" r="1.5"/>',
    "website": '<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c2.5 2.5 3.8 5.5 3.8 9S14.5 '
    '18.5 12 21c-2.5-2.5-3.8-5.5-3.8-9S9.5 5.5 12 3z"/>',
    "link": '<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 '
    '3a4 4 0 0 0 5.7 5.7l1-1"/>',
    # the colour scheme button: one drawing per choice
    "auto": '<circle cx="12" cy="12" r="8.5"/><path d="M12 3.5v17A8.5 8.5 0 0 0 12 3.5z" '
    'fill="currentColor"/>',
    "light": '<circle cx="12" cy="12" r="4"/><path d="M12 2.5v2M12 19.5v2M2.5 12h2M19.5 12h2'
    'M5.3 5.3l1.4 1.4M17.3 17.3l1.4 1.4M5.3 18.7l1.4-1.4M17.3 6.7l1.4-1.4"/>',
    "dark": '<path d="M20 14.5A8.5 8.5 0 0 1 9.5 4 8.5 8.5 0 1 0 20 14.5z"/>',
    "menu": '<path d="M4 6.5h16M4 12h16M4 17.5h16"/>',
    "search": '<circle cx="10.5" cy="10.5" r="6.5"/><path d="m15.5 15.5 5 5"/>',
    "edit": '<path d="M4 20h4L19 9l-4-4L4 16z"/><path d="m13.5 6.5 4 4"/>',
}

LABELS = {
    "github": "GitHub",
    "gitlab": "GitLab",
    "codeberg": "Codeberg",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "x": "X",
    "twitter": "X",
    "linkedin": "LinkedIn",
    "youtube": "YouTube",
    "stackoverflow": "Stack Overflow",
    "email": "Email",
    "rss": "Feed",
    "website": "Website",
}
"""The social link names the theme knows, and the name each link is read out with."""

ALIASES = {"codeberg": "git", "twitter": "x", "feed": "rss", "atom": "rss", "mail": "email"}
"""Other names for the same drawing."""


def icon(name: str) -> str:
    """The SVG markup of the drawing ``name`` (the link drawing for an unknown name)."""
    drawing = DRAWINGS.get(ALIASES.get(name, name), DRAWINGS["link"])
    return SVG.format(drawing)

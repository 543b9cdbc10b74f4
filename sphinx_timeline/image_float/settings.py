"""The image-float's ``timeline_*`` settings."""

from __future__ import annotations

from ..core.config import Setting, instance_of

LIGHTBOX = Setting(
    "lightbox",
    False,
    instance_of(bool),
    "Whether a click on an ``image-float`` image opens it enlarged in a lightbox, on "
    "pages whose front matter has no ``lightgallery`` field and for figures without a "
    "``:lightbox:`` option. See :doc:`image-float`.",
)

SETTINGS = (LIGHTBOX,)

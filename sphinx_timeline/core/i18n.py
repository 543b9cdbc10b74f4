"""Translations of the few words the extension writes itself (``present``, ``Close``...)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

if TYPE_CHECKING:
    from sphinx.application import Sphinx

MESSAGE_CATALOG = "sphinx_timeline"
"""The gettext domain of those words; the catalogs are in the package's ``locale/``."""

LOCALE_DIR = Path(__file__).parent.parent / "locale"

_ = get_translation(MESSAGE_CATALOG)


def setup_i18n(app: Sphinx) -> None:
    """Register the message catalogs."""
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))

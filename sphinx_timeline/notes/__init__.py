"""Author notes (planned): pages with front matter, their header, listings, archive,
feeds and page metadata, with cross-page data in one Domain. See ``DESIGN.md``."""

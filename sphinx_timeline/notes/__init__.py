"""Author notes (planned): pages with front matter, their header, listings, archive,
feeds and page metadata, with the data that spans pages in one Domain."""

"""The site and booklet around the pages: the Sphinx extension (footer, language switch,
templates/, the feed link and sharing previews in each page's head), the booklet's edition values
for LaTeX, each edition's source tree, the search index without marks, the Atom feed of editions,
and the link check of the built site.

Uses words/ and common/."""

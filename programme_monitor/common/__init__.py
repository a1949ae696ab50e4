"""Helpers that know nothing of programmes: the period notation (2025-H1, 2021/2025), YAML files
shipped in the package, content digests, writing a folder's files, folding Vietnamese marks.

Every other phase may use them; they use none."""

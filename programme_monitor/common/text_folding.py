"""Vietnamese text without its marks, for comparing names and for searching as people type."""

from __future__ import annotations

import unicodedata


def unaccented(text: str) -> str:
    """ "Đô thị hóa" → "Do thi hoa": tone and vowel marks removed, đ read as d. The old and new
    tone placements ("Thuỷ", "Thủy") become the same letters."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))

"""Vietnamese text without its marks, for comparing names and for searching as people type."""

from __future__ import annotations

import re
import unicodedata


def unaccented(text: str) -> str:
    """ "Đô thị hóa" → "Do thi hoa": tone and vowel marks removed, đ read as d. The old and new
    tone placements ("Thuỷ", "Thủy") become the same letters."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# The five tone marks of Vietnamese, as combining characters (NFD). The marks that make a vowel
# (circumflex, breve, horn) are part of the letter and stay where they are.
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def name_key(text: str) -> str:
    """A name as compared, not as shown: case, spacing and where the tone mark sits do not count
    ("Thuỷ  nguyên" and "Thủy Nguyên" have the same key), the letters and marks do."""
    words = []
    for word in unicodedata.normalize("NFD", text.casefold()).split():
        tones = "".join(c for c in word if c in TONE_MARKS)
        words.append("".join(c for c in word if c not in TONE_MARKS) + tones)
    return " ".join(words)


# What TCVN3 (ABC) and VNI text looks like when read as Latin-1: TCVN3 puts letters on symbols
# (ª for ê, ¬ for ô, ¸ for á…); VNI writes a vowel and then its mark as a second letter (aø for à,
# uû for ủ, aï for ạ), ö for ư and ñ for đ. No correct Vietnamese spelling has these.
_TCVN3_SIGNS = set("ª¬®µ¶·¸¹º¼½¾")
_VNI_SIGNS = re.compile(r"[aeiouyâêôAEIOUYÂÊÔ][øûïØÛÏ]|[öñÖÑ]")
_ONLY_VIETNAMESE = re.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")


def typed_in_legacy_encoding(text: str) -> bool:
    """Text typed in TCVN3 (ABC) or VNI and read as Latin-1 ("Thñy Nguyªn", "Thuûy Nguyeân")."""
    if _ONLY_VIETNAMESE.search(text):
        return False
    return bool(_TCVN3_SIGNS & set(text)) or _VNI_SIGNS.search(text) is not None

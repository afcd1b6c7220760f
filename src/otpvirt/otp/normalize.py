"""Text normalisation: native digits to ASCII, odd spaces/marks, and a folded copy for matching.

Every mapping here is one character to at most one character, so offsets in the
normalised text line up with offsets in the folded text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

# Zero code points of the decimal-digit blocks an SMS can realistically contain.
_DIGIT_ZEROS: tuple[int, ...] = (
    0x0660,  # Arabic-Indic
    0x06F0,  # Extended Arabic-Indic (Persian, Urdu, Pashto)
    0x07C0,  # NKo
    0x0966,  # Devanagari
    0x09E6,  # Bengali
    0x0A66,  # Gurmukhi
    0x0AE6,  # Gujarati
    0x0B66,  # Oriya
    0x0BE6,  # Tamil
    0x0C66,  # Telugu
    0x0CE6,  # Kannada
    0x0D66,  # Malayalam
    0x0DE6,  # Sinhala
    0x0E50,  # Thai
    0x0ED0,  # Lao
    0x0F20,  # Tibetan
    0x1040,  # Myanmar
    0x17E0,  # Khmer
    0x1810,  # Mongolian
    0xFF10,  # Fullwidth
)

_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)
# Bidi controls, zero-width characters and the Arabic tatweel carry no meaning for a code.
_DROP = (
    "\u00ad\u061c\u0640\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)
_HYPHENS = "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"


def _build_norm_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for zero in _DIGIT_ZEROS:
        for i in range(10):
            table[zero + i] = str(i)
    for ch in _SPACES:
        table[ord(ch)] = " "
    for ch in _DROP:
        table[ord(ch)] = None
    for cp in (*range(0x064B, 0x0653), 0x0670):  # Arabic harakat: vowel marks, never part of a code
        table[cp] = None
    for ch in _HYPHENS:
        table[ord(ch)] = "-"
    table[0x066B] = "."  # Arabic decimal separator
    table[0x066C] = ","  # Arabic thousands separator
    table[0x066A] = "%"  # Arabic percent sign
    for cp in range(0xFF21, 0xFF3B):  # fullwidth Latin letters, so codes like ＡＢ１２ survive
        table[cp] = chr(cp - 0xFEE0)
    for cp in range(0xFF41, 0xFF5B):
        table[cp] = chr(cp - 0xFEE0)
    table[0xFF1A] = ":"
    table[0xFF03] = "#"
    table[0xFF0A] = "*"
    return table


def _strip_mark(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0]
    return base if base.isalpha() else ch


def _ranges(*spans: tuple[int, int]) -> Iterable[int]:
    for lo, hi in spans:
        yield from range(lo, hi + 1)


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Latin letters with diacritics fold to their base letter: SMS gateways often drop them.
    for cp in _ranges((0x00C0, 0x024F), (0x1E00, 0x1EFF)):
        ch = chr(cp)
        low = ch.lower()
        if len(low) != 1 or not ch.isalpha():
            continue
        folded = _strip_mark(low)
        if folded != ch:
            table[cp] = folded
    table[ord("ı")] = "i"
    table[ord("İ")] = "i"
    table[ord("ß")] = "s"
    # "ł" has no Unicode decomposition, yet Polish SMS without diacritics write "haslo"
    table[ord("ł")] = "l"
    table[ord("Ł")] = "l"
    table[ord("ё")] = "е"
    table[ord("Ё")] = "е"
    # Tajik letters outside the Russian alphabet: cheap routes send "Рамзи тасдик", "хисоб"
    for src, dst in zip("ғӣқӯҳҷ", "гикухч", strict=True):
        table[ord(src)] = dst
    # Arabic-script spelling variants (Arabic vs Persian kaf/yeh, hamza seats).
    for src, dst in (
        ("ك", "ک"),
        ("ڪ", "ک"),  # Sindhi
        ("ي", "ی"),
        ("ى", "ی"),
        ("ئ", "ی"),
        ("أ", "ا"),
        ("إ", "ا"),
        ("آ", "ا"),
        ("ٱ", "ا"),
        ("ة", "ه"),
        ("ۀ", "ه"),
        ("ؤ", "و"),
    ):
        table[ord(src)] = dst
    return table


NORM_TABLE = _build_norm_table()
FOLD_TABLE = _build_fold_table()
_DIGITS_ONLY = {k: v for k, v in NORM_TABLE.items() if v is not None and v.isdigit()}
# Like NORM_TABLE, but a native digit becomes "n": which digits were written natively.
_SCRIPT_TABLE = {k: ("n" if k in _DIGITS_ONLY else v) for k, v in NORM_TABLE.items()}


# Burmese writers type the letter wa "ဝ" for the digit zero "၀" (they look alike): inside a
# run of Myanmar digits it is one ("၄၈ဝ၂၁၉" is 480219).  A run needs two real digits, and a
# letter or vowel sign glued after its last "ဝ" makes that one a word ("၁၂၃၄ဝင်" is 1234 +
# "ဝင်").
_WA = "\u101d"
_WA_RUN = re.compile("[\u1040-\u1049\u101d]{4,}")
_MYANMAR_MARK = re.compile("[\u1000-\u103f\u1050-\u109f]")


def _wa_zero(text: str, zero: str) -> str:
    out = text
    for m in _WA_RUN.finditer(text):
        run = m.group()
        if _WA not in run or len(run) - run.count(_WA) < 2:
            continue
        if run.endswith(_WA) and _MYANMAR_MARK.match(text, m.end()):
            run = run[:-1]
        out = out[: m.start()] + run.replace(_WA, zero) + out[m.start() + len(run) :]
    return out


def normalize_digits(text: str) -> str:
    """Map every supported native decimal digit (۰–۹, ٠–٩, fullwidth, Thai, Lao, …) to ASCII."""
    if text.isascii():
        return text
    if _WA in text:
        text = _wa_zero(text, "0")
    return text.translate(_DIGITS_ONLY)


def _char_class(codepoints: Iterable[int]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(codepoints)) + "]")


# str.translate costs a dict lookup per character; most texts need no change at all.
_NEEDS_NORM = _char_class(NORM_TABLE)
_NEEDS_FOLD = _char_class(FOLD_TABLE)
_NEEDS_NATIVE = _char_class(k for k in _DIGITS_ONLY if k >= 0x80)


def native_digits(text: str) -> str | None:
    """The normalised text with every native digit as "n", or None when it has none."""
    if text.isascii() or not _NEEDS_NATIVE.search(text):
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _WA in text:
        text = _wa_zero(text, "n")
    return text.translate(_SCRIPT_TABLE)


def normalize(text: str) -> str:
    """Return the working text: ASCII digits, plain spaces and hyphens, no invisible marks."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii() or not _NEEDS_NORM.search(text):
        return text
    if _WA in text:
        text = _wa_zero(text, "0")
    return text.translate(NORM_TABLE)


def fold(text: str) -> str:
    """Lower-case and strip diacritics for keyword matching, keeping offsets aligned."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if low.isascii() or not _NEEDS_FOLD.search(low):
        return low
    return low.translate(FOLD_TABLE)


def fold_phrase(phrase: str) -> str:
    """Fold a keyword from the tables exactly as message text is folded."""
    return fold(normalize(phrase))


def trie_pattern(words: Iterable[str]) -> str:
    """Build a compact regex alternation (a prefix trie) from literal words."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        end = "" in node
        branches = [re.escape(ch) + render(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and not end:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 else "(?:" + branches[0] + ")"
        return body + "?" if end else body

    return render(trie)

"""Code-shaped numbers in the normalised text: single numbers, groups typed with spaces or
hyphens ("337 224", "86-04-11"), dashed locker codes and service prefixes ("G-123456")."""

from __future__ import annotations

import re

from . import negatives as neg
from .context import Candidate
from .formats import PREFIXES, SHAPES
from .normalize import native_digits

_ATOM = re.compile(r"\d+(?:[.,:/-]\d+)*")
# Zulu and Xhosa glue their copula to the number with a hyphen: "ikhodi yakho ingu-4409",
# "ngu-771204" is "is 771204", not an identifier such as "MIR-6481"
_COPULA_GLUE = frozenset({"ngu", "ingu", "ungu", "yi", "nguye"})


def numeric_candidates(
    t: str, low: str, blocks: list[tuple[int, int]], source: str
) -> list[Candidate]:
    """Code-shaped numbers; digit runs too long to be codes are added to `blocks`."""
    # `source`: the text before normalising, so that "۵۰۰۰ 4821" stays two numbers
    scripts: list[str | None] = [] if not t.isascii() else [None]
    ends = {e for _, e in blocks}  # an IBAN ends here: "AT61 1904 3002 3457 3201 4821"
    atoms = [(m.start(), m.end(), m.group()) for m in _ATOM.finditer(t)]
    out: list[Candidate] = []
    i = 0
    n = len(atoms)
    while i < n:
        start, end, text = atoms[i]
        if end - start > 10 and text.isdigit() and not neg.glued_before(t, start):
            blocks.append((start, end))  # an account number: one word for distance
        if len(text) < 4 and (i + 1 == n or atoms[i + 1][0] != end + 1):
            i += 1
            continue  # too short to be a code and not the start of "123 456"
        # Gather plain-digit atoms separated by single spaces: "337 224", "+992 92 107 7540".
        # (not after an identifier's letters: "AT611904300234573201 4821" is an IBAN, then a code;
        # nor into a word: "428265 5NgeywZyDkO" is a code, then an app hash)
        j = i
        while (
            not neg.glued_before(t, start)
            and j + 1 < len(atoms)
            and atoms[j][2].isdigit()
            and atoms[j + 1][2].isdigit()
            and atoms[j + 1][0] == atoms[j][1] + 1
            and t[atoms[j][1]] == " "
            and not neg.glued_to_word(t, atoms[j + 1][0], atoms[j + 1][1])
            and _same_script(source, scripts, atoms[j][1] - 1, atoms[j + 1][0])
            and atoms[j][1] not in ends
        ):
            j += 1
        group = atoms[i : j + 1]
        i = j + 1
        if len(group) > 1:
            out.extend(_space_group(t, low, group))
            continue
        cand = _single_atom(t, start, end, text)
        if cand and not neg.amount_or_unit(low, cand.start, cand.end):
            out.append(cand)
    return out


def _same_script(source: str, scripts: list[str | None], a: int, b: int) -> bool:
    # both digits native or both ASCII; the native-digit map is made on first need
    if not scripts:
        scripts.append(native_digits(source))
    marks = scripts[0]
    return marks is None or (marks[a] == "n") == (marks[b] == "n")


def _space_group(t: str, low: str, group: list[tuple[int, int, str]]) -> list[Candidate]:
    start, end = group[0][0], group[-1][1]
    sizes = [len(g[2]) for g in group]
    if start > 0 and t[start - 1] == "+":
        return []  # international phone number
    if len(group) > 2 and sum(sizes) >= 8 and sizes != [2, 2, 2, 2]:
        return []  # phone, card or account number written in blocks
    if group[0][2][0] == "0" and (sum(sizes) >= 9 or (sizes[0] <= 3 and sum(sizes) >= 7)):
        return []  # trunk prefix and area code: "069 12345678", "0850 222 0000", "021 6422"
    if neg.glued_to_word(t, start, end) or neg.amount_or_unit(low, start, end):
        return []
    # "4821 93" is a six-digit code typed 4+2 after a code word, or a number and a count
    kind = "tight" if sizes == [4, 2] else _split_kind([g[2] for g in group])
    if kind:
        return [Candidate(start, end, "".join(g[2] for g in group), kind)]
    if sizes[0] <= 3 and all(s == 3 for s in sizes[1:]):
        return []  # thousands grouping: "25 589", "1 234 500"
    if max(sizes) == 1:
        return []  # single digits: "1 2 3" lists no code
    out = []
    for s, e, text in group:
        cand = _single_atom(t, s, e, text)
        if cand and not neg.amount_or_unit(low, s, e):
            out.append(cand)
    return out


def _split_kind(parts: list[str]) -> str | None:
    """Kind of a code typed in groups ("337 224", "86-04-11", "4821 9375"), or None.

    "tight" candidates (2+2+2 that could be a date, 2+2+2+2 that could be a phone number,
    a number hyphenated to a word) only count when a code word introduces them; the scorer
    checks that (scoring.rejected).
    """
    sizes = [len(p) for p in parts]
    if sizes == [3, 3] or (sizes == [2, 2, 2] and not neg.is_date(parts)):
        return "split"
    if 4 <= len(sizes) <= 8 and max(sizes) == 1:
        return "tight"  # "4 8 2 1 9 3", read out digit by digit: only after a code word
    if sizes == [4, 4]:
        return "split4"
    if sizes in ([2, 2, 2], [2, 2, 2, 2], [2, 3], [3, 2]):
        return "tight"  # "48 219", "482 19": a five-digit code typed in two groups
    if sizes == [4, 2] and not neg.is_year(parts[0]):
        return "tight"  # "kód: 4821-92", a six-digit code typed 4-2 (not "2024-05")
    return None


def _shelf_kind(parts: list[str]) -> str | None:
    """Kind of a dashed locker code ("53-8-9301", "8-2-3014"), or None for a date or phone."""
    # Parcel stations print shelf-layer-number codes; the scorer only trusts one right
    # after a pickup keyword (rejects.rejected).  Ten digits and more are phone or order
    # numbers, and a group of four that is a year makes a date ("12-06-2025").
    sizes = [len(p) for p in parts]
    if not 4 <= sum(sizes) <= 9 or max(sizes) < 3 or len(parts) > 4:
        return None
    if len(parts) == 2 and parts[0][0] == "0" and sizes[1] >= 4:
        return None  # trunk prefix and area code: "021-6422" (Tehran)
    if any(n == 4 and neg.is_year(p) for n, p in zip(sizes, parts, strict=True)):
        return None
    return "shelf"


def _shelf_letter(t: str, start: int) -> int:
    # "A-12-3456": a one-letter shelf row glued by a hyphen belongs to the code
    if (
        start >= 2
        and t[start - 1] == "-"
        and "A" <= t[start - 2] <= "Z"
        and not (t[start - 3 : start - 2].isdigit() or neg.glued_before(t, start - 2))
    ):
        return start - 2
    return start


def _single_atom(t: str, start: int, end: int, text: str) -> Candidate | None:
    if not text.isdigit():
        parts = text.split("-")
        if not all(p.isdigit() for p in parts):
            return None  # time, date, decimal, IP or amount
        kind = _split_kind(parts) or _shelf_kind(parts)
        if kind is None:
            return None  # phone, date or order number written with hyphens
        if kind == "shelf":
            start = _shelf_letter(t, start)
        if neg.glued_to_word(t, start, end) or neg.hard_context(t, start, end):
            return None
        return Candidate(start, end, t[start:end].replace("-", ""), kind)
    if not 4 <= len(text) <= 10 or (len(text) >= 9 and text[0] == "0"):
        return None  # "0791234567": a national phone number (trunk prefix), never a code
    glue = None
    if start and t[start - 1] == "-":
        glue = neg.TRAILING_GLUE.search(t, max(0, start - 6), start)
    if glue and t[glue.start() : start - 1].lower() in _COPULA_GLUE:
        glue = None
    if glue:
        fmt = PREFIXES.get(t[glue.start() : start - 1].upper())
        if fmt and SHAPES[fmt.name].fullmatch(text) and glue.start() >= start - 3:
            return Candidate(glue.start(), end, text, "prefix")
        if neg.glued_to_word(t, start, end) or neg.hard_context(t, start, end):
            return None
        # "MIR-6481", "12-May-2025" are identifiers; "OTP-482193" is a code (scorer decides)
        return Candidate(start, end, text, "tight")
    if neg.glued_to_word(t, start, end):
        if neg.keyword_glued(t, start, end) and not neg.hard_context(t, start, end):
            return Candidate(start, end, text, "glued")
        return None
    if start and t[start - 1] == "#" and not neg.hard_context(t, start - 1, end):
        return Candidate(start - 1, end, text, "hash")  # "Order #4821", "code is #4821"
    if neg.hard_context(t, start, end):
        return None
    return Candidate(start, end, text, "num")

"""Compile the word tables into one trie regex and scan a message for word events once."""

from __future__ import annotations

import re
from typing import NamedTuple

from . import cues
from . import cues_fifth as cf
from . import cues_more as cm
from . import cues_world as cw
from . import keywords as kw
from . import reminders as rm
from . import translit as tr
from .formats import FORMATS
from .negatives import unspaced
from .normalize import fold_phrase, trie_pattern

# Category names, highest priority first: when one phrase sits in two tables, the first wins.
NOT_OTP, EXPIRED, STRONG, WEAK, VERB = "not_otp", "expired", "strong", "weak", "verb"
LABEL = "label"  # names a code only as the label of the number it points at
SERVICE = "service"
WARN = "warn"  # a never-share reminder (reminders.NEVER)
PLAIN = "plain"  # an ordinary word that contains a code word ("נקודות" points): no cue
MARKETING, PHONE, PHONE_NOUN, SENT, CARD, ORDER, BOOKING, REFERENCE, PRODUCT, MONTH = (
    "marketing",
    "phone",
    "phone_noun",
    "sent",
    "card",
    "order",
    "booking",
    "reference",
    "product",
    "month",
)
KEYWORD_WEIGHT: dict[str, float] = {STRONG: 1.0, WEAK: 0.8, VERB: 0.8, LABEL: 0.8}
CODE_WORDS = (STRONG, WEAK)  # keywords that name a code (VERB only names the action)

_TABLES: tuple[tuple[str, dict[str, tuple[str, ...]]], ...] = (
    (NOT_OTP, cues.NOT_OTP),
    (NOT_OTP, tr.NOT_OTP),
    (NOT_OTP, cm.NOT_OTP),
    (NOT_OTP, cw.NOT_OTP),
    (NOT_OTP, cf.NOT_OTP),
    (EXPIRED, cues.EXPIRED),
    (EXPIRED, tr.EXPIRED),
    (EXPIRED, cm.EXPIRED),
    (EXPIRED, cw.EXPIRED),
    (EXPIRED, cf.EXPIRED),
    (EXPIRED, {"success": cm.SUCCESS_AFTER}),
    (STRONG, kw.STRONG),
    (STRONG, kw.PICKUP),
    (STRONG, kw.TRANSLIT),
    (STRONG, cf.STRONG),
    (WEAK, kw.WEAK),
    (WEAK, kw.TRANSLIT_WEAK),
    (WEAK, cf.WEAK),
    (VERB, kw.VERBS),
    (VERB, cf.VERBS),
    (LABEL, kw.LABELS),
    (MARKETING, cues.MARKETING),
    (PHONE, cues.PHONE),
    (PHONE, tr.PHONE),
    (PHONE, {"lines": rm.LINES}),
    (PHONE, {"lines": cw.LINES}),
    (PHONE, {"lines": cf.LINES}),
    (WARN, rm.NEVER),
    (WARN, cw.NEVER),
    (PHONE_NOUN, cues.PHONE_NOUN),
    (SENT, cues.SENT),
    (CARD, cues.CARD),
    (CARD, {"ending": cm.CARD_ENDING}),
    (ORDER, cues.ORDER),
    (ORDER, tr.ORDER),
    (ORDER, cm.ORDER),
    (BOOKING, cues.BOOKING),
    (BOOKING, tr.BOOKING),
    (REFERENCE, cues.REFERENCE),
    (REFERENCE, tr.REFERENCE),
    (REFERENCE, cm.REFERENCE),
    (PRODUCT, cues.PRODUCT),
    (PRODUCT, cw.PRODUCT),
    (MONTH, cues.MONTHS),
    (MONTH, cm.MONTHS),
    (PLAIN, {"words": cm.NOT_CODE_WORDS}),
)
# Service names that are also ordinary words are only trusted from the sender ID.
_TEXT_ALIAS_STOP = frozenset({"line", "meta", "signal", "x", "fb", "apple", "steam"})


class Event(NamedTuple):
    """One word-table hit in the folded text."""

    start: int
    end: int
    category: str
    value: str  # the service name for SERVICE events, else the phrase


class _Entry(NamedTuple):
    category: str
    left: bool
    right: bool
    value: str


def _needs_left_boundary(phrase: str) -> bool:
    # Scripts written with spaces get a word-start check; Arabic script glues particles
    # (ال, و, ب) to words and CJK/Thai/Lao have no spaces, so those match anywhere.
    # Latin phrases may start with a digit ("2fa", Arabizi "7agz"): a word start too, which
    # also keeps the scan of every other digit cheap.
    ch = phrase[0]
    if "0" <= ch <= "9":
        return True
    if not ch.isalpha():
        return False
    cp = ord(ch)
    return cp < 0x590 or 0x900 <= cp < 0xA00 or 0x10A0 <= cp <= 0x10FF


# Somali glues its articles and possessives to a code word with a hyphen: "OTP-gaagu",
# "OTP-kaaga", "PIN-ka" (other hyphen compounds, "TAN-Verfahren", name something else)
_SUFFIX = re.compile(r"-[gkh][au](?:a?ag[au])?(?![^\W\d_])")


# Code words that also close compounds: "VerifyCode:", "smscode", "Zugangscode", "engångskod".
# Each searched stem lists the words it starts, longest first (one str.find per stem).
_TAILS = (
    ("code", ("code",)),
    ("kod", ("kode", "kods", "kod")),
    ("kood", ("koodi", "kood")),
    ("koð", ("koðinn", "koðann", "koðanum", "koðans", "koði", "koða")),  # Icelandic
    ("код", ("код",)),
)
# Latin code words glued to their digits: "ລະຫັດOTP826471", "验证码code482193" (extract.py)
_GLUED = {"otp": STRONG, "tac": STRONG, "pin": WEAK, "code": WEAK, "kod": WEAK}


def _build() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, _Entry], dict[str, _Entry]]:
    entries: dict[str, _Entry] = {}
    for category, table in _TABLES:
        for phrases in table.values():
            for raw in phrases:
                right = raw.endswith("$")
                phrase = fold_phrase(raw.rstrip("$"))
                if phrase and phrase not in entries:
                    entries[phrase] = _Entry(category, _needs_left_boundary(phrase), right, phrase)
    for fmt in FORMATS:
        for alias in (fmt.name, *fmt.aliases):
            phrase = fold_phrase(alias)
            if len(phrase) < 3 or phrase.isdigit() or phrase in _TEXT_ALIAS_STOP:
                continue
            if phrase not in entries:
                entries[phrase] = _Entry(SERVICE, _needs_left_boundary(phrase), True, fmt.name)
    free = {p: e for p, e in entries.items() if not e.left}
    left = [p for p, e in entries.items() if e.left]
    # Two scans are faster than one: \b lets the regex engine skip word interiors for the
    # space-separated scripts, and the remaining phrases have rare first characters.  The
    # look-ahead on the first characters comes first: re tests a character set far faster
    # than a word boundary, and most positions fail it (half the cost of the scan).
    first = "".join(sorted({re.escape(p[0]) for p in left}))
    bound = re.compile(rf"(?=[{first}])\b(?:{trie_pattern(left)})")
    return bound, re.compile(trie_pattern(free)), entries, free


_BOUND, _FREE, _BOUND_ENTRIES, _FREE_ENTRIES = _build()
# Folded pickup phrases: only these vouch for a dashed locker code ("取件码 53-8-9301").
PICKUP_PHRASES = frozenset(
    fold_phrase(raw.rstrip("$")) for phrases in kw.PICKUP.values() for raw in phrases
)
_STEMS = tuple(fold_phrase(stem) for stem in kw.PASSWORD_STEMS)
# Folded keyword phrases that name a password: they vouch for a mixed-case secret.
PASSWORD_PHRASES = frozenset(
    p
    for p, e in _BOUND_ENTRIES.items() | _FREE_ENTRIES.items()
    if e.category in KEYWORD_WEIGHT and (any(stem in p for stem in _STEMS) or p.endswith("tan"))
)
# Arabizi code words ("ramz el ta7a2o2", "rmz"): their message writes letters as digits.
ARABIZI = frozenset(
    fold_phrase(raw.rstrip("$")) for raw in (*kw.TRANSLIT["ar"], *kw.TRANSLIT_WEAK["ar"])
)
# "ending in 1234", "尾号1234": these card words always announce the card's last digits.
CARD_ENDING = frozenset(
    fold_phrase(raw.rstrip("$")) for raw in (*cues.CARD["ending"], *cm.CARD_ENDING)
)
# "ໝົດອາຍຸ" before a date, time or period ("ໝົດອາຍຸ 14:30", "ໝົດອາຍຸພາຍໃນ 5 ນາທີ") says how
# long the code is valid, not that it has expired; so does any expiry word after "will"
# ("ຈະໝົດອາຍຸ", "سيتم استخدام") or before "after" or a future verb ("недействителен после 3
# попыток", "nav derīgs pēc 5 min", "نامعتبر می‌شود").  Such events are dropped.
# "… was successful": an EXPIRED event only for a number before it (rejects, adjust)
SUCCESS_AFTER = frozenset(fold_phrase(raw) for raw in cm.SUCCESS_AFTER)
_UNTIL = frozenset(fold_phrase(raw) for raw in cues.EXPIRED["until"])
_VALIDITY = re.compile(r"[^\d\n.!?。]{0,10}\d")
# (Arabic glues "ي" to the verb for "is / will be / was not": "يتم استخدام", "سيتم", "لم يتم")
_WILL = ("ຈະ", "ຈະ ", "จะ", "จะ ", "ی")
_AFTER = re.compile(
    r"[ ,]*(?:after|после|posle|nakon|након|pec|بعد|پس از|пас аз|баъд аз|میشود|می شود|خواهد)"
    r"(?![^\W\d_])"
)


def _validity(low: str, start: int, end: int, phrase: str) -> bool:
    """True when an expiry word states a condition or a date to come, not an expiry."""
    if _AFTER.match(low, end) or low.endswith(_WILL, 0, start):
        return True
    return phrase in _UNTIL and _VALIDITY.match(low, end) is not None


def _joins(ch: str) -> bool:
    # a letter that makes a word longer; Thai, Burmese, Khmer, CJK … letters do not, since
    # those scripts glue every word: "သင်၏OTPမှာ482193", "รหัสOTPของคุณ"
    return ch.isalpha() and (ch < "\u0e00" or not unspaced(ch))


def _continues(low: str, end: int) -> bool:
    # "TAN-Verfahren", "PIN-Brief": a hyphen compound names something else than the code
    return _joins(low[end]) or (
        low[end] == "-"
        and end + 1 < len(low)
        and low[end + 1].isalpha()
        and _SUFFIX.match(low, end) is None
    )


def _collect(
    pattern: re.Pattern[str], entries: dict[str, _Entry], low: str, events: list[Event]
) -> None:
    n = len(low)
    for m in pattern.finditer(low):
        entry = entries[m.group()]
        start, end = m.span()
        if entry.left and start > 0 and _joins(low[start - 1]):
            continue
        if entry.right and end < n and _continues(low, end):
            continue
        if entry.category == EXPIRED and _validity(low, start, end, entry.value):
            continue
        events.append(Event(start, end, entry.category, entry.value))


def _compound_tails(low: str, events: list[Event]) -> None:
    # str.find is far cheaper than another regex pass for these few words
    n = len(low)
    for stem, tails in _TAILS:
        i = low.find(stem)
        while i > 0:
            if low[i - 1].isalpha():
                for tail in tails:
                    end = i + len(tail)
                    if low.startswith(tail, i) and (end == n or not low[end].isalpha()):
                        if not any(ev.start < end and i < ev.end for ev in events):
                            events.append(Event(i, end, WEAK, tail))
                        break
            i = low.find(stem, i + len(stem))


def glued_events(low: str, starts: list[int], events: list[Event]) -> list[Event]:
    """Add the code word glued before each of these digit runs ("OTP826471"), in order."""
    added = list(events)
    for start in starts:
        for size in (3, 4):
            word = low[max(0, start - size) : start]
            if word in _GLUED and not any(
                ev.start < start and start - size < ev.end for ev in events
            ):
                added.append(Event(start - size, start, _GLUED[word], word))
                break
    added.sort()
    return added


def scan(low: str) -> list[Event]:
    """All word events in the folded text, left to right, boundary-checked."""
    events: list[Event] = []
    _collect(_BOUND, _BOUND_ENTRIES, low, events)
    _collect(_FREE, _FREE_ENTRIES, low, events)
    _compound_tails(low, events)
    events.sort()
    return events

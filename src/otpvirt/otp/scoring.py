"""Score a candidate: closeness to a code keyword, minus the contexts that make it a non-code."""

from __future__ import annotations

import re
from typing import NamedTuple

from . import negatives as neg
from .formats import BY_NAME, SHAPES
from .lexicon import (
    CARD,
    EXPIRED,
    KEYWORD_WEIGHT,
    MARKETING,
    MONTH,
    NOT_OTP,
    ORDER,
    PHONE,
    PRODUCT,
    REFERENCE,
    STRONG,
    Event,
)


class Candidate(NamedTuple):
    """A possible code: where it is in the normalised text and what the user would type."""

    start: int
    end: int
    value: str
    kind: str  # num, split, split4, tight, prefix, alnum, letters, url, origin


class Message(NamedTuple):
    """A message prepared once: normalised text, folded copy, word events, known service."""

    t: str
    low: str
    events: list[Event]
    service: str | None
    banned: list[tuple[int, int]]
    blocks: list[tuple[int, int]]  # IBANs and long account numbers: one word for distance
    retriever: bool  # starts with "<#>": an Android SMS Retriever message always carries a code
    categories: frozenset[str]  # which word tables fired at all, to skip needless loops


DECAY = 150.0  # characters over which keyword proximity fades to nothing
BREAK_COST = 40  # a sentence end between keyword and number counts as this many characters
BETWEEN_COST = 25  # so does every other plausible code sitting in between
AFTER_FACTOR = 0.9  # "123456 is your code" is common, but keyword-then-code is the norm
# A 22-34 character IBAN or account number between keyword and code is one word, not
# a paragraph: it counts as this many characters of distance.
BLOCK_WIDTH = 6
ANCHOR_BONUS = 0.4  # the keyword's own sentence points at this number (see _keyword)
# Between a product word and its number: "Internet banking: 482193" is no tariff name.
_NAME_GAP = re.compile(r"[\d:：]")
LEAD, TRAIL = "lead", "trail"  # how a keyword anchors a number (see _keyword)
# Sentence ends; the dot of an initial ("an M. Muster", "И. Иванов") ends nothing, while
# lower-case abbreviations ("2025 г.", "500 р.") usually do end the sentence.
_BREAK = re.compile(r"[。！？]|(?<!(?<![^\W\d_])[A-ZА-ЯЁ])[.!?؟।](?:\s|$)|\n")
_LENGTH_PRIOR = {4: 0.0, 5: 0.0, 6: 0.03, 7: 0.0, 8: 0.0, 9: -0.15, 10: -0.3}
_BASE = {"prefix": 1.2, "origin": 1.0, "url": 0.6}
_NUMERIC = ("num", "split", "split4", "tight")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_LINK_INTENT = re.compile(r"verif|confirm|login|log-in|signin|sign-in|auth|activat|otp|2fa")
# "code is: X", "kod je X", "码为X": an alphanumeric token right after such a link word.
# Matched on folded text: "é"/"è" (pt, it) are "e", "är" (sv) is "ar", "là" (vi) is "la".
_CONNECTOR = re.compile(
    r"(?:[:=]|(?<![^\W\d_])(?:is|je|es|est|e|ist|lautet|la|adalah|ir|este|jest|to|dir|olan"
    r"|ar|er|је|е|هو|هی)|[是为為])[ ]*[(\[]?$"
)
# The rest of a word a keyword starts: "рамз|и 2719", "kod|unuz 910372" (not in scripts
# without spaces, where it would run on into the next words).
_WORD_REST = re.compile(r"[^\W\d_\u0e00-\u0eff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]*")


def _block_excess(msg: Message, lo: int, hi: int) -> int:
    """Characters of [lo, hi) beyond BLOCK_WIDTH inside long tokens such as an IBAN."""
    excess = 0
    for s, e in msg.blocks:
        excess += max(0, min(e, hi) - max(s, lo) - BLOCK_WIDTH)
    return excess


def _points_at(msg: Message, kw_end: int, start: int) -> bool:
    """True when the keyword ending at kw_end introduces the number at start: "код: 1234"."""
    lo = kw_end
    if msg.t[kw_end : kw_end + 1].isalpha():
        rest = _WORD_REST.match(msg.t, kw_end, start)
        lo = rest.end() if rest else kw_end
    if start - lo <= 3 and not _LETTER.search(msg.t, lo, start):
        return True
    return _CONNECTOR.search(msg.low, max(kw_end, start - 10), start) is not None


def _keyword(msg: Message, c: Candidate, found: list[Candidate]) -> tuple[float, str, int, str]:
    """Best keyword proximity score, its tier, raw distance, and how it is anchored.

    Anchored: the keyword's sentence points at this number, either right after the keyword
    ("код 1234", "code: 1234") or after a link word that ends the keyword's phrase ("code for
    transfer 88123456 at SHOP: 1234") -- LEAD; or right before the keyword ("1234 is your
    code") -- TRAIL.  "" when not anchored.
    """
    best, tier, raw_best, anchored = 0.0, "", 10_000, ""
    for ev in msg.events:
        weight = KEYWORD_WEIGHT.get(ev.category)
        if weight is None:
            continue
        if ev.end <= c.start:
            lo, hi, factor = ev.end, c.start, 1.0
        elif ev.start >= c.end:
            lo, hi, factor = c.end, ev.start, AFTER_FACTOR
        else:
            continue
        raw = hi - lo
        if raw >= DECAY:
            continue
        dist = raw - _block_excess(msg, lo, hi)
        if _BREAK.search(msg.t, lo, hi):
            dist += BREAK_COST
        dist += BETWEEN_COST * sum(
            1 for o in found if o.kind in _NUMERIC and o is not c and lo <= o.start and o.end <= hi
        )
        value = weight * max(0.0, 1.0 - dist / DECAY) * factor
        if value > best:
            best, tier, raw_best = value, ev.category, raw
        if anchored != LEAD and not _BREAK.search(msg.t, lo, hi):
            if factor == 1.0 and _points_at(msg, lo, hi):
                anchored = LEAD
            elif factor != 1.0 and raw <= 12:
                anchored = TRAIL
    return best, tier, raw_best, anchored


def _cue_before(
    msg: Message,
    c: Candidate,
    categories: tuple[str, ...],
    window: int,
    through_keywords: bool = False,
) -> Event | None:
    """Nearest cue of the given categories ending at most `window` chars before the candidate."""
    if msg.categories.isdisjoint(categories):
        return None
    hit: Event | None = None
    for ev in msg.events:
        if ev.end > c.start:
            break
        if ev.category in categories and c.start - ev.end <= window:
            hit = ev
        elif hit is not None and not through_keywords and ev.category in KEYWORD_WEIGHT:
            hit = None  # a code keyword between the cue and the number re-opens the question
    if hit is not None and "\n" in msg.t[hit.end : c.start]:
        return None
    return hit


def _same_sentence(msg: Message, a: int, b: int) -> bool:
    lo, hi = (a, b) if a <= b else (b, a)
    return not _BREAK.search(msg.t, lo, hi)


def _near(msg: Message, c: Candidate, category: str, window: int) -> bool:
    return any(
        ev.category == category
        and (0 <= c.start - ev.end <= window or 0 <= ev.start - c.end <= window)
        for ev in msg.events
    )


def _introduced(msg: Message, c: Candidate) -> bool:
    """True when a code word directly introduces the number: "код: 86 04 11", "code is …"."""
    for ev in msg.events:
        if ev.end > c.start:
            break
        if ev.category not in KEYWORD_WEIGHT or c.start - ev.end > 16:
            continue
        if _DIGIT.search(msg.t, ev.end, c.start) or _BREAK.search(msg.t, ev.end, c.start):
            continue
        if _points_at(msg, ev.end, c.start):
            return True
    return False


def rejected(msg: Message, c: Candidate) -> bool:
    """Hard no: the number sits in an expired-code sentence, or after a promo/phone/card cue."""
    if EXPIRED in msg.categories:
        for ev in msg.events:
            if ev.category == EXPIRED and _same_sentence(msg, ev.start, c.start):
                return True
    if _cue_before(msg, c, (NOT_OTP,), 25) is not None:
        return True
    if c.kind not in _NUMERIC:
        return False
    if c.kind == "tight" and not _introduced(msg, c):
        return True  # "12 05 25", "MIR-6481": a date, phone or ID unless a code word says so
    if _cue_before(msg, c, (PHONE,), 20):
        return True
    if len(c.value) == 4:
        card = _cue_before(msg, c, (CARD,), 16)
        if card is not None and not _DIGIT.search(msg.t, card.end, c.start):
            return True
    return neg.is_year(c.value) and MONTH in msg.categories and _near(msg, c, MONTH, 15)


def score(msg: Message, c: Candidate, viable: list[Candidate]) -> tuple[float, float]:
    """(confidence, rank) of a viable candidate; confidence is compared with the threshold.

    The rank adds ANCHOR_BONUS for a number the keyword's sentence points at: it decides
    between two plausible numbers but never turns a doubtful one into a code.
    """
    value, anchored = _confidence(msg, c, viable)
    return value, value + (ANCHOR_BONUS if anchored else 0.0)


def _confidence(msg: Message, c: Candidate, viable: list[Candidate]) -> tuple[float, str]:
    fmt = BY_NAME.get(msg.service) if msg.service else None
    alnum_ok = fmt is not None and fmt.alnum
    anchored = ""
    if c.kind in _BASE:
        value = _BASE[c.kind]
        if (
            c.kind == "url"
            and fmt is None
            and not _LINK_INTENT.search(msg.low, max(0, c.start - 60), c.start)
            and not any(ev.category in KEYWORD_WEIGHT for ev in msg.events)
        ):
            value -= 0.3  # a bare "?code=123456" link in a message that never mentions a code
    else:
        value, tier, raw, anchored = _keyword(msg, c, viable)
        if value == 0.0:
            return 0.0, ""
        linked = _CONNECTOR.search(msg.low, max(0, c.start - 10), c.start) is not None
        if c.kind in ("alnum", "letters"):
            limit = 24 if linked else 12 if c.kind == "alnum" else 6
            if not (tier == STRONG or alnum_ok or msg.retriever) or raw > limit:
                return 0.0, ""
            if not alnum_ok and (neg.PROMO_SHAPE.fullmatch(c.value) or _has(msg, MARKETING)):
                return 0.0, ""
            if _cue_before(msg, c, (REFERENCE, ORDER, PRODUCT), 12):
                return 0.0, ""
            value -= 0.05
        else:
            value += _numeric_adjustments(msg, c, tier, raw, anchored)
        if tier != STRONG and _has(msg, MARKETING):
            value -= 0.6  # "use code 1234 at checkout for 20% off"
    if fmt is not None and SHAPES[fmt.name].fullmatch(c.value):
        value += 0.3 if c.kind in ("alnum", "letters") else 0.15
    if any(o.value == c.value and o is not c for o in viable):
        value += 0.05
    return value, anchored


def _has(msg: Message, category: str) -> bool:
    return category in msg.categories


def _numeric_adjustments(msg: Message, c: Candidate, tier: str, raw: int, anchored: str) -> float:
    """Soft penalties and priors for digit candidates."""
    adjust = _LENGTH_PRIOR.get(len(c.value), -1.0)
    card = _cue_before(msg, c, (CARD,), 16)
    if card is not None and not _DIGIT.search(msg.t, card.end, c.start):
        adjust -= 0.4
    ref = _cue_before(msg, c, (REFERENCE,), 12)
    if ref is not None and raw > 5 and not _DIGIT.search(msg.t, ref.end, c.start):
        adjust -= 0.5  # "Ref: 88213409" -- unless a code word follows at once ("ID: 0926 — код")
    product = _cue_before(msg, c, (PRODUCT,), 12)
    if product is not None and not _NAME_GAP.search(msg.t, product.end, c.start):
        adjust -= 0.6  # "Мегабайт 3000", "Internet 5000": part of a tariff name, even before "код"
    if EXPIRED in msg.categories:
        for ev in msg.events:
            if ev.category == EXPIRED and not _same_sentence(msg, ev.start, c.start):
                adjust -= 0.3  # a message about an expired code rarely carries another one
                break
    order = _cue_before(msg, c, (ORDER,), 35, through_keywords=True)
    # "Your order 4512 ..." / "سفارش با کد ۷۷۰۳۹۴۳": an order or tracking number -- unless
    # the order word ends an earlier sentence ("Parcel arrived. Code: 4821") or a strong
    # keyword introduces this very number ("Pickup code for order 9912: 4821").
    if (
        order is not None
        and _same_sentence(msg, order.end, c.start)
        and (tier != STRONG or anchored != LEAD)
    ):
        adjust -= 0.5
        if len(c.value) >= 7 and c.start - order.end <= 12:
            adjust -= 0.2  # "for order 12345678": long numbers right after it are order IDs
    if neg.is_year(c.value):
        adjust -= 0.05
    if c.kind in ("split", "tight"):
        adjust += 0.03
    elif c.kind == "split4":
        adjust -= 0.15
    return adjust

"""Score a candidate: closeness to a code keyword, minus the contexts that make it a non-code."""

from __future__ import annotations

import re

from . import alnum, passwords, tails
from .adjust import numeric_adjustments
from .context import (
    BREAK,
    CONNECTOR,
    DIGIT,
    LEAD,
    NUMERIC,
    TRAIL,
    Candidate,
    Message,
    dismissed,
    introducer,
    points_at,
    same_sentence,
)
from .formats import BY_NAME, SHAPES
from .lexicon import (
    CODE_WORDS,
    KEYWORD_WEIGHT,
    LABEL,
    MARKETING,
    NOT_OTP,
    SERVICE,
    STRONG,
    Event,
)
from .openers import BACK_REACH, refers_back
from .rejects import rejected

__all__ = ["Candidate", "Message", "rejected", "score"]

DECAY = 150.0  # characters over which keyword proximity fades to nothing
BREAK_COST = 40  # a sentence end between keyword and number counts as this many characters
BETWEEN_COST = 25  # so does every other plausible code sitting in between
AFTER_FACTOR = 0.9  # "123456 is your code" is common, but keyword-then-code is the norm
# A 22-34 character IBAN or account number between keyword and code is one word, not
# a paragraph: it counts as this many characters of distance.
BLOCK_WIDTH = 6
ANCHOR_BONUS = 0.4  # the keyword's own sentence points at this number (see _keyword)
# "opener": a number right after a brand's opening label in a message that says how long it
# is valid or not to share it, with no code word (extract._opener)
_BASE = {"prefix": 1.2, "origin": 1.0, "url": 0.6, "opener": 0.6}
_OWN_FORMAT = 0.5  # a service's own split code shape right after its name (_own_format)
_ALONE = re.compile(r"[ ]*(?:[.!。]|\n|$)")
_LINK_INTENT = re.compile(r"verif|confirm|login|log-in|signin|sign-in|auth|activat|otp|2fa")


def _block_excess(msg: Message, lo: int, hi: int) -> int:
    """Characters of [lo, hi) beyond BLOCK_WIDTH inside long tokens such as an IBAN."""
    excess = 0
    for s, e in msg.blocks:
        excess += max(0, min(e, hi) - max(s, lo) - BLOCK_WIDTH)
    return excess


def _keyword(msg: Message, c: Candidate, found: list[Candidate]) -> tuple[float, str, int, str]:
    """Best keyword proximity score, its tier, raw distance, and how it is anchored.

    Anchored: the keyword's sentence points at this number, either right after the keyword
    ("код 1234", "code: 1234") or after a link word that ends the keyword's phrase ("code for
    transfer 88123456 at SHOP: 1234") -- LEAD; or right before the keyword ("1234 is your
    code") -- TRAIL.  "" when not anchored.
    """
    best, tier, raw_best, anchored = 0.0, "", 10_000, ""
    closing: bool | None = None if c.kind in NUMERIC else False  # tails.closes, on first need
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
        if (
            raw >= DECAY
            or (factor != 1.0 and _points_ahead(msg, ev, c, found))
            or (msg.warned and dismissed(msg, ev, c))
            or (ev.category == LABEL and not _labels(msg, ev, c))
        ):
            continue
        if factor == 1.0 and raw > tails.DISTANCE and ev.category in CODE_WORDS:
            if closing is None:
                closing = tails.closes(msg, c)
            tail = closing and tails.clause(msg, ev, c, found)
        else:
            tail = False
        if tail:
            # "Código para confirmar el envío de 45,00 EUR a MARIA LOPEZ: 703921" (tails.py)
            value = weight * (1.0 - min(raw, tails.DISTANCE) / DECAY)
            if value > best:
                best, tier, raw_best = value, ev.category, raw
            anchored = LEAD
            continue
        dist = raw - _block_excess(msg, lo, hi) if msg.blocks else raw
        broken = BREAK.search(msg.t, lo, hi) is not None
        back = broken and factor != 1.0 and raw <= BACK_REACH and refers_back(msg, ev, lo, hi)
        if broken and not back:
            dist += BREAK_COST
        dist += BETWEEN_COST * sum(
            1 for o in found if o.kind in NUMERIC and o is not c and lo <= o.start and o.end <= hi
        )
        value = weight * max(0.0, 1.0 - dist / DECAY) * factor
        if value > best:
            best, tier, raw_best = value, ev.category, raw
        if anchored != LEAD and not broken:
            if factor == 1.0 and points_at(msg, lo, hi):
                anchored = LEAD
            elif factor != 1.0 and raw <= 12:
                anchored = TRAIL
        elif back and not anchored:
            anchored = TRAIL
    return best, tier, raw_best, anchored


def _points_ahead(msg: Message, ev: Event, c: Candidate, found: list[Candidate]) -> bool:
    """True when the keyword after the candidate introduces another number of its own."""
    # "مبلغ ۵۰۰۰ کود تصدیق شما 482193 است": the amount before the code word is not its code
    return any(
        o is not c
        and o.kind in NUMERIC
        and 0 <= o.start - ev.end <= 16
        and not BREAK.search(msg.t, ev.end, o.start)
        and not DIGIT.search(msg.t, ev.end, o.start)
        and points_at(msg, ev.end, o.start)
        for o in found
    )


def _labels(msg: Message, ev: Event, c: Candidate) -> bool:
    # "Verification: 482193" -- but not "Your verification is complete. Ticket 4821337"
    return (
        ev.end <= c.start
        and not BREAK.search(msg.t, ev.end, c.start)
        and not DIGIT.search(msg.t, ev.end, c.start)
        and points_at(msg, ev.end, c.start)
    )


def score(msg: Message, c: Candidate, viable: list[Candidate]) -> tuple[float, float]:
    """(confidence, rank) of a viable candidate; confidence is compared with the threshold.

    The rank adds ANCHOR_BONUS for a number the keyword's sentence points at: it decides
    between two plausible numbers but never turns a doubtful one into a code.
    """
    value, anchored = _confidence(msg, c, viable)
    return value, value + (ANCHOR_BONUS if anchored else 0.0)


def _confidence(msg: Message, c: Candidate, viable: list[Candidate]) -> tuple[float, str]:
    if c.kind == "password":
        return passwords.CONFIDENCE, LEAD  # only ever found right after a password word
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
        if value == 0.0 and not (fmt is not None and _own_format(msg, c, fmt.name)):
            return 0.0, ""
        if value == 0.0:
            value, anchored = _OWN_FORMAT, LEAD
        if c.kind in ("alnum", "letters"):
            value = alnum.confidence(msg, c, (value, tier, raw), alnum_ok)
            if value <= 0.0:
                return 0.0, ""
        else:
            value += numeric_adjustments(msg, c, tier, raw, anchored)
        if tier != STRONG and _has(msg, MARKETING) and not _apart_from_advert(msg, c):
            value -= 0.6  # "use code 1234 at checkout for 20% off"
    if fmt is not None and SHAPES[fmt.name].fullmatch(c.value):
        value += 0.3 if c.kind in ("alnum", "letters") else 0.15
    if any(o.value == c.value and o is not c for o in viable):
        value += 0.05
    return value, anchored


def _apart_from_advert(msg: Message, c: Candidate) -> bool:
    """True when a code word states the number and an advert with its own code is elsewhere."""
    # "Clave SMS: 627379. Código promocional VERANO25: 25% de descuento." -- but not "Use
    # code 1234 at checkout for 20% off", "%50 indirim! Kod: 4455" (the advert's code)
    if NOT_OTP not in msg.categories:
        return False
    ev = introducer(msg, c)
    if ev is None or not CONNECTOR.search(msg.low, max(ev.end, c.start - 10), c.start):
        return False
    return not any(
        o.category in (MARKETING, NOT_OTP) and same_sentence(msg, o.start, c.start)
        for o in msg.events
    )


def _own_format(msg: Message, c: Candidate, service: str) -> bool:
    # "WhatsApp 452-188": the service's name, then a number in the split shape it writes its
    # codes in, alone (a bare 6-digit number or "Instagram: 470 291 people" could be anything)
    return (
        c.kind == "split"
        and SHAPES[service].fullmatch(c.value) is not None
        and _ALONE.match(msg.t, c.end) is not None
        and any(
            ev.category == SERVICE and ev.end <= c.start and points_at(msg, ev.end, c.start)
            for ev in msg.events
        )
    )


def _has(msg: Message, category: str) -> bool:
    return category in msg.categories

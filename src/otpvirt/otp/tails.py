"""A code that closes the message after a colon, behind what it confirms (issue 22).

"Enkratno geslo za plačilo 250,00 EUR na SI56 0203 1001 2345 678: 70921844", "Código para
confirmar el envío de 45,00 EUR a MARIA LOPEZ: 703921", "Ihre mobileTAN für den Auftrag Nr.
4471 über 89,00 EUR an MAX MUSTER: 620 517": the code word opens one clause that names the
payment (an amount, an IBAN, a recipient, an order number) and ends in a colon; the number
after that colon, alone at the end of the message or of its line, is the code the word
names, however long the clause.  Abbreviations on the way ("Nr.", "dn.", "rach.") end no
sentence here: only a stop before a capital letter, a line break or a CJK stop does.
"""

from __future__ import annotations

import re

from .context import BREAK, NUMERIC, Candidate, Message, points_at
from .lexicon import (
    BOOKING,
    CARD,
    MARKETING,
    NOT_OTP,
    ORDER,
    PHONE,
    PHONE_NOUN,
    REFERENCE,
    SENT,
    Event,
)

REACH = 120  # characters from the code word to the colon, at most
DISTANCE = 20  # such a code scores as if this far from its code word
_COLON = re.compile(r"[:：][ ]*\Z")
_CLOSING = re.compile(r"[ ]*[.!。]?[ ]*(?:\n|\Z)")
_OWN_COLON = re.compile(r"[:：](?!\d)")  # not the colon of a time ("at 14:32")
_HARD_STOP = frozenset("。！？።։។៕။\n")
# a cue word right before the colon labels the number itself: "…, Referenz: 4821"
_LABELS = frozenset((ORDER, REFERENCE, BOOKING, PHONE, PHONE_NOUN, CARD, NOT_OTP, MARKETING, SENT))
_LABEL_GAP = 3


def closes(msg: Message, c: Candidate) -> bool:
    """True when the number follows a colon and nothing but a stop follows it on its line."""
    head = msg.t[max(0, c.start - 3) : c.start]
    return (
        (":" in head or "：" in head)
        and _COLON.search(msg.t, max(0, c.start - 3), c.start) is not None
        and _CLOSING.match(msg.t, c.end) is not None
    )


def clause(msg: Message, ev: Event, c: Candidate, found: list[Candidate]) -> bool:
    """True when the code word `ev` opens the clause that the colon before `c` closes."""
    colon = max(msg.t.rfind(":", ev.end, c.start), msg.t.rfind("：", ev.end, c.start))
    if colon < 0 or colon - ev.end > REACH or "\n" in msg.t[ev.end : c.start]:
        return False
    if _OWN_COLON.search(msg.t, ev.end, colon):
        return False  # "Code: 4821. Amount: 45,00 EUR": the code word had its own colon
    for m in BREAK.finditer(msg.t, ev.end, colon):
        nxt = msg.t[m.end() : m.end() + 1]
        if m.group()[0] in _HARD_STOP or "\n" in m.group() or not nxt or nxt.isupper():
            return False
    if any(
        o.category in _LABELS and o.end <= colon and colon - o.end <= _LABEL_GAP for o in msg.events
    ):
        return False
    # "Tunnusluku 0629 maksulle …: …": the code word already pointed at a number of its own
    return not any(
        o is not c
        and o.kind in NUMERIC
        and ev.end <= o.start < colon
        and o.start - ev.end <= 12
        and points_at(msg, ev.end, o.start)
        for o in found
    )


def anchored(msg: Message, ev: Event, c: Candidate, found: list[Candidate]) -> bool:
    """True when `c` closes the message after a colon that ends the code word's clause."""
    return ev.end <= c.start and closes(msg, c) and clause(msg, ev, c, found)

"""Temporary passwords in mixed case ("365pCfWK", "A2qHRW") introduced by a password word."""

from __future__ import annotations

import re

from . import negatives as neg
from .context import BREAK, OWNER, Candidate, Message, points_at
from .lexicon import BOOKING, MARKETING, PASSWORD_PHRASES, STRONG

# A password word's clause may name what it opens before the colon: "временный пароль для
# входа в Мой Билайн: 365pCfWK", "lozinka za Moj mts portal: A2qHRW".
REACH = 48
# Trusted like a code a strong keyword introduces; a numeric code beside it still ranks first.
CONFIDENCE = 0.9
# Latin letters and digits, not part of a domain, e-mail, path or longer word ("my.tcell.tj");
# scripts without spaces may touch it ("临时密码为Ab12Cd34，").
_TOKEN = re.compile(r"(?<![A-Za-z0-9_.@/\\-])[A-Za-z0-9]{6,12}(?![A-Za-z0-9_@/]|[.-][A-Za-z0-9])")
# Verb-final languages put the copula after the secret: "رمز عبور موقت شما Ab12Cd34 است".
_OWNED = re.compile(rf"[^\W\d_]*[ ]*(?:{OWNER})[ ]+\Z")
_LOWER = re.compile(r"[a-z]")
_UPPER = re.compile(r"[A-Z]")


def _shaped(token: str) -> bool:
    # a digit and a capital: "Xy7kQ2", "MEKX9JG9"; plain words ("Welcome", "Summer"), numbers
    # and lower-case names have none; all-capital promo shapes ("SAVE20") are no passwords
    if token.isdigit() or not _UPPER.search(token) or not any(ch.isdigit() for ch in token):
        return False
    return _LOWER.search(token) is not None or not neg.PROMO_SHAPE.fullmatch(token)


def candidates(msg: Message) -> list[Candidate]:
    """The first password-shaped token each password word introduces (":", "is", "—")."""
    if BOOKING in msg.categories:
        return []  # booking references look the same: "Booking password: Ab12Cd34"
    advert = MARKETING in msg.categories
    out: list[Candidate] = []
    for ev in msg.events:
        if ev.value not in PASSWORD_PHRASES or (advert and ev.category != STRONG):
            continue  # "Password: Save20Now for 20% off" unless a strong word names it
        for m in _TOKEN.finditer(msg.t, ev.end):
            if m.start() - ev.end > REACH or BREAK.search(msg.t, ev.end, m.start()):
                break
            if _shaped(m.group()) and (
                points_at(msg, ev.end, m.start()) or _OWNED.match(msg.low, ev.end, m.start())
            ):
                start, end = m.span()
                if not (neg.glued_to_word(msg.t, start, end) or neg.inside(msg.banned, start, end)):
                    out.append(Candidate(start, end, m.group(), "password"))
                break
    return out

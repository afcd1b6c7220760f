"""Find the one-time code in an SMS: generate candidates, reject non-codes, score the rest."""

from __future__ import annotations

import re
from functools import lru_cache

from . import alnum, openers, passwords
from . import ibans as ibans_
from . import negatives as neg
from .context import Candidate, Message, warned_words
from .formats import FORMATS, URL_PATTERNS, alias_map
from .lexicon import KEYWORD_WEIGHT, SERVICE, STRONG, WARN, WEAK, Event, glued_events, scan
from .normalize import fold, fold_phrase, normalize
from .numbers import numeric_candidates
from .rejects import rejected
from .scoring import score

THRESHOLD = 0.35  # below this the best candidate is not trusted: the message has no code
# Scoring is quadratic in candidates; real SMS (even 10-part concatenated ones) stay far
# below these bounds, which only guard against pathological input.
MAX_CHARS = 2000
MAX_CANDIDATES = 40

_HAS_SIGNAL = re.compile(r"\d|[A-Z]{3}")  # digits, or capitals that may be a code ("KTB")
_UPPER = re.compile(r"[A-Z]")
_ALIASES = alias_map()
_ALNUM_SERVICES = frozenset(f.name for f in FORMATS if f.alnum)
_SELF_EVIDENT = ("prefix", "origin", "url", "split")


@lru_cache(maxsize=1024)  # a handful of senders and services send most messages
def _alias(name: str) -> str | None:
    return _ALIASES.get(fold_phrase(name.strip()))


def _resolve_service(sender: str | None, service: str | None, events: list[Event]) -> str | None:
    for name in (service, sender):
        if name:
            known = _alias(name)
            if known is not None:
                return known
    for ev in events:
        if ev.category == SERVICE:
            return ev.value
    return None


def _format_candidates(t: str) -> list[Candidate]:
    out: list[Candidate] = []
    if "/" not in t and "#" not in t and "=" not in t:
        return out
    for fmt, pattern in URL_PATTERNS:
        for m in pattern.finditer(t):
            kind = "origin" if fmt.name == "origin_bound" else "url"
            out.append(Candidate(m.start(1), m.end(1), m.group(1), kind))
    return out


def _signature(t: str, s: int, e: int) -> bool:
    # 【95588】 opening the message or closing it after a sentence is the sender's number;
    # "인증번호 【482193】" is the code
    if not neg.BRACKETED_DIGITS.fullmatch(t, s, e):
        return True
    head = t[:s].rstrip(" ")
    return not head or (not t[e:].strip() and head[-1] in "。.!！?？\n")


def _banned_spans(t: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans no code can come from, and long tokens (IBANs, account numbers) as one word."""
    banned: list[tuple[int, int]] = []
    blocks: list[tuple[int, int]] = []
    # Cheap membership tests first: most messages have no link, IBAN or 【signature】.
    if ("/" in t and ("://" in t or neg.DOMAIN_HINT.search(t))) or "www." in t:
        banned += neg.spans(neg.URL, t)
    if "@" in t:
        banned += neg.spans(neg.EMAIL, t)
    if ibans_.HINT.search(t):
        ibans = ibans_.spans(t)
        banned += ibans
        blocks += ibans
    if "【" in t:
        banned += [(s, e) for s, e in neg.spans(neg.SIGNATURE, t) if _signature(t, s, e)]
    if "*" in t or "•" in t or "●" in t or "XX" in t or "xx" in t:
        banned += neg.card_masks(t)
    if "(" in t:
        banned += neg.spans(neg.PAREN_PHONE, t)
    return banned, blocks


def candidates(
    text: str, *, sender: str | None = None, service: str | None = None
) -> list[tuple[Candidate, float]]:
    """Viable candidates with their confidence, best-ranked first (for debugging and tests)."""
    t = normalize(text[:MAX_CHARS])
    if not _HAS_SIGNAL.search(t):
        return []
    low = fold(t)
    banned, blocks = _banned_spans(t)
    found = [
        c
        for c in numeric_candidates(t, low, blocks, text[:MAX_CHARS])
        if not neg.inside(banned, c.start, c.end)
    ]
    found += _format_candidates(t)
    if not found and not _UPPER.search(t):
        return []  # nothing code-shaped: skip the word scan entirely
    events = scan(low)
    glued = [c.start for c in found if c.kind == "glued"]
    if glued:
        # the word scan needs a boundary before "otp"; "ລະຫັດOTP826471" has none
        events = glued_events(low, glued, events)
    if banned:
        # "?code=" inside a link is not a keyword of the message
        events = [
            ev
            for ev in events
            if ev.category not in KEYWORD_WEIGHT or not neg.inside(banned, ev.start, ev.end)
        ]
    retriever = t.lstrip().startswith(("<#>", "[#]"))
    categories = frozenset(ev.category for ev in events)
    msg = Message(
        t,
        low,
        events,
        _resolve_service(sender, service, events),
        banned,
        blocks,
        retriever,
        categories,
        warned_words(t, events, WARN) if WARN in categories else {},
    )
    key = alnum.sender_key(sender)
    if categories.isdisjoint(KEYWORD_WEIGHT):
        # no code word at all: only a service prefix ("G-123456"), a link or origin line, or
        # a service's own split shape ("WhatsApp 452-188") can be the code (scoring.py)
        opener = openers.opener(msg, found)
        found = [c for c in found if c.kind in _SELF_EVIDENT]
        viable = [c for c in found if c.value != key and not rejected(msg, c)]
        if opener is not None and opener.value != key and not rejected(msg, opener):
            viable.append(opener._replace(kind="opener"))
        return _ranked(msg, viable)
    if WARN in categories:
        warned = openers.warned_opener(msg, found)
        if warned is not None:
            found = [warned._replace(kind="opener") if c is warned else c for c in found]
    # mixed-case temporary passwords right after a password word ("пароль: 365pCfWK")
    secrets = passwords.candidates(msg)
    found += secrets
    # letters need a strong keyword, an alphanumeric service or a plain code word right
    # before them (alnum.confidence decides)
    after = None
    if not (msg.service in _ALNUM_SERVICES or retriever or STRONG in msg.categories):
        after = [ev.end for ev in events if ev.category == WEAK] if WEAK in msg.categories else []
    if after != []:
        taken = {s.start for s in secrets}
        found += [
            c
            for c in alnum.candidates(t, key, after)
            if c.start not in taken and not neg.inside(banned, c.start, c.end)
        ]
    # the sender's own name or short code ("TPLUS", "10086") is never the code
    viable = [c for c in found[:MAX_CANDIDATES] if c.value != key and not rejected(msg, c)]
    return _ranked(msg, viable)


def _ranked(msg: Message, viable: list[Candidate]) -> list[tuple[Candidate, float]]:
    ranked = [(c, *score(msg, c, viable)) for c in viable]
    ranked.sort(key=lambda cs: -cs[2])
    return [(c, confidence) for c, confidence, _ in ranked]


def extract_code(text: str, *, sender: str | None = None, service: str | None = None) -> str | None:
    """Return the one-time code in an SMS exactly as a user would type it, or None."""
    for cand, confidence in candidates(text, sender=sender, service=service):
        if confidence >= THRESHOLD:
            return cand.value
    return None

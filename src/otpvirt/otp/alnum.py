"""Letter codes ("6HQJR", "YZ5U5ASY"): which tokens count, and which code word vouches for them."""

from __future__ import annotations

import re
from functools import lru_cache

from . import negatives as neg
from .context import (
    BREAK,
    CONNECTOR,
    COPULA_WORD,
    LETTER,
    OWNER,
    Candidate,
    Message,
    cue_before,
    governed,
    introducer,
)
from .lexicon import (
    ARABIZI,
    BOOKING,
    CARD,
    CODE_WORDS,
    EXPIRED,
    MARKETING,
    ORDER,
    PRODUCT,
    REFERENCE,
    STRONG,
    VERB,
    Event,
)

# (not part of a word with accented letters: "AKTĪVS", "ÉTÉ2025")
_ALNUM = re.compile(
    r"(?<![A-Za-z0-9\u00c0-\u024f])[A-Z0-9]{3,10}(?![A-Za-z0-9\u00c0-\u024f\u0370-\u052f])"
)
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]")
# "TPLUS: …", "[KBANK] …", "【SHOPEE】…": the sender's name labelling the message.
_OPENERS = " \t\n[(【<#>"
_LABEL_END = re.compile(r"[\])】]?[ ]?[:：]|[\])】]")
# A strong keyword's clause may name the account before the code: "Код Steam Guard для
# входа в аккаунт «gamer_01»: 6HQJR" (the keyword ends this far at most from the colon).
LABEL_REACH = 64
# Without a strong keyword, a plain code word ("код:", "kods ir") vouches for a letter code
# only when it introduces it and the code mixes letters and digits, this long at least.
_PLAIN_MIN = 5
# Shorter codes ("su PIN es 7K2", "Votre code est : B7K2") need the code word right before
# them, with nothing but a colon or a copula between; a number with a unit or an ordinal
# ("24H", "10KM", "3RD") and the usual acronyms are no codes.
_SHORT_STOP = frozenset({"3DS", "2FA", "P2P", "B2B", "B2C", "MP3", "MP4", "4K", "CVV2", "A4"})
# Three capitals after "PIN es" may be a PIN ("KTB"), but not a word, currency or acronym.
# fmt: off
_SHORT_WORDS = frozenset({
    "SMS", "OTP", "PIN", "NIP", "TAN", "ATM", "CVV", "CVC", "USD", "EUR", "GBP", "RUB", "UAH",
    "KZT", "TRY", "INR", "BDT", "PKR", "YES", "NEW", "OLD", "SET", "OFF", "ANY", "ALL", "THE",
    "AND", "FOR", "NOT", "VIA", "APP", "WEB", "NET", "PAY", "KEY", "MAX", "MIN", "DAY", "BIN",
    "SIM", "PUK", "NFC", "GPS", "VPN", "TXN", "REF", "NUM", "NBR", "CTA", "SOS",
})
# fmt: on
_LOWER = re.compile(r"[a-z]")
_CAPS_AFTER = re.compile(r"[ ]+[A-Z]{2,}")
_SEAT = re.compile(r"[A-Z]\d\d|\d\d[A-Z]")  # seats, gates, rooms, classes, tariffs
_UNIT = re.compile(r"\d{1,3}(?:H|K|M|KM|GB|MB|TB|ST|ND|RD|TH|X|G|D|P|AM|PM|MIN|SEC)")
_PLAIN_REACH = 28  # introducer() looks 16 characters past the word, governed() 24 to the cue
# A verb this close before the code word ("Digite o código", "Enter the code") says the
# token after it is typed; one after the token must follow it in the same clause, with only
# spaces between ("… 93K4P7 para confirmar", not "… 93K4P7. Para confirmar acesse …").
_VERB_BEFORE = 12
_VERB_AFTER = 2
_VOWEL = re.compile(r"[AEIOU]")
# Arabizi writes Arabic letters as digits: "TA7A2O2", "BTA3AK" ("your"), "SALE7" ("valid")
_LETTER_DIGIT = re.compile(r"[A-Z][235679]|[235679][A-Z]")
_KEYWORD_DIGITS = re.compile(r"(?:OTP|PIN|CODE|KOD|TAC)\d{4,}")
_KINDS = (REFERENCE, ORDER, BOOKING, PRODUCT, CARD)
# "o código da sua conta é K7Q2Z", "code for your account: K7Q2Z": the account a code word
# governs is what the code opens, not a label of the token.
_ACCOUNT = frozenset(
    ("account", "acct", "conta", "cuenta", "compte", "conto", "konto", "kontu", "hesap", "حساب")
)
_WORD_TAIL = re.compile(r"[^\W\d_]*")
_OWNER_FIRST = re.compile(OWNER)
_WORDISH = re.compile(r"[^\W_]")


@lru_cache(maxsize=1024)  # a handful of senders send most messages
def sender_key(sender: str | None) -> str:
    """The sender ID as a code-shaped token ("T-PLUS" -> "TPLUS"), or "" when none."""
    return _NOT_ALNUM.sub("", sender).upper() if sender else ""


def candidates(t: str, sender: str, after: list[int] | None = None) -> list[Candidate]:
    """Upper-case letter-and-digit tokens that could be a code (not the sender's name)."""
    # With `after` (the ends of plain code words, which vouch for nothing further away) only
    # the text right after them is scanned: the full scan is the costlier part.
    if after is None:
        matches = _ALNUM.finditer(t)
    else:
        # one scan over the span the windows cover (code words cluster), then the windows;
        # a token the scan's end cuts runs on, which the end check below catches
        matches = (
            m
            for m in _ALNUM.finditer(t, after[0], after[-1] + _PLAIN_REACH + 10)
            if any(0 <= m.start() - end <= _PLAIN_REACH for end in after)
        )
    out: list[Candidate] = []
    for m in matches:
        token = m.group()
        if token.isdigit() or token == sender:
            continue  # pure digits are handled by the numeric scan
        if len(token) < _PLAIN_MIN - 1 and (
            (token.isalpha() and (token in _SHORT_WORDS or not neg.letters_only_ok(token)))
            or token in _SHORT_STOP
            or _UNIT.fullmatch(token)
            or _SEAT.fullmatch(token)
        ):
            continue  # three characters: only a letter-and-digit mix is a code, not "14C", "A12"
        if m.end() < len(t) and t[m.end()].isascii() and t[m.end()].isalnum():
            continue  # cut by the end of a windowed scan: the token runs on
        if m.start() < 8 and not t[: m.start()].strip(_OPENERS) and _LABEL_END.match(t, m.end()):
            continue  # a brand name opening the message: "TPLUS: ລະຫັດ…"
        if not any(c.isdigit() for c in token):
            if len(token) >= 5 and neg.letters_only_ok(token):
                out.append(Candidate(m.start(), m.end(), token, "letters"))
            elif len(token) == 3 and _LOWER.search(t) and not _CAPS_AFTER.match(t, m.end()):
                # "su PIN es KTB"; never in a message in capitals ("YOUR 2FA IS NOW ENABLED")
                out.append(Candidate(m.start(), m.end(), token, "alnum"))
            continue
        if (
            token[0].isdigit()
            and token[-1].isdigit()
            and sum(c.isalpha() for c in token) == 1
            and (len(token) > 3 or "X" in token)
        ):
            continue  # "2X4", "48K21": a size or a number with a unit letter ("4T7" may be a PIN)
        if _KEYWORD_DIGITS.fullmatch(token):
            continue  # "OTP826471": a code word glued to the code (the numeric scan takes it)
        out.append(Candidate(m.start(), m.end(), token, "alnum"))
    return out


def confidence(msg: Message, c: Candidate, score: tuple[float, str, int], known: bool) -> float:
    """Keyword score of a letter code, or 0.0 when nothing vouches for it."""
    # `score`: the best keyword's value, table and distance; `known`: the service is known
    # to send letter codes (Steam), so its shape and a weak keyword suffice.
    value, tier, raw = score
    if _arabizi(msg, c.value):
        return 0.0
    conn = CONNECTOR.search(msg.low, max(0, c.start - 10), c.start)
    label = _strong_label(msg, conn.start()) if conn else None
    short = len(c.value) < _PLAIN_MIN
    direct = short and _direct(msg, c)
    if short and not direct and (len(c.value) < _PLAIN_MIN - 1 or c.value in _SHORT_STOP):
        return 0.0
    cue = cue_before(msg, c, _KINDS, 12)
    account = cue_before(msg, c, (REFERENCE,), _PLAIN_REACH - 4)
    owned = account is not None and account.value in _ACCOUNT and governed(msg, c, account)
    trusted = tier == STRONG or label is not None or known or msg.retriever or direct or owned
    if not trusted and (EXPIRED in msg.categories or not _plain_code_word(msg, c, conn)):
        return 0.0
    if c.kind == "letters" and not known and _VOWEL.search(c.value):
        return 0.0  # "CHECK", "FIRST": a word; Steam-style letter codes have no vowels
    limit = 24 if conn else 12 if c.kind == "alnum" else 6
    if raw > limit and label is None and not owned:
        return 0.0
    if not known:
        if MARKETING in msg.categories or BOOKING in msg.categories:
            return 0.0  # "WELCOME10 for 10% off", a PNR in a flight or hotel booking
        if neg.PROMO_SHAPE.fullmatch(c.value) and not (tier == STRONG and conn):
            return 0.0  # "SAVE20" unless a strong keyword states it: "security code is ZTAV75"
    if _named_elsewhere(msg, c):
        return 0.0  # "Заказ K7QX9P оформлен. Код: K7QX9P": the order's own reference
    if (
        cue is not None
        and not owned
        and not (
            # "Login code for account xyz: Q4TKR": the account word names "xyz", not the code
            label is not None
            and conn is not None
            and label.end <= cue.start
            and cue.category in (REFERENCE, ORDER)
            and _names_other(msg, cue, conn.start())
        )
    ):
        return 0.0
    if EXPIRED in msg.categories:
        value -= 0.3  # "your password was changed": a notice rarely carries a code
    return value - 0.05


def _direct(msg: Message, c: Candidate) -> bool:
    # "su PIN es 7K2", "Votre code est : B7K2", "Kodunuz: K7Q2": the code word, its own word
    # ending, then only a colon or a copula
    ev = introducer(msg, c)  # (only a word ending, an owner and a copula may come between)
    if ev is None or ev.category not in CODE_WORDS:
        return False
    if any(o.category in _KINDS and 0 <= ev.start - o.end <= 2 for o in msg.events):
        return False  # "Your tariff code: S1K", "Ticket code: K7Q"
    rest = _WORD_TAIL.match(msg.low, ev.end)
    between = msg.low[rest.end() if rest else ev.end : c.start]
    conn = CONNECTOR.search(between)
    if conn is None:
        return False
    head = between[: conn.start()].strip()
    owner = _OWNER_FIRST.match(head)  # "Kodi juaj: 7K2": the owner after the code word
    if owner is not None:
        head = head[owner.end() :].strip()
    return not head or (COPULA_WORD.fullmatch(head) is not None and not LETTER.search(head, 8))


def _arabizi(msg: Message, token: str) -> bool:
    # a vowelled word with letter digits, in a message an Arabizi code word opens
    return (
        _LETTER_DIGIT.search(token) is not None
        and _VOWEL.search(token) is not None
        and any(ev.value in ARABIZI for ev in msg.events)
    )


def _plain_code_word(msg: Message, c: Candidate, conn: re.Match[str] | None) -> bool:
    # "Ваш код: 6HQJR", "Tavs kods ir YZ5U5ASY"; never a plain word ("CODE: VALID")
    if (
        c.kind != "alnum"
        or len(c.value) < (_PLAIN_MIN if conn is None else _PLAIN_MIN - 1)
        or (conn is None and VERB not in msg.categories)
    ):
        return False
    ev = introducer(msg, c)
    if ev is None or ev.category not in CODE_WORDS:
        return False
    if conn is None and not _typed(msg, ev, c):
        return False  # "Your code K7QX9P …" may label anything; a connector or a verb says more
    # "Ticket code: K7QX9P", "Invoice code: …": a reference word names the kind of code
    return not any(
        o.category in _KINDS and 0 <= ev.start - o.end <= 2 for o in msg.events if o.end <= ev.start
    )


def _typed(msg: Message, word: Event, c: Candidate) -> bool:
    # "use o código 93K4P7 para confirmar", "Enter code 7KQ2ZP": a verb says the token right
    # after the code word is something to type, as a connector would
    for ev in msg.events:
        if ev.category != VERB:
            continue
        if ev.end <= word.start:
            if word.start - ev.end <= _VERB_BEFORE and not BREAK.search(msg.t, ev.end, word.start):
                return True
        elif 0 <= ev.start - c.end <= _VERB_AFTER and not msg.t[c.end : ev.start].strip():
            return True
    return False


def _strong_label(msg: Message, colon: int) -> Event | None:
    """The strong keyword whose clause ends in the connector at `colon`, if any."""
    found: Event | None = None
    for ev in msg.events:
        if ev.end > colon:
            break
        if ev.category == STRONG and colon - ev.end <= LABEL_REACH:
            found = ev
    if found is None or BREAK.search(msg.t, found.end, colon) or ":" in msg.t[found.end : colon]:
        return None
    return found


def _names_other(msg: Message, cue: Event, colon: int) -> bool:
    # a word between the cue's word and the colon: "account xyz:", "cuenta juan_99:"
    tail = _WORD_TAIL.match(msg.t, cue.end)
    end = tail.end() if tail else cue.end
    return _WORDISH.search(msg.t, end, colon) is not None


def _named_elsewhere(msg: Message, c: Candidate) -> bool:
    # another occurrence of the token right after a reference, order or booking word
    i = msg.t.find(c.value)
    while i != -1:
        if i != c.start and cue_before(msg, c._replace(start=i, end=i + len(c.value)), _KINDS, 12):
            return True
        i = msg.t.find(c.value, i + 1)
    return False

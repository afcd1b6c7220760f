"""Shared view of a prepared message: candidates, sentence breaks and cue look-ups."""

from __future__ import annotations

import re
from typing import NamedTuple

from .lexicon import KEYWORD_WEIGHT, PHONE, SENT, STRONG, Event
from .normalize import fold_phrase, trie_pattern
from .reminders import THIS_AFTER, THIS_BEFORE


class Candidate(NamedTuple):
    """A possible code: where it is in the normalised text and what the user would type."""

    start: int
    end: int
    value: str
    kind: str  # see NUMERIC; prefix, alnum, letters, password, url, origin


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
    # code words inside a never-share reminder: their start -> where the reminder word starts
    warned: dict[int, int]


LEAD, TRAIL = "lead", "trail"  # how a keyword anchors a number (scoring._keyword)
# Digit candidates; "shelf" is a dashed locker code ("53-8-9301") only a pickup word vouches for;
# "glued" follows a Latin code word without a space ("ລະຫັດOTP826471"); "hash" is glued to a
# "#" ("Order #4821"), a code only when a code word states it ("code is #4821").
NUMERIC = ("num", "split", "split4", "tight", "shelf", "glued", "hash")
# Sentence ends; the dot of an initial ("an M. Muster", "И. Иванов") ends nothing, while
# lower-case abbreviations ("2025 г.", "500 р.") usually do end the sentence.  Urdu ends
# sentences with "۔", Amharic with "።", Armenian with "։", Khmer with "។" and Burmese with "။".
BREAK = re.compile(r"[。！？።։។៕။]|(?<!(?<![^\W\d_])[A-ZА-ЯЁ])[.!?؟।۔](?:\s|$)|\n")
DIGIT = re.compile(r"\d")
LETTER = re.compile(r"[^\W\d_]")
# Copulas: "code is X", "kod je X", "码为X", "ລະຫັດແມ່ນ X".  Matched on folded text: "é"/"è"
# (pt, it) are "e", "är" (sv) is "ar", "là" (vi) is "la".  Scripts without spaces glue them
# to the preceding word.
# (Polish "kod BLIK to 123456", but not English "Report to 1930", "send STOP to 4821")
_NOT_TO = "".join(
    f"(?<!{verb} )"
    for verb in ("report", "send", "sent", "reply", "text", "sms", "up", "due", "call")
)
_COPULA = (
    r"(?<![^\W\d_])(?:is|je|es|est|e|ist|lautet|la|adalah|ialah|ir|este|jest|dir|olan|dia|ngu|ingu|ungu"
    r"|eshte|yw|ydy"
    rf"|ar|er|је|е|є|это|является|هو|هی|ni|ay|ita ce|shi ne|waa|yog|{_NOT_TO}to)|[是为為は]|คือ"
    r"|ແມ່ນ|ຄື|គឺ(?:ជា)?|မှာ|သည်"
)
# "code is: X", "kod je X", "码为X", "код — X": a connector right before the number.
# Khmer "៖", Ethiopic "፦" and Armenian "՝" introduce like a colon.
CONNECTOR = re.compile(rf"(?:[:=—–៖፦՝]|(?<= )-|(?:{_COPULA})-?)[ ]*[(\[]?$")
# Only the copulas: "… to your account is X" states what the code is, "account: X" labels it.
COPULA = re.compile(rf"(?:{_COPULA})[ ]*[(\[]?$")
COPULA_WORD = re.compile(rf"(?:{_COPULA})")
# Owners ("your", "شما", "ຂອງທ່ານ") on folded text: between a name or password word and a
# number they end the name ("بسته اینترنت شما ۴۸۲۱", "رمز عبور موقت شما Ab12Cd34 است").
OWNER = (
    r"(?<![^\W\d_])(?:your|ваш|шумо|jusu|tav|vas|tvoj|твој|juaj|jote|þinn|þitt|zure|eich|dvs"
    r"|anda|yako|wako|chako|lako)"
    r"[^\W\d_]{0,3}(?![^\W\d_])"
    r"|شما|ستاسو|الخاص بک|ຂອງທ່ານ|您的|你的|cua ban"
)
# An owner right after the code word still points at the number: "کود تصدیق شما 482193 است",
# "рамзи шумо 4821".
_OWNED_GAP = re.compile(rf"[ ]*(?:{OWNER})[ ]*[:：]?[ ]*")
# A strong keyword's clause reaches this far to the cue word it governs (clause_through).
_CLAUSE_GAP = 24
# Verb-final copulas right after the number close the code word's clause: "… ба ҳисоби шумо
# 482193 аст", "… حساب شما ۴۸۲۱ است", "… 4821 mibashad", "… ۴۸۲۱ ہے", "… 4410 ነው".
_FINAL_COPULA = re.compile(
    r"[ ]*(?:аст|ast|است|میباشد|می باشد|mibashad|دی|ہے|ነው|እዩ|ኢዩ|है|हो|आहे|වේ|ஆகும்)(?![^\W\d_])"
)
# The rest of a word a keyword starts: "рамз|и 2719", "kod|unuz 910372" (not in scripts
# without spaces, where it would run on into the next words).
_WORD_REST = re.compile(
    r"[^\W\d_\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]*"
)


def points_at(msg: Message, kw_end: int, start: int) -> bool:
    """True when the keyword ending at kw_end introduces the number at start: "код: 1234"."""
    lo = kw_end
    if msg.t[kw_end : kw_end + 1].isalpha():
        rest = _WORD_REST.match(msg.t, kw_end, start)
        lo = rest.end() if rest else kw_end
    if start - lo <= 3 and not LETTER.search(msg.t, lo, start):
        return True
    if CONNECTOR.search(msg.low, max(kw_end, start - 10), start) is not None:
        return True
    return start - lo <= 12 and _OWNED_GAP.fullmatch(msg.low, lo, start) is not None


def cue_before(
    msg: Message,
    c: Candidate,
    categories: tuple[str, ...],
    window: int,
    through_keywords: bool = False,
    reopen: tuple[str, ...] = tuple(KEYWORD_WEIGHT),
) -> Event | None:
    """Nearest cue of the given categories ending at most `window` chars before the candidate."""
    # a keyword of the `reopen` categories between the cue and the number cancels the cue
    if msg.categories.isdisjoint(categories):
        return None
    hit: Event | None = None
    for ev in msg.events:
        if ev.end > c.start:
            break
        if ev.category in categories and c.start - ev.end <= window:
            hit = ev
        elif hit is not None and not through_keywords and ev.category in reopen:
            hit = None  # a code keyword between the cue and the number re-opens the question
    if hit is not None and "\n" in msg.t[hit.end : c.start]:
        return None
    return hit


def same_sentence(msg: Message, a: int, b: int) -> bool:
    """True when no sentence end lies between offsets a and b."""
    lo, hi = (a, b) if a <= b else (b, a)
    return not BREAK.search(msg.t, lo, hi)


def near(msg: Message, c: Candidate, category: str, window: int) -> bool:
    """True when a cue of the category sits within `window` chars on either side, same sentence."""
    # (from the cue's end: the dot of an abbreviation such as "มิ.ย. 2567" ends no sentence)
    return any(
        ev.category == category
        and (0 <= c.start - ev.end <= window or 0 <= ev.start - c.end <= window)
        and same_sentence(msg, ev.end if ev.end <= c.start else ev.start, c.start)
        for ev in msg.events
    )


def governed(msg: Message, c: Candidate, cue: Event, gap: int = 24) -> bool:
    """True when a code word's clause ends in the cue and a connector: "код для карты: 4821"."""
    keyword: Event | None = None
    for ev in msg.events:
        if ev.start >= cue.start:
            break
        if ev.category in KEYWORD_WEIGHT:
            keyword = ev
    if (
        keyword is None
        or cue.start - keyword.end > gap
        or BREAK.search(msg.t, keyword.end, c.start)
        or DIGIT.search(msg.t, keyword.end, c.start)
        or CONNECTOR.search(msg.low, max(cue.end, c.start - 10), c.start) is None
    ):
        return False
    # "Code sent for card: 4821", "… card: 4821 was sent": the card the code went to
    end = c.end + 6
    return not any(
        ev.category in (PHONE, SENT) and keyword.end <= ev.start <= end for ev in msg.events
    )


def introducer(msg: Message, c: Candidate, window: int = 16) -> Event | None:
    """The nearest code word that directly introduces the number ("код: 86 04 11", "code is …")."""
    found: Event | None = None
    for ev in msg.events:
        if ev.end > c.start:
            break
        if ev.category not in KEYWORD_WEIGHT or c.start - ev.end > window:
            continue
        if DIGIT.search(msg.t, ev.end, c.start) or BREAK.search(msg.t, ev.end, c.start):
            continue
        if points_at(msg, ev.end, c.start):
            found = ev
    return found


def clause_through(msg: Message, c: Candidate, cue: Event, loose: bool = False) -> bool:
    """True when a strong keyword's clause runs through the cue word to the number."""
    # "Коди фаъолсозии ҳисоби шахсӣ: 5980", "رمز تأكيد حجز موعد التطعيم 44487": the account,
    # order or booking word names what the code is for.  It takes a connector before the
    # number or a copula after it; with `loose`, a word after the cue's own word will do
    # ("حجز موعد … 44487"), while a number right after it stays its number ("order 4821").
    keyword: Event | None = None
    for ev in msg.events:
        if ev.start >= cue.start:
            break
        if ev.category == STRONG:
            keyword = ev
    if (
        keyword is None
        or cue.start - keyword.end > _CLAUSE_GAP
        or BREAK.search(msg.t, keyword.end, c.start)
        or DIGIT.search(msg.t, keyword.end, c.start)
        or any(
            ev.category in (PHONE, SENT) and keyword.end <= ev.start <= c.end + 6
            for ev in msg.events
        )
    ):
        return False  # "OTP sent for transaction ref: 48213377": where the code went
    if CONNECTOR.search(msg.low, max(cue.end, c.start - 10), c.start) or _FINAL_COPULA.match(
        msg.low, c.end
    ):
        return True
    if not loose or any(cue.end <= ev.start and ev.end <= c.start for ev in msg.events):
        return False  # "… for booking number 482133": the word between names the number
    rest = _WORD_REST.match(msg.t, cue.end, c.start)
    return LETTER.search(msg.t, rest.end() if rest else cue.end, c.start) is not None


_OPENING = " \t([{\"'«“„‘<"
# A code word right after "this" (or before it, "kode ini") points at one number: "Netflix:
# 482193. Don't share this code with anyone." (openers.refers_back)
_THIS_BEFORE = re.compile(rf"(?<![^\W\d_])(?:{trie_pattern(map(fold_phrase, THIS_BEFORE))})[ ]?\Z")
_THIS_AFTER = re.compile(rf"[ ]?(?:{trie_pattern(map(fold_phrase, THIS_AFTER))})")
# A sentence end that closes a statement (not "код:\n", which opens the number's line)
_CLOSED = re.compile(r"[.!?؟।۔。！？።։។၊။]")
_LINE_TAIL = re.compile(r"[\d\s/,+-]*[.!]?\s*")  # nothing, or more of a phone number


def this_code(msg: Message, ev: Event) -> bool:
    """True when "this" (or "ini", "этот" …) makes the code word point at one number."""
    return (
        _THIS_BEFORE.search(msg.low, max(0, ev.start - 10), ev.start) is not None
        or _THIS_AFTER.match(msg.low, ev.end) is not None
    )


def warned_words(t: str, events: list[Event], warn: str) -> dict[int, int]:
    """Code words that share a sentence with a never-share reminder word (category `warn`)."""
    words = [ev.start for ev in events if ev.category == warn]
    out: dict[int, int] = {}
    for ev in events:
        if ev.category in KEYWORD_WEIGHT:
            for w in words:
                lo, hi = (w, ev.start) if w <= ev.start else (ev.start, w)
                if not BREAK.search(t, lo, hi):
                    out[ev.start] = w
                    break
    return out


def dismissed(msg: Message, ev: Event, c: Candidate) -> bool:
    """True when a code word inside a never-share reminder says nothing about this number."""
    # "We never ask for your PIN or OTP. Report fraud on 1930", "আমরা কখনো OTP চাই না।
    # সহায়তার জন্য 16247 নম্বরে কল করুন": the reminder names codes in general.  It still
    # vouches for the number it points at ("Никому не сообщайте код: 4821"), one before its
    # reminder word ("OTP for login 4821, never share it") and one opening the next sentence
    # ("Never share this code.\n4821").  Only short spans are searched: this runs per pair.
    word = msg.warned.get(ev.start)
    if word is None or ev.end > c.start:
        return False
    stop = BREAK.search(msg.t, ev.end, c.start)
    if stop is None:
        return c.start > word and not points_at(msg, ev.end, c.start)
    lo = stop.end()
    for m in BREAK.finditer(msg.t, lo, c.start):
        lo = m.end()
    if msg.t[lo : c.start].strip(_OPENING) != "":
        return True  # "Helpline 1930", "24/7 1930"
    # "Don't share your OTP. 1930", "পিন কাউকে বলবেন না। ১৬২১৬": a number alone closing the
    # message on the line of a closed reminder about codes in general is a line to call
    # (a number on a line of its own after the reminder is still its code)
    if "\n" in msg.t[stop.start() : c.start] or not _CLOSED.match(msg.t, stop.start()):
        return False
    return _LINE_TAIL.fullmatch(msg.t, c.end) is not None and not this_code(msg, ev)
    for start, stop, word in msg.warned:
        if not start <= ev.start < stop:
            continue
        if c.start >= stop:
            lo = stop
            for m in BREAK.finditer(msg.t, stop, c.start):
                lo = m.end()
            return LETTER.search(msg.t, lo, c.start) is not None
        return c.start > word and not points_at(msg, ev.end, c.start)
    return False

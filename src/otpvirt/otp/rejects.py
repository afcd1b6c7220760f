"""Hard no: contexts in which a code-shaped number can never be the one-time code."""

from __future__ import annotations

import re

from . import negatives as neg
from .context import (
    BREAK,
    CONNECTOR,
    DIGIT,
    NUMERIC,
    Candidate,
    Message,
    cue_before,
    governed,
    introducer,
    near,
    same_sentence,
)
from .cues_fifth import EARLIER as EARLIER_MORE
from .cues_fifth import ENDING_AFTER
from .cues_world import EARLIER
from .lexicon import (
    CARD,
    CARD_ENDING,
    CODE_WORDS,
    EXPIRED,
    KEYWORD_WEIGHT,
    MONTH,
    NOT_OTP,
    PHONE,
    PHONE_NOUN,
    PICKUP_PHRASES,
    SENT,
    STRONG,
    SUCCESS_AFTER,
    Event,
)
from .normalize import fold_phrase, trie_pattern

# "Код подтверждения номера телефона: 1234": at most this many characters between the code
# word and the phone word it governs ("for your", "для", "من").
_GOVERNED_GAP = 16
# A clause that a connector closes right before the number may name the app or device at
# more length, in any language: "Kod weryfikacyjny do aplikacji InPost Mobile: 4127", "code
# for the app Acme Mobile: 4127" (a comma on the way starts another clause: "…, telefon: 80").
_LABELLED_GAP = 32
# A sentence that ends without a question between a call cue and the number closes the cue:
# "… 8334 پر کال کریں۔ 2540 آپ کا کوڈ ہے" (but "Questions? 8080" is a number to call).
_STATEMENT_END = re.compile(r"[。！።։។៕။]|[.!।۔](?:\s|$)")
# A day and a month name right before a year: "12 يونيو 2025", "12. Juni 2025", "June 12, 2025".
_DATED = re.compile(
    r"(?<!\d)\d{1,2}(?:st|nd|rd|th|er|\.)? [^\W\d_]{3,12}\.?,? \Z"
    r"|(?<![^\W\d_])[^\W\d_]{3,12}\.? \d{1,2}(?:st|nd|rd|th)?, \Z"
)
_UNTIL = re.compile(
    r"(?<![^\W\d_])(?:until|till|through|thru|expires?|до|по|bis|hasta|ate|jusqu'en|fino al"
    r"|sampai|hingga|đen|toi|تا|حتی|لغایه|עד)[ ]\Z|[至到][ ]?\Z"
)
# A year word after or before a year-shaped number.
_YEAR_AFTER = re.compile(
    r"[ ]?(?:yıl|yil|году|года|год\b|г\.|year|jahr|年|년|سال|سنة|عام|वर्ष|साल|ปี|ឆ្នាំ|ခုနှစ်"
    r"|оны|жыл|йил|ел\b|წლ|թ\.|թվական|ዓ\.ም|ዓ/ም)"
)
_YEAR_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:year|since|năm|nam|ปี|سنة|عام|سال|anno|año|ano|jahr|année|annee|року"
    r"|года|год|году|yılı|vuonna|roku|jaar|år)[ ]\Z"
)
# "661203 (the previous code is no longer valid)": the expiry word after the number speaks
# of an earlier code (CJK words have no word start)
_EARLIER = re.compile(
    "|".join(
        ("" if w[0] >= "\u3000" else r"(?<![^\W\d_])")
        + re.escape(fold_phrase(w.rstrip("$")))
        + (r"(?![^\W\d_])" if w.endswith("$") else "")
        for w in (*EARLIER, *EARLIER_MORE)
    )
)
# "4471 ile biten kartınız", "4471-мен аяқталатын": the digits a card ends with
_ENDING_AFTER = re.compile(rf"[ ]?-?[ ]?(?:{trie_pattern({fold_phrase(w) for w in ENDING_AFTER})})")
_ENDING_FIRST = frozenset(fold_phrase(w)[0] for w in ENDING_AFTER)
_SUBJECT_GAP = 6  # "vorherig|e ist |abgelaufen": a word ending and a copula
# A USSD string to dial: "*141*4821#", "*123#"
_USSD = re.compile(r"\*\d+(?:\*\d+)*#")
# A whole phone number: hyphenated or solid, eight characters at least.
_PHONE = re.compile(r"(?<![\d-])\+?\d[\d-]{6,}\d(?![\d-])")
# A verb-final "… ۵۵۵۱۲۳۴ ارسال شد" (sent to …) sits right after the number; one further
# away is usually "don't send it to anyone".
_VERB_AFTER = 4


def rejected(msg: Message, c: Candidate) -> bool:
    """Hard no: the number sits in an expired-code sentence, or after a promo/phone/card cue."""
    if EXPIRED in msg.categories:
        for ev in msg.events:
            if (
                ev.category == EXPIRED
                and same_sentence(msg, ev.start, c.start)
                and (ev.start > c.start or ev.value not in SUCCESS_AFTER)
                and not (ev.start > c.start and _earlier_code(msg, c, ev))
                and not (ev.end <= c.start and ";" in msg.t[ev.end : c.start])
            ):
                return True
    promo = cue_before(msg, c, (NOT_OTP,), 25)
    if promo is not None and not _numbered(msg, promo.end, c.start):
        return True  # "Kode pos 12345", "Код купона: 1234" (not "注文番号48213377。 813793が…")
    if c.kind not in NUMERIC:
        return False
    if _card_tail(msg, c):
        return True  # "4471 ile biten kartınızla": a card's last digits, never the code
    if "#" in msg.t and _dialled(msg, c):
        return True  # "Dial *141*4821# … Code 4821": a pack's USSD code, never a one-time code
    if c.kind == "tight" and _untold(msg, c):
        return True  # "12 05 25", "MIR-6481": a date, phone or ID unless a code word says so
    if c.kind == "hash" and not _stated(msg, c):
        return True  # "Order #4821", "Ticket #4821": an order or ticket number
    if c.kind == "shelf" and not _pickup_introduced(msg, c):
        return True  # "12-3-4456" is a locker code only right after "取件码", "код получения"
    # a verb does not re-open a call cue: "Позвоните для подтверждения 1100" is a help line;
    # the number it announces closes it: "Не вы? Позвоните 0500. 4821 — ваш код"
    phone = cue_before(msg, c, (PHONE, PHONE_NOUN), 20, reopen=CODE_WORDS)
    if phone is not None and not (
        verified_phone(msg, c, phone)
        or _called_before(msg, phone.end, c.start)
        or _STATEMENT_END.search(msg.t, phone.end, c.start)
    ):
        return True
    if len(c.value) == 4 and last_digits(msg, c):
        return True
    if not neg.is_year(c.value):
        return False
    # "12 يونيو 2025", "June 12, 2025": a day and a month name in any language make a date;
    # so does "valid until 2026"
    if _DATED.search(msg.t, max(0, c.start - 20), c.start) or _UNTIL.search(
        msg.low, max(0, c.start - 14), c.start
    ):
        return True
    if _YEAR_AFTER.match(msg.low, c.end) or _YEAR_BEFORE.search(
        msg.low, max(0, c.start - 12), c.start
    ):
        return True  # "2024 yılında", "в 2024 году", "năm 2024", "2024年": a year
    return MONTH in msg.categories and near(msg, c, MONTH, 15)


def _card_tail(msg: Message, c: Candidate) -> bool:
    # one look at the next letter first: most numbers are followed by no such phrase
    nxt = msg.low[c.end : c.end + 3].lstrip(" -")[:1]
    return nxt in _ENDING_FIRST and _ENDING_AFTER.match(msg.low, c.end) is not None


def _untold(msg: Message, c: Candidate) -> bool:
    """True when no code word introduces a tight group (a 4-2 dashed one needs a strong one)."""
    # "Potvrzovací kód: 4821-92" is a code; "Your code is 5520-19" may be any reference
    ev = introducer(msg, c)
    if ev is None:
        return True
    return ev.category != STRONG and c.end - c.start == 7 and msg.t[c.start + 4] == "-"


def _earlier_code(msg: Message, c: Candidate, expired: Event) -> bool:
    """True when the expiry word after the number has an earlier code for its subject."""
    # "661203 (the previous code is no longer valid)", "661203 — o anterior expirou"; not
    # "Code 482193 from your previous request has expired"
    hits = list(_EARLIER.finditer(msg.low, c.end, expired.start))
    if not hits:
        return False
    lo = hits[-1].end()
    for ev in msg.events:
        if ev.category in CODE_WORDS and lo <= ev.start and ev.end <= expired.start:
            lo = ev.end
    return expired.start - lo <= _SUBJECT_GAP


def _dialled(msg: Message, c: Candidate) -> bool:
    return any(c.value in m.group()[1:-1].split("*") for m in _USSD.finditer(msg.t))


def _numbered(msg: Message, cue_end: int, start: int) -> bool:
    # the cue's own number comes first and a sentence ends before this one
    return DIGIT.search(msg.t, cue_end, start) is not None and not same_sentence(
        msg, cue_end, start
    )


def _called_before(msg: Message, cue_end: int, start: int) -> bool:
    # another number and a sentence end between them ("Tel. 0500. 4821"), or a whole phone
    # number ("โทร 02-111-1111 852938 คือรหัส…"); a split phone number ("Call 02 4821") or a
    # question ("Questions? 8080") keeps the cue
    if DIGIT.search(msg.t, cue_end, start) is None:
        return False
    if not same_sentence(msg, cue_end, start):
        return True
    return _PHONE.search(msg.t, cue_end, start) is not None


def last_digits(msg: Message, c: Candidate) -> bool:
    """True when a card word right before the number announces the card's last digits."""
    card = cue_before(msg, c, (CARD,), 16)
    if card is None or DIGIT.search(msg.t, card.end, c.start):
        return False
    if not same_sentence(msg, card.end, c.start):
        return False  # "… olan kartınız. 1248 giriş kodunuzdur"
    # "Код для привязки карты: 4821": the code word's clause names the card, then the code
    return card.value in CARD_ENDING or not governed(msg, c, card)


def _stated(msg: Message, c: Candidate) -> bool:
    # "Your verification code is #4821", "OTP: #4821": a code word, then a colon or a copula
    ev = introducer(msg, c)
    return (
        ev is not None
        and ev.category in CODE_WORDS
        and CONNECTOR.search(msg.low, max(ev.end, c.start - 10), c.start) is not None
    )


def _pickup_introduced(msg: Message, c: Candidate) -> bool:
    ev = introducer(msg, c, window=6)
    return ev is not None and ev.value in PICKUP_PHRASES


def verified_phone(msg: Message, c: Candidate, cue: Event) -> bool:
    """True when the phone word names what the code verifies, not where to call."""
    # "Код подтверждения номера телефона: 1234", "رمز التحقق من رقم الهاتف 1234": a code word
    # governs the phone noun and the number follows in the same clause.  A call/contact cue,
    # a "sent to" word, a digit or a sentence end on the way keeps the number a phone number.
    if cue.category != PHONE_NOUN or not 4 <= len(c.value) <= 8:
        return False
    keyword: Event | None = None
    for ev in msg.events:
        if ev.start >= cue.start:
            break
        if ev.category in KEYWORD_WEIGHT:
            keyword = ev
    if keyword is None or cue.start - keyword.end > _LABELLED_GAP:
        return False
    if cue.start - keyword.end > _GOVERNED_GAP and (
        "," in msg.t[keyword.end : cue.start]
        or CONNECTOR.search(msg.low, max(cue.end, c.start - 10), c.start) is None
    ):
        return False
    if BREAK.search(msg.t, keyword.end, c.start):
        return False
    if DIGIT.search(msg.t, keyword.end, c.start):
        # "… for mobile number +992 93 123 45 67: 1234": the phone number (maybe masked,
        # "+7 912 ***-**-89") itself, then the code
        digits = sum(ch.isdigit() or ch in "*•" for ch in msg.t[keyword.end : c.start])
        if digits < 9 or CONNECTOR.search(msg.low, max(0, c.start - 10), c.start) is None:
            return False
    # the verb may also follow at once: "کد تایید به شماره تلفن ۵۵۵۱۲۳۴ ارسال شد"
    return not any(
        ev.category in (PHONE, SENT)
        and (keyword.end <= ev.start < c.start or c.end <= ev.start <= c.end + _VERB_AFTER)
        for ev in msg.events
    )

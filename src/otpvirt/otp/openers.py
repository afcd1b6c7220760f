"""Codes that no code word introduces: a brand's label before them, "this code" after them.

"DoorDash: 501069 (expires in 10 minutes)", "[Binance] 518021 / Do not share this with
anyone", "Самокат: 4821. Никому не сообщайте", "【美团】482193（5分钟内有效）": the sender's
name opens the message, a number stands alone after it, and the message says that the
number is valid for some minutes or must not be shared (opener).  Points, vouchers, parking
tickets and balances run for days or hours and are not secret, and a label that is itself a
context word ("Order:", "Balance:") names something else, so those stay no codes.
"Netflix: 482193. Don't share this code", "دیجی‌کالا: ۴۸۲۱۹۳ / این کد را … قرار ندهید": a
code word after "this" in the next sentence points back at the number (refers_back, used by
scoring.py).
"""

from __future__ import annotations

import re

from .context import BREAK, Candidate, Message, this_code
from .lexicon import CODE_WORDS, MARKETING, NOT_OTP, SERVICE, WARN, Event
from .normalize import fold_phrase, trie_pattern
from .reminders import ASKS

# The label: a bracketed name or a name of at most four words and a colon, or a name alone
# on the first line; after an Android "<#>" too.
_LABEL = re.compile(
    r"[ \t]*(?:(?:<#>|\[#\])[ \t]*)?(?:\[[^\]\n]{2,30}\]|【[^】\n]{2,30}】"
    r"|[^\W\d_][^\W_]*(?:[ .'’&-][^\W_]+){0,3}(?:[ ]?[:：]|[ \t]*\n))[ \t]*"
)
# The number stands alone: punctuation, a line end or the message end after it ("4821 Main
# St", "4821 Stars" run on), or a bracket that says how long it is valid.
_END = re.compile(r"[ \t]*(?:$|[.,;!/|\n–—\-，。！])")
_BRACKET = re.compile(r"[ \t]*[(（]([^)）\n]{0,40})")
_VALIDITY = re.compile(
    r"(?<![^\W\d_])(?:expir|valid|vence|caduc|gultig|valable|scad|wazn|gecerli|geldig|действ"
    r"|дійсн|berlaku|hieu luc|ισχ)|有效|有効|유효|صالح|معتبر|اعتبار|תקף|תוקף|ใช้ได้|มีผล|मान्य"
)
_MINUTES = re.compile(
    r"\d[ ]?(?:min|mn\b|мин|хв|dk\b|dakika|menit|phut|นาที|ນາທີ|分|분|دقیق|دقائق|perc|λεπτ"
    r"|sec|seg|сек|saniye|detik|giay|秒|초|ثانی|ثوان|دقای|דק|წუთ|րոպե|ደቂቃ|मिनट|ମିନିଟ)"
)


BACK_REACH = 48  # at most this many characters from the number to "this code"
_ASKS = re.compile(rf"(?<![^\W\d_])(?:{trie_pattern(map(fold_phrase, ASKS))})")


def opening_label(t: str, start: int) -> bool:
    """True when only a brand's label opens the message before this offset."""
    m = _LABEL.match(t)
    return m is not None and m.end() == start


def opener(msg: Message, found: list[Candidate]) -> Candidate | None:
    """The number a brand's opening label gives, in a message about its validity or secrecy."""
    if not found or found[0].kind not in ("num", "split") or found[0].start > 40:
        return None
    c = found[0]
    if not opening_label(msg.t, c.start) or not msg.categories.isdisjoint((MARKETING, NOT_OTP)):
        return None  # "Starbucks: 4821 (expires 30/06). Voucher …"
    if any(ev.start < c.start and ev.category != SERVICE for ev in msg.events):
        return None  # "Order: 4821", "Balance: 4821": a label that names something else
    timed = _VALIDITY.search(msg.low, c.end) is not None and _MINUTES.search(msg.low, c.end)
    bracket = _BRACKET.match(msg.t, c.end)
    if bracket is not None:
        inside = msg.low[bracket.start(1) : bracket.end(1)]
        alone = _VALIDITY.search(inside) is not None or _MINUTES.search(inside) is not None
    else:
        # "[쿠팡] 482193 타인에게 절대 알려주지 마세요": the reminder may follow at once
        alone = _END.match(msg.t, c.end) is not None or any(
            ev.category == WARN and 0 <= ev.start - c.end <= 2 for ev in msg.events
        )
    return c if alone and (timed or WARN in msg.categories) else None


def refers_back(msg: Message, ev: Event, lo: int, hi: int) -> bool:
    """True when "this code" opens the next sentence's reminder about the number before it."""
    if ev.category not in CODE_WORDS:
        return False
    if not this_code(msg, ev):
        return False
    return len(BREAK.findall(msg.t, lo, hi)) == 1


def warned_opener(msg: Message, found: list[Candidate]) -> Candidate | None:
    """A label's number whose only code words are in the never-share reminder right after it.

    "Тинькофф: 4821. Никому не говорите код": the reminder is about this number.  "Acme
    Bank: 8080. We will never ask for your OTP" says who asks for codes: no code.
    """
    c = opener(msg, found)
    if c is None:
        return None
    stop = BREAK.search(msg.t, c.end)
    if stop is None:
        return None
    nxt = BREAK.search(msg.t, stop.end())
    hi = nxt.start() if nxt is not None else len(msg.t)
    lo = stop.end()
    for ev in msg.events:
        if ev.category in CODE_WORDS and not (lo <= ev.start < hi and ev.start in msg.warned):
            return None
    return None if _ASKS.search(msg.low, lo, hi) else c

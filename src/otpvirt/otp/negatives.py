"""What is NOT a code: amounts, units, dates, phones, cards, links, IBANs and the like.

Each check looks at the few characters around a number in the normalised text (`t`)
or its folded copy (`low`); offsets are shared between the two.
"""

from __future__ import annotations

import re

from .cues_fifth import CALLED_AFTER
from .normalize import fold_phrase, trie_pattern
from .reminders import AFTER as _CALLED

# fmt: off
_CURRENCY_SYMBOLS = "$€£¥₽₹₺₸₼₾֏₩₫₭₱฿₴₪৳﷼¢元円원块؋₦₵₮"
_CURRENCY_WORDS = (
    "usd", "eur", "euro", "euros", "gbp", "rub", "rur", "uah", "kzt", "uzs", "azn", "gel", "amd",
    "tjs", "afn", "irr", "irt", "lyd", "sar", "aed", "egp", "try", "tl", "inr", "pkr", "bdt",
    "idr", "rp", "vnd", "vnđ", "thb", "lak", "kip", "cny", "rmb", "jpy", "krw", "rsd", "din",
    "дин", "pln", "zł", "zl", "kč", "czk", "ron", "lei", "brl", "r$", "mxn", "ars", "cop", "ils",
    "nis", "chf", "sek", "nok", "dkk", "huf", "myr", "php", "sgd", "hkd", "kwd", "qar", "omr",
    "jod", "bhd", "iqd", "руб", "рубл", "р", "р.", "грн", "тенге", "теңге", "сом", "сомонӣ",
    "сомони", "сум", "so'm", "som", "манат", "лари", "драм", "динар", "дирхам", "рсд", "dinara",
    "afghani", "افغانی", "افغانۍ", "افغانیو", "افغانی", "ریال", "تومان", "دینار", "جنیه", "درهم",
    "د.ل", "ل.د", "ກີບ", "บาท", "đồng", "dong", "đ", "рупий", "रुपये", "रुपए", "रु", "টাকা", "rs",
    "rs.", "dollars", "dollar", "dólares", "reais", "real", "pesos", "lira", "zlotych", "złotych",
    "forint", "yuan", "gbp", "ман", "смн", "dram", "lari", "manat", "tenge", "ש\"ח", "שח", "₪",
    "৳", "taka", "rupees", "ብር", "birr", "etb", "ናቕፋ", "nakfa", "ksh", "kes", "tsh", "tzs",
    "ugx", "shilingi", "រៀល", "khr", "ကျပ်", "mmk", "රු", "lkr", "npr", "ரூ", "रू", "ლარი",
    "դրամ", "₮", "төгрөг", "mnt", "دینار", "टका", "fcfa", "cfa", "xof", "xaf", "lekë", "lek",
    "kr", "kr.", "isk", "mkd", "bam", "ghs", "ngn", "zar", "rwf", "frw", "gnf", "mga", "pen",
)
_UNITS = (
    "%", "min", "мин", "хв", "daq", "дақ", "dakika", "menit", "phut", "phút", "นาที", "ນາທີ",
    "分", "秒", "時", "时", "小时", "天", "日", "月", "年", "号", "號", "دقیقه", "دقائق", "دقیقه",
    "ثانیه", "ثانیه", "ثوانی", "ثانیة", "ساعت", "ساعه", "sec", "сек", "soniya", "saniye", "detik",
    "giây", "giay", "hour", "hrs", "час", "soat", "gb", "гб", "mb", "мб", "gig", "گیگ", "جیجا",
    "kb", "day", "дн", "рӯз", "روز", "یوم", "ден", "dien", "dana", "дана", "ore", "heure",
    "stunde", "godz", "minut", "mínut", "second", "секунд", "分钟", "分鐘", "초", "분", "시간",
    "일", "원", "円", "bonus", "бонус", "баллов", "points", "pts", "km", "км", "кг", "kg", "мес",
    "month", "ماه", "mins", "minuten", "minutos", "minutes", "mm", "cm", "мм", "см", "шт", "pcs",
)
# folded like the text (PHONE_AFTER is matched on `low`)
_CALL_AFTER = ("занг", "zang", "gönder", "qo'ng'iroq", "қўнғироқ", "numara", *CALLED_AFTER)
# fmt: on


def _alt(words: tuple[str, ...]) -> str:
    # a trie keeps a single-position match cheap (one branch per first character)
    return trie_pattern({fold_phrase(w) for w in words})


# Matched on `low` right after a number: an amount or a quantity, never a code.
CURRENCY_AFTER = re.compile(
    rf"[ ]?(?:[{_CURRENCY_SYMBOLS}]|(?:{_alt(_CURRENCY_WORDS)})(?![^\W\d_]))"
)
CURRENCY_BEFORE = re.compile(
    rf"(?:[{_CURRENCY_SYMBOLS}]|(?<![^\W\d_])(?:{_alt(_CURRENCY_WORDS)}))[ ]?\Z"
)
# The currency ends an earlier amount: "1,500.00 บาท 453283", "12 300,50 р. 229278".
_AMOUNT_END = re.compile(r"\d[ ]?\Z")
UNIT_AFTER = re.compile(rf"[ ]?(?:{_alt(_UNITS)})")
# "12. 5. 2025", "12 / 05 /", "5月3日": the number continues a date.
# (a day or a year first, so "USD 250.00. 8408" continues no date; never across a line)
DATE_BEFORE = re.compile(r"(?<![\d.,-])(?:\d{1,2}|\d{4})[./-][ ]?\d{1,2}[./-][ ]?\Z|\d[年月][ ]?\Z")
# A number followed by a "send to / call" verb or named a number: "2873'e gönderin",
# "ба 1100 занг занед", "4455 numarasına SMS gönderin".
# A token with digits or "+" after the number is no unit: "4281 PCS+izfD42S" and
# "757235 rP5bg+I0poY" end an Android app hash, not "pcs" or "Rp".
_HASH_AFTER = re.compile(r"[ ][^\W\d_]{1,4}\S*?[\d+]")
# Words that start like a unit: "482193 security code" ("sec"), "смс-код" ("см"), "order"
# ("ore"), "일회용" ("일").
_UNIT_LOOKALIKE = re.compile(r"[ ]?(?:secur|secre|смс|sms|orde|일회|minimum|minist)")
BEFORE = re.compile(rf"(?P<cur>{CURRENCY_BEFORE.pattern})|{DATE_BEFORE.pattern}")
PHONE_AFTER = re.compile(rf"(?:'[a-zа-я]{{1,2}})?[ ]*(?:{_alt(_CALL_AFTER + _CALLED)})")
# A command word to text to a short number: "Text RESEND to 72727", "Envía ALTA al 4821"
# (not "Twój kod BLIK to 123456": Polish "to" is "is").
_TEXT_TO = re.compile(
    r"(?i:text|txt|send|sms|reply|envía|envia|manda|envoyez|envoie|sende|schicke|invia|wyślij"
    r"|отправьте|пошлите|kirim|balas)[ ]+[A-Z]{2,10}[\"”']? (?i:to|al|au|an|на|ke|para|ao|a) \Z"
)
AFTER = re.compile("|".join(p.pattern for p in (CURRENCY_AFTER, UNIT_AFTER, PHONE_AFTER)))
# Marks glued to a number that make it a reference, a masked card or a phone number.
HARD_BEFORE = frozenset("+#№*•●×@\\_…")
HARD_AFTER = frozenset("*•●@_%")
# A masked card or account number: digit groups and mask runs joined by single spaces or
# hyphens ("6219-86**-****-4402", "**** 4402", "•• 4402", "XXXX-XXXX-4402").  The visible
# digits are never the code, and neither is a card's first group ("6219 86** **** 4402").
# A lone "X" is no mask: Steam codes such as "4X7Q2" use it.
_MASK_CORE = re.compile(r"[*•●]|xx|XX")  # one-character branches keep the scan fast
_MASK_CHARS = frozenset("0123456789*•●xX")
_MASK_RUN = re.compile(r"[0-9*•●xX]+(?:[ -][0-9*•●xX]+)*")
# "*482193*": bold in chat-style text, no mask (a mask never closes with "*" after digits)
_EMPHASIS = re.compile(r"\*\d{4,10}\*")
_MASK_EDGE = frozenset("*•●0123456789")
_MASK_TAIL = re.compile(r"(?:[*•●]|[xX]{2})\d{3,}(?=[ -]|$)")
_MASKED = re.compile(r"\d(?:[*•●]|[xX]{2})|(?:[*•●]|[xX]{2})\d|(?:[*•●]{2}|[xX]{2})[ -]\d")
# A phone number behind an area code in parentheses: "(02)2182-1313", "(021) 6422-1234",
# "(8 800) 555-35-35".  The subscriber part has five digits or more, so "(4821) 12:30" is
# no phone.
PAREN_PHONE = re.compile(
    r"\(\+?\d{1,5}(?:[ -]\d{1,4})?\)[ -]?"
    r"(?:\d{6,8}|\d{3,4}[ -]\d{2,4}(?:[ -]\d{2,4}){0,2})(?![\d:])"
)

URL = re.compile(r"(?:https?://|www\.)\S+|(?<![@\w.])(?:[a-z0-9-]+\.)+[a-z]{2,8}/\S*", re.I)
DOMAIN_HINT = re.compile(r"\.[a-zA-Z]{2,8}/")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# 【Sender】 signatures in Chinese SMS: a number inside is the sender's name, not a code --
# unless a code word or colon sits right before the bracket: "提货码【482193】",
# "認証コード【482193】".
SIGNATURE = re.compile(r"(?<![码碼:：ド号號])【[^】]{0,20}】")
# A 【482193】 mid-message after a code word is the code ("인증번호 【482193】"); one that opens
# or closes the message is the sender's short number ("【95588】").
BRACKETED_DIGITS = re.compile(r"【\d{4,8}】")
PROMO_SHAPE = re.compile(r"[A-Z]{3,}\d{2,4}")
TRAILING_GLUE = re.compile(r"[^\W\d_]+-$")

_ALL_LETTERS_STOP = frozenset(
    {
        "CODE",
        "KODE",
        "OTP",
        "SMS",
        "PIN",
        "TAN",
        "NEVER",
        "DONT",
        "STOP",
        "HTTP",
        "HTTPS",
        "WWW",
        "JANGAN",
        "KHONG",
        "BERIKAN",
        "VERIFY",
        "LOGIN",
        "TEAM",
        "BANK",
        "CARD",
        "HELP",
        "INFO",
    }
)


def _spaced_letter(ch: str) -> bool:
    # Latin, Greek, Cyrillic, Armenian, Hebrew, Georgian: scripts that put spaces between
    # words, so a letter touching a number makes it part of a word, unit or identifier.
    if not ch.isalpha():
        return False
    cp = ord(ch)
    return cp < 0x250 or 0x370 <= cp < 0x590 or 0x5D0 <= cp <= 0x5EA or 0x10A0 <= cp <= 0x10FF


def glued_to_word(t: str, start: int, end: int) -> bool:
    """True when the digits touch a letter of a space-separated script ("SF4264", "62506р")."""
    before = t[start - 1] if start > 0 else " "
    after = t[end] if end < len(t) else " "
    return _spaced_letter(before) or _spaced_letter(after)


# A Latin code word glued to the digits it introduces in a script without spaces:
# "ລະຫັດOTP826471ສຳລັບ", "您的OTP123456，", "验证码code482193".  In spaced text "OTP2024",
# "SPIN2000" are names, and a glued Latin letter ("barcode1234") makes the word another one.
_GLUED_KEYWORD = re.compile(r"(?:otp|pin|code|kod|tac)$", re.I)


def unspaced(ch: str) -> bool:
    """True for a letter of Thai, Lao, Myanmar, Khmer, kana, CJK or Hangul."""
    cp = ord(ch)
    return (
        0xE00 <= cp < 0xF00
        or 0x1000 <= cp < 0x10A0
        or 0x1780 <= cp < 0x1800
        or 0x3040 <= cp < 0xD7B0
        or 0xF900 <= cp < 0xFB00
    )


def keyword_glued(t: str, start: int, end: int) -> bool:
    """True when the digits follow a code word glued to them inside unspaced-script text."""
    m = _GLUED_KEYWORD.search(t, max(0, start - 4), start)
    if m is None or (end < len(t) and _spaced_letter(t[end])):
        return False
    if m.group().isupper() and m.group() in ("CODE", "KOD"):
        return False  # "CODE2024", "KOD50": product and promo names; acronyms stay (OTP, PIN)
    if m.start() and _spaced_letter(t[m.start() - 1]):
        return False
    # unspaced text right around it: "ລະຫັດOTP…", "ລະຫັດ OTP826471", "OTP123456ສຳລັບ"
    near = t[max(0, m.start() - 3) : m.start()] + t[end : end + 3]
    return any(unspaced(ch) for ch in near)


def glued_before(t: str, start: int) -> bool:
    """True when a letter of a space-separated script touches the number's start ("AT61…")."""
    return start > 0 and _spaced_letter(t[start - 1])


_TO_END = frozenset("aoluneAOLUNE\u0430\u0410")  # last letters of the "to" words of _TEXT_TO


def hard_context(t: str, start: int, end: int) -> bool:
    """True when a glued mark shows the number is a card mask, reference, phone or percent."""
    if start > 4 and t[start - 2] in _TO_END and _TEXT_TO.search(t, max(0, start - 20), start):
        return True  # "Text RESEND to 72727": a short number to text a command to
    before = t[start - 1] if start > 0 else " "
    after = t[end] if end < len(t) else " "
    if (before in HARD_BEFORE or after in HARD_AFTER) and not (
        before == "*" and emphasised(t, start, end)
    ):
        return True
    if before == "." and t.endswith("..", 0, start - 1):
        return True  # "DE89...3000", "Konto ...4821": the visible tail of a shortened number
    # "No. *1234", "карты ** 1234": a mask two characters away still marks a card.
    return start > 1 and t[start - 2] in "*•●" and before == " "


def amount_or_unit(low: str, start: int, end: int) -> bool:
    """True when a currency or a unit of time/volume sits right next to the number."""
    if (
        end < len(low)
        and AFTER.match(low, end, end + 16)
        and not _HASH_AFTER.match(low, end)
        and not _UNIT_LOOKALIKE.match(low, end)
    ):
        return True
    m = BEFORE.search(low, max(0, start - 10), start) if start else None
    if m is None or m.group("cur") is None:
        return m is not None  # no currency before it, or a date it continues
    return _AMOUNT_END.search(low, max(0, m.start() - 2), m.start()) is None


def is_date(parts: list[str]) -> bool:
    """Day-month-year or year-month-day written in two-digit groups: "12-05-25"."""
    a, b, c = (int(p) for p in parts)
    return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= b <= 12 and 1 <= c <= 31)


def is_year(value: str) -> bool:
    """Hijri year (1300-1499), Gregorian (1900-2099) or Buddhist-era year (2500-2599)."""
    return len(value) == 4 and (
        "1300" <= value <= "1499" or "1900" <= value <= "2099" or "2500" <= value <= "2599"
    )


def letters_only_ok(token: str) -> bool:
    """An all-letter code (Steam style) has at most one vowel and is not a common word."""
    vowels = sum(1 for c in token if c in "AEIOUY")
    return vowels <= 1 and token not in _ALL_LETTERS_STOP


def card_masks(text: str) -> list[tuple[int, int]]:
    """Spans of masked card and account numbers."""
    # grow each mask run to its whole number by hand: a regex over every digit run of the
    # message would cost more than the rare mask is worth
    out: list[tuple[int, int]] = []
    end = 0
    for core in _MASK_CORE.finditer(text):
        start = core.start()
        if start < end or (core.group() in ("xx", "XX") and start and text[start - 1].isalpha()):
            continue  # already covered, or a word such as "Exxon"
        while start > 0:
            if text[start - 1] in _MASK_CHARS:
                start -= 1
            elif text[start - 1] in " -" and start > 1 and text[start - 2] in _MASK_CHARS:
                start -= 2
            else:
                break
        run = _MASK_RUN.match(text, start)
        if run is not None and run.end() > end:
            # the visible tail after a mask ends the number: "xxx4821 3775" is a code after it
            tail = _MASK_TAIL.search(text, run.start(), run.end())
            end = tail.end() if tail else run.end()
            if _MASKED.search(run.group()) and not _EMPHASIS.fullmatch(run.group()):
                out.append((run.start(), end))
    return out


def emphasised(t: str, start: int, end: int) -> bool:
    """True when single asterisks set the number in bold: "Your code is *482193*"."""
    return (
        start > 0
        and end < len(t)
        and t[start - 1] == "*"
        and t[end] == "*"
        and t[start - 2 : start - 1] not in _MASK_EDGE
        and t[end + 1 : end + 2] not in _MASK_EDGE
    )


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Start/end offsets of every match."""
    return [m.span() for m in pattern.finditer(text)]


def inside(spans_: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) overlaps one of the spans."""
    return any(s < end and start < e for s, e in spans_)

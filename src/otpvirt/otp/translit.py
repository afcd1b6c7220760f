"""Code words and cues of the priority languages written in Latin letters.  Pure data.

Cheap SMS routes often carry only Latin letters, so senders transliterate: Persian
"Finglish" ("ramze yekbar masrafe shoma"), Tajik and Russian ("Ramzi tasdiq", "Kod
podtverzhdeniya"), Arabic "Arabizi" with digits for letters ("Ramz el ta7a2o2"), Dari and
Pashto ("kod-e tasdiq", "da tasdiq code").  Matched like keywords.py (folded text, start of
a word); TRANSLIT is as trusted as its STRONG table, the cue tables extend cues.py.  Serbian
and Latvian without diacritics need no entry: folding turns "šifra" into "sifra".
"""

from __future__ import annotations

__all__ = [
    "BOOKING",
    "EXPIRED",
    "NOT_OTP",
    "ORDER",
    "PHONE",
    "REFERENCE",
    "TRANSLIT",
    "TRANSLIT_WEAK",
]


def _pairs(heads: tuple[str, ...], tails: tuple[str, ...]) -> tuple[str, ...]:
    """Every "head tail" spelling: transliteration has no fixed orthography."""
    return tuple(f"{head} {tail}" for head in heads for tail in tails)


# Spellings of "code" / "password" heads ("ramz-e" is the Persian ezafe, "kodi" the Tajik one)
_CODE = ("code", "kod", "kode", "kod-e", "code-e", "kodi")
_RAMZ = ("ramz", "ramze", "ramz-e", "ramzi")
# "verification / confirmation", "one-time", "login", "activation", "dynamic", "temporary"
_FA_TG_TAILS = (
    "taeed", "tayid", "taiid", "tayeed", "taeid", "ta'id", "tasdiq", "tasdigh", "tasdik",
    "yekbar", "yek bar", "yakbar", "yakdaf", "vorood", "vorud", "vorod", "wurud", "wurood",
    "vurud", "vorid", "faalsazi", "faal sazi", "faolsoz", "pouya", "pooya", "puya", "dovom",
    "movaghat", "movaqat", "muvaqqat", "muvakkat", "amniati", "amniyat", "ehraz",
)  # fmt: skip
# Arabizi: digits stand for letters (2 hamza, 3 ain, 5 kha, 7 ha); "el"/"al" is the article
_AR_HEADS = ("ramz el", "ramz al", "ramz il", "rmz el", "rmz al", "kod el", "code el", "code al")
_AR_TAILS = (
    "ta7a2o2", "ta7a2", "ta7aqoq", "ta7aqquq", "tahaqoq", "tahaqquq", "tahakok", "ta2kid",
    "ta2keed", "takid", "taakid", "ta2keid", "taf3il", "tafe3il", "tafeel", "tafa3ol", "do5ol",
    "dokhol", "dukhul", "tawtheeq", "amaan", "aman",
)  # fmt: skip

# fmt: off
TRANSLIT: dict[str, tuple[str, ...]] = {
    "fa-tg": _pairs(_CODE, _FA_TG_TAILS) + _pairs(_RAMZ, _FA_TG_TAILS),
    "ru": ("kod podtver", "kod dlya vhoda", "kod dlya vkhoda", "kod dlia vhoda",
           "kod dlja vhoda", "kod vhoda", "kod vkhoda", "kod aktivac", "kod aktivats",
           "kod dostupa", "kod proverki", "kod avtoriz", "kod bezopasnosti", "kod verifik",
           "proverochn", "odnorazov", "parol dlya vhoda", "parol dlia vhoda",
           "vremennyi parol", "vremennyy parol", "vremennyj parol"),
    # "your code"; a bare "Ramzi" is a first name
    "owned": _pairs(_RAMZ + _CODE, ("shoma", "shuma", "shumo")),
    "ar": _pairs(_AR_HEADS, _AR_TAILS),
    # Pashto puts "da" ("of") first: "da tasdiq code"
    "ps": _pairs(("da tasdiq", "da tayid", "da taeed", "da nanawatalo", "da nanawato"),
                 ("code", "kod", "koda")),
}

# Bare "code" / "password" words: like the WEAK table in keywords.py.  The "ar" (Arabizi)
# words and TRANSLIT["ar"] mark a message whose letter-and-digit words are no codes (alnum.py).
TRANSLIT_WEAK: dict[str, tuple[str, ...]] = {
    "fa": ("ramze$", "ramz-e", "ramz-e obour", "ramze obour", "ramz obour", "ramze oboor",
           "ramz-e oboor", "ramze ubur", "kalame obour", "kalameye obour", "patnum", "patnom"),
    "ar": ("ramz$", "rmz$", "ramzak$", "ramzk$", "elramz$", "alramz$", "el-ramz$", "elkod$",
           "elcode$", "el-code$", "kalimat el sir", "kalimat al sir",
           "kelmet el ser", "kelmet el sir", "kelmet el sirr", "kalimat al murur",
           "kelmet el morour"),
}

# Context cues (see cues.py): a discount or tracking code, an expired code, an order,
# booking, account or number word, a call-us phrase.
NOT_OTP: dict[str, tuple[str, ...]] = {
    "all": ("code takhfif", "kode takhfif", "kod takhfif", "code rahgiri", "code peygiri",
            "kode peygiri", "code posti", "code meli", "kod zakaza", "trek-kod", "trek kod",
            "kod skidki", "kod el khasm", "code el khasm", "kod el 5asm", "code el 5asm"),
}
EXPIRED: dict[str, tuple[str, ...]] = {
    "all": ("monghazi shod", "monqazi shod", "montaghi shod", "nedeystvitelen",
            "nedeistvitelen", "ustarel", "beetibor shud", "beetibor ast",
            "entahat salahi", "intahat salahi", "5elset salahi"),
}
ORDER: dict[str, tuple[str, ...]] = {
    "all": ("zakaz", "sefaresh", "farmoish", "posylk"),
}
BOOKING: dict[str, tuple[str, ...]] = {
    "all": ("bron$", "broni$", "bronirovan", "7agz", "hagz$", "hajz$"),
}
REFERENCE: dict[str, tuple[str, ...]] = {
    "all": ("schet$", "scheta$", "schyot", "hesab$", "hisob", "7esab", "shomare", "raqam",
            "rakam$", "nomer$"),
}
PHONE: dict[str, tuple[str, ...]] = {
    "all": ("pozvonite", "zvonite", "tamas begir", "ettasel", "etasel", "zang zan"),
}
# fmt: on

"""Priority languages written in Latin letters: Finglish, Arabizi, Tajik and Russian translit."""

from __future__ import annotations

import pytest

from otpvirt.otp import candidates, extract_code, translit

# (language, message, expected); written for these tests in the style of bank, telecom and
# app SMS sent over routes that carry only Latin letters (and Tajik without its own letters).
# fmt: off
TRANSLIT_CASES: list[tuple[str, str, str | None]] = [
    # Persian "Finglish"
    ("fa-Latn", "ramze yekbar masrafe shoma 05335 ast", "05335"),
    ("fa-Latn", "code taeed: 1234", "1234"),
    ("fa-Latn", "kode vorood shoma 1234", "1234"),
    ("fa-Latn", "ramz-e obour shoma: 482193", "482193"),
    ("fa-Latn", "ramze pouya: 482193", "482193"),
    ("fa-Latn", "Ramze dovom pooya shoma 482193 mibashad", "482193"),
    ("fa-Latn", "Code-e taeed-e shoma: 4821. In code ra be kasi nadahid", "4821"),
    ("fa-Latn", "Code vorood shoma be Snapp: 48213", "48213"),
    ("fa-Latn", "Ramze pouya: 482193 mablagh: 250,000 rial", "482193"),
    ("fa-Latn", "Ramze shoma: 4821", "4821"),
    ("fa-Latn", "Mojodi hesab shoma 1,250,000 rial ast", None),
    ("fa-Latn", "Kode takhfif 4821 baraye kharid baadi", None),
    ("fa-Latn", "Sefaresh shoma ba shomare 482133 sabt shod", None),
    ("fa-Latn", "Code 4821 monghazi shode ast", None),
    # Tajik and Russian
    ("tg-Latn", "Ramzi tasdiq: 7887", "7887"),
    ("tg-Latn", "kodi tasdiq 4821", "4821"),
    ("tg-Latn", "ramzi yakdafina: 4821", "4821"),
    ("tg-Latn", "Ramzi tasdiqi shumo: 4821. Onro ba kase nadihed", "4821"),
    ("tg-Latn", "Ramzi shumo 4821 ast", "4821"),
    ("tg-Latn", "Ramzi muvaqqati: W7Y44X", "W7Y44X"),
    ("tg-Latn", "Ba hisobi shumo 50 somoni vorid shud. Baqiya 120 somoni", None),
    ("tg-Latn", "Ramzi tasdiq nodurust ast. Ba 4821 zang zaned", None),
    ("tg", "Рамзи тасдик: 4821", "4821"),
    ("tg", "Коди тасдики шумо 4821 аст", "4821"),
    ("tg", "Ба хисоби шумо 4821 сомони ворид шуд", None),
    ("ru-Latn", "Kod podtverzhdeniya: 1234", "1234"),
    ("ru-Latn", "vash kod 1234", "1234"),
    ("ru-Latn", "Vash kod podtverjdeniya: 4821. Nikomu ne soobshchaite ego", "4821"),
    ("ru-Latn", "Kod dlya vhoda v prilozhenie: 482193", "482193"),
    ("ru-Latn", "Odnorazovyi parol 4821 dlya oplaty 1500 rub", "4821"),
    ("ru-Latn", "Vash zakaz 482133 gotov k vydache", None),
    ("ru-Latn", "Na vash schet 4821 postupilo 500 rub", None),
    ("ru-Latn", "Kod 4821 nedeistvitelen. Zaprosite novyi", None),
    # Arabic "Arabizi": 2, 3, 5, 7 stand for letters inside words
    ("ar-Latn", "Ramz el ta7a2o2 mta3k: 1817", "1817"),
    ("ar-Latn", "RAMZ EL TA7A2O2 MTA3K: 1817", "1817"),
    ("ar-Latn", "kod el ta2kid: 4821", "4821"),
    ("ar-Latn", "ramz al tahaqquq 1234", "1234"),
    ("ar-Latn", "rmz 4821", "4821"),
    ("ar-Latn", "Kod el ta2kid: 482193 sale7 l mdet 5 da2aye2", "482193"),
    ("ar-Latn", "Ramz el ta7a2o2 el 2adim 4821 intahat salahiyto. Ramzak el gedid 5566", "5566"),
    ("ar-Latn", "Rased 7esabak 250 EGP", None),
    ("ar-Latn", "KOD EL TA2KID BTA3AK, MATED2OSH L7AD", None),
    ("ar-Latn", "RAMZ EL TA7A2O2 MTA3K 5ELSET SALAHIYTO", None),
    ("ar-Latn", "7agz raqam 482133 mo2akad", None),
    ("ar-Latn", "Shukran 3ala el 2e5tiyar. Rased 4821", None),
    # Dari and Pashto
    ("prs-Latn", "kod tasdiq shuma 4821 ast", "4821"),
    ("prs-Latn", "kod-e shuma: 4821", "4821"),
    ("prs-Latn", "Roshan: kod tasdiq: 482193", "482193"),
    ("prs-Latn", "Bilance shuma 125 AFN ast", None),
    ("ps-Latn", "stasu code 4821 dai", "4821"),
    ("ps-Latn", "Stasu da tasdiq code 4821 dai", "4821"),
    ("ps-Latn", "Stasu balance 120 AFN dai", None),
    # Serbian and Latvian without diacritics
    ("sr-Latn", "vas kod je 1234", "1234"),
    ("sr-Latn", "sifra 1234", "1234"),
    ("sr-Latn", "Sifra za placanje: 4821", "4821"),
    ("sr-Latn", "Vasa jednokratna lozinka: 482193", "482193"),
    ("sr-Latn", "Kod 4821 vise nije vazeci", None),
    ("sr-Latn", "Vas racun 4821 je zaduzen za 1.500 RSD", None),
    ("lv", "kods 1234", "1234"),
    ("lv", "verifikacijas kods: 482193", "482193"),
    ("lv", "Jusu vienreizejais kods ir 482193", "482193"),
    ("lv", "Kods 4821 vairs nav derigs", None),
    ("lv", "Jusu konta atlikums 4821 EUR", None),
    # a first name is no code word
    ("en", "Ramzi, your balance is 120 TJS. Top up at 4455", None),
    ("en", "Hi Ramzi, your order 48213 has shipped", None),
    ("ur-Latn", "Ramzan offer: 10 GB for 4821 PKR", None),
]
# fmt: on


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    TRANSLIT_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(TRANSLIT_CASES)],
)
def test_translit(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ramz el ta7a2o2 mta3k: 1817",
        "RAMZ EL TA7A2O2 MTA3K: 1817",
        "Kod el ta2kid bta3ak 1817, ma t3tihoosh l 7ad 5ales",
        "ELRAMZ BTA3AK 1817 W SALE7 5 DA2AYE2",
        "RAMZ EL TA7A2O2 BTA3AK HOWA 1817",
        "RAMZ EL TA7A2O2 MTA3K: 1817 SALE7 L MODET 5 DA2AYE2",
    ],
)
def test_arabizi_letter_digits_are_never_codes(text: str) -> None:
    # "ta7a2o2", "mta3k": a digit glued to letters is a letter, never a code or part of one
    assert [c.value for c, confidence in candidates(text) if confidence > 0] == ["1817"]


_PHRASES = sorted({p.rstrip("$") for ps in translit.TRANSLIT_WEAK.values() for p in ps})


@pytest.mark.parametrize("phrase", _PHRASES)
def test_every_plain_translit_word_introduces_a_code(phrase: str) -> None:
    assert extract_code(f"{phrase}: 482193") == "482193"
    assert extract_code(f"{phrase} 12.06.2025 14:32") is None

"""Swahili, Malay, Bengali, Urdu, Hausa and Amharic basics; Tajik, Dari and Pashto gaps."""

from __future__ import annotations

import pytest

from otpvirt.otp import extract_code

# (language, message, expected); written for these tests in the style of telecom, bank and
# app SMS: "code", "verification code" and "one-time password" in each language, then
# balances and account numbers that are no codes.
# fmt: off
LANGUAGE_CASES: list[tuple[str, str, str | None]] = [
    ("sw", "Nambari yako ya uthibitisho ni 4410", "4410"),
    ("sw", "nambari ya siri: 4410", "4410"),
    ("sw", "Msimbo wako ni 4410", "4410"),
    ("sw", "Msimbo wako wa uthibitisho ni 4410. Usimpe mtu yeyote.", "4410"),
    ("sw", "Nenosiri lako la mara moja ni 4410", "4410"),
    ("sw", "Umepokea Ksh1,000.00 kutoka 0712345678. Salio lako ni Ksh5,000", None),
    ("sw", "Nambari yako ya akaunti ni 48213377", None),
    ("ms", "Kod pengesahan anda ialah 4410", "4410"),
    ("ms", "TAC anda: 441023", "441023"),
    ("ms", "RM0 Kod pengesahan anda ialah 441023. Jangan kongsi.", "441023"),
    ("ms", "TAC untuk pemindahan RM150.00 ke akaun 1234567890: 441023", "441023"),
    ("ms", "Kata laluan sekali guna anda: 441023", "441023"),
    ("ms", "Baki akaun anda RM4821", None),
    ("bn", "আপনার যাচাইকরণ কোড হলো ৪৪১০। কাউকে বলবেন না।", "4410"),
    ("bn", "আপনার ওটিপি: 441023", "441023"),
    ("bn", "আপনার ওয়ান টাইম পাসওয়ার্ড 441023", "441023"),
    ("bn", "আপনার ব্যালেন্স ৫০০ টাকা।", None),
    ("bn", "আপনার অ্যাকাউন্ট নম্বর 48213377", None),
    ("ur", "آپ کا تصدیقی کوڈ 4410 ہے۔ کسی کو نہ بتائیں", "4410"),
    ("ur", "آپ کا او ٹی پی 441023 ہے", "441023"),
    ("ur", "آپ کا ون ٹائم پاس ورڈ: 441023", "441023"),
    ("ur", "آپ کا بیلنس 500 روپے ہے۔", None),
    ("ur", "آپ کا اکاؤنٹ نمبر 48213377 ہے", None),
    ("ha", "Lambar tabbatarwarka ita ce 4410", "4410"),
    ("ha", "Lambar sirri: 4410", "4410"),
    ("ha", "Kalmar sirri ta lokaci daya: 441023", "441023"),
    ("ha", "Lambar asusunka ita ce 48213377", None),
    ("am", "የማረጋገጫ ኮድዎ 4410 ነው።", "4410"),
    ("am", "የአንድ ጊዜ የይለፍ ቃል: 441023", "441023"),
    ("am", "ኮድ: 4410", "4410"),
    ("am", "የሂሳብ ቁጥርዎ 48213377 ነው።", None),
    # Tajik: temporary codes, letter codes, and text without the Tajik letters
    ("tg", "Рамзи муваққатӣ: W7Y44X", "W7Y44X"),
    ("tg", "Рамзи муваққатии шумо барои ворид шудан: W7Y44X", "W7Y44X"),
    ("tg", "Рамзи муваккатии шумо: W7Y44X", "W7Y44X"),
    ("tg", "Коди дастрасӣ: 4821", "4821"),
    ("tg", "Рамзи тасдиқи шумо 4821 мебошад", "4821"),
    ("tg", "Бакияи хисоб: 4821 сомони", None),
    ("tg", "Барои маълумот ба 4821 занг занед", None),
    # Dari and Pashto
    ("prs", "کود تأیید شما: ۴۸۲۱", "4821"),
    ("prs", "AWCC: کود تصدیق شما ۴۸۲۱ میباشد", "4821"),
    ("prs", "کود یک بار مصرف شما ۴۸۲۱۹۳ است", "482193"),
    ("prs", "بیلانس حساب شما ۴۸۲۱ افغانی است", None),
    ("ps", "ستاسو یو ځلی کوډ: ۴۸۲۱", "4821"),
    ("ps", "د فعالولو کوډ: ۴۸۲۱", "4821"),
    ("ps", "ستاسو د تایید کوډ ۴۸۲۱ دی. دا کوډ له چا سره مه شریکوئ", "4821"),
    ("ps", "ستاسو د حساب شمېره ۴۸۲۱۳۳۷۷ ده", None),
    # Serbian and Latvian: a "placa"/"plate" prefix is no number plate
    ("sr-Latn", "Šifra za plaćanje: 4821", "4821"),
    ("ru-Latn", "Kod dlya platezha: 4821", "4821"),
]
# fmt: on


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    LANGUAGE_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(LANGUAGE_CASES)],
)
def test_language(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected

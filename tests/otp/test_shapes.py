"""How a code is written: split in groups, glued to a case ending, next to names and IBANs."""

from __future__ import annotations

import pytest

from otpvirt.otp import extract_code

# rule -> (message, expected); written for these tests, in many languages.
# fmt: off
SHAPE_CASES: dict[str, list[tuple[str, str | None]]] = {
    # groups of 2+2+2 (even when they look like a date), 3+3, 4+4, 2+2+2+2 after a code word
    "split": [
        ("Ваш код: 86 04 11", "860411"),
        ("Your code: 86-04-11", "860411"),
        ("Код для входа: 86 04 11. Никому не сообщайте.", "860411"),
        ("Kodunuz: 12-05-25", "120525"),
        ("Your code is 29 05 24", "290524"),
        ("Код подтверждения: 482 193", "482193"),
        ("Код подтверждения: 482-193. Сумма 1 250 ₽", "482193"),
        ("Verification code: 4821 9375", "48219375"),
        ("Seu código: 4821 9375", "48219375"),
        ("Your code: 48 21 93 75", "48219375"),
        ("認証コード：48 21 93 75", "48219375"),
        ("Platba 1 250 Kč. Kód: 48 21 93", "482193"),
        ("OTP-482193", "482193"),
        ("Код подтверждения-4821", "4821"),
        ("Code: 24-05-2024", None),
        ("Ваш визит 29.05 в 14:30", None),
        ("Visit 12-05-25 confirmed. Code sent separately.", None),
        ("Call 90 12 34 56 for support", None),
        ("Your code 482193. Sort code 20-00-00, account 12345678", "482193"),
        ("Итого: 12 500 руб. Код: 4821", "4821"),
        ("Vergessen Sie nicht: Fragen? 069 12345678", None),
        ("Visa MIR-6481 списание 1 250 ₽", None),
    ],
    # Tajik/Uzbek/Kazakh/Turkish/Azerbaijani case endings after a hyphen or an apostrophe
    "suffix": [
        ("Рамзи 2719-ро ворид кунед", "2719"),
        ("Tasdiqlash kodi 2719-ni hech kimga bermang", "2719"),
        ("Doğrulama kodunuz 910372'dir.", "910372"),
        ("Onay kodunuz 910372’dir.", "910372"),
        ("Растау коды 4821-кодын ешкімге айтпаңыз", "4821"),
        ("Код 4821-ді ешкімге айтпаңыз", "4821"),
        ("Təsdiq kodunuz 4821-dir", "4821"),
        ("Ваш код 4821-й. Не сообщайте никому.", "4821"),
        ("4821'i kimseyle paylaşmayın. Doğrulama kodunuzdur.", "4821"),
    ],
    # the code wins over numbers inside tariff and bundle names
    "product_name": [
        ("«Мегабайт 3000» подключен. Код подтверждения: 4821", "4821"),
        ("Барои пайваст кардани «Мегабайт 3000» рамзи 2719-ро ворид кунед.", "2719"),
        ("Internet 5000 MB paket. Tasdiqlash kodi: 4821", "4821"),
        ("Plan 300 activation. Your code: 4821", "4821"),
        ("Turkcell: Paket 5000 DK için onay kodunuz 910372'dir.", "910372"),
        ("Kcell: Мегабайт 3000 қосу үшін 4821-кодын енгізіңіз", "4821"),
        ("Verification code 4821 for your Plan 3000 upgrade", "4821"),
        ("Код подключения: Мегабайт 3000", None),
        ("Интернет 5000 код тасдиқ нашуд", None),
        ("Tcell: Бастаи «Интернет 5000» фаъол шуд. Бақия: 4 200 МБ.", None),
        ("MTS: Тариф «Мегабайт 3000» подключен. Абонплата 550 руб.", None),
    ],
    # a long IBAN or account number between the keyword and the code is one word
    "iban": [
        ("Ihre TAN für die Überweisung von 150,00 EUR an DE89370400440532013000 lautet: 209368",
         "209368"),
        ("Ihre TAN für die Überweisung an M. Muster (IBAN DE89370400440532013000) über "
         "1.250,00 EUR lautet: 209368", "209368"),
        ("Sparkasse: Die TAN für Ihre Überweisung über 1.250,00 EUR an M. Muster, IBAN "
         "DE89 3704 0044 0532 0130 00, lautet 209368", "209368"),
        ("Kod SMS do autoryzacji przelewu na rachunek PL61109010140000071219812874 "
         "odbiorca Jan Kowalski kwota 150,00 PLN: 48219375", "48219375"),
        ("Код подтверждения перевода 15 000,00 ₽ на счёт 40817810099910004312 получателя "
         "Иванов Иван Иванович в ПАО Сбербанк: 482193", "482193"),
        ("Swedbank: Apstiprināšanas kods 482193 maksājumam uz LV80BANK0000435195001", "482193"),
        ("IBAN AT611904300234573201 4821 is your TAN", "4821"),
        ("کد تایید انتقال به شبا IR120120000000001234567890 : ۴۸۲۱۹۳", "482193"),
        ("Konto DE89370400440532013000 belastet mit 1.250,00 EUR am 12.06.2025", None),
        ("Swedbank: Pārskaitījums 150,00 EUR no LV12HABA0551234567890 saņemts.", None),
    ],
}
# fmt: on


@pytest.mark.parametrize(
    ("text", "expected"),
    [case for cases in SHAPE_CASES.values() for case in cases],
    ids=[f"{rule}-{i}" for rule, cases in SHAPE_CASES.items() for i in range(len(cases))],
)
def test_shape(text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


def test_every_shape_rule_has_positive_and_negative() -> None:
    for rule, cases in SHAPE_CASES.items():
        if rule == "suffix":
            continue  # about reading codes; their negatives live in the other rules
        assert {expected is None for _, expected in cases} == {True, False}, rule

"""A code word's clause may name a tariff, bundle or card before the code it introduces."""

from __future__ import annotations

import pytest

from otpvirt.otp import cues, extract_code

# (language, message, expected); written for these tests in the style of telecom and bank
# SMS.  The tariff or card word ends the code word's clause; a connector (":", "—", "is")
# or an owner ("your", "شما") then introduces the code.
# fmt: off
CLAUSE_CASES: list[tuple[str, str, str | None]] = [
    ("ru", "Код подтверждения смены тарифа — 5043", "5043"),
    ("ru", "Код для подключения пакета Интернет — 5043", "5043"),
    ("ru", "Код для входа в Интернет-банк — 482193", "482193"),
    ("ru", "Код для привязки карты: 4821", "4821"),
    ("tg", "Рамзи тасдиқ барои пайваст кардани бастаи интернетӣ: 5043", "5043"),
    ("tg", "Коди тасдиқ барои пайваст кардани корт: 4821", "4821"),
    ("fa", "کد فعالسازی بسته اینترنت شما ۴۸۲۱ می‌باشد", "4821"),
    ("fa", "کد تایید افزودن کارت: ۴۸۲۱", "4821"),
    ("ar", "رمز التحقق لتغيير الباقة: 5043", "5043"),
    ("ar", "رمز التحقق لإضافة البطاقة: 4821", "4821"),
    ("lv", "Kods pieslēgšanai internetbankā ir 421047", "421047"),
    ("lv", "Kods kartes piesaistei: 4821", "4821"),
    ("sr-Latn", "Kod za dodavanje kartice: 4821", "4821"),
    ("sr-Cyrl", "Код за додавање картице: 4821", "4821"),
    ("lo", "ລະຫັດຢືນຢັນການຜູກບັດ: 4821", "4821"),
    ("zh", "绑定银行卡验证码：4821", "4821"),
    ("en", "Your code to change your plan is 4821", "4821"),
    ("en", "Your code to add your card is 4821", "4821"),
    ("en", "Your internet banking code: 482193", "482193"),
    # tariff names and a card's last digits stay non-codes
    ("ru", "Ваш тариф «Smart 4821» подключён.", None),
    ("ru", "Ваш пакет Мегабайт 3000 активирован", None),
    ("ru", "Карта: 4821. Списание 500 руб.", None),
    ("ru", "Код подтверждения отправлен. Карта: 4821", None),
    ("ru", "Код для привязки карты *4821 отправлен", None),
    ("fa", "کد تایید برای کارت ۴۸۲۱ ارسال شد", None),
    ("en", "Internet 5000 plan activated. Call 611 for help", None),
    ("en", "Code sent for card ending: 4821", None),
    ("en", "Code sent for card: 4821", None),
    ("en", "Verification code for card: 4821 was sent", None),
    ("zh", "验证码已发送，尾号：4821", None),
]
# fmt: on


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    CLAUSE_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(CLAUSE_CASES)],
)
def test_clause(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


@pytest.mark.parametrize("word", [w.rstrip("$") for w in cues.CARD["ending"]])
def test_every_ending_word_marks_last_digits(word: str) -> None:
    # "ending in" always announces a card's last digits, even inside a code word's clause
    assert extract_code(f"Code for card {word}: 4821") is None
    assert extract_code(f"Code for card {word} 4402: 4821") == "4821"

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


# An account, order or booking word inside a strong keyword's clause names what the code is
# for; the code follows a connector, precedes a verb-final copula, or follows further words.
# With no strong keyword, or right after the word, the number stays a reference (PNR, order).
# fmt: off
OWNED_CASES: list[tuple[str, str, str | None]] = [
    ("tg", "Коди фаъолсозии ҳисоби шахсӣ: 5980", "5980"),
    ("tg", "Рамзи тасдиқ барои ворид шудан ба ҳисоби шумо 482193 аст", "482193"),
    ("tg", "Рамзи тасдиқи фармоиш: 4821", "4821"),
    ("ru", "Код подтверждения заказа: 4821", "4821"),
    ("ru", "Код подтверждения бронирования: 4821", "4821"),
    ("ru", "Код активации лицевого счета: 5980", "5980"),
    ("ru", "Код подтверждения заказа: 4821. Номер заказа 77120033", "4821"),
    ("ar", "رمز تأكيد حجز موعد التطعيم 44487", "44487"),
    ("ar", "رمز التأكيد الخاص بحجز موعدك: 44487", "44487"),
    ("ar", "رمز تفعيل الحساب الشخصي: 5980", "5980"),
    ("fa", "کد تایید رزرو نوبت واکسن ۴۴۴۸۷", "44487"),
    ("fa", "کد فعالسازی حساب شخصی: ۵۹۸۰", "5980"),
    ("fa", "کد تایید سفارش شما ۴۸۲۱ است", "4821"),
    ("prs", "کود فعال‌سازی حساب شما ۵۹۸۰ است", "5980"),
    ("ps", "ستاسو د حساب د فعالولو کوډ ۵۹۸۰ دی", "5980"),
    ("lv", "Pasūtījuma apstiprināšanas kods: 4821", "4821"),
    ("lv", "Verifikācijas kods rezervācijai: 4821", "4821"),
    ("sr-Latn", "Verifikacioni kod za rezervaciju termina: 4821", "4821"),
    ("sr-Latn", "Kod za potvrdu porudžbine: 4821", "4821"),
    ("lo", "ລະຫັດຢືນຢັນການຈອງຄິວ: 44487", "44487"),
    ("zh", "预约挂号验证码：44487", "44487"),
    ("en", "Confirmation code for your reservation: 4821", "4821"),
    ("en", "Your verification code for booking appointment is 44487", "44487"),
    # references, order numbers and PNRs without a strong keyword introducing them
    ("en", "Your booking reference is 482193", None),
    ("en", "Your order number is 48213377", None),
    ("en", "Verification code for order 48213377", None),
    ("en", "OTP sent for transaction ref: 48213377", None),
    ("en", "Verification code requested for account 12345678", None),
    ("ru", "Ваша бронь 482193 подтверждена", None),
    ("ru", "Номер вашего лицевого счета 59801234", None),
    ("ru", "Код для отслеживания заказа 48213377", None),
    ("ar", "رقم الحجز الخاص بك 44487", None),
    ("ar", "تم تأكيد حجزك رقم 44487", None),
    ("fa", "کد رزرو شما ۴۴۴۸۷", None),
    ("fa", "شماره سفارش شما ۴۸۲۱۳۳ است", None),
    ("tg", "Рақами фармоиши шумо 482133", None),
    ("lv", "Jūsu pasūtījums Nr. 48213 ir nosūtīts", None),
    ("sr-Latn", "Vaša porudžbina 48213 je poslata", None),
    ("zh", "您的订单号：48213377", None),
    # a number word between the order or account word and the number names it
    ("ar", "رمز التحقق لحجز رقم 44487", None),
    ("ar", "رمز التأكيد لطلبك رقم 482133", None),
    ("ar", "رمز التحقق لحسابك رقم 12345678", None),
    ("en", "Confirmation code for booking number 482133", None),
    ("ru", "Код подтверждения для заказа номер 48213377", None),
    ("ru", "Код подтверждения для лицевого счета 40817810", None),
    ("fa", "کد تایید سفارش شماره ۴۸۲۱۳۳", None),
]
# fmt: on


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    OWNED_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(OWNED_CASES)],
)
def test_owned_clause(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected

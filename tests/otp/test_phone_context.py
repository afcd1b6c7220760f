"""A code that verifies a phone number is a code; a number to call or write to is not."""

from __future__ import annotations

import pytest

from otpvirt.otp import cues, extract_code

# (language, message, expected); written for these tests in the wording of phone-number
# verification SMS.  "Phone" / "phone number" sits between the code word and the code.
# fmt: off
PHONE_CASES: list[tuple[str, str, str | None]] = [
    ("ar", "كود التحقق من رقم الهاتف 1234", "1234"),
    ("ar", "رمز التحقق من رقم الهاتف 1234", "1234"),
    ("ar", "رمز التحقق من رقم هاتفك: 1234", "1234"),
    ("ar", "رمز التحقق من رقم الجوال: 1234", "1234"),
    ("ar", "رمز تأكيد رقم الهاتف هو 1234", "1234"),
    ("ar", "كود تفعيل رقم الهاتف: ١٢٣٤", "1234"),
    ("ar", "رمز التحقق لرقم الجوال 0501234567 هو 1234", "1234"),
    ("sr-Cyrl", "Код за верификацију телефона 1234", "1234"),
    ("sr-Cyrl", "Код за потврду броја телефона: 1234", "1234"),
    ("sr-Cyrl", "Ваш код за верификацију броја телефона је 4821", "4821"),
    ("sr-Latn", "Kod za verifikaciju telefona 1234", "1234"),
    ("sr-Latn", "Kod za verifikaciju broja telefona: 1234", "1234"),
    ("sr-Latn", "Kod za potvrdu broja telefona: 1234", "1234"),
    ("lo", "ລະຫັດຢືນຢັນເບີໂທຂອງທ່ານ:1234", "1234"),
    ("lo", "ລະຫັດຢືນຢັນເບີໂທລະສັບຂອງທ່ານແມ່ນ 1234", "1234"),
    ("lo", "ລະຫັດ OTP ສຳລັບຢືນຢັນເບີໂທຂອງທ່ານແມ່ນ 1234", "1234"),
    ("ru", "Код подтверждения номера телефона: 1234", "1234"),
    ("ru", "Код для подтверждения номера телефона: 1234", "1234"),
    ("ru", "Ваш код для подтверждения телефона: 1234", "1234"),
    ("ru", "Код подтверждения телефона 1234", "1234"),
    ("ru", "Код верификации телефона: 1234", "1234"),
    ("ru", "Для подтверждения номера телефона введите код 123456", "123456"),
    ("ru", "Код для подтверждения номера телефона +7 912 ***-**-89: 4821", "4821"),
    ("uk", "Код підтвердження номера телефону: 1234", "1234"),
    ("tg", "Коди тасдиқи рақами телефон: 1234", "1234"),
    ("tg", "Рамзи тасдиқи рақами телефони шумо: 1234", "1234"),
    ("tg", "Коди тасдиқи рақами мобилӣ: 1234", "1234"),
    ("fa", "کد تایید شماره تلفن: ۱۲۳۴", "1234"),
    ("fa", "کد تایید شماره موبایل شما: ۱۲۳۴", "1234"),
    ("fa", "کد تایید شماره تلفن شما: ۱۲۳۴ را برای کسی ارسال نکنید", "1234"),
    ("prs", "کود تایید شماره تلیفون: ۱۲۳۴", "1234"),
    ("ps", "د تلیفون شمیرې د تایید کوډ: ۱۲۳۴", "1234"),
    ("ps", "ستاسو د ټیلیفون د تایید کوډ: ۱۲۳۴", "1234"),
    ("lv", "Jūsu tālruņa numura verifikācijas kods ir 1234", "1234"),
    ("lv", "Verifikācijas kods tālruņa numuram: 1234", "1234"),
    ("tr", "Telefon doğrulama kodunuz: 1234", "1234"),
    ("tr", "Telefon numaranızı doğrulamak için kodunuz: 123456", "123456"),
    ("uz", "Telefon raqamini tasdiqlash kodi: 123456", "123456"),
    ("az", "Telefon nömrəsinin təsdiq kodu: 1234", "1234"),
    ("kk", "Телефон нөмірін растау коды: 1234", "1234"),
    ("en", "Your phone verification code is 1234", "1234"),
    ("en", "Code to verify your phone number: 1234", "1234"),
    ("en", "Verification code for phone number: 1234", "1234"),
    ("en", "Use 1234 to verify your phone number", "1234"),
    ("en", "Verification code for mobile number +992 93 123 45 67: 1234", "1234"),
    ("zh", "手机验证码：1234", "1234"),
    ("zh", "验证手机号码的验证码：1234", "1234"),
    ("zh-Hant", "手機驗證碼：1234", "1234"),
    ("es", "Código de verificación del teléfono: 1234", "1234"),
    ("pt", "Código de verificação do telefone: 1234", "1234"),
    ("fr", "Code de vérification du téléphone : 1234", "1234"),
    ("vi", "Mã xác minh số điện thoại của bạn là 1234", "1234"),
    ("id", "Kode verifikasi nomor telepon Anda: 1234", "1234"),
    # a longer clause naming the app, closed by a connector: "Mobile" is part of its name
    ("pl", "Kod weryfikacyjny do aplikacji InPost Mobile: 4127. Nie udostępniaj go nikomu.",
     "4127"),
    ("cs", "Ověřovací kód pro aplikaci Moje Mobile: 4127.", "4127"),
    ("sk", "Overovací kód pre aplikáciu Moja Mobile: 4127", "4127"),
    ("ru", "Код подтверждения для приложения Билайн Mobile: 4127", "4127"),
    ("en", "Your verification code for the app InPost Mobile is 4127", "4127"),
    # real phone numbers, help lines and "sent to" stay non-codes
    ("ru", "Позвоните по номеру 1100", None),
    ("ru", "Позвоните для подтверждения 1100", None),
    ("ru", "Код подтверждения отправлен на номер телефона 0791234567", None),
    ("ru", "Код подтверждения придёт на номер телефона 5551234", None),
    ("ru", "Код подтверждения телефона будет отправлен. Вопросы: 1100", None),
    ("ru", "Номер телефона 4455 привязан к аккаунту.", None),
    ("ru", "Для подтверждения телефона позвоните 1100", None),
    ("ru", "Ваш номер телефона +992 93 123 45 67 подтверждён.", None),
    ("tg", "Барои тасдиқи фармоиш ба рақами 1100 занг занед", None),
    ("fa", "کد تایید به شماره تلفن ۵۵۵۱۲۳۴ ارسال شد", None),
    ("fa", "کد تایید به شماره ۰۹۱۲۱۲۳۴۵۶۷ ارسال شد", None),
    ("ar", "رقم الهاتف 12345 تم التحقق منه", None),
    ("ar", "رمز التحقق أرسل إلى هاتفك 0501234567", None),
    ("ar", "لتفعيل الخدمة اتصل على 1100", None),
    ("sr-Latn", "Verifikacioni kod je poslat na broj telefona 0641234567", None),
    ("sr-Latn", "Za prijavu kvara pozovite 1100", None),
    ("lo", "ລະຫັດຢືນຢັນໄດ້ສົ່ງໄປເບີໂທ 2055123344", None),
    ("lo", "ເພື່ອຢືນຢັນບັນຊີ ໂທຫາ 1500", None),
    ("zh", "验证您的账户请致电95588", None),
    ("tr", "Telefon numaranızı doğrulamak için 4455 numarasına SMS gönderin", None),
    ("id", "Untuk verifikasi akun, hubungi 1500888", None),
    ("vi", "Để xác minh tài khoản, vui lòng gọi 1900 1234", None),
    ("en", "Phone verification code sent to 0791234567", None),
    ("en", "Code sent to phone 5551234", None),
    ("en", "Verification code sent to your phone ending 1234", None),
    ("en", "Your phone number 5551234 has been verified.", None),
    ("en", "Call 1100 for help with your verification code", None),
    ("en", "Your verification is complete. Support: 1100", None),
    ("pl", "Kod weryfikacyjny otrzymasz od konsultanta, telefon: 801234", None),
    ("pl", "Kod weryfikacyjny wysłany na telefon w aplikacji: 4127", None),
    ("pl", "Kod weryfikacyjny, w razie pytań dzwoń na telefon: 801234", None),
]
# fmt: on


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    PHONE_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(PHONE_CASES)],
)
def test_phone_context(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


def test_phone_cases_cover_many_languages() -> None:
    positives = {lang.split("-")[0] for lang, _, expected in PHONE_CASES if expected}
    negatives = {lang.split("-")[0] for lang, _, expected in PHONE_CASES if expected is None}
    assert len(positives) >= 20
    assert len(negatives) >= 10


@pytest.mark.parametrize("noun", [p.rstrip("$") for p in cues.PHONE_NOUN["all"]])
def test_every_phone_noun(noun: str) -> None:
    # governed by a code word it names what is verified; alone or "sent to" it is a phone
    assert extract_code(f"OTP {noun}: 482193") == "482193"
    assert extract_code(f"{noun}: 482193") is None
    assert extract_code(f"OTP. {noun}: 482193") is None
    assert extract_code(f"OTP sent to {noun} 482193") is None
    assert extract_code(f"call {noun} 482193") is None
    assert extract_code(f"OTP {noun} 0791234567") is None


@pytest.mark.parametrize("cue", [p.rstrip("$") for p in cues.PHONE["all"]])
def test_every_call_cue_still_rejects(cue: str) -> None:
    assert extract_code(f"OTP {cue} 4821") is None
    assert extract_code(f"Код подтверждения {cue} 4821") is None

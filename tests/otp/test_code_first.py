"""The code before its keyword (case-marked languages) and codes named only by a verb."""

from __future__ import annotations

import pytest

from otpvirt.otp import extract_code
from otpvirt.otp import keywords as kw

# (language, message, expected); written for these tests.
# fmt: off
CODE_FIRST: list[tuple[str, str, str | None]] = [
    # agglutinative / case-marked: the code carries or precedes the keyword's case ending
    ("tr", "kuryeye 9791 kodunu söyle", "9791"),
    ("tr", "Getir: Siparişin yolda! Kuryeye 9791 kodunu söyle.", "9791"),
    ("tr", "Giriş için 1234 kodunu kullanın.", "1234"),
    ("tr", "Doğrulama kodunuz 123456'dır. Kimseyle paylaşmayın.", "123456"),
    ("az", "Hesabınıza daxil olmaq üçün 1234 kodunu daxil edin.", "1234"),
    ("az", "1234 kodunu heç kimə deməyin", "1234"),
    ("uz", "Ro'yxatdan o'tish uchun 1234 kodini kiriting. Hech kimga bermang.", "1234"),
    ("uz", "Tasdiqlash uchun 1234 kodini kiriting", "1234"),
    ("kk", "Тіркелу үшін 1234 кодын енгізіңіз.", "1234"),
    ("ky", "1234 кодун киргизиңиз", "1234"),
    ("tg", "Барои тасдиқ рамзи 1234-ро ворид кунед.", "1234"),
    ("tg", "Барои ворид шудан 1234-ро ворид кунед", "1234"),
    ("tg", "4821 - рамзи тасдиқи шумо", "4821"),
    ("fa", "۴۸۲۱ کد تایید شما در اسنپ است", "4821"),
    ("lo", "482193 ແມ່ນລະຫັດຢືນຢັນຂອງທ່ານ", "482193"),
    ("zh", "482193是您的验证码", "482193"),
    ("ar", "4821 هو رمز التحقق الخاص بك", "4821"),
    ("lv", "482193 ir jūsu verifikācijas kods", "482193"),
    # a verb alone names the code: "use X to verify", often with a split code
    ("en", "Use 470 291 to verify your Instagram account", "470291"),
    ("sr-Latn", "Koristi 470 291 da potvrdiš svoj Instagram nalog", "470291"),
    ("sr-Latn", "Koristite 482193 za potvrdu naloga", "482193"),
    ("sr-Cyrl", "Користи 470 291 да потврдиш свој Instagram налог", "470291"),
    ("ru", "Используйте 470 291 для подтверждения аккаунта Instagram", "470291"),
    ("ru", "Используйте 482193 для подтверждения аккаунта", "482193"),
    ("uk", "Використайте 470 291 для підтвердження облікового запису Instagram", "470291"),
    ("es", "Usa 470 291 para verificar tu cuenta de Instagram", "470291"),
    ("pt", "Use 470 291 para verificar sua conta do Instagram", "470291"),
    ("tr", "Instagram hesabını doğrulamak için 470 291 kullan", "470291"),
    ("id", "Gunakan 470 291 untuk memverifikasi akun Instagram Anda", "470291"),
    ("vi", "Sử dụng 470 291 để xác minh tài khoản Instagram của bạn", "470291"),
    ("fr", "Utilisez 470 291 pour vérifier votre compte Instagram", "470291"),
    ("de", "Verwende 470 291, um dein Instagram-Konto zu bestätigen", "470291"),
    ("it", "Usa 470 291 per verificare il tuo account Instagram", "470291"),
    ("pl", "Użyj 470 291, aby zweryfikować swoje konto na Instagramie", "470291"),
    ("nl", "Gebruik 470 291 om je Instagram-account te verifiëren", "470291"),
    ("lv", "Izmanto 470 291, lai apstiprinātu savu Instagram kontu", "470291"),
    ("fa", "از 470 291 برای تأیید حساب Instagram خود استفاده کنید", "470291"),
    ("ar", "استخدم 470 291 للتحقق من حسابك على Instagram", "470291"),
    ("ar", "أدخل 482193 لتأكيد حسابك", "482193"),
    ("tg", "Барои тасдиқи ҳисоби Instagram 470 291-ро истифода баред", "470291"),
    ("zh", "使用 470 291 验证你的 Instagram 帐户", "470291"),
    ("lo", "ໃຊ້ 470 291 ເພື່ອຢືນຢັນບັນຊີ Instagram ຂອງທ່ານ", "470291"),
    ("th", "ใช้ 470 291 เพื่อยืนยันบัญชี Instagram ของคุณ", "470291"),
    # a verify verb next to other numbers: orders, bookings, balances, help lines
    ("en", "Use 470 291 points to get a discount on your Instagram account", None),
    ("en", "Instagram: 470 291 people viewed your profile", None),
    ("ru", "Для подтверждения заказа 48213377 ответьте ДА", None),
    ("ru", "Для подтверждения брони №4821 перейдите по ссылке", None),
    ("ru", "Для входа в личный кабинет используйте номер телефона 9001234567", None),
    ("es", "Para confirmar tu asistencia llama al 5551234", None),
    ("es", "Para verificar tu saldo marca *133#", None),
    ("es", "Para verificar el estado de tu pedido 48213377 visita nuestra web", None),
    ("de", "Zur Bestätigung Ihrer Bestellung 48213377 klicken Sie den Link", None),
    ("sr-Latn", "Za potvrdu narudžbine 48213 odgovorite DA", None),
    ("sr-Latn", "Za potvrdu rezervacije pozovite 0800 123 456", None),
    ("fa", "برای تایید سفارش ۴۸۲۱۳۳ با ۱۵۰۰ تماس بگیرید", None),
    ("ar", "للتحقق من رصيدك اطلب *121#", None),
    ("ar", "للتحقق من طلبك رقم 48213377 زر موقعنا", None),
    ("ar", "لتفعيل الباقة أرسل 1 إلى 1100", None),
    ("lv", "Lai apstiprinātu pasūtījumu 48213377, zvaniet 67000000", None),
    ("tr", "Hesabınızı doğrulamak için 0850 222 0000 arayın", None),
]
# fmt: on


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    CODE_FIRST,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(CODE_FIRST)],
)
def test_code_first(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


def test_code_first_covers_many_languages() -> None:
    assert len({lang for lang, _, expected in CODE_FIRST if expected}) >= 25
    assert sum(expected is None for _, _, expected in CODE_FIRST) >= 15


_VERBS = sorted({(lang, p.rstrip("$")) for lang, ps in kw.VERBS.items() for p in ps})


@pytest.mark.parametrize(("lang", "verb"), _VERBS)
def test_every_verb_names_a_code(lang: str, verb: str) -> None:
    assert extract_code(f"{verb}: 482193") == "482193"
    assert extract_code(f"482193 {verb}") == "482193"
    assert extract_code(f"{verb} 12.06.2025 14:32") is None
    assert extract_code(f"{verb} → +7 912 345-67-89") is None
    assert extract_code(f"{verb}: 1 250,00 EUR") is None

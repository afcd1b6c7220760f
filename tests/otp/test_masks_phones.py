"""Masked card numbers, password-changed notices and phone numbers with area codes."""

from __future__ import annotations

import pytest

from otpvirt.otp import cues, extract_code

# (language, message, expected); written for these tests in the style of bank notices.
# Masks use asterisks, bullets, "X" runs, dashes and spaces, in native digits too.
# fmt: off
MASK_CASES: list[tuple[str, str, str | None]] = [
    ("fa", "رمز دوم کارت ۶۲۱۹-۸۶**-****-۴۴۰۲ با موفقیت تغییر کرد", None),
    ("fa", "بانک ملت: رمز دوم کارت ۶۲۱۹-۸۶**-****-۴۴۰۲ با موفقیت تغییر کرد. ۱۴۰۴/۰۳/۱۲", None),
    ("fa", "رمز دوم کارت ۶۰۳۷****۴۴۰۲ تغییر یافت", None),
    ("fa", "حساب ****4402: رمز عبور با موفقیت تغییر کرد", None),
    ("ar", "تم تغيير الرقم السري لبطاقتك ٦٢١٩-٨٦**-****-٤٤٠٢ بنجاح", None),
    ("ar", "تم تغيير كلمة المرور بنجاح للبطاقة ****4402", None),
    ("en", "Card 6219-86**-****-4402 PIN was changed successfully", None),
    ("en", "Your card 6219 86** **** 4402 has been blocked", None),
    ("en", "Payment with card **** 4402 approved: 25.00 EUR", None),
    ("en", "Purchase on card ending in 4402 approved", None),
    ("en", "Card XXXX-XXXX-XXXX-4402 PIN changed", None),
    ("hi", "आपके कार्ड XXXX XXXX XXXX ४४०२ का पिन बदल दिया गया है", None),
    ("ru", "Списание по карте *4402: 1 500 ₽", None),
    ("ru", "Покупка, карта •• 4402, 1 250 ₽, PYATEROCHKA", None),
    ("ru", "Карта ●● 4402 заблокирована", None),
    ("ru", "Пароль успешно изменён. Карта *4402", None),
    ("ru", "Пароль к карте 6219-86**-****-4402 успешно изменён", None),
    ("ru", "PIN-код карты **** 4402 успешно изменён", None),
    ("zh", "您尾號4402的卡片密碼已於2025/06/12變更成功", None),
    ("zh", "密碼已於2025/06/12 14:32變更成功，如非本人操作請致電客服", None),
    ("zh", "您的密码已修改成功，卡号6219 86** **** 4402", None),
    ("zh", "您的卡片6219 86** **** 4402已變更密碼成功", None),
    ("ja", "パスワードが変更されました。カード****4402", None),
    ("tr", "Şifreniz başarıyla değiştirildi. Kart **** 4402", None),
    ("es", "Tu contraseña ha sido cambiada. Tarjeta **** 4402", None),
    ("id", "Kata sandi Anda berhasil diubah. Kartu **** 4402", None),
    ("vi", "Mật khẩu của bạn đã được thay đổi thành công. Thẻ **** 4402", None),
    ("th", "รหัสผ่านของคุณถูกเปลี่ยนเรียบร้อยแล้ว บัตร xxxx4402", None),
    ("lo", "ລະຫັດຜ່ານຂອງທ່ານໄດ້ປ່ຽນສຳເລັດແລ້ວ ບັດ **** 4402", None),
    ("lv", "Jūsu parole ir veiksmīgi nomainīta. Karte **** 4402", None),
    ("sr", "Vaša lozinka je uspešno promenjena. Kartica **** 4402", None),
    ("de", "Ihr Passwort wurde erfolgreich geändert. Karte **** 4402", None),
    # the code next to a masked card is still the code
    ("fa", "کد تایید خرید با کارت ۶۲۱۹-۸۶**-****-۴۴۰۲: ۴۸۲۱۹۳", "482193"),
    ("fa", "رمز پویا: ۴۸۲۱۹۳ کارت ۶۲۱۹-۸۶**-****-۴۴۰۲ مبلغ ۱۲۰,۰۰۰ ریال", "482193"),
    ("ar", "بطاقتك ****٤٤٠٢: رمز التحقق ٤٨٢١٩٣", "482193"),
    ("en", "OTP 482193 for card 6219-86**-****-4402, amount 25.00 EUR", "482193"),
    ("en", "Your card 6219-86XX-XXXX-4402 was used. OTP: 482193", "482193"),
    ("en", "Your code 4821 for card ending in 4402", "4821"),
    ("ru", "Код подтверждения 4821. Карта •• 4402", "4821"),
    ("ru", "Карта ●●●● 4402. Код: 4821", "4821"),
    ("zh", "卡號6219-86**-****-4402交易驗證碼482193", "482193"),
    ("zh", "驗證碼482193，卡號末四碼4402", "482193"),
    ("th", "บัตร xxxx4402 รหัส OTP 482193", "482193"),
    ("lo", "ບັດ ****4402 ລະຫັດ OTP 482193", "482193"),
    ("en", "Steam code: 4X7Q2", "4X7Q2"),
    # a code for changing a password is not a notice that it changed
    ("ru", "Ваш код для смены пароля: 4821", "4821"),
    ("fa", "کد تایید برای تغییر رمز: ۴۸۲۱", "4821"),
    ("zh", "變更密碼驗證碼：482193", "482193"),
    ("pl", "Kod do zmiany hasła: 482193", "482193"),
]

PHONE_CASES: list[tuple[str, str, str | None]] = [
    ("zh", "您的密碼已變更，如有疑問請撥(02)2182-1313", None),
    ("zh", "取得驗證碼請撥(02)2182-1313", None),
    ("zh", "驗證碼相關問題請洽 (02) 2182-1313", None),
    ("zh", "請撥打 02-2182-1313 取得驗證碼", None),
    ("zh", "請撥+886 2 2182 1313", None),
    ("zh", "验证码请勿泄露，客服10086", None),
    ("fa", "تماس: ۰۲۱-۶۴۲۲", None),
    ("fa", "رمز عبور: ۰۲۱-۶۴۲۲", None),
    ("fa", "برای دریافت کد تایید با ۰۲۱-۶۴۲۲ تماس بگیرید", None),
    ("fa", "برای دریافت کد با (۰۲۱) ۶۴۲۲-۱۲۳۴ تماس بگیرید", None),
    ("ar", "للحصول على الرمز اتصل (٠٢) ٢١٨٢-١٣١٣", None),
    ("ru", "Позвоните (8 800) 555-35-35", None),
    ("ru", "Код не пришёл? Звоните (8 800) 555-35-35", None),
    ("ru", "Для получения кода позвоните (495) 123-45-67", None),
    ("en", "For help call (021) 6422-1234", None),
    ("en", "Code? Call (02) 2182 1313", None),
    ("id", "Kode OTP tidak diterima? Hubungi (021) 500-888", None),
    ("es", "Código no recibido, llama al (55) 5555-1234", None),
    ("pl", "Kod nie dotarł? Zadzwoń (22) 123-45-67", None),
    ("lv", "PIN kods: zvaniet (371) 6744-4444", None),
    ("lo", "ລະຫັດ: ໂທ (021) 212-345", None),
    ("th", "รหัส: โทร (02) 111-1111", None),
    ("pt", "Código de verificação enviado. Dúvidas: (11) 4004-1234", None),
    # the code beside a phone number written the same ways
    ("zh", "驗證碼482193，如有疑問請撥(02)2182-1313", "482193"),
    ("zh", "客服電話：(02)2182-1313，驗證碼：482193", "482193"),
    ("zh", "(02)2182-1313 驗證碼482193", "482193"),
    ("zh", "您的取件码2182-1313", "21821313"),
    ("fa", "کد تایید شما ۴۸۲۱ است. تماس ۰۲۱-۶۴۲۲", "4821"),
    ("fa", "کد تایید: ۴۸۲۱ پشتیبانی ۰۲۱-۶۴۲۲", "4821"),
    ("fa", "کد تایید شما ۴۸۲۱. پشتیبانی: ۰۲۱ ۶۴۲۲", "4821"),
    ("fa", "پشتیبانی ۰۲۱-۶۴۲۲ کد تایید ۴۸۲۱", "4821"),
    ("fa", "کد تایید: ۴۸۲۱۹۳ پشتیبانی (۰۲۱) ۶۴۲۲-۱۲۳۴", "482193"),
    ("ar", "رمز التحقق ٤٨٢١ (٠٢) ٢١٨٢-١٣١٣", "4821"),
    ("ru", "Код: 4821. Вопросы: (8 800) 555-35-35", "4821"),
    ("ru", "Код подтверждения 4821. Справки (495) 123-45-67", "4821"),
    ("ru", "Код: 4821. Тел. 8 (800) 555-35-35", "4821"),
    ("en", "Your code is 4821. Questions? (021) 6422-1234", "4821"),
    ("en", "Your code is 4821. Info: +886 2 2182 1313", "4821"),
    ("en", "Your code (4821) expires at 12:30", "4821"),
    ("en", "Your code (valid 5 min): 4821", "4821"),
    ("pl", "Kod weryfikacyjny: 482193. Infolinia (22) 123-45-67", "482193"),
    ("es", "Código: 4821. Atención (55) 5555-1234", "4821"),
    ("pt", "Seu código é 4821. Central (11) 4004-1234", "4821"),
    ("tr", "Doğrulama kodunuz 4821. Çağrı merkezi: (0212) 444 0 444", "4821"),
    ("id", "Kode OTP: 482193. CS (021) 5008888", "482193"),
    ("lo", "ລະຫັດ OTP 4821 ສອບຖາມໂທ (021) 212345", "4821"),
]
# fmt: on


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    MASK_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(MASK_CASES)],
)
def test_card_mask(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    PHONE_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(PHONE_CASES)],
)
def test_area_code_phone(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


def test_mask_and_phone_cases_cover_many_languages() -> None:
    for cases in (MASK_CASES, PHONE_CASES):
        assert len({lang for lang, _, expected in cases if expected}) >= 6
        assert len({lang for lang, _, expected in cases if expected is None}) >= 10


@pytest.mark.parametrize("phrase", [p.rstrip("$") for p in cues.EXPIRED["changed"]])
def test_every_changed_phrase_makes_a_notice(phrase: str) -> None:
    # "PIN … was changed" names no code, even with a card mask or a date beside it
    assert extract_code(f"PIN 482193 {phrase}") is None
    assert extract_code(f"PIN {phrase}. **** 4402, 12.06.2025") is None

"""Help lines, call-us numbers and identifiers after the code; hotlines in never-share notes."""

from __future__ import annotations

import pytest

from otpvirt.otp import cues, extract_code

# (language, message, expected); written for these tests in the style of telecom and bank
# SMS.  A keyword introduces the code; a later sentence gives a number to call or an ID.
# fmt: off
LATER_CASES: list[tuple[str, str, str | None]] = [
    ("ru", "Код подтверждения смены тарифа — 5043. Если это были не вы, позвоните 0500.", "5043"),
    ("ru", "Код для подключения пакета Интернет — 5043. Вопросы: 0500", "5043"),
    ("ru", "Код подтверждения интернет-банка 482193. Никому не сообщайте. Тел. 8-800-100-00-00",
     "482193"),
    ("ru", "Код для входа в Интернет-банк — 482193. Горячая линия: 900", "482193"),
    ("ru", "Если это не вы, позвоните 0500. 4821 — ваш код подтверждения", "4821"),
    ("ru", "Код подтверждения: 4821. Договор № 123456789012", "4821"),
    ("lv", "Pieslēgšanās kods internetbankai 421047. Ja neesat to pieprasījis, zvaniet 26 668 777.",
     "421047"),
    ("lv", "Kods pieslēgšanai internetbankā ir 421047", "421047"),
    ("lv", "Apstiprināšanas kods tarifa maiņai: 5043. Ja tas nebijāt jūs, zvaniet 8080.", "5043"),
    ("en", "Your code is 4821. Not you? Call 0800 123 456.", "4821"),
    ("en", "Your code to change your plan is 4821. Not you? Call 611.", "4821"),
    ("en", "Not you? Call 611. 4821 is your code.", "4821"),
    ("en", "Your code is 4821. Tax ID: 123456789012", "4821"),
    ("fa", "کد تایید تغییر تعرفه: ۵۰۴۳. در صورت عدم درخواست با ۹۹۹۰ تماس بگیرید.", "5043"),
    ("fa", "همراه اول: کد فعالسازی بسته اینترنت شما ۴۸۲۱ می‌باشد. پشتیبانی: ۹۹۹۰", "4821"),
    ("fa", "کد تایید: ۴۸۲۱. کد ملی: ۰۰۱۲۳۴۵۶۷۸", "4821"),
    ("prs", "کود تایید بسته انترنتی شما ۵۰۴۳ است. برای معلومات به ۳۳۳ زنگ بزنید.", "5043"),
    ("ps", "ستاسو د تایید کوډ ۵۰۴۳ دی. د مرستې لپاره ۳۳۳ ته زنګ ووهئ.", "5043"),
    ("ar", "رمز التحقق الخاص بك هو 4821. إذا لم تطلب ذلك، اتصل على 1100.", "4821"),
    ("ar", "رمز التحقق: 4821. الرقم الوطني: ١١٩٨٥٠٤٧٢٣٦١", "4821"),
    ("ar", "رمز التحقق: 4821. الرقم الضريبي: 300123456700003", "4821"),
    ("ar", "لا تشارك الرمز. اتصل 1100. 4821 هو رمز التحقق الخاص بك", "4821"),
    ("sr-Latn", "Kod za potvrdu promene tarife: 5043. Ako niste vi, pozovite 064 789.", "5043"),
    ("sr-Latn", "A1: Vaš kod za aktivaciju internet paketa je 4821. Info linija: 0800 100 100",
     "4821"),
    ("sr-Cyrl", "Ваш код за промену тарифе: 5043. Ако нисте ви, позовите 1100.", "5043"),
    ("tg", "Рамзи тасдиқ барои иваз кардани тариф: 5043. Агар шумо набошед, ба 1100 занг занед.",
     "5043"),
    ("tg", "Рамзи тасдиқ: 482193. Рамзро ба касе надиҳед. Хати боварӣ: 8080", "482193"),
    ("lo", "ລະຫັດ OTP ສຳລັບປ່ຽນແພັກເກັດ: 5043. ສອບຖາມໂທ 1555", "5043"),
    ("zh", "【中国移动】您正在办理套餐变更业务，验证码为4821。客服热线10086", "4821"),
    # the tariff or bundle name itself is still no code
    ("ru", "Ваш тариф изменён на Smart 5043. Если это были не вы, позвоните 0500.", None),
    ("ru", "Подключён тариф Интернет 5000. Справки: 0500", None),
    ("en", "Your plan changed to Unlimited 5000. Not you? Call 0800 123 456.", None),
    ("lv", "Jūsu tarifs Internets 5000 ir aktivizēts. Zvaniet 8080.", None),
]

# Never-share reminders that name the code without giving one, then a line to call.
REMINDER_CASES: list[tuple[str, str, str | None]] = [
    ("tg", "Ҳеҷ гоҳ рамзи SMS-ро ба касе нагӯед. Хати боварӣ: 8080", None),
    ("tg", "Рамзро ба ҳеҷ кас нагӯед. Маркази тамос: 8080", None),
    ("ru", "Никому не сообщайте код. Горячая линия: 8080", None),
    ("ru", "Мы никогда не спрашиваем код из СМС. Единая справочная: 8 800 100 00 00", None),
    ("ru", "Никому не сообщайте код. Дежурная служба: 8080", None),
    ("en", "Never share your code. Helpline: 8080", None),
    ("en", "We will never ask for your OTP. Customer care: 1800 123", None),
    ("en", "Never share your OTP. Bank security: 8080", None),
    ("fa", "هرگز کد را به کسی ندهید. تلفن پشتیبانی: ۸۰۸۰", None),
    ("fa", "کد را در اختیار دیگران قرار ندهید. مرکز تماس: ۸۰۸۰", None),
    ("prs", "کود را با کسی شریک نسازید. مرکز خدمات مشتریان: ۳۳۳", None),
    ("ps", "خپل کوډ له هیچا سره مه شریکوئ. د پیرودونکو خدمت: ۳۳۳", None),
    ("ar", "لا تشارك الرمز مع أي شخص. الخط الساخن: 8080", None),
    ("ar", "لن نطلب منك الرمز أبدا. مركز الاتصال 19999", None),
    ("ar", "لا تشارك الرمز مع أي شخص. خدمة العملاء: 8001234", None),
    ("sr-Latn", "Nikada ne delite kod. Info linija 0800", None),
    ("sr-Cyrl", "Никоме не дајте код. Кол центар: 8080", None),
    ("lv", "Nekad nevienam neizpaudiet kodu. Klientu serviss: 8080", None),
    ("lv", "Nekad neizpaudiet kodu. Drošības dienests: 8080", None),
    ("lo", "ຢ່າບອກລະຫັດໃຫ້ຜູ້ອື່ນ. ສາຍດ່ວນ: 1555", None),
    ("lo", "ຢ່າບອກລະຫັດໃຫ້ຜູ້ອື່ນ ສູນບໍລິການລູກຄ້າ 1555", None),
    ("zh", "请勿向他人泄露验证码。客服热线：95588", None),
    ("zh", "验证码切勿告知他人，服务热线95533", None),
    ("ru", "Вы запросили код. Не сообщайте его никому. Служба безопасности: 8800", None),
    ("tg", "Рамзро ба ҳеҷ кас нагӯед. Бонк ҳеҷ гоҳ рамзро намепурсад. Тамос: 1100", None),
    ("prs", "کود تایید را با کسی شریک نسازید. شماره تماس: ۲۰۲۰", None),
    ("ps", "خپل کوډ له هیچا سره مه شریکوئ. شمېره: ۳۳۳", None),
    ("ar", "لا تشارك رمز التحقق مع أي شخص. للتواصل: 1100", None),
    ("sr-Cyrl", "Никада не делите код. Позовите: 1100", None),
    ("lo", "ບໍ່ຄວນບອກລະຫັດໃຫ້ຜູ້ອື່ນ. ຕິດຕໍ່: 1555", None),
    ("zh", "验证码请勿泄露。如有疑问请联系：95588", None),
    ("en", "We'll never ask for your code. Questions? 8080", None),
    ("en", "Don't share OTPs. Fraud line: 8080", None),
    # the code itself, then the same reminder
    ("tg", "Рамзи шумо: 4821. Ин рамзро ба касе нагӯед. Хати боварӣ: 8080", "4821"),
    ("ru", "Код для привязки карты: 4821. Никому не сообщайте код. Горячая линия: 900", "4821"),
    ("en", "Your code is 4821. Never share it. Hotline: 8080", "4821"),
    ("ar", "رمز التحقق: 4821. لا تشارك الرمز مع أي شخص. الخط الساخن: 8080", "4821"),
    ("zh", "验证码482193，请勿向他人泄露。客服热线：95588", "482193"),
]
# fmt: on
_LINES = sorted({w.rstrip("$") for w in cues.PHONE["lines"]})


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    LATER_CASES + REMINDER_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(LATER_CASES + REMINDER_CASES)],
)
def test_help_line_context(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


@pytest.mark.parametrize("line", _LINES)
def test_every_help_line_word(line: str) -> None:
    # the number after the line word is a phone number; a code before it stays the code
    assert extract_code(f"Never share your code. {line}: 8080") is None
    assert extract_code(f"Никому не сообщайте код. {line} 8080") is None
    assert extract_code(f"Your code is 4821. {line}: 8080") == "4821"
    assert extract_code(f"Код подтверждения: 4821. {line} 8080") == "4821"


def test_help_line_cases_cover_the_priority_languages() -> None:
    for cases in (LATER_CASES, REMINDER_CASES):
        langs = {lang for lang, _, _ in cases}
        assert {"ru", "tg", "fa", "prs", "ps", "ar", "lv", "lo", "zh", "en"} <= langs
        assert {"sr-Latn", "sr-Cyrl"} <= langs

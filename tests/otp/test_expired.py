"""Expired and invalid codes quoting the old number are no codes; a validity period is no expiry."""

from __future__ import annotations

import pytest

from otpvirt.otp import cues, extract_code, translit

# (language, message, expected); written for these tests in the style of the notices banks,
# telecoms and apps send when a code has run out, next to codes that state how long they last.
# fmt: off
EXPIRED_CASES: list[tuple[str, str, str | None]] = [
    ("ru", "код 5083 устарел", None),
    ("ru", "Код 5083 недействителен. Запросите новый.", None),
    ("ru", "Код 5083 истёк", None),
    ("ru", "Код подтверждения 4821 утратил силу", None),
    ("ar", "الرمز 4630 انتهت صلاحيته", None),
    ("ar", "الرمز 4821 انتهت صلاحيته. اطلب رمزا جديدا", None),
    ("ar", "رمز التحقق 4821 لم يعد صالحا", None),
    ("ar", "رمز التحقق 4821 غير صحيح", None),
    ("fa", "کد ۱۲۳۴ منقضی شده", None),
    ("fa", "کد ۴۸۲۱ نامعتبر است", None),
    ("prs", "کود ۴۸۲۱ اعتبار ندارد", None),
    ("prs", "کود ۴۸۲۱ از اعتبار ساقط شده است", None),
    ("ps", "ستاسو کوډ ۴۸۲۱ ختم شوی", None),
    ("ps", "د کوډ ۴۸۲۱ موده پای ته رسېدلې ده", None),
    ("tg", "Рамзи 4821 беэътибор шуд", None),
    ("tg", "Муҳлати рамзи 4821 гузашт", None),
    ("tg", "Рамзи 4821 эътибор надорад", None),
    ("sr-Latn", "kod 1234 je istekao", None),
    ("sr-Latn", "Kod 4821 je istekao. Zatražite novi kod.", None),
    ("sr-Latn", "Kod 4821 više nije važeći", None),
    ("sr-Cyrl", "Код 4821 је истекао", None),
    ("lv", "kods 1234 ir beidzies", None),
    ("lv", "Kods 4821 nav derīgs", None),
    ("en", "code 1234 has expired", None),
    ("en", "Your code 1234 is no longer valid", None),
    ("en", "Your code 4821 is invalid. Request a new code.", None),
    ("zh", "验证码1234已过期", None),
    ("zh", "验证码1234已失效", None),
    ("zh", "您的验证码1234已作废", None),
    ("lo", "ລະຫັດ 4821 ໝົດອາຍຸແລ້ວ", None),
    ("lo", "ລະຫັດ OTP 4821 ໝົດອາຍຸ", None),
    ("lo", "ລະຫັດ 4821 ໝົດອາຍຸ. ກະລຸນາຂໍລະຫັດໃໝ່", None),
    ("th", "รหัส OTP 4821 หมดอายุ", None),
    # the old code expired, a new one follows in its own sentence
    ("ru", "Код 4821 устарел. Новый код: 5566", "5566"),
    ("fa", "کد ۴۸۲۱ منقضی شده است. کد جدید: ۵۵۶۶", "5566"),
    ("en", "Code 4821 expired. Your new code is 5566", "5566"),
    # a validity period or a future expiry is no expiry
    ("en", "Your code is 1234, it expires in 5 minutes", "1234"),
    ("en", "Your code 4821 expires in 10 minutes", "4821"),
    ("ru", "Ваш код 1234, истекает через 5 минут", "1234"),
    ("ru", "Код 4821 действует 5 минут", "4821"),
    ("ar", "رمز التحقق 4821 صالح لمدة 5 دقائق", "4821"),
    ("fa", "کد ۴۸۲۱ تا ۲ دقیقه معتبر است", "4821"),
    ("fa", "این کد ۴۸۲۱ تا ۵ دقیقه دیگر منقضی می‌شود", "4821"),
    ("tg", "Рамзи 4821 то 5 дақиқа эътибор дорад", "4821"),
    ("sr-Latn", "Kod 4821 važi 5 minuta", "4821"),
    ("lv", "Kods 4821 ir derīgs 5 minūtes", "4821"),
    ("zh", "验证码1234将于5分钟后过期", "1234"),
    ("lo", "ລະຫັດ OTP 4821 ໝົດອາຍຸພາຍໃນ 5 ນາທີ", "4821"),
    ("lo", "ລະຫັດ OTP ຂອງທ່ານແມ່ນ 4821 ແລະ ຈະໝົດອາຍຸໃນ 5 ນາທີ", "4821"),
    ("lo", "ລະຫັດ OTP 4821 ຈະໝົດອາຍຸໃນອີກຫ້ານາທີ", "4821"),
    ("th", "รหัส OTP 4821 หมดอายุ 14:30", "4821"),
    # "invalid after …", "becomes invalid": a condition to come
    ("en", "Code 4821 is invalid after 10 minutes", "4821"),
    ("ru", "Код 4821 недействителен после 3 неверных попыток", "4821"),
    ("lv", "Kods 4821 nav derīgs pēc 5 minūtēm", "4821"),
    ("ar", "رمز التحقق 4821 غير صالح بعد 5 دقائق", "4821"),
    ("fa", "کد ۴۸۲۱ پس از ۵ دقیقه نامعتبر می‌شود", "4821"),
    ("fa", "کد ۴۸۲۱ نامعتبر خواهد شد", "4821"),
]
# fmt: on


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    EXPIRED_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(EXPIRED_CASES)],
)
def test_expired(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


_PHRASES = sorted(
    {
        p.rstrip("$")
        for table in (cues.EXPIRED, translit.EXPIRED)
        for ps in table.values()
        for p in ps
    }
)


@pytest.mark.parametrize("phrase", _PHRASES)
def test_every_expiry_phrase_voids_the_code_it_quotes(phrase: str) -> None:
    # a phrase shadowed by a keyword or a broken fold would let the old code through
    assert extract_code(f"OTP 4821 {phrase}") is None


@pytest.mark.parametrize("phrase", cues.EXPIRED["until"])
def test_an_expiry_date_is_a_validity_period(phrase: str) -> None:
    assert extract_code(f"OTP 4821 {phrase} 25/06/2025 14:30") == "4821"

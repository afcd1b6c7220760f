"""Temporary passwords in mixed case after a password word; plain words and promos stay out."""

from __future__ import annotations

import pytest

from otpvirt.otp import extract_code
from otpvirt.otp import keywords as kw
from otpvirt.otp.lexicon import PASSWORD_PHRASES
from otpvirt.otp.normalize import fold_phrase

# (language, message, expected); written for these tests in the style of telecom portals
# and banks that send a temporary password instead of a numeric code.
# fmt: off
PASSWORD_CASES: list[tuple[str, str, str | None]] = [
    ("ru", "Ваш временный пароль для входа в Мой Билайн: 365pCfWK", "365pCfWK"),
    ("ru", "Временный пароль: Ab12Cd34. Смените его после входа.", "Ab12Cd34"),
    ("ru", "Ваш новый пароль: kP9mQ2xZ", "kP9mQ2xZ"),
    ("tg", "Пароли муваққатӣ барои my.tcell.tj: MEKX9JG9", "MEKX9JG9"),
    ("tg", "Пароли муваққатӣ барои my.tcell.tj: mEKx9Jg9", "mEKx9Jg9"),
    ("sr-Latn", "Vaša lozinka za Moj mts portal: A2qHRW", "A2qHRW"),
    ("sr-Cyrl", "Привремена лозинка за Мој mts: A2qHRW", "A2qHRW"),
    ("en", "Your temporary password is Xy7kQ2", "Xy7kQ2"),
    ("en", "Your new password is Xy7kQ2. It expires in 24 hours.", "Xy7kQ2"),
    ("en", "Login: ivan2020, password: Ab12Cd34", "Ab12Cd34"),
    ("es", "Tu contraseña temporal: aB3dE9fG", "aB3dE9fG"),
    ("es", "Contraseña temporal para Mi Claro: aB3dE9fG", "aB3dE9fG"),
    ("lv", "Jūsu pagaidu parole: Ab12Cd34", "Ab12Cd34"),
    ("fa", "رمز عبور موقت شما: Xy7kQ2Lm", "Xy7kQ2Lm"),
    ("ar", "كلمة المرور المؤقتة الخاصة بك هي Xy7kQ2Lm", "Xy7kQ2Lm"),
    ("zh", "您的临时密码为Ab12Cd34，请登录后修改", "Ab12Cd34"),
    ("lo", "ລະຫັດຜ່ານຊົ່ວຄາວຂອງທ່ານແມ່ນ Ab12Cd34", "Ab12Cd34"),
    ("cs", "Heslo: Ab12Cd34", "Ab12Cd34"),
    ("sr-Latn", "Vaša privremena lozinka je A2qHRW", "A2qHRW"),
    ("lv", "Tava pagaidu parole ir Ab12Cd34", "Ab12Cd34"),
    ("ru", "Ваш временный пароль — Ab12Cd34", "Ab12Cd34"),
    # verb-final languages: the owner, the secret, then the copula
    ("fa", "رمز عبور موقت شما Ab12Cd34 است", "Ab12Cd34"),
    ("ps", "ستاسو پټنوم Ab12Cd34 دی", "Ab12Cd34"),
    ("tg", "Пароли шумо Ab12Cd34 аст", "Ab12Cd34"),
    ("lo", "ລະຫັດຜ່ານຂອງທ່ານ Ab12Cd34", "Ab12Cd34"),
    ("th", "รหัสผ่านของคุณคือ Ab12Cd34", "Ab12Cd34"),
    ("ru", "Ваш временный пароль: Ab12Cd34. Бонус 100 баллов за регистрацию!", "Ab12Cd34"),
    # a numeric code next to the password still wins
    ("ru", "Код подтверждения: 4821. Временный пароль: Ab12Cd34", "4821"),
    # plain words, domains, names, promos and notices are no passwords
    ("en", "Your password: Summer", None),
    ("en", "Temporary password: Welcome", None),
    ("en", "Your temporary password has expired. Request a new one at my.tcell.tj", None),
    ("ru", "Пароль для входа: my.tcell.tj", None),
    ("ru", "Пароль: Ab12Cd34х", None),
    ("ru", "Ваш пароль изменён. Если это не вы, позвоните 0500", None),
    ("en", "Your password for iPhone15 has been reset", None),
    ("en", "Password reset requested for user JohnD2024. Not you? Call 611", None),
    ("en", "Your password must contain letters and digits, e.g. Abc12345", None),
    ("en", "Use promo code Save20Now for 20% off", None),
    ("ru", "Промокод: Leto2025 — скидка 10%", None),
    ("en", "Password: SAVE20 for 20% off", None),
    ("en", "Password: Save20Now for 20% off", None),
    ("sr-Latn", "Lozinka je promenjena. Kontakt centar: 0800 100 100", None),
    ("tg", "Пароли шумо иваз карда шуд. Хати боварӣ: 8080", None),
    ("en", "Your password has been changed to Xy7kQ2Lm", None),
    ("en", "Booking password: Ab12Cd34 for flight TK123", None),
]
# fmt: on


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    PASSWORD_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(PASSWORD_CASES)],
)
def test_temporary_password(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


@pytest.mark.parametrize("stem", kw.PASSWORD_STEMS)
def test_every_password_stem_names_a_keyword(stem: str) -> None:
    # a stem no keyword phrase contains would vouch for nothing
    assert any(fold_phrase(stem) in phrase for phrase in PASSWORD_PHRASES)


@pytest.mark.parametrize("phrase", sorted(PASSWORD_PHRASES))
def test_every_password_phrase_introduces_a_secret(phrase: str) -> None:
    assert extract_code(f"{phrase}: Xy7kQ2Lm") == "Xy7kQ2Lm"
    assert extract_code(f"{phrase}: Welcome") is None
    assert extract_code(f"{phrase}: my.site.tj") is None


def test_password_cases_cover_many_languages() -> None:
    assert len({lang for lang, _, expected in PASSWORD_CASES if expected}) >= 10
    assert len({lang for lang, _, expected in PASSWORD_CASES if expected is None}) >= 4

"""Codes no code word introduces: a brand's opening label, "this code" in the next sentence.

Families of the misses of two unseen sets (issue 22, second round), written for these tests
in the style of the senders; each table mixes messages with a code and without one.
"""

from __future__ import annotations

import pytest

from otpvirt.otp import extract_code

Case = tuple[str, str, str | None]

# fmt: off
# A brand's opening label, then a number alone, with no code word: a code when the message
# says it is valid for minutes or not to be shared.
OPENERS: list[Case] = [
    ("en", "Instacart: 730418 (expires in 10 minutes). Reply STOP to opt out.", "730418"),
    ("en", "[Kraken] 264915 / Do not share this with anyone.", "264915"),
    ("en", "Robinhood: 482193. Do not share.", "482193"),
    ("en", "<#> Glovo: 4821 (valid 5 min) Fa7Yk2mQpX9", "4821"),
    ("es", "Rappi: 4821 (válido por 5 minutos). No lo compartas con nadie.", "4821"),
    ("pt", "iFood: 4821 - não compartilhe com ninguém.", "4821"),
    ("ru", "Самокат: 4821. Никому не сообщайте.", "4821"),
    ("de", "Lieferando: 4821 (gültig 10 Minuten).", "4821"),
    ("tr", "Getir: 4821 - kimseyle paylaşmayın.", "4821"),
    ("fr", "Vinted : 482193 (valable 10 minutes). Ne le partagez avec personne.", "482193"),
    ("id", "Gojek: 4821. JANGAN berikan ke siapa pun.", "4821"),
    ("ar", "طلبات: 4821. لا تشارك هذا مع أي شخص.", "4821"),
    ("zh", "【美团】482193（5分钟内有效），请勿泄露。", "482193"),
    ("ko", "[쿠팡] 482193 타인에게 절대 알려주지 마세요.", "482193"),
    ("en", "Netflix\n482193\nDon't share this with anyone.", "482193"),
    ("en", "Tesco: 4821 (Clubcard points) expire soon. Never share your Clubcard number.", None),
    # the label names something else, the number runs on, or nothing says it is a code
    ("en", "DoorDash: 4821 Main St order delivered.", None),
    ("en", "Starbucks: 4821 Stars expire on 30 June.", None),
    ("en", "Amazon: 1250 (points) expire on Dec 31.", None),
    ("en", "Costco: 4821 (expires 06/30). Show this coupon at checkout.", None),
    ("en", "Order: 4821 (expires in 10 minutes). Do not share.", None),
    ("en", "Balance: 4821. Valid until 30/06.", None),
    ("en", "Parking: 4821 (valid 2 hours). Zone 12.", None),
    ("en", "DoorDash: 4821. Invalid request, try again in 5 min.", None),
    ("ru", "Баланс: 4821. Действует до 30.06.", None),
    ("es", "Saldo: 4821 (vence el 30/06).", None),
]

# "this code" in the reminder after a number points back at it; other numbers stay what
# their own words say they are.
THIS_CODE: list[Case] = [
    ("en", "Netflix: 482193. Don't share this code with anyone.", "482193"),
    ("ru", "Glovo: 4821. Этот код никому не сообщайте.", "4821"),
    ("ar", "كريم: 4821. لا تشارك هذا الرمز مع أحد.", "4821"),
    ("tr", "Trendyol: 482193. Bu kodu kimseyle paylaşmayın.", "482193"),
    ("id", "Gojek: 4821. Jangan berikan kode ini ke siapa pun.", "4821"),
    ("vi", "Shopee: 482193. Đừng chia sẻ mã này.", "482193"),
    ("th", "LINE MAN: 482193 ห้ามบอกรหัสนี้กับผู้อื่น", "482193"),
    ("fa", "دیجی‌کالا: ۴۸۲۱۹۳ \nاین کد را در اختیار دیگران قرار ندهید.", "482193"),
    ("de", "Zalando: 482193. Teilen Sie diesen Code mit niemandem.", "482193"),
    ("es", "Mercado Libre: 482193. No compartas este código.", "482193"),
    ("zh", "【饿了么】482193。请勿将此验证码告诉他人。", "482193"),
    ("en", "Acme Bank: 8080. We will never ask for your OTP.", None),
    ("en", "Call us on 8080. Never share this code with anyone.", None),
    ("en", "Ticket 48213377 confirmed. Do not share this code.", None),
    ("en", "Your account 48213377 was debited GBP 25.00. Do not share this code.", None),
    ("ru", "Ваш заказ 4821 собран. Этот код никому не сообщайте.", None),
]

# fmt: on
_ALL = {"openers": OPENERS, "this_code": THIS_CODE}
_CASES = [(family, *case) for family, cases in _ALL.items() for case in cases]


@pytest.mark.parametrize(
    ("family", "lang", "text", "expected"),
    _CASES,
    ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(_CASES)],
)
def test_family(family: str, lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


def test_every_family_spans_several_languages_with_and_without_codes() -> None:
    for family, cases in _ALL.items():
        assert len({lang for lang, _, _ in cases}) >= 5, family
        assert any(code is None for _, _, code in cases), family
        assert any(code is not None for _, _, code in cases), family


# fmt: off
# A label's number, then a never-share reminder naming "the code" (no "this"): the
# reminder speaks of that number; one saying who asks for codes speaks of none.
WARNED: list[Case] = [
    ("ru", "Тинькофф: 4821. Никому не говорите код. Перевод 1000 р на 7731", "4821"),
    ("ru", "Kaspi: 4821. Никому не сообщайте код и пароль.", "4821"),
    ("uk", "Monobank: 4821. Нікому не повідомляйте код.", "4821"),
    ("en", "Glovo: 4821. Don't share your code with anyone.", "4821"),
    ("tr", "Papara: 482193. Kodu kimseyle paylaşmayın.", "482193"),
    ("es", "Ualá: 482193. No compartas tu código con nadie.", "482193"),
    ("id", "OVO: 4821. Jangan berikan kode OTP ke siapapun.", "4821"),
    ("ru", "Halyk: 4821. Банк никогда не запрашивает код.", None),
    ("en", "Acme Bank: 4821. We will never ask for your OTP or PIN.", None),
    ("es", "BBVA: 4821. Nunca te pediremos tu código por teléfono.", None),
    ("id", "BCA: 1500. BCA tidak pernah meminta kode OTP Anda.", None),
    ("en", "Acme Bank: 4821 Main St branch closes at 5pm. Never share your PIN.", None),
]
# fmt: on


@pytest.mark.parametrize(("lang", "text", "expected"), WARNED)
def test_warned_opener(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected

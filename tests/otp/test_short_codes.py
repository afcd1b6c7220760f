"""Codes a code word states outright: short letter codes, "#"-glued numbers, bare labels."""

from __future__ import annotations

import pytest

from otpvirt.otp import extract_code

# (language, message, expected); written for these tests.  A government PIN of three
# characters ("su PIN es 7K2"), a game account's five-character code, four-character codes
# after a plain code word and a colon or copula; the same shapes as units, orders, bookings,
# acronyms and promo codes are no codes.  Then numbers glued to "#" (an order's, unless a code
# word states it) and labels that only name a code right before it ("Verification: 482193").
# fmt: off
CASES: list[tuple[str, str, str | None]] = [
    ("es", "Gobierno de Canarias: su PIN es 7K2. Úselo para acceder a su cita.", "7K2"),
    ("es", "Cl@ve PIN: su PIN es X4P. Válido durante 10 minutos.", "X4P"),
    ("es", "Su PIN es 9AB. No lo comparta.", "9AB"),
    ("es", "AEAT. Su PIN es 4T7. Caduca a las 12:30", "4T7"),
    ("pt", "GameHub: o código da sua conta é K7Q2Z. Não compartilhe.", "K7Q2Z"),
    ("pt", "Seu código de conta PlayArena: 8XK3M", "8XK3M"),
    ("pt", "Seu código é A9F2K. Use-o para vincular sua conta.", "A9F2K"),
    ("en", "Your code is K7Q. It expires in 5 minutes.", "K7Q"),
    ("en", "Your verification code is 7KQ2.", "7KQ2"),
    ("fr", "Votre code est : B7K2. Valable 10 min.", "B7K2"),
    ("de", "Ihr Code lautet: Q7X4M", "Q7X4M"),
    ("tr", "Doğrulama kodunuz: K7Q2Z", "K7Q2Z"),
    ("ru", "Ваш код: 7KX", "7KX"),
    ("en", "G-482193 is your Google verification code.", "482193"),
    ("en", "FB-48219 is your Facebook confirmation code", "48219"),
    ("id", "Kode OTP: 48-21-93. Jangan berikan ke siapapun.", "482193"),
    ("en", "Your Roblox verification code is K7Q2M.", "K7Q2M"),
    ("es", "Tu código es: 4KQ9. Expira en 5 minutos.", "4KQ9"),
    ("fr", "Votre code d'accès : 7X2K", "7X2K"),
    ("de", "Ihr Code: Q7Z4K", "Q7Z4K"),
    ("ru", "Ваш код: K7Q2. Не сообщайте его.", "K7Q2"),
    ("tr", "Kodunuz: 8KZ4", "8KZ4"),
    ("id", "Kode Anda: Z7K4Q", "Z7K4Q"),
    ("pt", "Seu código é 9XK. Use-o no caixa.", "9XK"),
    ("it", "Il tuo codice è: R7K2", "R7K2"),
    ("vi", "Mã của bạn là: Q7K2", "Q7K2"),
    ("pl", "Twój kod: 7KQ", "7KQ"),
    ("nl", "Je code is: K7Q2M", "K7Q2M"),
    ("en", "Your code expires in 24H. Order ref: A7B2K.", None),
    ("en", "Your PIN has been reset. Ref: K7Q2M", None),
    ("es", "Tu pedido A7K2M ya está en camino. Código postal 28013.", None),
    ("en", "Gate B12, seat 14C. Boarding 10:45. Booking code K7Q2M", None),
    ("en", "Your promo code: SAVE10. Use it at checkout.", None),
    ("en", "Error code E42. Please try again later.", None),
    ("de", "Ihr Tarif M10 wurde aktiviert. Kundennummer 4821337.", None),
    ("fr", "Votre forfait 5G 100Go est actif. Code client: 4821337", None),
    ("en", "Your 2FA is now enabled. If it wasn't you, call 0800 123 4567.", None),
    ("ru", "Ваш тариф S10 подключён. Абонентская плата 450 руб.", None),
    ("es", "Cl@ve: su PIN es 7QF. Válido hasta las 13:45 del 12/06/2025.", "7QF"),
    ("pt", "Jogue agora! O código da sua conta ArenaPlay é Q7K2M.", "Q7K2M"),
    ("pt", "MB WAY: o código para associar o seu número é 738201.", "738201"),
    ("sw", "Msimbo wako wa kuingia kwenye akaunti ni 7382. Utaisha baada ya dakika 5.", "7382"),
    ("en", "Code: 3DS", None),
    ("en", "Your code is valid for 24H", None),
    ("en", "Your code: 2X4", None),
    ("en", "Your code is ABC", "ABC"),
    ("es", "Su PIN es KTB. Válido hasta las 13:45.", "KTB"),
    ("es", "Su PIN es: XRT", "XRT"),
    ("en", "Your PIN is SET", None),
    ("en", "Code: SMS", None),
    ("lv", "Kods: AKTĪVS", None),
    ("pt", "Digite o código do pedido K7Q para confirmar a entrega.", None),
    ("es", "Su código de reserva es 7QF", None),
    ("en", "Your code for flight TK1 is ready", None),
    ("en", "Your verification code is #4821", "4821"),
    ("en", "OTP: #482193. Do not share.", "482193"),
    ("en", "Order #4821 has shipped.", None),
    ("en", "Code #4821", None),
    ("en", "Ticket #48213: your code is 5521", "5521"),
    ("en", "Your code: #4821. Order #5521", "4821"),
    ("en", "Verification: 482193", "482193"),
    ("en", "Verify your phone: 1234", "1234"),
    ("ru", "Подтверждение: 4821", "4821"),
    ("en", "Thank you. Your verification is complete. Ticket 4821337", None),
    ("en", "Identity verification for order 4821 approved", None),
    ("en", "Account verification successful. Balance 4821 USD", None),
    ("en", "WhatsApp 452-188", "452188"),
    ("en", "WhatsApp: 452 188", "452188"),
    ("en", "Instagram 452 188 followers", None),
    ("en", "Instagram: 470 291 people viewed your profile", None),
    ("en", "Verification: pending. We will text you when done.", None),
    ("en", "Verification: 2 of 3 documents received.", None),
    ("en", "Verify your identity at any branch. Branch code: 4821", None),
    ("en", "Verification status: approved on 12/06/2025.", None),
    ("en", "Verify: your appointment is at 14:30, room 4821.", None),
    ("en", "Verification team: call 0800 123 4567", None),
    ("en", "Verification of your income: 48,210 USD confirmed.", None),
    ("ru", "Подтверждение: ваш заказ 4821337 принят.", None),
    ("ru", "Подтверждение записи: 12.06 в 14:30, кабинет 214.", None),
    ("es", "Verificación: su cita es el 12/06 a las 10:30.", None),
    ("en", "Your seat code is 12A.", None),
    ("en", "Your class code: A12. See you Monday.", None),
    ("en", "Your code is valid until 2026.", None),
    ("en", "Your tariff code: S10. Monthly fee 10 EUR.", None),
    ("es", "Su código postal es 28A.", None),
    ("pt", "Seu código de cliente é A12B.", None),
    ("ru", "Ваш код тарифа: S10.", None),
    ("en", "Your referral code is AB12", None),
    ("en", "Room code: 3B. Floor 4.", None),
    ("en", "Your WhatsApp group has 452 188 members.", None),
    ("en", "Telegram: 452 188 new messages.", None),
    ("en", "Order #4821 confirmed. Your code is for the app only.", None),
    ("en", "Issue #4821: your code review was approved.", None),
    ("en", "Your code is #1 in the ranking!", None),
    ("en", "Ticket #48213. Verification required.", None),
    ("de", "Ihre Kundennummer: 4821337. Verifizierung: abgeschlossen.", None),
    ("fr", "Vérification : terminée. Dossier n° 48213.", None),
    ("en", "Never share your password. Your account number is 48213377.", None),
    ("en", "You have 1 new voicemail. Call 121 to listen.", None),
    ("en", "Code valid till 2026", None),
    ("ru", "Ваш код действует до 2026 года", None),
    ("vi", "Mã có hiệu lực đến 2026", None),
]
# fmt: on


@pytest.mark.parametrize(
    ("lang", "text", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_stated_code(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


@pytest.mark.parametrize("code", ["7K2", "K7Q", "4T7", "K7Q2", "8XK3M"])
@pytest.mark.parametrize(
    "template",
    ["Su PIN es {}.", "Your code is {}", "Ваш код: {}", "Kodunuz: {}", "Votre code est : {}"],
)
def test_short_letter_code_after_a_code_word(template: str, code: str) -> None:
    assert extract_code(template.format(code)) == code


@pytest.mark.parametrize("code", ["7K2", "K7Q2"])
@pytest.mark.parametrize(
    "template",
    ["Su pedido {} está en camino.", "Your code for order {} is ready", "Ref: {}", "Gate {}"],
)
def test_short_letter_code_without_a_code_word_stating_it(template: str, code: str) -> None:
    assert extract_code(template.format(code)) is None

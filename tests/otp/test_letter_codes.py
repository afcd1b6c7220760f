"""Letter-and-digit codes after a code word, and sender names that are never the code."""

from __future__ import annotations

import pytest

from otpvirt.otp import cues, extract_code

# (language, message, expected); written for these tests in the style of game launchers,
# e-signature apps and banks.  A code word introduces the code with ":" or a copula.
# fmt: off
LETTER_CASES: list[tuple[str, str, str | None]] = [
    # a strong keyword whose clause names the account before the colon
    ("ru", "Код Steam Guard для входа в аккаунт «gamer_01»: 6HQJR", "6HQJR"),
    ("en", "Steam: Login code for account xyz: Q4TKR", "Q4TKR"),
    ("en", "Steam: Login code for account xyz: QWTKR", "QWTKR"),
    ("en", "Your login code for account john_doe is 6HQJR", "6HQJR"),
    ("de", "Steam Guard-Code für das Konto max_mustermann: 6HQJR", "6HQJR"),
    ("es", "Código de Steam Guard para la cuenta juan_99: 6HQJR", "6HQJR"),
    ("pl", "Kod Steam Guard dla konta janek: 6HQJR", "6HQJR"),
    ("pt", "Código Steam Guard para a conta ze_99: 6HQJR", "6HQJR"),
    ("vi", "Mã Steam Guard cho tài khoản abc: 6HQJR", "6HQJR"),
    ("tr", "Steam Guard kodunuz: 6HQJR", "6HQJR"),
    ("ko", "Steam Guard 코드: 6HQJR", "6HQJR"),
    # e-signature and activation codes, eight characters
    ("lv", "Tavs e-paraksta aktivizācijas kods: YZ5U5ASY", "YZ5U5ASY"),
    ("lv", "eParaksts: aktivizācijas kods: YZ5U5ASY. Derīgs 10 min.", "YZ5U5ASY"),
    ("lv", "Jūsu aktivizācijas kods ir YZ5U5ASY", "YZ5U5ASY"),
    ("ru", "Код активации электронной подписи: YZ5U5ASY", "YZ5U5ASY"),
    ("de", "Aktivierungscode für Ihre e-Signatur: YZ5U5ASY", "YZ5U5ASY"),
    ("sr", "Vaš aktivacioni kod je YZ5U5ASY", "YZ5U5ASY"),
    ("fa", "کد فعالسازی شما: YZ5U5ASY", "YZ5U5ASY"),
    ("ar", "رمز التفعيل الخاص بك هو YZ5U5ASY", "YZ5U5ASY"),
    ("zh", "激活码：YZ5U5ASY", "YZ5U5ASY"),
    ("id", "Kode aktivasi Anda: YZ5U5ASY", "YZ5U5ASY"),
    # game launchers; a strong keyword may state even a promo-shaped code
    ("en", "Your security code is ZTAV75", "ZTAV75"),
    ("en", "Your Epic Games security code is: 7KQ2ZP", "7KQ2ZP"),
    ("en", "Epic Games: your two-factor sign in code is 8XK3PQ", "8XK3PQ"),
    ("en", "Battle.net: your verification code is Q7KD2M", "Q7KD2M"),
    ("en", "Riot Games: Your login code: 4KD92XQ", "4KD92XQ"),
    ("en", "Your Steam Guard code is FJKQD", "FJKQD"),
    # a plain code word vouches for letters mixed with digits it introduces
    ("ru", "Ваш код: 6HQJR", "6HQJR"),
    ("ru", "Ваш код — 6HQJR", "6HQJR"),
    ("lv", "Tavs kods: YZ5U5ASY", "YZ5U5ASY"),
    ("en", "Your code is 7KQ2ZP", "7KQ2ZP"),
    ("fr", "Votre code est 7KQ2ZP", "7KQ2ZP"),
    ("es", "Tu código es 7KQ2ZP", "7KQ2ZP"),
    ("de", "Dein Code lautet 7KQ2ZP", "7KQ2ZP"),
    ("hr", "Vaš kod je 7KQ2ZP", "7KQ2ZP"),
    ("vi", "Mã của bạn là 7KQ2ZP", "7KQ2ZP"),
    ("tr", "Kodunuz: 7KQ2ZP", "7KQ2ZP"),
    ("id", "Kode Anda adalah 7KQ2ZP", "7KQ2ZP"),
    ("tg", "Рамзи шумо: 7KQ2ZP", "7KQ2ZP"),
    ("fa", "کد شما: 7KQ2ZP", "7KQ2ZP"),
    ("ar", "رمز: 7KQ2ZP", "7KQ2ZP"),
    ("zh", "您的码为7KQ2ZP", "7KQ2ZP"),
    ("zh", "驗證碼為7KQ2ZP", "7KQ2ZP"),
    ("ja", "認証コード：7KQ2ZP", "7KQ2ZP"),
    ("lo", "ລະຫັດຢືນຢັນຂອງທ່ານແມ່ນ 7KQ2ZP", "7KQ2ZP"),
    ("pl", "Kod do Wi-Fi: K7QX9P", "K7QX9P"),
    ("ru", "Ваш код является K7QX9P", "K7QX9P"),
    ("ru", "Ваш код — это K7QX9P", "K7QX9P"),
    ("uk", "Ваш код є K7QX9P", "K7QX9P"),
    ("ms", "Kod anda ialah K7QX9P", "K7QX9P"),
    ("th", "รหัสของคุณคือ K7QX9P", "K7QX9P"),
    ("lo", "ລະຫັດຂອງທ່ານແມ່ນ K7QX9P", "K7QX9P"),
    ("ja", "コードはK7QX9Pです", "K7QX9P"),
    # without a connector, a verb before the code word or right after the token says it is
    # typed; with neither, or with the verb in the next sentence, nothing vouches for it
    ("pt", "Magalu: use o código 93K4P7 para confirmar seu cadastro.", "93K4P7"),
    ("pt", "Magalu: use o código 937123 para confirmar seu cadastro.", "937123"),
    ("pt", "Digite o código 7KQ2ZP no aplicativo para continuar.", "7KQ2ZP"),
    ("es", "Usa el código K7QX9P para confirmar tu cuenta.", "K7QX9P"),
    ("en", "Use code 93K4P7 to confirm your account.", "93K4P7"),
    ("ru", "Введите код 6HQJR7 в приложении", "6HQJR7"),
    ("pt", "Use o código 93K4P7 no site.", None),
    ("pt", "Use o código 93K4P7. Para confirmar acesse o app.", None),
    ("en", "Your code 93K4P7", None),
    ("pt", "Digite o código do pedido K7QX9P para confirmar a entrega.", None),
    ("pt", "Use o código BLACK10 para confirmar o desconto.", None),
    # plain words in capitals are no codes
    ("en", "CODE: VALID", None),
    ("lv", "Kods: AKTĪVS", None),
    ("lv", "Kods: AKTIVS", None),
    ("en", "Your code is VALID", None),
    ("ru", "Ваш код: ACTIVE", None),
    ("id", "Kode: BERHASIL", None),
    ("en", "Security code: CHECK FAILED", None),
    ("en", "Verification code: FIRST", None),
    ("en", "Your verification code is STEAM", None),
    ("en", "Security code: NETFLIX", None),
    ("en", "Verification code status: PENDING", None),
    # promo and marketing codes
    ("en", "Use promo code SAVE20 for 20% off!", None),
    ("en", "Your code: SAVE20. Shop now!", None),
    ("en", "Your code: WELCOME10 gives 10% off your first order", None),
    ("ru", "Код: WELCOME10 — скидка 10% на первый заказ", None),
    ("tr", "Kod: YAZ2025 ile %20 indirim!", None),
    ("en", "Your code is SUMMER25", None),
    ("en", "Your code: COVID19 test result negative", None),
    ("en", "Your referral code: JOHN25", None),
    ("vi", "Mã giới thiệu: ANDY25", None),
    ("pt", "Código de indicação: ANDY25", None),
    # bookings: a PNR after a booking or flight word, even after "confirmation code"
    ("en", "Booking code: ABC123", None),
    ("en", "Your booking reference: ABC123. Flight SU100", None),
    ("en", "Your flight confirmation code: K7QX9P. Departure 12:30", None),
    ("en", "Booking confirmed. Confirmation code: K7QX9P", None),
    ("en", "PNR code: K7QX9P", None),
    ("en", "Your PNR is ABC123 for flight TK123", None),
    ("ru", "Бронь подтверждена. Код бронирования: XK7Q2P", None),
    ("ru", "Код брони: XK7Q2P", None),
    ("ru", "Ваша бронь XK7Q2P подтверждена. Код: XK7Q2P", None),
    ("pl", "Kod rezerwacji: K7QX9P", None),
    ("es", "Código de reserva: K7QX9P", None),
    ("tr", "Rezervasyon kodunuz: K7QX9P", None),
    ("de", "Buchungscode: K7QX9P", None),
    ("vi", "Mã đặt chỗ: K7QX9P", None),
    ("fa", "کد رزرو: K7QX9P", None),
    # references, tickets, orders, products, plates and bank identifiers
    ("en", "Ticket ID: K7QX9P. We'll get back to you.", None),
    ("en", "Ticket code: K7QX9P", None),
    ("en", "Invoice code: K7QX9P", None),
    ("en", "Your code for ticket: K7QX9P", None),
    ("ru", "Код заявки: K7QX9P", None),
    ("ru", "Номер заявки: K7QX9P", None),
    ("ru", "Ваш заказ K7QX9P оформлен. Код: K7QX9P", None),
    ("ru", "Код ваучера: K7QX9P", None),
    ("ru", "Код товара: AB1234", None),
    ("pl", "Kod zamówienia: K7QX9P", None),
    ("pt", "Código de rastreio: K7QX9P", None),
    ("vi", "Mã vận đơn: K7QX9P", None),
    ("tr", "Sipariş kodu: K7QX9P", None),
    ("en", "Your gift card code: K7QX9P", None),
    ("en", "Status code: OK200", None),
    ("en", "Your car plate AB123CD was recorded", None),
    ("ru", "Госномер: A123BC77. Код: A123BC77", None),
    ("en", "SWIFT: DEUTDEFF. IBAN DE89370400440532013000", None),
    ("lv", "BIC kods: HABALV22", None),
    ("en", "SWIFT code: HABALV22", None),
    ("en", "Your password has been changed. Code: K7QX9P", None),
    # a digit code next to letter tokens still wins
    ("en", "Verification code: 482193. Ref: K7QX9P", "482193"),
    ("lv", "Kods: 482193. BIC: HABALV22", "482193"),
    ("en", "Your Uber code: 4821. Plate ABC1234", "4821"),
]

# (language, sender, message, expected): the sender's name or a brand label opening the
# message is never the code, and a code glued to a long keyword phrase is still found.
SENDER_CASES: list[tuple[str, str | None, str, str | None]] = [
    ("lo", "TPLUS", "TPLUS: ລະຫັດຢືນຢັນການລົງທະບຽນຊິມ150220", "150220"),
    ("lo", None, "TPLUS: ລະຫັດຢືນຢັນການລົງທະບຽນຊິມ150220", "150220"),
    ("lo", None, "【TPLUS】ລະຫັດຢືນຢັນການລົງທະບຽນຊິມ150220", "150220"),
    ("lo", "TPLUS", "ລະຫັດຢືນຢັນການລົງທະບຽນຊິມ150220ໃຊ້ໄດ້ພາຍໃນ5ນາທີ", "150220"),
    ("lo", None, "ລະຫັດຢືນຢັນສຳລັບການລົງທະບຽນຊິມກາດຂອງທ່ານແມ່ນ150220ໃຊ້ໄດ້5ນາທີ", "150220"),
    ("lo", None, "BCEL: ລະຫັດຢືນຢັນສຳລັບການເຂົ້າສູ່ລະບົບແອັບ482193", "482193"),
    ("lo", "BCEL", "BCELONE: ລະຫັດ OTP ຂອງທ່ານ 150220", "150220"),
    ("th", None, "KBANK: รหัสยืนยันสำหรับการลงทะเบียนแอปพลิเคชัน482193", "482193"),
    ("th", None, "[KBANK] รหัส OTP สำหรับยืนยันตัวตน482193", "482193"),
    ("th", None, "รหัสยืนยันสำหรับการสมัครบริการของท่านคือ482193กรุณาอย่าเปิดเผย", "482193"),
    ("zh", None, "SHOPEE: 您的驗證碼用於登入帳戶及綁定手機482193", "482193"),
    ("zh", None, "您好，您本次在網路銀行進行約定轉帳設定之簡訊驗證碼482193，請勿提供給他人",
     "482193"),
    ("ja", None, "RAKUTEN: 認証コードはログイン用のワンタイムです482193", "482193"),
    ("ja", None, "ご利用のサービスのログインに必要な認証コード482193をご入力ください", "482193"),
    ("en", "Steam", "STEAM: Your Steam Guard code is HK7QP", "HK7QP"),
    ("en", "NETFLIX", "NETFLIX: Your verification code is 482193", "482193"),
    ("kk", "KCELL", "Код подтверждения от KCELL: 4821", "4821"),
    ("en", "EPICGAMES", "EPICGAMES: Your security code is 7X2KPQ", "7X2KPQ"),
    ("en", "TPLUS", "Your verification code is TPLUS", None),
    ("ru", "TPLUS", "TPLUS: Ваш код подтверждения: TPLUS", None),
    ("lo", "TPLUS", "TPLUS: ຂອບໃຈທີ່ໃຊ້ບໍລິການ", None),
    ("en", "BKASH", "BKASH: Your verification code is ready", None),
    ("en", None, "MYBANK: Your verification code was sent", None),
    ("lo", None, "UNITEL: ທ່ານໄດ້ຮັບໂບນັດ 5GB", None),
    ("th", None, "KBANK: รหัสผ่านของคุณถูกเปลี่ยน", None),
    ("zh", "10086", "验证码请勿泄露，客服10086", None),
]
# fmt: on


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    LETTER_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(LETTER_CASES)],
)
def test_letter_code(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


@pytest.mark.parametrize(
    ("lang", "sender", "text", "expected"),
    SENDER_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(SENDER_CASES)],
)
def test_sender_is_not_the_code(
    lang: str, sender: str | None, text: str, expected: str | None
) -> None:
    assert extract_code(text, sender=sender) == expected


def test_letter_cases_cover_many_languages() -> None:
    for cases in (LETTER_CASES, [(c[0], c[2], c[3]) for c in SENDER_CASES]):
        assert len({lang for lang, _, expected in cases if expected}) >= 6
        assert len({lang for lang, _, expected in cases if expected is None}) >= 4


@pytest.mark.parametrize("word", [w.rstrip("$") for w in cues.BOOKING["all"]])
def test_every_booking_word_makes_a_letter_code_a_reference(word: str) -> None:
    assert extract_code(f"{word}. Confirmation code: K7QX9P") is None
    assert extract_code(f"{word}. Confirmation code: 482193") == "482193"

"""Decoy numbers around a code: masked tails, amounts, dates, help lines, spent codes."""

from __future__ import annotations

import pytest

from otpvirt.otp import extract_code

# (language, message, expected); written for these tests.  Each message mixes a code (or
# none) with numbers that are something else: a shortened IBAN ("DE89...3000"), the visible
# tail of a masked card right before the code ("xxx4821 3775"), an amount whose currency
# follows it ("1,500.00 บาท 453283"), a telephone number written out after a call word, an
# order number in an earlier sentence, the number a code was sent to ("ending 4821", "末尾
# 4821"), a code that was already used, a code in brackets or in two groups of four.
# fmt: off
CASES: list[tuple[str, str, str | None]] = [
    ("de", "Sparkasse: Für die Überweisung von 1.250,00 EUR auf das Konto DE89...3000 lautet "
     "Ihre smsTAN: 539217", "539217"),
    ("de", "1.250,00 EUR an DE89…3000: Ihre mobileTAN lautet 4821", "4821"),
    ("de", "Ihr Konto ...4821 wurde mit 20,00 EUR belastet.", None),
    ("en", "Card ending 4821.\nBalance: $1,234.56.\n4407 is your login code.\nHelpline: 1800 "
     "123 4567.", "4407"),
    ("en", "Amount: USD 250.00. 8408 is your login code. Date: 12/06/2025 14:32.", "8408"),
    ("ru", "Баланс 12 300,50 р. 229278 — ваш код для входа. Горячая линия 8 800 555-35-35."
     "Баланс 12 300,50 р. 229278 — ваш код для входа. Горячая линия 8 800 555-35-35.", "229278"),
    ("ru", "Горячая линия 8 800 555-35-35. 5346 — ваш код для входа.", "5346"),
    ("th", "ยอดเงิน 1,500.00 บาท 453283 คือรหัสยืนยันของคุณ", "453283"),
    ("th", "บัญชี xxx4821 3775 คือรหัสยืนยันของคุณ", "3775"),
    ("th", "สอบถามโทร 02-111-1111 852938 คือรหัสยืนยันของคุณ", "852938"),
    ("fa", "کارت ۶۲۱۹۸۶****۴۸۲۱ 187135 کد ورود شماست.", "187135"),
    ("ja", "注文番号48213377。 813793があなたの確認コードです。", "813793"),
    ("tr", "Son 4 hanesi 4821 olan kartınız. 1248 giriş kodunuzdur. Tutar: 250,00 TL.", "1248"),
    ("tr", "Tutar: 250,00 TL. Son 4 hanesi 4821 olan kartınız. Bu kodu kimseyle paylaşmayın."
     "Tutar: 250,00 TL. Son 4 hanesi 4821 olan kartınız. Bu kodu kimseyle paylaşmayın.", None),
    ("ur", "ہم کبھی بھی آپ سے OTP نہیں مانگتے۔ شکایت کے لیے 8334 پر کال کریں۔ 2540 آپ کا لاگ ان "
     "کوڈ ہے۔", "2540"),
    ("bn", "বিকাশ কখনো পিন জানতে চায় না। কল করুন ১৬২৪৭।\nকোডটি কাউকে দেবেন না।\nহেল্পলাইন ১৬২৪৭।"
     "বিকাশ কখনো পিন জানতে চায় না। কল করুন ১৬২৪৭।\nকোডটি কাউকে দেবেন না।\nহেল্পলাইন ১৬২৪৭।", None),
    ("en", "Questions? 8080", None),
    ("en", "Never share your code. Questions? 8080", None),
    ("es", "Clave SMS: 627379. Código promocional VERANO25: 25% de descuento.", "627379"),
    ("fr", "Code : 255820. Code promo ETE25 : -25 %.", "255820"),
    ("pt", "Código: 515988. Pedido 48213377 enviado. Cupom VERAO25 com 25% de desconto.", "515988"),
    ("tr", "%50 indirim! Kod: 4455", None),
    ("en", "Use code 1234 at checkout for 20% off", None),
    ("ar", "خدمة العملاء 920001000. بتاريخ 12 يونيو 2025 الساعة 14:32. لا تشارك الرمز مع أي "
     "شخص.", None),
    ("id", "Kode OTP Anda: 1430.\n12 Juni 2025 pukul 14:32.\nJANGAN berikan kode ini ke siapa "
     "pun.", "1430"),
    ("sw", "Msimbo wako: 2025. Tarehe 12 Juni 2025.", "2025"),
    ("en", "Your code is 2024. Sent on June 12, 2025.", "2024"),
    ("he", "הקוד נשלח ב-12 ביוני 2025", None),
    ("en", "Txn of INR 1,500.00 at AMAZON on 12-06-25 14:32. OTP 482193. Valid 10 min. Not you? "
     "Call 1800-123-4567. Ref 48213377", "482193"),
    ("en", "We've sent a code to your number ending 4821. Enter it in the app.", None),
    ("en", "Your code has been sent to +7 *** *** 48 21", None),
    ("en", "Enter the code we sent to 0712 345 678 to continue.", None),
    ("en", "Call 0800 4821 to get your activation code.", None),
    ("en", "Your OTP request failed. Please try again in 30 minutes.", None),
    ("en", "One-time password for your transaction of Rs 4821.00 has been generated and sent to "
     "your email.", None),
    ("en", "Code 4821 was used to sign in on 12/06 at 14:32. Not you? Reset your password.", None),
    ("en", "Your verification code is incorrect. 2 attempts remaining.", None),
    ("en", "Backup codes were regenerated on 12 June 2025. Keep them safe.", None),
    ("en", "Your code (482193) expires in 10 minutes.", "482193"),
    ("en", "Your code: [482193]", "482193"),
    ("en", "Use 4821 9375 as your one-time code.", "48219375"),
    ("en", "Your OTP is 4821-9375. Valid till 14:45.", "48219375"),
    ("en", "Dear Customer, 482193 is the OTP for your transaction of USD 250.00 at NETFLIX on "
     "card ending 4821. Valid for 5 mins. Do not share.", "482193"),
    ("en", "Your account 4821 has been credited with $500.00 on 06/12/2025. Available balance "
     "$1,234.56.", None),
    ("en", "Your Lyft code is 4821\n\n@lyft.com #4821", "4821"),
    ("en", "Use code 1206 to verify. Expires 12/06/2025.", "1206"),
    ("ru", "Код 4821 был использован для входа 12.06 в 14:32. Если это не вы, смените пароль."
     "Код 4821 был использован для входа 12.06 в 14:32. Если это не вы, смените пароль.", None),
    ("ru", "Код отправлен на номер +7 912 ***-**-21. Введите его в приложении.", None),
    ("ru", "Неверный код. Осталось 2 попытки. Повторите через 5 минут.", None),
    ("ru", "Ваш код (482193) действителен 5 минут.", "482193"),
    ("ru", "Код: 4821 9375. Никому не сообщайте.", "48219375"),
    ("es", "Hemos enviado un código al número terminado en 4821.", None),
    ("es", "Tu código de verificación ha caducado. Solicita uno nuevo en la app.", None),
    ("es", "Tu código: [482193]. Caduca en 10 min.", "482193"),
    ("pt", "Enviamos um código para o número final 4821. Digite-o no app.", None),
    ("pt", "Seu código (482193) expira em 5 minutos.", "482193"),
    ("fr", "Nous avons envoyé un code au 06 ** ** 48 21.", None),
    ("fr", "Votre code (482193) est valable 10 minutes.", "482193"),
    ("de", "Wir haben einen Code an die Nummer +49 *** ***4821 gesendet.", None),
    ("de", "Ihr Code (482193) ist 10 Minuten gültig.", "482193"),
    ("tr", "Kod 0532 *** ** 21 numaralı telefonunuza gönderildi.", None),
    ("tr", "Doğrulama kodunuz (482193) 3 dakika geçerlidir.", "482193"),
    ("ar", "تم إرسال الرمز إلى الرقم المنتهي بـ 4821", None),
    ("ar", "رمز التحقق (482193) صالح لمدة 5 دقائق", "482193"),
    ("fa", "کد به شماره ۰۹۱۲***۴۸۲۱ ارسال شد.", None),
    ("fa", "کد تایید (۴۸۲۱۹۳) تا ۲ دقیقه معتبر است.", "482193"),
    ("zh-Hans", "验证码已发送至尾号4821的手机，请注意查收。", None),
    ("zh-Hans", "验证码【482193】，5分钟内有效。", "482193"),
    ("zh-Hant", "驗證碼已傳送至手機末四碼4821，請查收。", None),
    ("ja", "認証コードを末尾4821の電話番号に送信しました。", None),
    ("ja", "認証コード【482193】有効期限10分", "482193"),
    ("ko", "[Web발신] 인증번호가 010-****-4821 으로 발송되었습니다.", None),
    ("ko", "[Web발신] 인증번호 (482193) 3분 이내 입력", "482193"),
    ("th", "ส่งรหัสไปยังหมายเลข 08x-xxx-4821 แล้ว", None),
    ("vi", "Mã xác thực đã được gửi đến số điện thoại ***4821.", None),
    ("id", "Kode OTP telah dikirim ke nomor 0812****4821.", None),
    ("hi", "OTP आपके मोबाइल नंबर XXXXXX4821 पर भेजा गया है।", None),
    ("bn", "ওটিপি আপনার ০১৭XXXXX৪৮২১ নম্বরে পাঠানো হয়েছে।", None),
    ("ur", "OTP آپ کے نمبر 0300XXXX821 پر بھیج دیا گیا ہے۔", None),
    ("he", "הקוד נשלח למספר המסתיים ב-4821", None),
    ("uk", "Код надіслано на номер +380 ** *** 48 21.", None),
    ("pl", "Kod został wysłany na numer kończący się na 4821.", None),
    ("it", "Abbiamo inviato un codice al numero che termina con 4821.", None),
    ("nl", "We hebben een code gestuurd naar het nummer eindigend op 4821.", None),
    ("sw", "Tumekutumia nambari ya uthibitisho kwa namba inayoishia 4821.", None),
    ("ka", "კოდი გაიგზავნა ნომერზე 5** *** 821", None),
    ("am", "የማረጋገጫ ኮዱ በ09****4821 ወደሚያልቀው ቁጥር ተልኳል።", None),
]
# fmt: on


@pytest.mark.parametrize(
    ("lang", "text", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_decoys(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


@pytest.mark.parametrize(
    "decoy",
    [
        "Amount: USD 250.00.",
        "Balance: $1,234.56.",
        "Сумма 1 500 ₽.",
        "ยอดเงิน 1,500.00 บาท",
        "Горячая линия 8 800 555-35-35.",
        "Card ending 4821.",
        "Order #48213377 is on its way.",
        "Date: 12/06/2025 14:32.",
        "Never share your code. Helpline: 1800 123 4567.",
    ],
)
@pytest.mark.parametrize("sep", [" ", "\n"])
def test_code_after_a_decoy(decoy: str, sep: str) -> None:
    assert extract_code(f"{decoy}{sep}482193 is your login code.") == "482193"
    assert extract_code(f"{decoy}{sep}Your login code is 5092.") == "5092"
    assert extract_code(decoy) is None


@pytest.mark.parametrize(
    "app_hash", ["5NgeywZyDkO", "PCS+izfD42S", "rP5bg+I0poY", "KBC52R23FWQ", "cm7/OKsG+I4"]
)
@pytest.mark.parametrize("code", ["428265", "4281", "48 21 93"])
def test_android_hash_right_after_the_code(app_hash: str, code: str) -> None:
    # the hash starts with a digit, a unit ("pcs", "cm", "KB") or a currency ("Rp")
    expected = code.replace(" ", "")
    assert extract_code(f"[#] Your Wolt code: {code} {app_hash}") == expected
    assert extract_code(f"<#> Doğrulama kodunuz: {code} {app_hash}") == expected


@pytest.mark.parametrize(
    "template",
    [
        "Your code is «{}»",
        "Your code is “{}”",
        "Your code is *{}*",
        "인증번호 【{}】",
        "인증번호 【{}】 (3분 이내 입력)",
        "認証コード「{}」",
        "🔐 Code: {} 🔐",
        "Your code is {}😊",
    ],
)
@pytest.mark.parametrize("code", ["482193", "4821"])
def test_code_in_quotes_brackets_and_bold(template: str, code: str) -> None:
    assert extract_code(template.format(code)) == code


@pytest.mark.parametrize(
    "text",
    [
        "【95588】您的账户余额1,234元",
        "余额1,234元，请勿泄露。【95588】",
        "Card *4821* charged 20 EUR",
    ],
)
def test_sender_numbers_and_card_tails_stay_no_code(text: str) -> None:
    assert extract_code(text) is None


@pytest.mark.parametrize(
    "text",
    ["482193 security code", "482193 смс-код", "482193 일회용 비밀번호", "482193 secure code"],
)
def test_code_before_a_word_that_starts_like_a_unit(text: str) -> None:
    # "sec", "см", "일" are units only as whole words
    assert extract_code(text) == "482193"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("YOUR OTP IS 482193. DO NOT SHARE IT WITH ANYONE. HELPLINE 1800 123 456", "482193"),
        ("DIDN'T RECEIVE YOUR CODE? TEXT RESEND TO 72727.", None),
        ("TO ACTIVATE ROAMING SEND ON TO 4821. CHARGES APPLY.", None),
        ("MOKĖJIMO 150,00 EUR Į LT12 1000 0111 0100 1000 PATVIRTINIMO KODAS: 482193", "482193"),
        ("ВАШ КОД ПОДТВЕРЖДЕНИЯ: 482193. НИКОМУ НЕ СООБЩАЙТЕ. ГОРЯЧАЯ ЛИНИЯ 900", "482193"),
    ],
)
def test_messages_in_capitals(text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your security code is 4 8 2 1 9 3", "482193"),
        ("Code: 4 8 2 1", "4821"),
        ("Press 1 2 3 4 on the keypad to continue.", None),
        ("Rate us 1 2 3 4 5", None),
    ],
)
def test_code_read_out_digit_by_digit(text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


@pytest.mark.parametrize(
    "text", ["YOUR 2FA IS NOW ENABLED. IF IT WASN'T YOU, CALL 0800 123 4567.", "YOUR PIN IS SET"]
)
def test_words_in_capitals_are_no_letter_codes(text: str) -> None:
    assert extract_code(text) is None


@pytest.mark.parametrize(
    "keyword_sentence",
    [
        "Never share your OTP.",
        "OTP is required for transfers above Rs 5,000.",
        "Код подтверждения придёт в SMS.",
        "验证码将稍后发送。",
        "Tu código llegará en breve.",
    ],
)
@pytest.mark.parametrize(
    "reference",
    [
        "A/c XX4821 debited with Rs 500.",
        "Card no. ****4821 used at AMAZON.",
        "Account ...4821 balance 12,340.",
        "Consumer ID 4821337.",
        "Policy no. 4821337 renewed.",
        "Счёт *4821: списание 500 р.",
        "账户尾号4821支出100元。",
        "Cuenta terminada en 4821: cargo 20 EUR.",
    ],
)
def test_account_references_beside_a_code_word_without_a_code(
    keyword_sentence: str, reference: str
) -> None:
    assert extract_code(f"{keyword_sentence} {reference}") is None
    assert extract_code(f"{reference} {keyword_sentence}") is None

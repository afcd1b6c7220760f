"""Table-driven tests: every rule and every service format has a positive and a negative case."""

from __future__ import annotations

import time
import unicodedata

import pytest

from otpvirt.otp import extract_code, normalize_digits
from otpvirt.otp.formats import FORMATS
from otpvirt.otp.normalize import NORM_TABLE

# name -> (message with a code, expected code, similar message without one)
FORMAT_CASES: dict[str, tuple[str, str, str]] = {
    "google": (
        "G-123456 is your Google verification code.",
        "123456",
        "New sign-in to your Google Account on 12/05/2025 at 10:42.",
    ),
    "facebook": (
        "FB-51201 is your Facebook confirmation code",
        "51201",
        "Facebook: someone tried to log in from Chrome on Windows 10 on 05/06/2025.",
    ),
    "instagram": (
        "337 224 is your Instagram code. Don't share it.",
        "337224",
        "Instagram: 12 new followers since 05/06/2025.",
    ),
    "whatsapp": (
        "Your WhatsApp code: 652-216\nDon't share this code with others",
        "652216",
        "Your WhatsApp code was requested on another phone. Don't share it.",
    ),
    "telegram": (
        "Telegram code: 18406\n\nYou can also tap on this link to log in:\n"
        "https://t.me/login/18406",
        "18406",
        "Telegram: new login from a new device on 19/05/2025 at 01:35:25 UTC.",
    ),
    "viber": (
        "Your Viber code: 705865. Don't share this code with anyone.",
        "705865",
        "Viber Out: your balance is $4.99 as of 12/05/2025.",
    ),
    "signal": (
        "Your Signal code: 576-992\nDo not share this code",
        "576992",
        "Signal: your registration lock expires on 12.05.2025.",
    ),
    "microsoft": (
        "Microsoft account security code: 1783639",
        "1783639",
        "Microsoft: unusual sign-in from 81.2.69.142 on June 1, 2025.",
    ),
    "steam": (
        "Steam Guard code: PV7AE",
        "PV7AE",
        "Steam: a purchase of $59.99 was made on your account on 06/01/2025.",
    ),
    "apple": (
        "Your Apple Account code is: 423186. Don't share it.\n\n@apple.com #423186 %apple.com",
        "423186",
        "Your Apple ID was used to sign in on an iPhone 15 on 12/03/2025.",
    ),
    "amazon": (
        "123456 is your Amazon OTP. Do not share it with anyone.",
        "123456",
        "Your order #112-7788223-4411 has shipped! Track: https://amzn.to/3xYzAbC",
    ),
    "uber": (
        "Your Uber code: 4821. Never share this code. Reply STOP ALL to 89203 to unsubscribe.",
        "4821",
        "Your Uber is arriving now. Look for a grey Honda Civic, plate 8ABC123.",
    ),
    "twitter": (
        "130517 is your X verification code. Don't share it with anyone.",
        "130517",
        "X: your post got 1200 likes today.",
    ),
    "tiktok": (
        "[TikTok] 780748 — ваш код подтверждения.",
        "780748",
        "[TikTok] Live at 20:00 today, 3000 viewers expected.",
    ),
    "wechat": (
        "WeChat verification code (622790) may only be used on WeChat.",
        "622790",
        "【微信】您的账户于5月3日14:22在新设备登录。",
    ),
    "kakao": (
        "[카카오] 인증번호 [482913]를 입력해주세요.",
        "482913",
        "[카카오] 05/12 14:22 25,000원 결제 완료",
    ),
    "line": (
        "【LINE】認証番号：482913\n他人に教えないでください。",
        "482913",
        "【LINE】5月14日 10:00 にログインしました。",
    ),
    "yandex": (
        "Код для входа в Яндекс Go: 9320",
        "9320",
        "Яндекс Go: поездка 12.05.2025 стоила 450 ₽.",
    ),
    "vk": (
        "VK: 747581 — код для входа в аккаунт. Никому его не сообщайте.",
        "747581",
        "VK: вход в аккаунт 12.05.2025 в 10:22 с нового устройства.",
    ),
    "sberbank": (
        "Вход в СберБанк Онлайн в 14:32. Код: 48213",
        "48213",
        "Сбербанк: списание 1 200р. MIR-4401 12:15 Баланс: 45 300,15р",
    ),
    "gosuslugi": (
        "Код подтверждения: 338877. Никому не сообщайте его. Госуслуги",
        "338877",
        "Вход в Госуслуги 03.11.2025 в 10:22. Если это были не вы, смените пароль.",
    ),
    "snapp": (
        "کد تایید اسنپ: ۴۲۰۸\nلطفا این کد را به هیچ‌کس ندهید.",
        "4208",
        "اسنپ: سفر شما به مبلغ ۱۲۵,۰۰۰ تومان به پایان رسید.",
    ),
    "paypal": (
        "PayPal: 482913 is your security code. Don't share your code.",
        "482913",
        "PayPal: You sent $25.00 USD to John on 05/12/2025.",
    ),
    "origin_bound": (
        "Your code: 872966\n\n@shop.example.ru #872966",
        "872966",
        "Follow us @shop.example.ru #sale2025",
    ),
    "url_param": (
        "Confirm your number: https://example.com/verify?code=482913",
        "482913",
        "Track your order: https://example.com/track?id=4829137",
    ),
}


@pytest.mark.parametrize("name", sorted(FORMAT_CASES))
def test_format_positive(name: str) -> None:
    text, expected, _ = FORMAT_CASES[name]
    assert extract_code(text) == expected


@pytest.mark.parametrize("name", sorted(FORMAT_CASES))
def test_format_negative(name: str) -> None:
    assert extract_code(FORMAT_CASES[name][2]) is None


def test_every_format_entry_has_a_test() -> None:
    assert {f.name for f in FORMATS} <= set(FORMAT_CASES)


# rule -> list of (text, expected); each rule has at least one positive and one negative
RULE_CASES: dict[str, list[tuple[str, str | None]]] = {
    "native_digits": [
        ("کد ورود به ترب ۰٥۳١۶ است.", "05316"),
        ("آپ کا تصدیقی کوڈ ۴۵۲۱۸۸ ہے۔", "452188"),
        ("验证码：１２３４５６（请勿告诉他人）", "123456"),
        ("ລະຫັດຢືນຢັນ:໔໕໒໑໘໘", "452188"),
        ("ورود به حساب در تاریخ ۱۴۰۴/۰۸/۲۸ ساعت ۰۴:۵۳ انجام شد.", None),
    ],
    "split_code": [
        ("Ваш код WhatsApp: 410-437", "410437"),
        ("337 224 is your Instagram code", "337224"),
        ("Ваш код: 12 34 56", "123456"),
        ("Ваш заказ на сумму 85 743 ₽ оплачен.", None),
    ],
    "code_before_keyword": [
        ("108292 is your OTP to login to Zomato.", "108292"),
        ("Thanks for your order #7808262008!", None),
    ],
    "no_space_scripts": [
        ("【中国移动】验证码997647，5分钟内有效。", "997647"),
        ("ລະຫັດOTPຂອງທ່ານແມ່ນ482913", "482913"),
        ("[쿠팡] 인증번호는 482913입니다.", "482913"),
        ("【招商银行】您账户8112于6月11日09:42消费人民币3660.95元", None),
    ],
    "amount": [
        ("Код: 5372. Перевод 25 589,00 р. на карту *9907.", "5372"),
        ("BCEL One: ລະຫັດຢືນຢັນການໂອນເງິນ 6020000 ກີບ ແມ່ນ 554593", "554593"),
        ("ستاسو حساب ته ۱۲۱۲۴ افغانۍ ولېږل شوې.", None),
        ("Code for payment 150 EUR: 12345678", "12345678"),
        ("Pembayaran Rp 150.000 berhasil pada 12/05/2025 14:22.", None),
    ],
    "date_time": [
        ("Никому не говорите код 4209! Вход в Тинькофф в 11:47 15.11.24", "4209"),
        ("【滴滴出行】验证码4821，用于登录，2024年5月3日前有效。", "4821"),
        ("Acme: enter 7368 to confirm your login at 09:41 on 12 Mar 2025.", "7368"),
        ("Prijava na vaš nalog sa novog uređaja 04.11.2024 u 11:19.", None),
    ],
    "phone": [
        (
            "Рамзи тасдиқ: 948518. Агар шумо дархост накарда бошед, ба рақами +992 92 107 7540 "
            "занг занед.",
            "948518",
        ),
        ("BB: Codigo de seguranca 703326. Duvidas? 4003-7019", "703326"),
        ("Вуруд ба Alif Mobi 24.05.2024 11:13. Агар ин шумо набошед, ба 1100 занг занед.", None),
        ("Your verification code was sent to +1 555 123 4567", None),
    ],
    "card": [
        (
            "Banka: Jednokratna lozinka za plaćanje 5.754,89 RSD картицом ***7256 је 750363.",
            "750363",
        ),
        ("Compra aprovada no cartão final 7426: R$ 4.906,15 em MERCADO LIVRE.", None),
        ("【工商银行】您尾号8842卡5月3日14:22支出1,299.00元。", None),
    ],
    "iban": [
        (
            "Citadele: Apstiprināšanas kods 024485 maksājumam 4.330,00 EUR uz kontu "
            "LV17PARX8624928680353.",
            "024485",
        ),
        ("Ihr Konto DE89 3704 0044 0532 0130 00 wurde mit 1.250,00 EUR belastet.", None),
    ],
    "reference": [
        ("Your code is 955276. Reference number: 51852007. Valid 5 minutes.", "955276"),
        ("سفارش شما با کد ۷۷۰۳۹۴۳ ارسال شد.", None),
        ("Siparişiniz 3360749330 kargoya verildi. Kargo takip no: 947021101129.", None),
    ],
    "validity": [
        ("Tu código de acceso es 1518. Válido por 10 minutos.", "1518"),
        ("رمز یکبار مصرف شما: ۹۱۰۳۹۲\nمدت اعتبار: ۱۲۰ ثانیه", "910392"),
        ("Unitel: ທ່ານໄດ້ຮັບໂບນັດ 5000 ກີບ ໃຊ້ໄດ້ຮອດ 30/06/2025", None),
    ],
    "app_hash": [
        ("<#> Kode Grab Anda adalah 1539. Jangan berikan kode ini. p6haHpmE6TC", "1539"),
        ("<#> Welcome back! qlRnn4A1sbt", None),
    ],
    "url": [
        ("Tap https://unv.viber.com/a/905526 to activate Viber", "905526"),
        ("Open https://m.facebook.com/confirmemail.php?c=12345&z=0 to confirm", "12345"),
        ("27757819 is your Facebook reset code: https://fb.com/l/LDL36awm", "27757819"),
        ("Track it at https://example.com/t/48213377", None),
    ],
    "alphanumeric": [
        ("Your Steam verification code is: 6W9RQ", "6W9RQ"),
        ("Your security code is K7Q2PX. It expires in 10 minutes.", "K7Q2PX"),
        ("Your booking ref is K7Q2PX. Flight TK1882 departs 14:25.", None),
        ("Your Uber is arriving now, plate 5MJY273.", None),
    ],
    "promo": [
        ("Flash sale! 40% off. Use promo code SAVE40. Reply STOP to 95967", None),
        ("%50 indirim! Kod: YAZ50 Son gün 17.07.2025.", None),
        ("Use code 1234 at checkout to get 20% off", None),
        ("Your Uber code: 1234. Reply STOP to unsubscribe.", "1234"),
    ],
    "expired": [
        ("Your verification code has expired. Please request a new one.", None),
        ("Your code 482913 has expired. Request a new code in the app.", None),
        ("Code 4321 has expired. Your new code is 8765.", "8765"),
        ("Reminder: code 1234 expires in 2 minutes", "1234"),
    ],
    "signature": [
        ("【12306】验证码：482913。5分钟内有效。", "482913"),
        ("【12306】您的车票已出票，车次G1234。", None),
    ],
    "languages": [
        ("Jūsu verifikācijas kods: 282610.", "282610"),
        ("Vaš verifikacioni kod je 991648.", "991648"),
        ("Коди тасдиқи шумо: 987984", "987984"),
        ("رمز التحقق الخاص بك في نون هو ٧٨١٥٠٧", "781507"),
        ("ستاسو د تایید کوډ ۰۵۰۸۱۴ دی.", "050814"),
        ("کود تایید شما: ۹۶۸۸۸۱", "968881"),
        ("Ihr Bestätigungscode lautet: 482913.", "482913"),
        ("Twój kod weryfikacyjny to 482913.", "482913"),
        ("รหัส OTP ของคุณคือ 482913 (Ref: KQWX)", "482913"),
        ("Ձեր հաստատման կոդն է՝ 482913", "482913"),
        ("თქვენი ერთჯერადი კოდია: 4821", "4821"),
        ("Jouw verificatiecode is 123456", "123456"),
        ("Ваш баланс 354,20 руб. Пополните счёт до 15.06.2025.", None),
    ],
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [case for cases in RULE_CASES.values() for case in cases],
    ids=[f"{rule}-{i}" for rule, cases in RULE_CASES.items() for i in range(len(cases))],
)
def test_rule(text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


def test_every_rule_has_positive_and_negative() -> None:
    for rule, cases in RULE_CASES.items():
        if rule in ("native_digits", "no_space_scripts", "languages", "split_code"):
            continue  # these are about reading codes; their negatives live in other rules
        outcomes = {expected is None for _, expected in cases}
        assert outcomes == {True, False}, rule


def test_sender_selects_format() -> None:
    # with the sender known, a Steam-style token of letters only next to a weak keyword is
    # trusted; without it a plain "Code:" vouches only for letters mixed with digits
    assert extract_code("Code: FJKQD", sender="Steam") == "FJKQD"
    assert extract_code("Code: FJKQD") is None
    assert extract_code("Code: F7K2P", sender="Steam") == "F7K2P"
    assert extract_code("Code: F7K2P") == "F7K2P"


def test_normalize_digits_covers_every_listed_block() -> None:
    for cp, ascii_digit in NORM_TABLE.items():
        if ascii_digit is not None and ascii_digit.isdigit():
            assert unicodedata.decimal(chr(cp)) == int(ascii_digit)
    assert normalize_digits("۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩ ０１２") == "0123456789 0123456789 012"


def test_empty_and_odd_inputs() -> None:
    assert extract_code("") is None
    assert extract_code("   \n") is None
    assert extract_code("1234") is None  # a bare number with no keyword is not trusted
    assert extract_code("Code: " + "9" * 12) is None


def test_speed_is_reasonable() -> None:
    text = FORMAT_CASES["whatsapp"][0]
    # CPU time, not wall time: parallel test processes and other work share the cores.
    start = time.process_time()
    for _ in range(2000):
        extract_code(text)
    per_call = (time.process_time() - start) / 2000
    assert per_call < 300e-6  # generous: the bench measures the real figure

"""Pickup, collection and delivery codes are codes; order and tracking numbers are not."""

from __future__ import annotations

import pytest

from otpvirt.otp import extract_code

# (language, message, expected); written for these tests in the style of couriers, parcel
# lockers and marketplaces.  Every positive also carries an order/tracking number or a date.
# fmt: off
PICKUP_CASES: list[tuple[str, str, str | None]] = [
    ("ru", "Код для получения заказа: 4821. Пункт выдачи ул. Ленина 5, хранение до 12.06.", "4821"),
    ("ru", "Ваш заказ 1234567890 ждёт в постамате. Код получения: 583920", "583920"),
    ("ru", "Код выдачи 7731. Покажите его в пункте выдачи.", "7731"),
    ("ru", "Ozon: ваш заказ 0123456789-0001 в пункте выдачи. Код получения 58 20 17", "582017"),
    ("ru", "Почта: посылка 80545693216741 ждёт до 20.06. Код для получения: 482193", "482193"),
    ("ru", "Сообщите курьеру код 7281 для получения заказа №44812355", "7281"),
    ("ru", "Для получения заказа 55123 назовите код 4821", "4821"),
    ("ru", "Заказ 12345678: код для получения 4821", "4821"),
    ("uk", "Нова пошта: посилка 20450123456789 у поштоматі. Код для отримання: 482193", "482193"),
    ("tg", "Фармоиши №554433 омода аст. Рамзи гирифтан: 4821", "4821"),
    ("kk", "Тапсырысыңыз №55123 дайын. Алу коды: 7391", "7391"),
    ("uz", "Buyurtmangiz №112233 topshirish punktida. Olish kodi: 4821", "4821"),
    ("uz", "Yandex Eda: Kuryerga 4821 kodini ayting", "4821"),
    ("tr", "Siparişiniz yola çıktı. Teslim kodu: 4821. Kargo takip no: 947021101129", "4821"),
    ("tr", "Getir: Siparişin yolda! Teslimat kodun: 4821", "4821"),
    ("fa", "کد تحویل سفارش ۱۲۳۴۵۶۷ شما: ۴۸۲۱", "4821"),
    ("fa", "سفارش شما ارسال شد. کد دریافت مرسوله ۷۳۹۱ را به پیک بدهید.", "7391"),
    ("ar", "رمز الاستلام الخاص بطلبك 998877 هو 4821", "4821"),
    ("ar", "أرامكس: شحنتك 34567890123 جاهزة. كود الاستلام 4821", "4821"),
    ("sr", "Пошиљка 12345678 је у пакетомату. Код за преузимање: 482193", "482193"),
    ("sr", "Pošiljka RR123456789RS čeka u paketomatu. Kod za preuzimanje: 482193", "482193"),
    ("lv", "Omniva: sūtījums pakomātā līdz 21.06. Saņemšanas kods: 482193", "482193"),
    ("lv", "Pasūtījums 12345678 gaida pakomātā. Kods: 482193", "482193"),
    ("zh", "【菜鸟驿站】您的包裹已到站，凭取件码『482193』领取。", "482193"),
    ("zh", "【丰巢】您的快递SF1234567890123已存入丰巢柜，取件码「58201733」", "58201733"),
    ("zh", "【京东】您的订单已到达自提点，提货码【482193】，请及时取货。", "482193"),
    ("zh", "取货码：4821，订单号 202506011234", "4821"),
    ("en", "Your parcel is in locker 12. Pickup code: 482193", "482193"),
    ("en", "The courier will ask for this delivery code: 4821. Track 1Z999AA10123456784", "4821"),
    ("en", "PIN for your parcel locker: 482193. Tracking: RE123456789RS", "482193"),
    ("en", "Royal Mail: ready to collect. Collection code 4821. Ref RE123456789GB", "4821"),
    ("en", "Your parcel 1234567890 is in the locker. Use 482193 to open it.", "482193"),
    ("de", "Ihr Paket 00340434161234567890 liegt in der Packstation. Abholcode: 482193", "482193"),
    ("pl", "Paczka 620123456789012345678901 czeka w Paczkomacie. Kod odbioru: 482193", "482193"),
    ("cs", "Zásilka 1234567890 je připravena. Kód pro vyzvednutí: 482193", "482193"),
    ("pt", "Sua encomenda está no locker. Código de retirada: 482193", "482193"),
    ("es", "Tu pedido 12345678 está listo. Código de retiro: 4821", "4821"),
    ("fr", "Votre colis 6A12345678901 est disponible. Code de retrait : 482193", "482193"),
    ("it", "Il tuo pacco è nel locker. Codice di ritiro: 482193", "482193"),
    ("nl", "PostNL: je pakket ligt klaar. Ophaalcode: 482193", "482193"),
    ("el", "Η παραγγελία σας 123456 έφτασε. Κωδικός παραλαβής: 482193", "482193"),
    ("id", "Kiriman Anda siap diambil. Kode pengambilan: 482193", "482193"),
    ("vi", "Đơn hàng 123456789 đã đến. Mã nhận hàng: 482193", "482193"),
    ("th", "พัสดุของคุณถึงตู้แล้ว รหัสรับพัสดุ 482193", "482193"),
    ("ko", "[쿠팡] 무인택배함 보관. 수령 코드 482193", "482193"),
    ("ko", "[CJ대한통운] 무인택배함 수령번호 4821, 운송장 123456789012", "4821"),
    ("ja", "Amazon: 受け取りコード：482193（注文番号 250-1234567-1234567）", "482193"),
    ("he", "חברת דואר: קוד איסוף 482193 לחבילה RR123456789IL", "482193"),
    ("bn", "Daraz: আপনার ডেলিভারি কোড 4821। অর্ডার নং 123456789", "4821"),
    ("ur", "Daraz: آپ کا ڈیلیوری کوڈ 4821 ہے۔ آرڈر نمبر 123456789", "4821"),
    ("hi", "Swiggy: आपका डिलीवरी कोड 4821 है। ऑर्डर 123456789", "4821"),
    ("lo", "Unitel: ລະຫັດຮັບເຄື່ອງ 482193. ເລກພັດສະດຸ 12345678", "482193"),
    ("it", "Poste: il codice di ritiro del pacco 123456789 è 482193", "482193"),
    ("sv", "PostNord: Din uthämtningskod är 482193. Kolli 12345678901", "482193"),
    ("fi", "Posti: Noutokoodi 482193, lähetys JJFI12345678901234", "482193"),
    ("ro", "Fan Courier: Codul de ridicare este 482193 pentru AWB 1234567890", "482193"),
    ("hu", "GLS: Az átvételi kód: 482193. Csomagszám: 12345678901", "482193"),
    ("bg", "Econt: Код за получаване: 482193. Пратка 1234567890", "482193"),
    ("pt", "Mercado Livre: Código de entrega 4821. Informe ao entregador.", "4821"),
    # no pickup code in the message: order/tracking numbers and dates stay non-codes
    ("ru", "Заказ 12345678 доставлен в пункт выдачи. Хранение до 15.06.2025", None),
    ("ru", "Ваш заказ 48210937 передан в доставку. Код получения придёт в день доставки.", None),
    ("ru", "Код получения 4821 больше не действителен. Посылка возвращена отправителю.", None),
    ("ru", "Trek-kod: RA123456789RU. Отслеживайте посылку на сайте.", None),
    ("uk", "Нова пошта: посилка 20450123456789 отримана 12.06.2025. Дякуємо!", None),
    ("en", "Your parcel RE123456789RS has been delivered on 12.06.2025.", None),
    ("en", "Your order 12345678 will be delivered 12/06. Delivery code will follow.", None),
    ("en", "Pickup code for order 12345678 will be sent when ready.", None),
    ("en", "Your pickup code 482193 has expired. The parcel will be returned.", None),
    ("en", "UPS: Your package 1Z999AA10123456784 is out for delivery today by 19:00.", None),
    ("tr", "Trendyol: 123456789 numaralı siparişiniz teslim edildi.", None),
    ("tr", "Teslim kodu 4821 süresi doldu.", None),
    ("de", "DHL: Ihre Sendung 00340434161234567890 wird heute zugestellt.", None),
    ("pl", "InPost: Paczka 620123456789012345678901 odebrana 12.06.2025. Dziękujemy!", None),
    ("zh", "【菜鸟驿站】您的包裹已被取走，取件时间6月12日14:32。", None),
    ("zh", "取件码4821已过期，包裹已退回。", None),
    ("fa", "دیجی‌کالا: سفارش ۱۲۳۴۵۶۷۸ شما تحویل داده شد.", None),
    ("ar", "أمازون: تم توصيل طلبك رقم 402-1234567-1234567 بتاريخ 12/06/2025", None),
    ("lv", "Omniva: sūtījums 12345678901 izņemts 12.06.2025.", None),
    ("ja", "ヤマト運輸: お荷物 1234-5678-9012 を6月12日にお届けしました。", None),
    ("ko", "[CJ대한통운] 운송장 123456789012 배송완료 06/12 14:32", None),
    ("es", "Correos: Tu envío PK1234567890123 ha sido entregado el 12/06/2025.", None),
    ("sv", "PostNord: Kolli 12345678901 levererat 2025-06-12 kl 14:32.", None),
    ("fa", "تیپاکس: مرسوله با کد رهگیری ۱۲۳۴۵۶۷۸۹۰ تحویل شد.", None),
]

# Traditional and Simplified Chinese, Lao and Thai wordings without spaces: the pickup or
# verification code word wins over a bill, waybill, parcel or order number next to it.
SCRIPT_CASES: list[tuple[str, str, str | None]] = [
    ("zh-Hant", "您的包裹已到達7-11門市，取件號碼：482193，請於7日內取貨。", "482193"),
    ("zh-Hant", "您訂購的商品已送達全家便利商店台大店，取件號碼：482193，請於6/20前取件", "482193"),
    ("zh-Hant", "【7-ELEVEN】您的包裹已到店，取貨號碼 8821，取件期限2025/06/20", "8821"),
    ("zh-Hant", "【蝦皮】您的包裹已送達，取貨碼：4821，請攜帶證件。", "4821"),
    ("zh-Hant", "包裹已送達智慧櫃，取件碼482193", "482193"),
    ("zh-Hant", "您的領取碼為482193，請於3日內領取", "482193"),
    ("zh-Hant", "提貨碼：482193，訂單編號：25061212345678", "482193"),
    ("zh-Hant", "訂單編號25061212345，取件號碼8821", "8821"),
    ("zh-Hant", "【萊爾富】包裹已到店，領取碼：4821，訂單號碼：TW12345678", "4821"),
    ("zh-Hant", "【黑貓宅急便】託運單號 9012345678 已送達，提貨碼 4821", "4821"),
    ("zh-Hant", "【順豐】運單號SF1234567890，取件碼：482193", "482193"),
    ("zh-Hant", "您的驗證號碼為482193，請勿告知他人", "482193"),
    ("zh-Hant", "您的訂單號碼20250612123456已出貨，驗證號碼482193", "482193"),
    ("zh-Hant", "您的包裹已存入智慧櫃，開箱碼：482193，櫃號A12", "482193"),
    ("zh-Hans", "您的取件号码是482193，运单号：YT1234567890123", "482193"),
    ("zh-Hans", "【顺丰】您的快件已到丰巢柜，取件号码：482193，运单号SF1234567890123", "482193"),
    ("zh-Hans", "领取码：482193，请凭码领取", "482193"),
    ("zh-Hans", "【兔喜生活】领取码：4821，包裹已到站", "4821"),
    ("lo", "ລະຫັດຮັບ: 4821", "4821"),
    ("lo", "ພັດສະດຸຂອງທ່ານມາຮອດແລ້ວ ລະຫັດຮັບ 4821", "4821"),
    ("lo", "ເລກບິນ 88123456 ລະຫັດຮັບ 4821", "4821"),
    ("lo", "ເລກທີ່ບິນ: 88123456, ລະຫັດຮັບສິນຄ້າ: 4821", "4821"),
    ("lo", "ເລກພັດສະດຸ 882193774 ມາຮອດສາຂາແລ້ວ ລະຫັດຮັບ 4821", "4821"),
    ("lo", "ເລກພັດສະດຸ: LA88123456 ລະຫັດຮັບ: 8821 ກະລຸນາມາຮັບພາຍໃນ 7 ວັນ", "8821"),
    ("lo", "ລະຫັດຮັບພັດສະດຸ 8821 ເລກພັດສະດຸ 88123456", "8821"),
    ("lo", "ເລກທີ່ບິນ 0012345 ຈຳນວນ 150.000ກີບ ລະຫັດຮັບ 8821", "8821"),
    ("lo", "ເລກບິນ 88123456 ຂອງທ່ານ ລະຫັດ 4821", "4821"),
    ("lo", "HAL: ເລກບິນ 4821 ລະຫັດຢືນຢັນ 553019", "553019"),
    ("th", "เลขพัสดุ TH88123456 รหัสรับพัสดุ 8821", "8821"),
    ("th", "เลขที่บิล 0012345 รหัสรับสินค้า 8821", "8821"),
    ("zh-Hant", "訂單編號：20250612123456 已出貨", None),
    ("zh-Hant", "您的包裹運單號碼 123456789012 已送達", None),
    ("zh-Hant", "託運單號 9012345678 已送達門市", None),
    ("zh-Hant", "物流單號：882193774，預計明日送達", None),
    ("zh-Hant", "會員號碼：48213377", None),
    ("zh-Hans", "【京东】订单编号 288123456789 已签收", None),
    ("zh-Hans", "您的订单号码 288123456789 已发货", None),
    ("lo", "ເລກບິນ 88123456 ຈ່າຍສຳເລັດ", None),
    ("lo", "ເລກທີ່ບິນ: 1234567 ຍອດເງິນ 50.000 ກີບ", None),
    ("lo", "ເລກທີ່ບິນ 0012345 ຊຳລະສຳເລັດ 150.000ກີບ", None),
    ("lo", "ເລກພັດສະດຸ 882193 ມາຮອດແລ້ວ", None),
    ("lo", "ເລກພັດສະດຸຂອງທ່ານ: 4821", None),
    ("lo", "HAL: ເລກບິນ 4821 ມາຮອດສາຂາແລ້ວ", None),
    ("th", "เลขที่บิล 0012345 ชำระแล้ว 150 บาท", None),
    ("th", "หมายเลขติดตามพัสดุ 88123456 จัดส่งแล้ว", None),
    ("th", "เลขพัสดุ 882193774 ถึงแล้ว", None),
]

# Parcel stations print shelf-row-number codes with dashes.  Right after a pickup word the
# whole group is what the user types or tells the clerk (dashes removed); anywhere else, or
# when it reads as a date or a phone number, it stays a non-code.
SHELF_CASES: list[tuple[str, str, str | None]] = [
    ("zh", "取件码53-8-9301", "5389301"),
    ("zh", "【菜鸟驿站】您的包裹已到站，取件码53-8-9301，请尽快领取。", "5389301"),
    ("zh", "【中通快递】快递已到驿站，取件码8-2-3014，请于6月3日前领取。", "823014"),
    ("zh", "【中通快递】您的快递已到菜鸟驿站，取件码12-3-4456，请于6月3日前领取。", "1234456"),
    ("zh", "取件码A-12-3456", "A123456"),
    ("zh", "【兔喜生活】凭取件码A-12-3456到店取件。", "A123456"),
    ("zh", "【丰巢】取件码：8-23-1234，请及时取件", "8231234"),
    ("zh", "提货码 5-6012", "56012"),
    ("zh-Hant", "取件碼8-23-1234", "8231234"),
    ("zh", "【菜鸟驿站】您的包裹已到站，取件号码：8-2-3014", "823014"),
    ("zh-Hant", "取件號碼 53-8-9301，請於3日內取件", "5389301"),
    ("ru", "Ozon: код получения 53-82-017", "5382017"),
    ("ru", "Код выдачи: 5-18-204. Пункт выдачи ул. Ленина 5", "518204"),
    ("uk", "Код отримання 12-3-456 у відділенні №5", "123456"),
    ("en", "Your pickup code: A-12-3456. Locker 7, open until 20:00", "A123456"),
    ("tr", "Teslim kodu: 12-3-4456", "1234456"),
    ("zh", "【菜鸟驿站】您的包裹已到站，营业时间8:00-20:00，请于06-12前领取。", None),
    ("zh", "【中通快递】快递员电话138-1234-5678，请保持电话畅通。", None),
    ("zh", "取件码2025-06-12", None),
    ("zh", "取件码12-06-2025", None),
    ("zh", "取件码 138-1234-5678", None),
    ("zh", "取件码已发送至手机尾号1234", None),
    ("zh", "您的订单123-4567-8901已发货", None),
    ("ru", "Трек-номер 12-3-4456", None),
    ("ru", "Код получения придёт позже. Заказ 12-3-4456", None),
    ("ru", "Номер заявки 12-3-4456", None),
    ("ru", "Ваш заказ 12-345-678 передан в доставку", None),
    ("en", "Please call 555-1234 to confirm", None),
]
# fmt: on


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    SHELF_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(SHELF_CASES)],
)
def test_shelf_code(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    PICKUP_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(PICKUP_CASES)],
)
def test_pickup(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    SCRIPT_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(SCRIPT_CASES)],
)
def test_pickup_in_scripts_without_spaces(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


# bill, waybill, parcel and tracking numbers in scripts without spaces
_BILL_WORDS = (
    "ເລກບິນ",
    "ເລກທີ່ບິນ",
    "ເລກພັດສະດຸ",
    "ເລກຕິດຕາມ",
    "เลขที่บิล",
    "เลขติดตาม",
    "訂單編號",
    "單號",
    "運單",
    "订单编号",
)


@pytest.mark.parametrize("word", _BILL_WORDS)
def test_bill_number_is_not_the_code(word: str) -> None:
    assert extract_code(f"{word} 88123456 ລະຫັດຮັບ 4821") == "4821"
    assert extract_code(f"{word} 88123456 取件號碼 4821") == "4821"
    # "… the receipt code will be sent later": the bill number stays a bill number
    assert extract_code(f"{word} 88123456 ລະຫັດຮັບຈະສົ່ງໃຫ້ພາຍຫຼັງ") is None


def test_pickup_covers_many_languages() -> None:
    positives = {lang for lang, _, expected in PICKUP_CASES if expected}
    assert len(positives) >= 30
    assert sum(expected is None for _, _, expected in PICKUP_CASES) >= 15

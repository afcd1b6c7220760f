"""Context word tables: what makes a number near a code word something else.  Pure data.

Matched like keywords.py (folded text, start of a word, trailing "$" = whole word).  The
same cues written in Latin letters ("monghazi shod", "zakaz") are in translit.py.

Categories:
  NOT_OTP  phrases where a code word means something else (promo code, tracking code)
  EXPIRED  "the code has expired", "the password was changed": no usable code
  MARKETING  advertising markers; with only a weak keyword a number there is not an OTP
  PHONE, REFERENCE, CARD  words announcing a phone number, an account/reference number
           or a payment card; numbers right after them are not codes
  PHONE_NOUN  "phone (number)": like PHONE, unless a code word governs it
  SENT     "sent to": the phone number after it is where a code went
  ORDER    order/delivery words: a number right after them is an order or tracking number
  BOOKING  travel and table bookings: like ORDER, and their letter codes are references (PNR)
  PRODUCT  tariff and bundle names; a number right after them is part of the name
  MONTHS   month names, to recognise a year written next to them
"""

from __future__ import annotations

# fmt: off

NOT_OTP: dict[str, tuple[str, ...]] = {
    "errors": ("error code", "код ошибки", "کد خطا", "رمز الخطا", "错误码", "错误代码",
               "kod błędu", "hata kodu", "código de error", "code d'erreur", "fehlercode",
               "kļūdas kods", "код грешке", "kod greške", "код региона", "region code",
               "area code", "country code", "swift code", "bic code", "sort code", "branch code",
               "ifsc", "routing number", "bankleitzahl", "blz$", "ussd", "qr code", "qr-код",
               "bar code", "barcode", "штрих-код", "штрихкод"),
    "en": ("promo code", "promocode", "promo", "coupon", "voucher", "discount code", "gift card",
           "gift code", "referral code", "invite code", "zip code", "postal code",
           "tracking code", "tracking number", "booking code", "booking ref", "order code",
           "redeem code", "coupon code", "gift card code", "status code", "product code"),
    "ru": ("промокод", "промо-код", "код заказа", "код отслеживания", "трек-код", "трек код",
           "номер заказа", "код скидки", "код купона", "подарочный код", "рамзи промо",
           "код товара", "ваучер", "код сертификата", "подарочный сертификат", "код статуса",
           "артикул"),
    "fa": ("کد تخفیف", "کد رهگیری", "کد پستی", "کد ملی", "کد پیگیری", "کد معرف", "کد سفارش",
           "کد اشتراک", "کد هدیه", "کد شارژ"),
    "ar": ("کود الخصم", "رمز الخصم", "الرمز الترویجی", "کود الشحن", "کود الخصم", "رمز القسیمه",
           "الرمز البریدی"),
    "zh": ("快递单号", "运单号码", "优惠码", "兑换码", "邀请码", "券码", "优惠券", "折扣码",
           "推荐码"),
    "postal": ("postcode", "post code", "zipcode", "kode pos", "código postal", "codigo postal",
               "code postal", "postleitzahl", "почтовый индекс", "индекс", "kod pocztowy",
               "posta kodu", "cap$", "zip$", "pin code", "pincode", "کد پستی", "الرمز البریدی",
               "邮编", "邮政编码", "우편번호", "郵便番号"),
    "invites": ("invitation code", "invite code", "referral", "код приглашения",
                "реферальный код", "kod zaproszenia", "کد دعوت", "رمز الدعوه", "kode referral",
                "kode undangan", "davet kodu", "код запрошення", "reservation code", "table code",
                "seat code", "mã giới thiệu", "código de indicação", "código de referido",
                "código de invitación", "code de parrainage", "empfehlungscode", "codice invito",
                "kod polecający", "mã sản phẩm", "kode produk", "код продукта",
                "código de producto", "código do produto", "code produit", "produktcode",
                "ürün kodu"),
    "ids": ("customer code", "customer id", "member id", "reference code", "ref code",
            "voucher code", "код клиента", "код абонента", "лицевой счет", "کد مشتری",
            "کد اشتراک", "شناسه", "ລະຫັດສິນຄ້າ", "ລະຫັດລູກຄ້າ", "ລະຫັດພັດສະດຸ", "รหัสสินค้า",
            "รหัสลูกค้า", "รหัสพัสดุ", "รหัสไปรษณีย์", "รหัสอ้างอิง", "客户编号", "商品编码",
            "رمز المنتج", "رقم العمیل", "kode pelanggan", "mã khách hàng", "müşteri numara",
            "kod klienta", "код за плаћање", "poziv na broj", "позив на број", "кодекс",
            # Taiwanese banks print an identifier next to the OTP: "識別碼K7Q2"
            "識別碼", "识别码", "識別號", "识别号", "交易序號", "交易序号", "驗證序號",
            # bill payment references: "繳費代碼482193"
            "繳費代碼", "缴费代码", "繳款代碼", "缴款代码", "銷帳編號", "销账编号", "繳費編號"),
    "tracking": ("seurantakoodi", "seurantanumero", "sporingsnummer", "spårningsnummer",
                 "kollinummer", "código de rastreio", "código de rastreamento",
                 "código de seguimiento", "numéro de suivi", "code de suivi", "sendungsnummer",
                 "codice di tracciamento", "numer przesyłki", "kargo takip", "takip kodu",
                 "takip numara"),
    "other": ("kode promo", "kode voucher", "kode booking", "código promocional", "cupón",
              "cupom", "código de descuento", "código do cupom", "code promo",
              "code de réduction", "gutscheincode", "rabattcode", "gutschein", "codice sconto",
              "codice promozionale", "kod rabatowy", "kod promocyjny", "cod promotional",
              "promosyon kod", "indirim kod", "kupon", "mã giảm giá", "mã khuyến mãi",
              "mã đơn hàng", "ma giam gia", "ma khuyen mai", "atlaides kod", "promo kod",
              # "Mã GD" (mã giao dịch, transaction code) is a transfer's reference in bank notices
              "mã giao dịch", "mã gd$",
              "popust kod", "운송장번호", "할인코드", "쿠폰", "クーポン",
              "注文番号", "ส่วนลด", "promosyon"),
}

EXPIRED: dict[str, tuple[str, ...]] = {
    "all": ("expired", "has expired", "is no longer valid", "no longer valid", "was used",
            "истёк$", "истек$", "истекло", "истёкший", "истекший", "недействителен", "просрочен",
            "beidzies", "vairs nav derīgs", "istekao", "istekla", "истекао", "истекла",
            "منقضی شد", "منقضی شده", "انتهت صلاحیه", "منتهی الصلاحیه", "süresi doldu",
            "geçerliliğini yitirdi", "已过期", "已失效", "已经过期", "expirou", "expirado",
            "caducado", "ha caducado", "ha expirado", "abgelaufen", "est expiré", "a expiré",
            "scaduto", "è scaduto", "wygasł", "a expirat", "беэътибор шуд", "ғайрифаъол шуд",
            "به پایان رسید", "期限切れ", "만료되었습니다", "หมดอายุแล้ว", "ໝົດອາຍຸແລ້ວ",
            "telah kedaluwarsa", "sudah kedaluwarsa", "sudah kadaluarsa", "đã hết hạn",
            "da het han", "समाप्त हो गया", "פג תוקף", "vypršel", "минул", "спливло", "закінчився",
            "муҳлаташ гузашт", "تاریخ گذشته", "больше не действ", "уже не действ",
            "більше не дійсн", "już nieważny", "no longer active", "n'est plus valide",
            "ya no es válido", "não é mais válido", "已過期",
            # invalid or out of date (Latin spellings of these are in translit.py)
            "is invalid", "was invalid", "is not valid", "been invalidated", "устарел",
            "утратил силу", "аннулирован", "انتهت صلاحیت", "لم یعد صالح", "غیر صالح", "نامعتبر",
            "باطل شد", "معتبر نیست", "اعتبار ندارد", "ختم شد", "ختم شوی", "پای ته رسید",
            "پای ته رسېد", "باطل شو", "اعتبار نلری", "гузашт$", "беэътибор аст",
            "эътибор надорад", "nije više važeć", "više nije važeć", "nevažeć", "није више важећ",
            "више није важећ", "неважећ", "nav derīgs", "nederīgs", "zaudējis derīgumu",
            "beidzās", "已作废", "已作廢", "已无效", "已無效", "失效了", "过期了", "過期了",
            "ໃຊ້ບໍ່ໄດ້ແລ້ວ", "ບໍ່ສາມາດໃຊ້ໄດ້ແລ້ວ", "ใช้ไม่ได้แล้ว", "is incorrect", "غیر صحیح",
            "از اعتبار ساقط"),
    # "ໝົດອາຍຸ" is "expired" alone but "expires" before a date, time or period:
    # "ລະຫັດ OTP 4821 ໝົດອາຍຸ 25/06/2025 14:30" (lexicon.py drops those)
    "until": ("ໝົດອາຍຸ", "หมดอายุ"),
    # "your password was changed": a notice about a secret, never one
    "changed": ("was changed", "has been changed", "изменён", "изменен$", "был изменен",
                "змінено", "değiştirildi", "o'zgartirildi", "өзгертілді", "өзгөртүлдү",
                "иваз карда шуд", "geändert", "zmienione", "zmieniono", "endret", "ändrades",
                "ændret", "vaihdettiin", "thay đổi", "promijenjena", "promenjena", "промењена",
                "שונתה", "変更されました", "변경되었습니다", "შეიცვალა", "dəyişdirildi",
                "a été modifié", "fue cambiada", "foi alterada", "è stata modificata",
                "megváltozott", "gewijzigd", "byla změněna", "a fost schimbat",
                "تغییر کرد", "تغییر یافت", "تغییر داده شد", "عوض شد", "تم تغییر", "تم تعدیل",
                "變更成功", "变更成功", "已變更", "已变更", "修改成功", "已修改", "更改成功",
                "已更改", "重設成功", "重置成功", "успешно смен", "сменён", "сменен$",
                "berhasil diubah", "telah diubah", "telah ditukar", "ha sido cambiada",
                "se ha cambiado", "fue modificada", "foi redefinida", "a été changé",
                "è stata cambiata", "nomainīta", "ir mainīta", "ປ່ຽນສຳເລັດ", "ໄດ້ປ່ຽນ",
                "ຖືກປ່ຽນ", "เปลี่ยนรหัสผ่านสำเร็จ", "ถูกเปลี่ยน", "बदल दिया गया"),
}

MARKETING: dict[str, tuple[str, ...]] = {
    "all": ("%", "sale$", "discount", "off$", "cashback", "скидк", "акци", "распродаж", "бонус",
            "desconto", "descuento", "oferta", "indirim", "kampanya", "diskon", "خصم", "عرض خاص",
            "تخفیف", "折", "优惠", "满", "sconto", "rabatt", "réduction", "soldes", "atlaide",
            "popust", "akcija", "тахфиф", "giảm giá", "khuyến mãi", "ส่วนลด", "ໂປຣໂມຊັນ", "할인",
            "セール", "bonus", "free$", "shop now", "промо", "акция", "at checkout", "off your",
            "off on", "gratis", "kupon", "promosi", "حراج", "جشنواره", "پیشنهاد ویژه", "عرض"),
}

# Call / contact / help-line cues: a number right after them is a phone number.
PHONE: dict[str, tuple[str, ...]] = {
    "all": ("call", "tel$", "tel.", "contact", "hotline", "helpline", "звоните",
            "позвоните", "тел.", "тел$", "занг", "تماس", "اتصل", "联系电话", "致电", "电话",
            "ໂທ", "โทร", "tālr", "позовите", "pozovite", "ligue", "llame", "llama", "appelez",
            "chiama", "anrufen", "zadzwoń", "dúvidas", "duvidas", "stop to", "stop al",
            "stop au", "txt stop", "text stop", "отправьте на", "отписка", "yazıp", "ارسال به",
            "أرسل", "ارسل", "reply", "sms to", "send to", "fax", "qo'ng'iroq", "зателефонуйте",
            "zvaničn", "nazovite", "моб.", "rufen sie", "kontakt", "arayın", "قم بالاتصال",
            "ring oss", "ring os", "ringe", "soita", "bel ons", "ma'lumot", "маълумот",
            "сұрақ", "по вопросам", "вопрос", "savollar", "саволҳо", "suallar", "sorular",
            "pytania", "fragen", "questions", "ໂທຫາ", "زنګ", "زنگ بزنید", "تلفن تماس",
            "horário de atendimento", "customer care", "customer service", "служба поддержки",
            "support", "hubungi", "telepon kami", "vui lòng gọi", "hãy gọi", "gọi tới",
            "gọi đến", "gọi ngay", "liên hệ", "llamar al", "ligar para", "appeler le",
            "請撥", "请拨", "撥打", "拨打", "致電", "請致電", "專線", "专线", "客服", "電話",
            "お問い合わせ", "고객센터", "문의", "پشتیبانی", "справки", "справочн", "infolinia",
            "atención", "central de"),
    # hot, help, trust and support lines: the number after them is one to call, and a
    # "never share the code" reminder before them gives no code ("Горячая линия: 8080")
    "lines": ("help line", "help-line", "support line", "care line", "service line",
              "info line", "call center", "call centre", "contact center", "contact centre",
              "горячая линия", "горячей линии", "горячую линию", "линия поддержки",
              "линии поддержки", "поддержка$", "колл-центр", "call-центр", "контакт-центр",
              "контактный центр", "контактного центра", "хати боварӣ", "хати бовари",
              "хати ёрӣ", "маркази тамос", "маркази алоқа", "хадамоти дастгирӣ",
              "хизматрасонии муштариён", "مرکز تماس", "خدمات مشتریان", "خدمات مشتری",
              "ارتباط با ما", "د پیرودونکو", "د پېرودونکو", "د اړیکو مرکز", "الخط الساخن",
              "خدمة العملاء", "خدمه العملاء", "مركز الاتصال", "الدعم الفني",
              "klientu serviss", "klientu servisa", "klientu apkalpošan", "palīdzības tālr",
              "uzticības tālr", "info linija", "инфо линија", "kontakt centar",
              "контакт центар", "кол центар", "call centar", "korisnički servis",
              "кориснички сервис", "služba za korisnike", "служба за кориснике", "ສາຍດ່ວນ",
              "ສູນບໍລິການ", "ຕິດຕໍ່", "สายด่วน", "คอลเซ็นเตอร์", "热线", "熱線", "服务电话",
              "服務電話", "客服电话"),
}

# Nouns naming a phone (number).  After a call cue or alone they announce a phone number,
# but a code word may govern them: "Код подтверждения номера телефона: 1234" (rejects.py).
PHONE_NOUN: dict[str, tuple[str, ...]] = {
    "all": ("phone", "phone number", "mobile", "mobile number", "cell number", "telefon",
            "telefon numara", "telefon raqam", "telefon nömrə", "telefonnummer", "handynummer",
            "téléphone", "numéro de téléphone", "número de teléfono", "número de telefone",
            "número de celular", "celular", "nomor telepon", "nomor hp", "số điện thoại",
            "numer telefonu", "broj telefon", "broja telefon", "broju telefon", "broj mobiln",
            "телефон", "номер телефон", "номера телефон", "номеру телефон", "номер мобильн",
            "број телефон", "броја телефон", "броју телефон", "рақами телефон", "рақами",
            "телефон нөмір", "tālruņa", "tālrunis", "tālruni", "tālruņa numur",
            "هاتف", "رقم الهاتف", "رقم هاتف", "رقم الجوال", "رقم جوال", "الجوال", "جوال",
            "رقم الموبایل", "تلفن", "شماره تلفن", "شماره موبایل", "شماره همراه", "موبایل",
            "تلیفون", "شماره تلیفون", "د تلیفون شمیر", "د تلیفون شمېر", "ټیلیفون",
            "ເບີໂທ", "ເບີໂທລະສັບ", "ໂທລະສັບ", "เบอร์โทร", "手机号", "手機號", "电话号码",
            "電話號碼"),
}

# "Sent to": the destination of a code, never what it verifies ("Code sent to phone 5551234").
SENT: dict[str, tuple[str, ...]] = {
    "all": ("sent", "отправлен", "отправили", "выслан", "придёт", "придет", "поступит",
            "надіслано", "ارسال", "فرستاده", "أرسلنا", "تم ارسال", "تم إرسال", "gönderil",
            "yuborildi", "жіберілді", "фиристода", "ирсол", "nosūtīt", "poslat", "послат",
            "послан", "已发送", "发送至", "发送到", "已發送", "ສົ່ງ", "đã gửi", "dikirim",
            "enviado", "envoyé", "gesendet", "wysłan"),
}

ORDER: dict[str, tuple[str, ...]] = {
    "all": ("order", "заказ", "pedido", "sipariş", "سفارش", "订单", "单号", "运单", "快递",
            "快件", "ordine", "commande", "bestellung", "sendung", "zamówieni", "comanda",
            "objednávk", "zásilk", "pesanan", "đơn hàng", "don hang", "ऑर्डर", "tracking",
            "takip", "отслежив", "трек", "ттн", "paket", "package", "parcel", "посылк", "sūtījum",
            "kargo", "pasūtījum", "porudžbin", "поруџбин", "ຄຳສັ່ງຊື້",
            "คำสั่งซื้อ", "пункт выдачи", "delivery", "доставк", "رهگیری", "پیگیری", "shipped",
            "envío", "livraison", "lieferung", "spedizione", "przesyłk", "zasilk", "pošiljk",
            "пошиљк", "replacement", "отправлени", "постамат",
            "shipment", "замовлен", "посилк", "відправлен", "фармоиш", "тапсырыс", "сәлемдеме",
            "buyurtma", "буюртма", "jo'natma", "sifariş", "bağlama", "gönderi", "مرسوله",
            "הזמנה", "משלוח", "חבילה", "narudžb", "užsakym", "siunt", "tellimus", "balík",
            "tilauks", "zásielk", "rendelés", "csomag", "colet", "comenz", "bestelling", "pakket",
            "zending", "beställning", "försändelse", "tilaus", "lähetys", "παραγγελ", "δέμα",
            "შეკვეთ", "ამანათ", "պատվեր", "ծանրոց", "पार्सल", "অর্ডার", "พัสดุ", "包裹", "訂單",
            "注文", "荷物", "주문", "택배", "배송", "kiện hàng", "vận đơn", "kiriman", "encomenda",
            "paquete", "colis", "pacco", "paczk", "طلبک", "الطلب", "الشحنه", "طرد",
            # bill, parcel and tracking numbers in scripts without spaces
            "ເລກບິນ", "ເລກທີ່ບິນ", "ເລກໃບບິນ", "ເລກພັດສະດຸ", "ເລກທີ່ພັດສະດຸ", "ເລກຕິດຕາມ",
            "ເລກອໍເດີ", "ພັດສະດຸ", "เลขที่บิล", "เลขบิล", "เลขติดตาม", "單號", "運單", "訂單編號",
            "订单编号", "物流", "貨運", "お問い合わせ番号", "伝票番号", "mã vận đơn"),
}

# Travel and table bookings.  Their references are letter codes ("PNR ABC123") that look
# like one-time codes, so a message about a booking never yields a letter code (alnum.py);
# numbers right after these words count as order numbers.
BOOKING: dict[str, tuple[str, ...]] = {
    "all": ("booking", "flight", "pnr", "reservation", "réservation", "reserva$", "reservas",
            "reservierung", "buchung", "prenotazion", "rezerwacj", "rezervasyon", "rezervac",
            "бронь", "брони$", "бронир", "бронюван", "рейс",
            "авиабилет", "رزرو", "حجز", "پرواز", "đặt chỗ", "đặt phòng", "chuyến bay",
            "penerbangan", "预订", "預訂", "訂位", "航班", "予約", "예약", "การจอง",
            "ການຈອງ", "boarding", "check-in", "e-ticket"),
}

REFERENCE: dict[str, tuple[str, ...]] = {
    "all": ("amount", "sum$", "сумма", "сумму", "summa", "مبلغ", "montant", "betrag", "importe",
            "valor", "tutar", "jumlah", "iznos", "износ", "total", "balance", "баланс", "остаток",
            "saldo", "bakiye", "مانده", "رصید", "余额", "ຍອດເງິນ", "бақия", "ref", "reference",
            "account", "acct", "a/c", "счет", "счёт", "рахун", "rek$", "rekening", "tk$",
            "حساب", "ບັນຊີ", "บัญชี", "konto", "kontu", "račun", "рачун", "compte", "conto",
            "cuenta", "conta", "hesap", "iban", "mersis", "invoice", "ticket", "transaction id",
            "txn id", "заявк", "договор", "رقم", "شماره", "номер", "number", "no.", "nr.", "n.",
            "č.", "číslo", "numer", "numara", "broj", "plate$", "reg.", "вагон", "поезд", "train",
            "ट्रेन", "mã số", "运单号", "订单号", "운송장", "주문번호", "№", "ref:", "ref=",
            "رقم الحساب", "lượt", "ҳисоб", "број", "編號", "编号", "號碼", "号码", "帳號", "账号",
            "帳戶", "账户", "戶號", "户号", "口座番号", "お客様番号", "계좌번호", "고객번호",
            # bank identifiers and number plates: letter-and-digit tokens that are no codes
            "bic$", "swift$", "госномер", "гос. номер", "номерной знак", "placa$", "matrícula",
            "plaque", "kennzeichen", "targa", "پلاک", "biển số", "ทะเบียนรถ", "車牌", "车牌"),
}

PRODUCT: dict[str, tuple[str, ...]] = {
    "all": ("тариф", "tarif", "tariff", "tarife", "plan$", "пакет", "бастаи", "баста$", "бума",
            "to'plam", "тўплам", "bundle", "мегабайт", "гигабайт", "megabayt", "megabyte",
            # whole words: "интернет-банк", "internetbankai" are no tariff names
            "gigabyte", "интернет$", "internet$", "безлимит", "süper",
            "بسته اینترنت", "باقه"),
}

# A code word may govern a card noun ("Код для привязки карты: 4821"); the "ending in"
# markers always announce the card's last digits.
CARD: dict[str, tuple[str, ...]] = {
    "all": ("card", "карт", "kartica", "картиц", "cartão", "cartao", "tarjeta", "carte", "carta",
            "karte", "kart", "корт", "بطاق", "کارت", "ບັດ", "บัตร", "卡", "ბარათ", "քարտ", "karty",
            "kartą", "visa", "mastercard", "maestro", "mir$", "kaart", "кредитн", "卡號", "卡号",
            "カード", "카드"),
    "ending": ("尾号", "ending", "end in", "final", "terminada", "المنتهیه", "המסתיים", "尾號",
               "末四碼", "末四位", "末4碼", "末4位", "尾碼", "尾码", "末碼", "末码", "後四碼",
               "后四码", "後4碼", "后4码", "後四位", "后四位", "後4位", "后4位", "末三碼", "後三碼",
               "末尾", "下4桁", "下四桁", "끝자리", "끝번호", "뒷자리", "끝 4자리", "末五碼",
               "末五码", "末三码", "后三码"),
}

MONTHS: dict[str, tuple[str, ...]] = {
    "all": ("jan", "feb", "mar$", "march", "apr", "may$", "jun", "jul", "aug", "sep", "oct",
            "nov", "dec", "январ", "феврал", "март", "апрел", "мая$", "май$", "июн", "июл",
            "август", "сентябр", "октябр", "ноябр", "декабр", "enero", "febrero", "marzo",
            "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
            "diciembre", "janvier", "février", "mars$", "avril", "mai$", "juin", "juillet",
            "août", "septembre", "octobre", "novembre", "décembre", "januar", "februar", "märz",
            "juni", "juli", "oktober", "dezember", "ocak", "şubat", "mart", "nisan", "mayıs",
            "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık", "janeiro",
            "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro",
            "dezembro", "stycz", "luty", "lutego", "kwie", "maja", "czerw", "lipca", "sierp",
            "wrze", "paźdz", "listop", "grud", "фарвардин", "فروردین", "اردیبهشت", "خرداد", "تیر",
            "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی$", "بهمن", "اسفند", "janvār", "februār",
            "aprīl", "maij", "jūnij", "jūlij", "august", "septembr", "oktobr", "novembr",
            "decembr"),
}
# fmt: on

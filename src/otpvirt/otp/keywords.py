"""Per-language word tables.  Pure data: add a wording by adding a string.

Phrases are matched on lower-cased, diacritic-folded text (so "código" also matches
"codigo"), as the start of a word.  A trailing "$" means the word must end there too
(needed for short words such as "pin" or "tan").  Phrases in scripts written without
spaces (Chinese, Japanese, Thai, Lao) and in Arabic script (which glues prefixes such
as ال or و to words) match anywhere.

Categories:
  STRONG   words that name a one-time code unambiguously
  WEAK     generic "code"/"password" words, also used for order, promo and postal codes
  NOT_OTP  phrases where a code word means something else (promo code, tracking code)
  EXPIRED  "the code has expired": the message carries no usable code
  MARKETING  advertising markers; with only a weak keyword a number there is not an OTP
  PHONE, REFERENCE, CARD  words announcing a phone number, an account/reference number
           or a payment card; numbers right after them are not codes
  ORDER    order/delivery words: with only a weak keyword, "code" there is an order code
  MONTHS   month names, to recognise a year written next to them
"""

from __future__ import annotations

# fmt: off

STRONG: dict[str, tuple[str, ...]] = {
    "order_confirm": ("confirm your order", "confirm order", "подтверждения заказа",
                      "подтверждение заказа", "подтвердите заказ", "تایید سفارش",
                      "confirmar pedido", "confirmar o pedido", "siparişi onayla", "siparis onay",
                      "zamówienia potwierd", "potvrzení objednávky"),
    "en": ("verification code", "verify code", "security code", "confirmation code", "login code",
           "log in code", "log-in code", "sign-in code", "sign in code", "signin code",
           "access code", "authentication code", "auth code", "activation code",
           "registration code", "reset code", "one-time code", "one time code",
           "one-time password", "one time password", "onetime", "one-time passcode",
           "one time passcode", "one-time pin", "one time pin", "passcode", "otp$", "2fa",
           "temporary code", "validation code", "steam guard", "guard code",
           "password reset code", "confirm code", "mtan", "smstan", "tan$"),
    "ru": ("код подтверждения", "код для входа", "код входа", "код доступа", "код активации",
           "код верификации", "проверочный код", "одноразовый пароль", "одноразовый код",
           "пароль для входа", "пароль для подтверждения", "код авторизации", "смс-код",
           "sms-код", "код безопасности", "код для подтверждения", "код проверки"),
    "uk": ("код підтвердження", "код для входу", "одноразовий пароль", "код верифікації",
           "код для підтвердження"),
    "tg": ("рамзи тасдиқ", "коди тасдиқ", "рамзи якдафъаина", "рамзи воридшавӣ", "коди фаъолсозӣ",
           "рамзи ворид", "коди ворид", "рамзи яккарата", "рамзи шумо барои"),
    "kk": ("растау коды", "растау кодың", "бір реттік құпиясөз", "бір реттік код"),
    "uz": ("tasdiqlash kodi", "tasdiqlash kod", "kirish kodi", "bir martalik parol",
           "tasdiqlovchi kod"),
    "az": ("təsdiq kodu", "birdəfəlik şifrə", "birdəfəlik kod", "doğrulama kodu"),
    "tr": ("doğrulama kod", "onay kod", "giriş kod", "tek kullanımlık şifre", "işlem şifre",
           "güvenlik kod", "aktivasyon kod", "sms şifre", "tek kullanımlık kod"),
    "fa": ("کد تایید", "کد تائید", "کد ورود", "کد فعالسازی", "کد فعال سازی", "کد امنیتی",
           "رمز پویا", "رمز یکبار مصرف", "رمز یک بار مصرف", "رمز دوم پویا", "کد یکبار مصرف",
           "رمز عبور یکبار", "کد احراز هویت", "کد اعتبارسنجی", "کد تصدیق"),
    "prs": ("کود تایید", "کود تصدیق", "کود فعالسازی", "کود فعال سازی", "کود ورود",
            "رمز عبور یکبار مصرف"),
    "ps": ("د تایید کوډ", "تایید کوډ", "د ننوتلو کوډ", "د تصدیق کوډ", "تصدیق کوډ", "یو ځلي پټنوم",
           "پټنوم"),
    "ar": ("رمز التحقق", "رمز التحقیق", "کود التحقق", "رمز التفعیل", "کود التفعیل", "رمز الدخول",
           "رمز التاکید", "کلمه المرور لمره واحده", "کلمه مرور لمره واحده", "رمز لمره واحده",
           "رمز العملیه", "رمز الامان", "رمز تسجیل الدخول", "رمزک", "رقم التحقق",
           "الرمز السری الموقت"),
    "ur": ("تصدیقی کوڈ", "او ٹی پی", "تصدیق کوڈ"),
    "he": ("קוד אימות", "קוד האימות", "סיסמה חד פעמית", "קוד חד פעמי", "קוד הכניסה"),
    "hi": ("सत्यापन कोड", "ओटीपी", "वन टाइम पासवर्ड", "लॉगिन कोड"),
    "bn": ("যাচাইকরণ কোড", "ওটিপি", "ভেরিফিকেশন কোড", "যাচাই কোড"),
    "lv": ("verifikācijas kod", "apstiprināšanas kod", "autorizācijas kod", "pieteikšanās kod",
           "vienreizējā parole", "vienreizējo paroli", "vienreizējais kod", "reģistrācijas kod",
           "drošības kod", "kontrolkod", "apstiprinājuma kod"),
    "lt": ("patvirtinimo kod", "vienkartinis kod"),
    "et": ("kinnituskood", "turvakood"),
    "sr": ("verifikacioni kod", "kod za prijav", "kod za potvrd", "jednokratna lozinka",
           "jednokratni kod", "kod za aktivacij", "kod za verifikacij", "sigurnosni kod",
           "верификациони код", "код за пријав", "код за потврд", "једнократна лозинка",
           "једнократни код", "код за активациј", "сигурносни код"),
    "lo": ("ລະຫັດ otp", "ລະຫັດotp", "ລະຫັດຢືນຢັນ", "ລະຫັດເຂົ້າລະບົບ", "ລະຫັດຜ່ານຄັ້ງດຽວ",
           "ລະຫັດຍືນຍັນ"),
    "th": ("รหัส otp", "รหัสotp", "รหัสยืนยัน", "รหัสผ่านแบบใช้ครั้งเดียว", "รหัสผ่านครั้งเดียว",
           "รหัสเข้าสู่ระบบ"),
    "zh": ("验证码", "校验码", "动态码", "动态密码", "确认码", "登录码", "激活码", "驗證碼",
           "認證碼", "校驗碼", "安全码", "短信码", "認証碼"),
    "ja": ("認証コード", "確認コード", "認証番号", "確認番号", "ワンタイムパスワード",
           "セキュリティコード", "パスコード", "検証コード", "ログインコード"),
    "ko": ("인증번호", "인증 번호", "인증코드", "인증 코드", "확인코드", "확인 코드", "보안코드",
           "승인코드", "otp"),
    "vi": ("mã xác thực", "mã xác nhận", "mã xác minh", "mã otp", "mã kích hoạt", "mã đăng nhập",
           "mật khẩu một lần"),
    "id": ("kode verifikasi", "kode otp", "kode konfirmasi", "kode keamanan", "kode aktivasi",
           "kata sandi sekali pakai", "kode akses", "kode masuk", "kode login"),
    "pt": ("código de verificação", "código de segurança", "código de acesso",
           "código de confirmação", "código de autenticação", "senha de uso único",
           "código de ativação", "codigo de seguranca"),
    "es": ("código de verificación", "código de seguridad", "código de acceso",
           "código de confirmación", "código de inicio de sesión", "clave de seguridad",
           "clave de un solo uso", "código de activación", "clave dinámica",
           "código de un solo uso"),
    "fr": ("code de vérification", "code de confirmation", "code de sécurité", "code d'accès",
           "code d'activation", "code de validation", "code à usage unique",
           "mot de passe à usage unique", "code de connexion"),
    "de": ("bestätigungscode", "sicherheitscode", "verifizierungscode", "anmeldecode",
           "einmalpasswort", "einmalcode", "freigabecode", "aktivierungscode", "pushtan",
           "verifikationscode"),
    "it": ("codice di verifica", "codice di sicurezza", "codice di accesso", "codice di conferma",
           "codice otp", "codice di attivazione", "password monouso", "codice monouso"),
    "pl": ("kod weryfikacyjny", "kod sms", "kod autoryzacyjny", "kod potwierdzający",
           "kod dostępu", "kod logowania", "kod jednorazowy", "hasło jednorazowe",
           "kod bezpieczeństwa"),
    "ro": ("codul de verificare", "cod de verificare", "codul de autorizare", "cod de confirmare",
           "cod de acces", "parola unică", "codul de confirmare", "cod unic"),
    "cs": ("ověřovací kód", "potvrzovací kód", "autorizační kód", "přihlašovací kód",
           "jednorázový kód", "bezpečnostní kód", "overovaci kod"),
    "ka": ("ერთჯერადი კოდი", "ვერიფიკაციის კოდი", "დადასტურების კოდი", "ერთჯერადი პაროლი"),
    "nl": ("verificatiecode", "bevestigingscode", "inlogcode", "beveiligingscode",
           "eenmalige code"),
    "nordic": ("bekräftelsekod", "verifieringskod", "engångskod", "säkerhetskod",
               "bekræftelseskode", "engangskode", "verifiseringskode", "sikkerhedskode",
               "bekreftelseskode", "vahvistuskoodi", "kertakäyttöinen", "turvakoodi"),
    "hu": ("ellenőrző kód", "megerősítő kód", "egyszer használatos", "biztonsági kód"),
    "el": ("κωδικός επαλήθευσης", "κωδικός μιας χρήσης", "κωδικός ασφαλείας"),
    "bg": ("код за потвърждение", "код за вход", "еднократен код", "еднократна парола"),
    "sk": ("overovací kód", "potvrdzovací kód", "jednorazový kód", "prihlasovací kód"),
    "ms": ("kod pengesahan", "kod tac", "tac$", "kata laluan sekali"),
    "ky": ("ырастоо коду", "тастыктоо коду", "баталгаажуулах код", "tassyklama kody"),
    "sw": ("nambari ya uthibitisho", "msimbo wa uthibitisho", "namba ya siri"),
    "tl": ("verification code mo", "iyong code"),
    "hy": ("հաստատման կոդ", "մեկանգամյա գաղտնաբառ", "ստուգման կոդ", "մեկանգամյա կոդ"),
}

WEAK: dict[str, tuple[str, ...]] = {
    "passwords": ("گذرواژه", "رمز عبور", "کلمه عبور", "پسورد", "پاسورد", "الرقم السری",
                  "password sekali", "parolă", "пин-код", "pin-kod"),
    "latin": ("code", "kod", "cod", "kód", "koodi", "kode$", "kodas", "msimbo", "κωδικ", "codice",
              "codigo", "código", "clave", "senha", "token", "pin$", "password", "parole",
              "paroli", "parol", "lozinka", "šifra", "şifre", "şifrə", "contraseña",
              "mot de passe", "kennwort", "hasło", "heslo", "kode", "sandi", "mã$", "ma otp",
              "ma xac", "kodas", "kood"),
    # "Use 123456 to verify your account", "Enter 1234 to confirm": the verb names the code.
    "verbs": ("to verify", "to sign in", "to log in", "to login", "to confirm", "to activate",
              "to complete your", "enter$", "введите", "ingresa", "introduce", "digite", "insira",
              "saisissez", "geben sie", "inserisci", "wpisz", "girin", "masukkan", "nhập"),
    "cyrillic": ("код", "пароль", "рамз", "лозинка", "шифра", "гузарвожа", "құпиясөз"),
    "arabic": ("کد", "رمز", "کود", "کوډ", "الرمز", "کلمه المرور", "کلمه السر", "کوڈ", "پاسورډ",
               "پاس ورڈ", "الکود", "رقم سری"),
    "other": ("קוד", "कोड", "पासवर्ड", "কোড", "ລະຫັດ", "รหัส", "码", "コード", "暗証番号", "코드",
              "კოდი", "კოდ", "կոդ", "գաղտնաբառ", "密码", "口令"),
}

NOT_OTP: dict[str, tuple[str, ...]] = {
    "errors": ("error code", "код ошибки", "کد خطا", "رمز الخطا", "错误码", "错误代码",
               "kod błędu", "hata kodu", "código de error", "code d'erreur", "fehlercode",
               "kļūdas kods", "код грешке", "kod greške", "код региона", "region code",
               "area code", "country code", "swift code", "bic code", "ussd", "qr code", "qr-код",
               "bar code", "barcode", "штрих-код", "штрихкод"),
    "en": ("promo code", "promocode", "promo", "coupon", "voucher", "discount code", "gift card",
           "gift code", "referral code", "invite code", "zip code", "postal code",
           "tracking code", "booking code", "booking ref", "order code", "pickup code",
           "redeem code", "coupon code"),
    "ru": ("промокод", "промо-код", "код заказа", "код получения", "код отслеживания",
           "номер заказа", "код скидки", "код купона", "подарочный код", "рамзи промо",
           "код товара"),
    "fa": ("کد تخفیف", "کد رهگیری", "کد پستی", "کد ملی", "کد پیگیری", "کد معرف", "کد سفارش",
           "کد اشتراک", "کد هدیه", "کد شارژ"),
    "ar": ("کود الخصم", "رمز الخصم", "الرمز الترویجی", "کود الشحن", "کود الخصم", "رمز القسیمه",
           "الرمز البریدی"),
    "zh": ("取件码", "提货码", "取货码", "优惠码", "兑换码", "邀请码", "券码", "优惠券", "折扣码",
           "推荐码"),
    "postal": ("postcode", "post code", "zipcode", "kode pos", "código postal", "codigo postal",
               "code postal", "postleitzahl", "почтовый индекс", "индекс", "kod pocztowy",
               "posta kodu", "cap$", "zip$", "pin code", "pincode", "کد پستی", "الرمز البریدی",
               "邮编", "邮政编码", "우편번호", "郵便番号"),
    "invites": ("invitation code", "invite code", "referral", "код приглашения",
                "реферальный код", "kod zaproszenia", "کد دعوت", "رمز الدعوه", "kode referral",
                "kode undangan", "davet kodu", "код запрошення", "reservation code", "table code",
                "seat code"),
    "ids": ("customer code", "customer id", "member id", "reference code", "ref code",
            "voucher code", "код клиента", "код абонента", "лицевой счет", "کد مشتری",
            "کد اشتراک", "شناسه", "ລະຫັດສິນຄ້າ", "ລະຫັດລູກຄ້າ", "ລະຫັດພັດສະດຸ", "รหัสสินค้า",
            "รหัสลูกค้า", "รหัสพัสดุ", "รหัสไปรษณีย์", "รหัสอ้างอิง", "客户编号", "商品编码",
            "رمز المنتج", "رقم العمیل", "kode pelanggan", "mã khách hàng", "müşteri numara",
            "kod klienta", "код за плаћање", "poziv na broj", "позив на број", "кодекс"),
    "other": ("kode promo", "kode voucher", "kode booking", "código promocional", "cupón",
              "cupom", "código de descuento", "código do cupom", "code promo",
              "code de réduction", "gutscheincode", "rabattcode", "gutschein", "codice sconto",
              "codice promozionale", "kod rabatowy", "kod promocyjny", "cod promotional",
              "promosyon kod", "indirim kod", "kupon", "mã giảm giá", "mã khuyến mãi",
              "mã đơn hàng", "ma giam gia", "ma khuyen mai", "atlaides kod", "promo kod",
              "popust kod", "kod odbioru", "운송장번호", "할인코드", "쿠폰", "クーポン",
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
            "муҳлаташ гузашт", "تاریخ گذشته"),
}

MARKETING: dict[str, tuple[str, ...]] = {
    "all": ("%", "sale$", "discount", "off$", "cashback", "скидк", "акци", "распродаж", "бонус",
            "desconto", "descuento", "oferta", "indirim", "kampanya", "diskon", "خصم", "عرض خاص",
            "تخفیف", "折", "优惠", "满", "sconto", "rabatt", "réduction", "soldes", "atlaide",
            "popust", "akcija", "тахфиф", "giảm giá", "khuyến mãi", "ส่วนลด", "ໂປຣໂມຊັນ", "할인",
            "セール", "bonus", "free$", "shop now", "промо", "акция", "at checkout", "off your",
            "off on", "gratis", "kupon", "promosi", "حراج", "جشنواره", "پیشنهاد ویژه", "عرض"),
}

PHONE: dict[str, tuple[str, ...]] = {
    "all": ("call", "tel$", "tel.", "phone", "contact", "hotline", "helpline", "звоните",
            "позвоните", "телефон", "тел.", "тел$", "занг", "рақами", "تماس", "اتصل", "هاتف",
            "联系电话", "致电", "电话", "ໂທ", "โทร", "tālr", "позовите", "pozovite", "ligue",
            "llame", "llama", "appelez", "chiama", "anrufen", "zadzwoń", "dúvidas", "duvidas",
            "stop to", "stop al", "stop au", "txt stop", "text stop", "отправьте на", "отписка",
            "yazıp", "ارسال به", "أرسل", "ارسل", "reply", "sms to", "send to", "fax",
            "qo'ng'iroq", "зателефонуйте", "zvaničn", "nazovite", "номер телефона", "mobile",
            "моб."),
}

ORDER: dict[str, tuple[str, ...]] = {
    "all": ("order", "заказ", "pedido", "sipariş", "سفارش", "订单", "单号", "运单", "快递",
            "快件", "ordine", "commande", "bestellung", "sendung", "zamówieni", "comanda",
            "objednávk", "zásilk", "pesanan", "đơn hàng", "don hang", "ऑर्डर", "tracking",
            "takip", "отслежив", "трек", "ттн", "paket", "package", "parcel", "посылк", "sūtījum",
            "booking", "flight", "kargo", "pasūtījum", "porudžbin", "поруџбин", "ຄຳສັ່ງຊື້",
            "คำสั่งซื้อ", "пункт выдачи", "delivery", "доставк", "رهگیری", "پیگیری", "shipped",
            "envío", "livraison", "lieferung", "spedizione", "przesyłk", "zasilk", "pošiljk",
            "пошиљк", "replacement", "رزرو", "бронь", "бронир"),
}

REFERENCE: dict[str, tuple[str, ...]] = {
    "all": ("amount", "sum$", "сумма", "сумму", "summa", "مبلغ", "montant", "betrag", "importe",
            "valor", "tutar", "jumlah", "iznos", "износ", "total", "balance", "баланс", "остаток",
            "saldo", "bakiye", "مانده", "رصید", "余额", "ຍອດເງິນ", "бақия", "ref", "reference",
            "pnr", "account", "acct", "a/c", "счет", "счёт", "рахун", "rek$", "rekening", "tk$",
            "حساب", "ບັນຊີ", "บัญชี", "konto", "kontu", "račun", "рачун", "compte", "conto",
            "cuenta", "conta", "hesap", "iban", "mersis", "invoice", "ticket", "transaction id",
            "txn id", "заявк", "договор", "رقم", "شماره", "номер", "number", "no.", "nr.", "n.",
            "č.", "číslo", "numer", "numara", "broj", "plate", "reg.", "вагон", "поезд", "train",
            "ट्रेन", "mã số", "运单号", "订单号", "운송장", "주문번호", "№", "ref:", "ref=",
            "رقم الحساب", "lượt", "ҳисоб"),
}

CARD: dict[str, tuple[str, ...]] = {
    "all": ("card", "карт", "kartica", "картиц", "cartão", "cartao", "tarjeta", "carte", "carta",
            "karte", "kart", "корт", "بطاق", "کارت", "ບັດ", "บัตร", "卡", "尾号", "ending",
            "end in", "final", "terminada", "المنتهیه", "המסתיים", "ბარათ", "քարտ", "karty",
            "kartą", "visa", "mastercard", "maestro", "mir$", "kaart", "кредитн"),
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

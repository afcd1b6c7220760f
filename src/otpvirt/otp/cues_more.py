"""Context words of the further scripts we receive (see cues.py for the categories).  Pure data.

Promo and customer codes, account, bill and transaction numbers and orders in Amharic,
Tigrinya, Swahili, the South Asian scripts, Khmer, Burmese, Georgian, Armenian, Hebrew and
the bill references of East Asian notices.  lexicon.py merges them with cues.py.
"""

from __future__ import annotations

# fmt: off

NOT_OTP: dict[str, tuple[str, ...]] = {
    "he": ("מיקוד",),  # zip code
    "offers": ("offer code", "অফার কোড", "প্রোমো কোড", "ऑफर कोड", "प्रोमो कोड", "پرومو کوڈ",
               "آفر کوڈ", "קוד קופון", "קוד הנחה", "קוד קידום", "კუპონ", "პრომო კოდ",
               "պրոմո կոդ", "ፕሮሞ ኮድ", "msimbo wa ofa", "kodi ya ofa", "លេខកូដប្រូម៉ូសិន",
               "ပရိုမိုကုဒ်", "โค้ดส่วนลด", "ໂຄດສ່ວນຫຼຸດ", "ප්‍රවර්ධන කේත", "வவுச்சர்"),
    "customers": ("code client", "numéro client", "código de cliente", "código cliente",
                  "kundencode", "codice cliente", "מספר לקוח", "קוד לקוח", "ग्राहक कोड",
                  "উপভোক্তা নম্বর", "consumer number", "کنزیومر نمبر", "کسٹمر آئی ڈی",
                  "ደንበኛ ቁጥር", "nambari ya mteja", "លេខអតិថិជន", "ဖောက်သည်နံပါတ်",
                  "აბონენტის კოდ", "բաժանորդի կոդ", "รหัสผู้ใช้ไฟ", "รหัสผู้ใช้น้ำ", "รหัสสาขา",
                  "รหัสบริษัท", "ລະຫັດຜູ້ໃຊ້ໄຟ", "ລະຫັດສາຂາ", "clave de rastreo",
                  "código de rastreo"),
    # stops, stations and short numbers: "Stop code 47512" names a bus stop
    "transit": ("stop code", "stop id", "stop number", "stop no", "stop #", "bus stop",
                "short code", "shortcode", "station code", "stop-code", "código de parada",
                "código da parada", "número de parada", "code d'arrêt", "code arrêt",
                "numéro d'arrêt", "haltestellennummer", "haltestellen-nr", "haltestellen-id",
                "codice fermata", "codice della fermata", "numero fermata", "kod przystanku",
                "numer przystanku", "код остановки", "номер остановки", "код зупинки",
                "номер зупинки", "durak kodu", "durak numarası", "haltecode", "haltenummer",
                "hållplatsnummer", "pysäkkinumero", "站点编号", "站点代码", "站號", "停留所番号",
                "정류장 번호", "정류소 번호", "کد ایستگاه", "رمز المحطه", "رقم المحطه",
                "קוד תחנה", "מספר תחנה", "mã trạm", "mã điểm dừng", "kode halte",
                "nomor halte"),
}

REFERENCE: dict[str, tuple[str, ...]] = {
    # support cases and complaints: "Case 48219", "Réclamation n° 48219"
    # Hausa receipts, customers and cards: "Lambar ku ta rasit 48219"
    "ha": ("rasit", "kwastoma", "katin", "asusu", "asusun"),
    # "Error 4021", "Ошибка 4021": a fault number
    "errors": ("error$", "erreur$", "fehler$", "errore$", "ошибка$", "помилка$", "hata$",
               "خطأ$", "خطا$", "错误", "錯誤", "エラー", "오류", "lỗi$", "kesalahan$", "galat$"),
    # Chinese page, product and item numbers ("页码", "产品编码"): "码" in them is no code word
    "zh": ("页码", "頁碼", "编码", "編碼", "货号", "貨號"),
    "cases": ("case$", "case id", "case no", "case number", "caso$", "número de caso",
              "número do caso", "complaint", "réclamation", "reclamación", "reclamação",
              "vorgangsnummer", "обращение №", "номер обращения", "şikayet no", "nomor tiket"),
    "all": ("ሂሳብ ቁጥር", "የሂሳብ ቁጥር", "የግብይት ቁጥር", "ቀሪ ሂሳብ", "ሕሳብ", "akaunti", "salio",
            "kumb", "खाता", "खाते", "शेष", "बिल", "উপলব্ধ", "হিসাব", "ব্যালেন্স", "অ্যাকাউন্ট",
            "اکاؤنٹ", "بیلنس", "ගිණුම", "ශේෂය", "கணக்கு", "இருப்பு", "ఖాతా", "គណនី",
            "សមតុល្យ", "အကောင့်", "လက်ကျန်", "ანგარიშ", "ნაშთი", "հաշիվ", "հաշվի", "մնացորդ",
            "חשבון", "יתרה", "מספר חוזה", "invoice no", "factura", "facture", "rechnung",
            "fattura", "faktura", "consumer id", "client id", "user id", "account id", "policy",
            "polis", "póliza", "apólice", "bill no", "loan", "emi$",
            # customer, member and contract numbers
            "kundennummer", "kundennr", "kunden-nr", "mitgliedsnummer", "vertragsnummer",
            "versicherungsnummer", "steuernummer", "zählernummer", "klantnummer", "kundnummer",
            "kundenummer", "asiakasnumero", "numero cliente", "número de cliente",
            "numer klienta", "n° client", "numéro d'adhérent", "membership number",
            "member number", "folio", "clabe$", "clave interbancaria"),
    # a code word that names a branch, agent, merchant, shop, employee or member: an ID
    "entities": (
        "agent code", "agent number", "merchant code", "merchant id", "merchant number",
        "till number", "till no$", "paybill", "employee code", "employee id", "staff code",
        "staff id", "store code", "store number", "shop code", "membership code", "member code",
        "client code", "subscriber code", "dealer code", "partner code", "student code",
        "school code", "puk$", "puk code", "puk1", "puk-код", "код агента", "код филиала",
        "код отделения", "код магазина", "код сотрудника", "код партнера", "код торговой точки",
        "код подразделения", "код філії", "код відділення", "код магазину", "код працівника",
        "código de sucursal", "código de agente", "código de comercio", "código de empleado",
        "código de tienda", "código de socio", "código de afiliado", "código del cliente",
        "código de oficina", "código de agencia", "código do cliente", "código da agência",
        "código do agente", "código do estabelecimento", "código do funcionário",
        "código da loja", "código de associado", "código do sócio", "code adhérent",
        "code agence$", "code guichet", "code banque$", "code marchand", "code commerçant",
        "code employé", "code magasin$", "code membre$", "code abonné", "filialnummer",
        "filialcode", "händlercode", "händlernummer", "mitarbeitercode", "personalnummer",
        "mitgliedscode", "codice filiale", "codice agenzia", "codice esercente",
        "codice dipendente", "codice negozio", "codice socio", "codice abi$", "codice cab$",
        "codice fiscale", "şube kodu", "şube no$", "bayi kodu", "personel kodu", "mağaza kodu",
        "üye numarası", "üye kodu", "müşteri kodu", "رمز الفرع", "رقم الفرع", "کود الفرع",
        "رمز الوکیل", "رمز التاجر", "رقم التاجر", "کود الموظف", "رقم الموظف", "رمز المتجر",
        "رقم العضویه", "رمز العضو", "کد شعبه", "کد نمایندگی", "کد پذیرنده", "کد کارمندی",
        "کد پرسنلی", "کد فروشگاه", "کد عضویت", "برانچ کوڈ", "ایجنٹ کوڈ", "kode cabang$",
        "kode agen$", "kode merchant$", "kode toko$", "kode karyawan$", "kode anggota$",
        "kod cawangan$", "kod ejen$", "kod peniaga$", "kod pekerja$", "kod ahli$", "mã chi nhánh",
        "mã đại lý", "mã nhân viên", "mã cửa hàng", "mã thành viên", "शाखा कोड", "एजेंट कोड",
        "कर्मचारी कोड", "स्टोर कोड", "सदस्य कोड", "শাখা কোড", "এজেন্ট কোড", "网点代码", "网点号",
        "分行代码", "支行代码", "商户号", "商户编号", "工号", "门店编号", "会员号", "会员号码",
        "會員號碼", "客户号码", "会员编号",
        "客户号", "網點代碼", "分行代碼", "商戶號", "會員編號", "客戶號碼", "店番号", "支店番号",
        "支店コード", "加盟店番号", "社員番号", "会員番号", "店舗コード", "지점코드", "지점 코드",
        "가맹점번호", "가맹점 번호", "사원번호", "회원번호", "매장코드", "รหัสตัวแทน",
        "รหัสร้านค้า", "รหัสพนักงาน", "รหัสสมาชิก", "namba ya wakala", "nambari ya wakala",
        "nambari ya biashara", "namba ya tili", "kod oddziału", "numer oddziału", "kod agenta$",
        "kod sklepu$", "numer pracownika", "kod pracownika", "filiaalcode", "klantcode",
        "lidnummer", "personeelsnummer", "קוד סניף", "מספר סניף", "κωδικός καταστήματος",
        "κωδικός πελάτη", "cod client$", "codul clientului", "cod sucursală", "cod agent$",
        "cod angajat", "kód pobočky", "kód zákazníka", "fiókkód", "ügyfélkód", "kundkod",
        "butikskod", "filial kodu", "müştəri kodu", "filial kodi", "mijoz kodi", "филиал коды",
        "клиент коды", "ფილიალის კოდ", "մասնաճյուղի կոդ",
    ),
}

# Words of scripts matched without a word start that contain a code word but are none
# (Hebrew points, function, command; Persian "which", Arabic "symbolic"): scanned as
# words of their own so that the code word inside them is not (lexicon.PLAIN)
NOT_CODE_WORDS: tuple[str, ...] = (
    "נקודות", "נקודה", "תפקוד", "פיקוד", "کدام", "کدوم", "الرمزیه",
)

# "Login with code 482193 was successful": these success words report a spent code only
# after it ("Registration was successful, your code is 482193" still gives one)
SUCCESS_AFTER: tuple[str, ...] = (
    "was successful", "were successful", "выполнен успешно", "прошёл успешно", "прошел успешно",
    "виконано успішно", "est réussie", "ha sido exitoso", "fue exitoso", "foi bem-sucedido",
    "è riuscito", "başarılı oldu", "berhasil dilakukan", "erfolgreich.", "erfolgreich!",
    # accepted, or refused ("Código 482193 aceptado.", "Login attempt with code 482193 failed")
    "has been accepted", "was accepted", "accepted.", "accepted!", "aceptado.", "aceptado!",
    "foi aceito", "foi aceite", "confirmado com sucesso", "confirmado correctamente",
    "confirmed successfully", "successfully confirmed", "wurde akzeptiert", "a été accepté",
    "è stato accettato", "kabul edildi", "принят.", "принят!", "diterima.", "has failed",
    "failed.", "failed!", "was incorrect", "is incorrect", "was wrong", "is wrong",
    "es incorrecto", "está incorreto", "est incorrect", "ist falsch", "non è corretto",
    "hatalı.", "salah.", "неверный.", "неверен", "не подошёл", "не подошел",
)

# "the number ending in 4821": a phone's or card's last digits, never the code
CARD_ENDING: tuple[str, ...] = (
    "terminado en", "terminada en", "terminado em", "terminada em", "se terminant par",
    "endet auf", "endend auf", "che termina con", "che finisce con", "kończący się na",
    "kończącym się na", "eindigend op", "eindigt op", "ile biten", "ile sona eren",
    "заканчивающийся на", "заканчивающемся на", "оканчивающийся на", "що закінчується на",
    "المنتهی", "inayoishia", "zinazoishia", "ending with", "ending in", "kết thúc bằng",
    "berakhiran", "yang berakhir", "ላይ የሚያልቅ", "የሚያልቀው", "ወደሚያልቀው", "son 4 hanesi",
    "son dört hanesi", "son 4 hane", "hanesi", "terminación", "con terminación",
    "ta ƙare da", "ya ƙare da",
)

# "code 4821 was used": a notice about a spent code, never one to type
EXPIRED: dict[str, tuple[str, ...]] = {
    "used": ("был использован", "уже использован", "було використано", "fue utilizado",
             "fue usado", "foi utilizado", "foi usado", "a été utilisé", "wurde verwendet",
             "wurde bereits verwendet", "è stato utilizzato", "è già stato utilizzato",
             "został użyty", "został wykorzystany", "kullanıldı", "已被使用", "已使用过",
             "已使用過", "使用済み", "사용되었습니다", "has been used", "already used",
             # "تم استخدام رمز التحقق 582019 لتسجيل الدخول من جهاز جديد": a sign-in notice
             "was just used", "was entered", "تم استخدام", "تم استعمال", "استفاده شد",
             "مورد استفاده قرار گرفت", "استعمال کیا گیا", "استعمال ہوا", "उपयोग किया गया",
             "इस्तेमाल किया गया", "प्रयोग गरिएको", "ব্যবহার করা হয়েছে", "telah digunakan",
             "sudah digunakan", "đã được sử dụng", "đã được dùng", "ถูกใช้", "ຖືກໃຊ້",
             "se utilizó", "se usó", "ha sido utilizado", "ha sido usado", "wurde benutzt",
             "wurde genutzt", "wurde zur anmeldung", "wurde für die anmeldung", "is gebruikt",
             "werd gebruikt", "har använts", "användes", "χρησιμοποιήθηκε", "נעשה שימוש",
             "использован для", "использовали для", "використано для", "було використано",
             "пайдаланылды", "ishlatildi", "foydalanildi", "истифода шуд", "გამოყენებულ იქნა",
             "օգտագործվել է", "ጥቅም ላይ ውሏል", "imetumika", "使用されました", "a fost folosit",
             "a fost utilizat", "byl použit", "bol použitý", "felhasználták", "ay ginamit",
             "iskorišćen", "iskorišten", "искоришћен", "tika izmantots", "ត្រូវបានប្រើ",
             "အသုံးပြုခဲ့", "භාවිතා කර ඇත", "பயன்படுத்தப்பட்டது", "ашиглагдсан",
             "ઉપયોગ કરવામાં આવ્યો", "ਵਰਤਿਆ ਗਿਆ", "ఉపయోగించబడింది", "ಬಳಸಲಾಗಿದೆ",
             "ഉപയോഗിച്ചു", "ilitumika", "umetumika", "limetumika", "an yi amfani"),
    # "OTP 482193 verified successfully": the code reported back once it has done its work
    "verified": (
        "verified successfully", "successfully verified", "was verified", "has been verified",
        "verification successful", "verification was successful", "fue verificado",
        "verificado correctamente", "validado correctamente", "verificado con éxito",
        "validado con éxito", "foi validado", "foi verificado", "validado com sucesso",
        "verificado com sucesso", "успешно подтвержд", "был подтвержд", "успешно проверен",
        "a bien été validé", "a été validé", "validé avec succès", "vérifié avec succès",
        "erfolgreich bestätigt", "erfolgreich verifiziert", "wurde bestätigt", "wurde verifiziert",
        "doğrulama başarılı", "başarıyla doğrulandı", "تم التحقق من الرمز", "تم التحقق بنجاح",
        "تم تاکید الرمز", "berhasil diverifikasi", "telah diverifikasi", "berhasil dikonfirmasi",
        "验证成功", "驗證成功", "đã được xác thực", "xác thực thành công", "xác minh thành công",
        "è stato verificato", "verificato con successo", "został zweryfikowany",
        "pomyślnie zweryfikowany", "zweryfikowano pomyślnie", "認証が完了しました",
        "認証されました", "인증이 완료되었습니다", "인증되었습니다", "با موفقیت تایید شد",
        "सफलतापूर्वक सत्यापित", "ยืนยันสำเร็จ", "ยืนยันตัวตนสำเร็จ",
    ),
    # "Вы ввели неверный код 482193": a code typed wrong is no code to type
    "wrong": ("entered the wrong code", "entered a wrong code", "entered an incorrect code",
              "entered an invalid code", "ввели неверный код", "введён неверный код",
              "введен неверный код", "ввели неправильный код", "ввели невірний код",
              "ingresaste un código incorrecto", "digitou um código incorreto",
              "saisi un code incorrect", "falschen code eingegeben",
              "hai inserito un codice errato", "hatalı kod girdiniz", "memasukkan kode yang salah",
              "أدخلت رمزاً خاطئاً", "أدخلت رمز خاطئ", "کد اشتباه وارد کردید",
              "login attempt with code", "sign-in attempt with code", "failed attempt with code"),
    # "You signed in using code 482193": a sign-in reported after the fact spent its code
    "signed_in": (
        "signed in using", "signed in with", "logged in using", "logged in with",
        "signed in via", "logged in via", "login successful", "sign-in successful",
        "successfully signed in", "successfully logged in", "connexion réussie",
        "vous vous êtes connecté", "connecté avec succès", "has iniciado sesión",
        "iniciaste sesión", "inicio de sesión exitoso", "sesión iniciada con", "você entrou",
        "login realizado", "entrou usando", "entrou com o código", "erfolgreich angemeldet",
        "anmeldung erfolgreich", "erfolgreich eingeloggt", "вход выполнен", "выполнен вход",
        "вы вошли", "успешный вход", "вхід виконано", "ви увійшли", "giriş başarılı",
        "giriş yapıldı", "giriş yaptınız", "başarıyla giriş", "berhasil masuk", "berhasil login",
        "login berhasil", "berjaya log masuk", "log masuk berjaya", "accesso effettuato",
        "hai effettuato l'accesso", "zalogowano", "zalogowałeś się", "zalogowałaś się",
        "je bent ingelogd", "ingelogd met", "تم تسجيل الدخول", "تم تسجيل دخولك",
        "با موفقیت وارد شدید", "ورود موفق", "登录成功", "登錄成功", "登入成功", "ログインしました",
        "로그인되었습니다", "로그인 되었습니다", "đăng nhập thành công", "เข้าสู่ระบบสำเร็จ",
        "लॉगिन सफल", "umeingia kwa",
    ),
}

ORDER: dict[str, tuple[str, ...]] = {
    "all": ("ትዕዛዝ", "oda yako", "agizo", "ऑर्डर", "অর্ডার", "آرڈر", "ඇණවුම", "ஆர்டர்",
            "ការបញ្ជាទិញ", "အော်ဒါ", "ማድረስ",
            # Hausa, Yoruba, Igbo, Zulu, Kinyarwanda: "ta oda" (of the order), "ibere" …
            "oda$", "odar$", "ibere rẹ", "nọmba ibere", "iwu gị", "i-oda", "komande"),
    # Greek, Armenian, Georgian, Mongolian, Sinhala bookings: their numbers are no codes
    "booking": ("κράτησ", "ամրագր", "ჯავშნ", "захиалгын дугаар", "වෙන්කිරීම"),
}
# Months and era marks of the Thai, Lao, Khmer and Burmese calendars: the Buddhist year after
# them ("30 มิ.ย. 2567", "ພ.ສ. 2567") is a date, never a code (negatives.is_year)
MONTHS: dict[str, tuple[str, ...]] = {
    "th": ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",
           "พ.ย.", "ธ.ค.", "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
           "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม", "พ.ศ.", "ปี"),
    "lo": ("ມັງກອນ", "ກຸມພາ", "ມີນາ", "ເມສາ", "ພຶດສະພາ", "ມິຖຸນາ", "ກໍລະກົດ", "ສິງຫາ", "ກັນຍາ",
           "ຕຸລາ", "ພະຈິກ", "ທັນວາ", "ພ.ສ.", "ປີ"),
    "km": ("មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា",
           "វិច្ឆិកា", "ធ្នូ", "ឆ្នាំ", "ព.ស."),
    "my": ("ဇန်နဝါရီ", "ဖေဖော်ဝါရီ", "မတ်", "ဧပြီ", "ဇွန်", "ဇူလိုင်", "ဩဂုတ်", "စက်တင်ဘာ",
           "အောက်တိုဘာ", "နိုဝင်ဘာ", "ဒီဇင်ဘာ", "ခုနှစ်"),
}
# fmt: on

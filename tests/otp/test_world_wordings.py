"""Everyday code and no-code SMS in about forty languages, full of decoy numbers."""

from __future__ import annotations

import pytest

from otpvirt.otp import extract_code

# (language, message, expected); written for these tests in the style of banks, wallets,
# telecoms, shops and apps in each language: codes before or after their keyword, split and
# prefixed codes, native digits, Android "<#>" retriever messages; and messages without a
# code full of numbers that are none -- help lines, account and card tails, amounts, dates,
# order and tracking numbers, IBANs, promo codes.
# fmt: off
CASES: list[tuple[str, str, str | None]] = [
    ("ar", "رمز التحقق الخاص بك هو 482193. لا تشاركه مع أحد.", "482193"),
    ("ar", "لن يطلب منك البنك الأهلي أبداً الرقم السري أو رمز التحقق. للاستفسار اتصل على "
     "920001000", None),
    ("ar", "تم خصم 250.00 ريال من حسابك رقم ***4821 بتاريخ 12/06/2025. الرصيد المتاح 3,450.75 "
     "ريال", None),
    ("ar", "طلبك رقم 4821337 قيد التوصيل. سيصل المندوب خلال ساعتين.", None),
    ("ar", "<#> رمز التحقق لـ كريم: 4821\nhT8kLm2xQ9p", "4821"),
    ("ar", "482193 هو رمز التفعيل الخاص بك في تطبيق توكلنا", "482193"),
    ("ar", "الراجحي: عملية شراء بمبلغ 150 ريال عبر مدى ****4821 لدى نون. إذا لم تقم بها اتصل "
     "8001241222", None),
    ("ar", "استخدم الكود RAMADAN30 للحصول على خصم 30% على طلبك القادم", None),
    ("ar", "رمز الدخول: ٤٨٢١٩٣. صالح لمدة ٥ دقائق. لا تشاركه مع أحد.", "482193"),
    ("ar", "عزيزي العميل، فاتورتك لشهر يونيو بمبلغ 230 درهم. رقم الحساب 4821337700.", None),
    ("ar", "كلمة المرور لمرة واحدة لعملية التحويل بمبلغ 1,000 دينار هي 738201", "738201"),
    ("ar", "<#> ٥١٩٢٨٤ هو رمز التحقق الخاص بك لدى طلبات\nhT8kLm2xQ9p", "519284"),
    ("ar", "482193 هو رمز التحقق من حسابك في تابي. لا تشاركه مع أحد.", "482193"),
    ("ar", "رمز واتساب الخاص بك: 482-193", "482193"),
    ("ar", "تم إيداع ٥٠٠ ريال في حسابك رقم ٤٨٢١٣٣٧٧ بتاريخ ١٢/٠٦/٢٠٢٥", None),
    ("az", "Təsdiq kodu: 482193. Kodu heç kimə deməyin.", "482193"),
    ("az", "Kapital Bank heç vaxt SMS kodunuzu soruşmur. Məlumat üçün: 196", None),
    ("az", "Kartınızdan 25.50 AZN çıxıldı. Kart *4821. Balans: 310.20 AZN", None),
    ("bg", "Вашият код за потвърждение е 482193. Не го споделяйте.", "482193"),
    ("bg", "Плащане 45,00 лв. с карта ****4821. Наличност 1 250,30 лв.", None),
    ("bn", "আপনার বিকাশ ভেরিফিকেশন কোড ৪৮২১৯৩। কোডটি কাউকে দেবেন না।", "482193"),
    ("bn", "আপনার অ্যাকাউন্ট থেকে ৫,০০০ টাকা ক্যাশ আউট হয়েছে। ফি ৯২.৫০ টাকা। ব্যালেন্স ১২,৩৪০ টাকা। "
     "TrxID 8A4B2C1D", None),
    ("bn", "482193 আপনার দারাজ ওটিপি। এটি কারো সাথে শেয়ার করবেন না।", "482193"),
    ("bn", "ব্যাংক কখনো ফোনে আপনার কার্ডের তথ্য বা ওটিপি চায় না। প্রতারণা রিপোর্ট করুন ১৬২৩৪ নম্বরে।"
     "ব্যাংক কখনো ফোনে আপনার কার্ডের তথ্য বা ওটিপি চায় না। প্রতারণা রিপোর্ট করুন ১৬২৩৪ নম্বরে।", None),
    ("bn", "আপনার অর্ডার #৪৮২১৩৩ পাঠানো হয়েছে। ডেলিভারি ম্যান ০১৭১২৩৪৫৬৭৮ নম্বর থেকে কল করবে।", None),
    ("bn", "আপনার বিদ্যুৎ বিল ১,২৫০ টাকা। গ্রাহক নং ৪৮২১৩৩৭৭। শেষ তারিখ ১৫/০৭/২০২৫।", None),
    ("bn", "৪৮২১৯৩ হল আপনার নগদ যাচাইকরণ কোড।", "482193"),
    ("bn", "ওটিপি: ৪৮২১৯৩। পরিমাণ: ৫,০০০ টাকা। সময়: ১৪:৩২", "482193"),
    ("bn", "আপনার রিচার্জ ৫০ টাকা সফল হয়েছে। মেয়াদ ৩০ দিন। অফার কোড ৪৮২১", None),
    ("cs", "Váš ověřovací kód pro Alza je 482193.", "482193"),
    ("cs", "Česká spořitelna: kód pro potvrzení platby 1 250 Kč na účet 123456789/0800 je "
     "738201.", "738201"),
    ("cs", "Nikdy nikomu nesdělujte své PIN ani hesla. Infolinka 956 777 956.", None),
    ("da", "Din bekræftelseskode er 482193.", "482193"),
    ("de", "Dein Verifizierungscode für Kleinanzeigen lautet 482193.", "482193"),
    ("de", "Deutsche Bank: Wir fragen Sie niemals telefonisch nach einer TAN oder PIN. "
     "Sicherheitshotline 069 910 10000.", None),
    ("de", "DHL: Ihre Sendung 00340434161234567890 wird heute zugestellt. Abholcode für die "
     "Packstation: 482193", "482193"),
    ("de", "Ihre Rechnung Nr. 48213377 über 29,99 EUR wird am 15.07. abgebucht.", None),
    ("de", "Ihr Einmalpasswort: 738201 (gültig 5 Min.). Niemals weitergeben!", "738201"),
    ("de", "Telekom: Ihr Kundenkennwort wurde geändert. Falls Sie das nicht waren, rufen Sie "
     "0800 330 1000 an.", None),
    ("de", "738201 ist Ihr Bestätigungscode für N26.", "738201"),
    ("de", "Mobilfunk-Rechnung Juni: 39,99 EUR. Kundennummer 4821337. Zahlbar bis 15.07.2025."
     "Mobilfunk-Rechnung Juni: 39,99 EUR. Kundennummer 4821337. Zahlbar bis 15.07.2025.", None),
    ("de", "482193 ist dein Zalando-Bestätigungscode.", "482193"),
    ("de", "Dein Telegram-Code: 48219", "48219"),
    ("de", "Überweisung 482,19 EUR an DE02 1203 0000 0000 2020 51 ausgeführt. Referenz 4821937."
     "Überweisung 482,19 EUR an DE02 1203 0000 0000 2020 51 ausgeführt. Referenz 4821937.", None),
    ("el", "Ο κωδικός επαλήθευσης σας είναι 482193. Μην τον κοινοποιήσετε.", "482193"),
    ("el", "Πληρωμή 45,00 EUR με κάρτα που λήγει σε 4821. Για πληροφορίες καλέστε 210 3269 000."
     "Πληρωμή 45,00 EUR με κάρτα που λήγει σε 4821. Για πληροφορίες καλέστε 210 3269 000.", None),
    ("en", "<#> 482193 is your Bolt verification code. Do not share it.\nFA+9qCX9VSu", "482193"),
    ("en", "Your Chase one-time code is 48219377. Don't share it. We will never call to ask for "
     "it. Questions? 1-800-935-9935", "48219377"),
    ("en", "HSBC: Payment of GBP 250.00 to account ending 4821. If this wasn't you call 03457 "
     "404 404.", None),
    ("en", "Your order #48213 has shipped. Track at ups.com with 1Z999AA10123456784.", None),
    ("en", "Use code SUMMER25 for 25% off your next ride. Offer ends 30/06.", None),
    ("en", "Revolut: Never share this code, not even with Revolut staff. Code: 738-201", "738201"),
    ("en", "Your Uber code: 4821. Never share this code. Reply STOP ALL to 89203 to "
     "unsubscribe.", "4821"),
    ("en", "Dear customer, your bill of $58.20 for account 4821-3377 is due on 06/15. Pay at "
     "att.com/pay", None),
    ("en", "Amazon: Your package with order 112-4821937-3377291 will arrive today between 2pm "
     "and 6pm.", None),
    ("en", "Your Microsoft account security code is 0482. If you didn't request it, ignore "
     "this.", "0482"),
    ("en", "PayPal: 738201 is your security code. Don't share your code.", "738201"),
    ("en", "Your appointment with Dr. Lee is on 12/06 at 10:30. Ref 48213. Call 020 7946 0958 "
     "to reschedule.", None),
    ("en", "Your Steam Guard code: 7KQ2X", "7KQ2X"),
    ("en", "Coinbase: Your verification code is 738201. Don't share this code with anyone; our "
     "employees will never ask for the code.", "738201"),
    ("en", "<#> 519284 is your verification code for Careem.\n/uR9Q2kXyZa", "519284"),
    ("en", "[#] Your Truecaller code is 4821. Valid for 10 min. ZxQ8k3LmP0a", "4821"),
    ("en", "Your Instagram code is 482 193. Don't share it.", "482193"),
    ("es", "Tu código de verificación de WhatsApp es 482-193. No lo compartas.", "482193"),
    ("es", "BBVA: compra de 45,90 EUR en AMAZON con tarjeta terminada en 4821. Si no la "
     "reconoces llama al 900 102 801.", None),
    ("es", "Tu pedido 48213377 ha sido enviado. Código de seguimiento: ES4821337700.", None),
    ("es", "738201 es tu código de Instagram. No lo compartas con nadie.", "738201"),
    ("es", "CaixaBank: el código para firmar la operación de 150,00 EUR es 738201. No lo "
     "facilites a nadie.", "738201"),
    ("es", "Movistar: tu factura de junio por 42,35 EUR ya está disponible. Nº de cliente "
     "48213377.", None),
    ("es", "Código promocional VERANO20: 20% de descuento hasta el 31/07.", None),
    ("es", "Su clave de acceso temporal es 4821. Caduca en 10 minutos.", "4821"),
    ("es", "482193 es tu código de verificación de Glovo. Válido 10 min.", "482193"),
    ("et", "Sinu kinnituskood on 482193. Ära jaga seda kellegagi.", "482193"),
    ("fa", "کد تایید شما: ۴۸۲۱۹۳\nاین کد را در اختیار دیگران قرار ندهید.", "482193"),
    ("fa", "بانک ملت هرگز رمز دوم یا کد تایید شما را درخواست نمی\u200cکند. شماره تماس ۰۲۱۸۴۲۲۰"
     "بانک ملت هرگز رمز دوم یا کد تایید شما را درخواست نمی\u200cکند. شماره تماس ۰۲۱۸۴۲۲۰", None),
    ("fa", "برداشت مبلغ ۲۵۰,۰۰۰ ریال از حساب ۴۸۲۱۳۳۷۷ در تاریخ ۱۴۰۴/۰۳/۲۲. مانده: ۱۲,۳۴۵,۰۰۰ "
     "ریال", None),
    ("fa", "رمز پویا: ۷۳۸۲۰۱۹۴\nمبلغ: ۵۰۰,۰۰۰ ریال\nپذیرنده: دیجی\u200cکالا", "73820194"),
    ("fa", "سفارش شما با شماره ۴۸۲۱۳۳۷ ارسال شد. کد رهگیری پستی: ۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹۰۱۲", None),
    ("fa", "کد ورود شما به دیوار: ۴۸۲۱", "4821"),
    ("fa", "کد تخفیف YALDA1403 برای خرید بعدی شما فعال شد.", None),
    ("fa", "<#> کد تایید اسنپ: 4821\nhT8kLm2xQ9p", "4821"),
    ("fa", "بانک سامان\nرمز دوم پویا: 539127\nمبلغ: ۱,۲۵۰,۰۰۰ ریال\nکارت: ۶۲۱۹۸۶****۴۸۲۱"
     "بانک سامان\nرمز دوم پویا: 539127\nمبلغ: ۱,۲۵۰,۰۰۰ ریال\nکارت: ۶۲۱۹۸۶****۴۸۲۱", "539127"),
    ("fa", "همراه اول: شارژ ۵۰,۰۰۰ ریالی شما با موفقیت انجام شد. کد پیگیری: ۴۸۲۱۳۳۷۷", None),
    ("fa", "مشتری گرامی، قبض برق شما به مبلغ ۳۲۰,۰۰۰ ریال با شناسه پرداخت ۴۸۲۱۳۳ صادر شد.", None),
    ("fa", "<#> کد ورود شما به اسنپ: ۵۱۹۲\nhT8kLm2xQ9p", "5192"),
    ("fa", "۴۸۲۱۹۳ کد تایید شما در اپلیکیشن روبیکا است", "482193"),
    ("fa", "کد واتس\u200cاپ شما: ۴۸۲-۱۹۳", "482193"),
    ("fa", "رمز یکبار مصرف: ۴۸۲۱۹۳\nمبلغ: ۲,۵۰۰,۰۰۰ ریال\nزمان: ۱۴:۳۲", "482193"),
    ("fa", "مبلغ ۵۰۰,۰۰۰ ریال به کارت ۶۰۳۷۹۹۱۱۲۲۳۳۴۴۵۵ واریز شد. مانده ۱,۲۳۴,۵۶۷", None),
    ("fi", "Vahvistuskoodisi on 482193. Älä jaa sitä kenenkään kanssa.", "482193"),
    ("fi", "Tilauksesi 4821337 on lähetetty. Seurantakoodi JJFI12345678901234.", None),
    ("fr", "Votre code de vérification Doctolib est 482193. Ne le communiquez à personne."
     "Votre code de vérification Doctolib est 482193. Ne le communiquez à personne.", "482193"),
    ("fr", "Votre colis 6A12345678901 sera livré le 12/06. Code de livraison à donner au "
     "livreur : 4821", "4821"),
    ("fr", "Orange : votre facture de 39,99 € est disponible. Réf client 4821337700.", None),
    ("fr", "Code de connexion à votre espace : 738201. Valable 15 minutes.", "738201"),
    ("fr", "LCL : un paiement de 89,00 EUR avec la carte se terminant par 4821 a été effectué."
     "LCL : un paiement de 89,00 EUR avec la carte se terminant par 4821 a été effectué.", None),
    ("fr", "738201 est votre code Leboncoin.", "738201"),
    ("fr", "Code 702-318 : confirmez l'ajout du bénéficiaire FR14 2004 1010 0505 0001 3M02 606."
     "Code 702-318 : confirmez l'ajout du bénéficiaire FR14 2004 1010 0505 0001 3M02 606.",
     "702318"),
    ("fr", "482193 est votre code de sécurité Vinted.", "482193"),
    ("he", "בנק הפועלים: קוד האימות שלך הוא 519284. אין להעבירו לאף גורם. לבירורים *2407"
     "בנק הפועלים: קוד האימות שלך הוא 519284. אין להעבירו לאף גורם. לבירורים *2407", "519284"),
    ("hi", "आपका OTP 482193 है। यह 10 मिनट के लिए मान्य है। इसे किसी के साथ साझा न करें।", "482193"),
    ("hi", "प्रिय ग्राहक, आपके खाते XX4821 से ₹2,500.00 डेबिट किए गए। उपलब्ध शेष ₹12,340.50", None),
    ("hi", "482193 आपका Paytm लॉगिन ओटीपी है। किसी को न बताएं।", "482193"),
    ("hi", "आपका ऑर्डर 4821337 भेज दिया गया है। डिलीवरी 12/06 तक।", None),
    ("hi", "आपका सत्यापन कोड ४८२१९३ है", "482193"),
    ("hi", "आपका बिजली बिल ₹1,230 देय तिथि 15/07/2025 उपभोक्ता संख्या 48213377", None),
    ("hi", "IRCTC: आपका PNR 4821337701 की बुकिंग की पुष्टि हो गई है। ट्रेन 12951 सीट B2-45", None),
    ("hi", "HDFC Bank: आपके खाते XX4821 से ₹5,000 का UPI भुगतान हुआ। यदि आपने नहीं किया, तो "
     "18002586161 पर कॉल करें।", None),
    ("hi", "482193 Flipkart पर लॉगिन करने के लिए आपका OTP है।", "482193"),
    ("hi", "आपका ओटीपी: ४८२१९३। राशि: ₹२,५००।", "482193"),
    ("hi", "आपका रिचार्ज ₹२३९ सफल। वैधता २८ दिन। ग्राहक सेवा १९८", None),
    ("hr", "Vaš jednokratni kod je 482193. Nemojte ga nikome dati.", "482193"),
    ("hu", "Az OTP Bank egyszer használatos kódja: 482193. Ne adja meg senkinek!", "482193"),
    ("hu", "Számla: 12 500 Ft, fizetési határidő 2025.07.15. Ügyfélszám 48213377.", None),
    ("id", "JANGAN BERIKAN kode ini ke siapa pun. Kode OTP Tokopedia: 482193", "482193"),
    ("id", "Pembayaran Rp150.000 ke rekening 4821337701 berhasil. Ref 738201.", None),
    ("id", "<#> Kode verifikasi Gojek kamu: 4821. JANGAN kasih kode ini ke siapa pun. "
     "hT8kLm2xQ9p", "4821"),
    ("id", "<#> 519284 adalah kode verifikasi Shopee Anda. JANGAN BERIKAN KODE INI KE SIAPAPUN. "
     "hT8kLm2xQ9p", "519284"),
    ("id", "482193 adalah kode OTP DANA Anda. Berlaku 2 menit.", "482193"),
    ("it", "Il tuo codice di verifica Subito è 482193.", "482193"),
    ("it", "UniCredit: pagamento di 59,90 EUR con carta che termina con 4821 autorizzato.", None),
    ("it", "Codice OTP 738201 per accedere alla tua area personale. Non comunicarlo a nessuno."
     "Codice OTP 738201 per accedere alla tua area personale. Non comunicarlo a nessuno.",
     "738201"),
    ("it", "Il tuo ordine n. 4821337 è in consegna. Codice di ritiro: 7382", "7382"),
    ("it", "482193 è il tuo codice di verifica di Vinted.", "482193"),
    ("ja", "【メルカリ】認証番号：482193 この番号を他人に教えないでください。", "482193"),
    ("ja", "【ヤマト運輸】お荷物のお届け予定：6月12日 伝票番号 4821-3377-0012", None),
    ("ja", "ご利用ありがとうございます。ご請求額は3,250円です。お支払期限は7月31日です。", None),
    ("ja", "482193 が LINE の認証番号です。", "482193"),
    ("ja", "【三菱UFJ銀行】ワンタイムパスワード：738201 振込金額：50,000円 振込先口座：普通 "
     "4821337", "738201"),
    ("ja", "【Amazon】ワンタイムパスワード：519284。このコードを誰にも教えないでください。"
     "【Amazon】ワンタイムパスワード：519284。このコードを誰にも教えないでください。", "519284"),
    ("ja", "482193 はあなたの PayPay 認証コードです。", "482193"),
    ("kk", "Растау коды: 482193. Кодты ешкімге айтпаңыз.", "482193"),
    ("kk", "Kaspi.kz: сатып алу 12 500 ₸, карта *4821. Қалдық 45 300 ₸", None),
    ("kk", "Банк ешқашан SMS-кодты сұрамайды. Анықтама: 7111", None),
    ("kk", "Halyk: Аударым 25 000 ₸ *4821 картасына. Растау коды 519284. Ешкімге айтпаңыз!"
     "Halyk: Аударым 25 000 ₸ *4821 картасына. Растау коды 519284. Ешкімге айтпаңыз!", "519284"),
    ("kk", "482193 — Kaspi.kz растау коды. Ешкімге айтпаңыз.", "482193"),
    ("ko", "[Web발신] [카카오] 인증번호 [482193]를 입력해주세요. 타인 노출 금지", "482193"),
    ("ko", "[Web발신] [신한카드] 4821 승인 홍길동 12,000원 일시불 06/12 14:22 스타벅스 누적 "
     "345,000원", None),
    ("ko", "[Web발신] 고객님의 택배 운송장번호 482133770012 배송이 시작되었습니다.", None),
    ("ko", "[Web발신] 본인확인 인증번호(738201)입력시 정상처리 됩니다.", "738201"),
    ("ko", "[Web발신] [토스] 인증번호 519284 를 입력하세요. 절대 타인에게 알려주지 마세요."
     "[Web발신] [토스] 인증번호 519284 를 입력하세요. 절대 타인에게 알려주지 마세요.", "519284"),
    ("ko", "[Web발신] 고객님의 1588-1234 통화요금 45,670원이 7월 25일 자동이체됩니다.", None),
    ("ko", "[Web발신] 482193 은(는) 네이버 인증번호입니다.", "482193"),
    ("ky", "Ырастоо коду: 482193. Эч кимге айтпаңыз.", "482193"),
    ("ky", "MBank: 2 500 сом которулду. Карта *4821. Калдык 10 300 сом.", None),
    ("lo", "ລະຫັດ OTP ຂອງທ່ານແມ່ນ 482193. ຢ່າບອກໃຜ.", "482193"),
    ("lo", "BCEL: ບັນຊີ 010-12-00-4821337 ໄດ້ຮັບເງິນ 500,000 ກີບ. ຍອດເງິນຄົງເຫຼືອ 1,250,000 ກີບ", None),
    ("lo", "ລະຫັດ OTP: 519284 ສຳລັບການໂອນເງິນ 500,000 ກີບ. ບັນຊີປາຍທາງ 0101200048213377.", "519284"),
    ("lo", "ລະຫັດ OTP: ໔໘໒໑໙໓ ຈຳນວນ ໕໐໐,໐໐໐ ກີບ", "482193"),
    ("lt", "Jūsų patvirtinimo kodas: 482193. Niekam jo nesakykite.", "482193"),
    ("lv", "Jūsu verifikācijas kods ir 482193. Nevienam to neizpaudiet.", "482193"),
    ("lv", "Swedbank nekad neprasa PIN kodus. Zvaniet 67 444 444.", None),
    ("ms", "Maybank2u: Kod TAC anda ialah 482193 untuk pemindahan RM250.00 ke akaun 5148 2133 "
     "7701.", "482193"),
    ("ms", "Jangan kongsi PIN atau TAC anda dengan sesiapa. Hubungi 1-300-88-6688 jika ragu."
     "Jangan kongsi PIN atau TAC anda dengan sesiapa. Hubungi 1-300-88-6688 jika ragu.", None),
    ("nl", "Je verificatiecode voor Marktplaats is 482193.", "482193"),
    ("nl", "ING: wij vragen nooit om je pincode of inlogcodes. Twijfel? Bel 020 22 888 00.", None),
    ("nl", "Uw bestelling 4821337 is verzonden. Track & trace: 3SXYZ1234567.", None),
    ("nl", "Rabobank: uw code is 738201. Deel deze code nooit met anderen.", "738201"),
    ("no", "Engangskoden din er 482193. Ikke del den med noen.", "482193"),
    ("pl", "Twój kod weryfikacyjny Allegro to 482193.", "482193"),
    ("pl", "mBank: nigdy nie prosimy o kody SMS ani hasła. W razie wątpliwości zadzwoń 801 300 "
     "800.", None),
    ("pl", "InPost: Paczka 682473950128374650182930 czeka w Paczkomacie WAW01M. Kod odbioru: "
     "482193", "482193"),
    ("pl", "PKO BP: przelew 250,00 PLN na rachunek 61 1090 1014 0000 0712 1981 2874. Kod SMS: "
     "738201", "738201"),
    ("pl", "Faktura nr 4821/06/2025 na kwotę 99,00 zł została wystawiona.", None),
    ("prs", "عزیزی بانک هرگز کود یا رمز شما را نمی\u200cپرسد. برای معلومات با ۱۲۳ تماس بگیرید."
     "عزیزی بانک هرگز کود یا رمز شما را نمی\u200cپرسد. برای معلومات با ۱۲۳ تماس بگیرید.", None),
    ("prs", "ام\u200cپیسه: مبلغ ۲٬۵۰۰ افغانی به شماره ۰۷۹۹۱۲۳۴۵۶ ارسال شد. کود تایید 738215"
     "ام\u200cپیسه: مبلغ ۲٬۵۰۰ افغانی به شماره ۰۷۹۹۱۲۳۴۵۶ ارسال شد. کود تایید 738215", "738215"),
    ("ps", "ستاسو د تایید کوډ ۴۸۲۱۹۳ دی. له هیچا سره یې مه شریکوئ.", "482193"),
    ("ps", "ستاسو په حساب کې ۲۰۰ افغانۍ اضافه شوې. ټول بیلانس ۳۵۰ افغانۍ.", None),
    ("ps", "موږ هیڅکله ستاسو پټنوم نه غواړو. د مرستې لپاره ۲۲۲ ته زنګ ووهئ.", None),
    ("ps", "روشن: ستاسو د ننوتلو کوډ ۵۱۹۲۸۴ دی. بیلانس ۲۰ افغانۍ.", "519284"),
    ("ps", "ستاسو کوډ: ۴۸۲۱۹۳\nمبلغ: ۵۰۰ افغانۍ", "482193"),
    ("pt", "Seu código de verificação do iFood é 4821. Não compartilhe.", "4821"),
    ("pt", "Nubank: compra de R$ 150,00 aprovada no cartão final 4821. Dúvidas? 0800 591 2117"
     "Nubank: compra de R$ 150,00 aprovada no cartão final 4821. Dúvidas? 0800 591 2117", None),
    ("pt", "O código 738201 é válido por 5 minutos para confirmar o PIX de R$ 300,00.", "738201"),
    ("pt", "Sua fatura de R$ 89,90 vence em 10/07. Código de barras: 34191.79001 01043.510047 "
     "91020.150008 1 84560000008990", None),
    ("pt", "CTT: a sua encomenda RR123456789PT aguarda levantamento. Código de levantamento: "
     "482193", "482193"),
    ("pt", "482193 é o seu código de confirmação do Mercado Livre.", "482193"),
    ("ro", "Codul tău de verificare eMAG este 482193.", "482193"),
    ("ro", "BT: Nu vă vom cere niciodată parola sau codul prin SMS. Info: 0264 308 028", None),
    ("ro", "Plata de 120,50 RON cu cardul terminat în 4821 a fost aprobată.", None),
    ("ru", "Код подтверждения: 482193. Никому не сообщайте код, даже сотрудникам банка. 900"
     "Код подтверждения: 482193. Никому не сообщайте код, даже сотрудникам банка. 900", "482193"),
    ("ru", "Покупка 1 250р. Карта *4821. Баланс: 15 300,50р", None),
    ("ru", "Заказ №48213377 передан в доставку. Курьер приедет 12.06 с 10:00 до 14:00.", None),
    ("ru", "Ваш заказ 4821337 готов к выдаче в пункте Ozon. Код получения: 7382", "7382"),
    ("ru", "482193 — код для входа в Госуслуги. Не сообщайте его никому.", "482193"),
    ("ru", "Тинькофф: перевод 5 000 ₽ на счёт 40817810099910004312. Код: 738201. Никому не "
     "говорите код!", "738201"),
    ("ru", "МТС: Ваш баланс 125,40 руб. Пополнить: *111*123#. Справки 0890", None),
    ("ru", "Промокод LETO2025 даёт скидку 15% до 31.07", None),
    ("ru", "Ваш пароль изменён. Если это были не вы, позвоните по номеру 8 800 555-35-35.", None),
    ("ru", "Одноразовый пароль 73820194 для оплаты 1 500,00 RUB в OZON.RU. Не сообщайте его "
     "никому.", "73820194"),
    ("ru", "Код Steam Guard для аккаунта gamer77: 7KQ2X", "7KQ2X"),
    ("ru", "ВТБ: Код 519284. Перевод 15 000 р. на карту *4821 получателю Иван И. Никому не "
     "сообщайте код!", "519284"),
    ("ru", "Альфа-Банк: Мы никогда не запрашиваем коды из SMS. Если вам звонят от имени банка — "
     "положите трубку и позвоните 8 800 200-00-00.", None),
    ("ru", "Ваш счёт 40817810099910004312 пополнен на 5 000,00 RUB. Доступно 12 345,67 RUB.", None),
    ("ru", "<#> 5192 — код для входа в Самокат. Не сообщайте его никому.\nk7Lm2xQ9pZa", "5192"),
    ("ru", "482193 — ваш одноразовый пароль для входа в Сбербанк Онлайн. Никому его не "
     "сообщайте.", "482193"),
    ("ru", "Код: 482-193. Действует 5 минут.", "482193"),
    ("sk", "Váš overovací kód je 482193. Nikomu ho neposkytujte.", "482193"),
    ("sr", "Vaš verifikacioni kod je 482193. Ne delite ga ni sa kim.", "482193"),
    ("sr", "Banka Intesa nikada ne traži PIN ili lozinku putem SMS-a. Kontakt centar 011 310 "
     "8888.", None),
    ("sv", "Din verifieringskod är 482193. Dela den inte med någon.", "482193"),
    ("sv", "Swedbank: vi ber dig aldrig om koder via sms. Ring 0771-22 11 22 vid frågor.", None),
    ("sw", "Nambari yako ya uthibitisho ya M-PESA ni 482193. Usimpe mtu yeyote.", "482193"),
    ("sw", "Safaricom haitawahi kukuuliza PIN yako. Piga 100 kwa msaada.", None),
    ("sw", "QK48XYZ12 Imethibitishwa. Ksh1,500.00 imetumwa kwa JOHN DOE 0712345678 tarehe "
     "12/6/25. Salio ni Ksh3,200.00.", None),
    ("sw", "Airtel Money: Umetuma Sh 10,000 kwa 0754123456. Salio Sh 25,300. Kumb. Na. 4821337"
     "Airtel Money: Umetuma Sh 10,000 kwa 0754123456. Salio Sh 25,300. Kumb. Na. 4821337", None),
    ("sw", "Namba yako ya siri ya mara moja ni 738201. Itaisha muda wake baada ya dakika 10."
     "Namba yako ya siri ya mara moja ni 738201. Itaisha muda wake baada ya dakika 10.", "738201"),
    ("tg", "Рамзи тасдиқ: 482193. Онро ба ҳеҷ кас нагӯед.", "482193"),
    ("tg", "Ҳисоби шумо ба маблағи 50 сомонӣ пур карда шуд. Бақия: 125,40 сомонӣ", None),
    ("tg", "Бонк ҳеҷ гоҳ рамзи SMS-ро намепурсад. Маркази тамос 1515", None),
    ("th", "รหัส OTP ของคุณคือ 482193 (Ref: ABCD) ห้ามบอกรหัสนี้แก่ผู้อื่น", "482193"),
    ("th", "บัญชี xxx4821 เงินเข้า 5,000.00 บาท คงเหลือ 12,340.50 บาท 12/06/68 10:30", None),
    ("th", "<#> รหัสยืนยัน LINE MAN ของคุณคือ 4821 hT8kLm2xQ9p", "4821"),
    ("th", "คำสั่งซื้อ 4821337 ของคุณถูกจัดส่งแล้ว เลขพัสดุ TH0123456789", None),
    ("th", "SCB: รหัส OTP 519284 สำหรับโอนเงิน 1,500.00 บาท เข้าบัญชี xxx-x-x4821-x (Ref:KQPZ)"
     "SCB: รหัส OTP 519284 สำหรับโอนเงิน 1,500.00 บาท เข้าบัญชี xxx-x-x4821-x (Ref:KQPZ)", "519284"),
    ("th", "482193 คือรหัส OTP สำหรับเข้าสู่ระบบ Lazada", "482193"),
    ("th", "รหัส OTP: ๔๘๒๑๙๓ ยอดเงิน ๑,๕๐๐ บาท", "482193"),
    ("th", "ยอดคงเหลือ ๑๒,๓๔๐ บาท ณ วันที่ ๑๒/๐๖/๖๘ สอบถามโทร ๑๑๕๐", None),
    ("tl", "Ang iyong GCash authentication code ay 482193. Huwag ibahagi kaninuman.", "482193"),
    ("tl", "Hindi kailanman hihingin ng BPI ang iyong OTP o PIN. Tumawag sa 889-10000.", None),
    ("tr", "Doğrulama kodunuz 482193. Bu kodu kimseyle paylaşmayınız.", "482193"),
    ("tr", "Siparişiniz 4821337 kargoya verildi. Takip no: 7382019283", None),
    ("tr", "482193 Trendyol giriş kodunuzdur. Kimseyle paylaşmayınız.", "482193"),
    ("tr", "Kartınızın son 4 hanesi 4821 olan kartınızdan 250,00 TL harcama yapılmıştır.", None),
    ("tr", "<#> Getir doğrulama kodunuz: 5192. B4kL9mQx2Zp", "5192"),
    ("tr", "WhatsApp kodunuz: 482-193", "482193"),
    ("uk", "Код підтвердження: 482193. Нікому не повідомляйте цей код.", "482193"),
    ("uk", "Нова Пошта: посилка 20450012345678 прибула у відділення №12. Сума до сплати 350 "
     "грн.", None),
    ("uk", "Монобанк: оплата 249,00 UAH, картка *4821. Баланс 12 040,15 UAH", None),
    ("uk", "482193 — ваш код для входу в Дія.", "482193"),
    ("uk", "ПриватБанк: Пароль 519284 для підтвердження переказу 1 200 грн на картку *4821. "
     "Нікому не повідомляйте.", "519284"),
    ("uk", "482193 — код для входу в Rozetka. Нікому не повідомляйте.", "482193"),
    ("ur", "آپ کا ایزی پیسہ OTP 482193 ہے۔ یہ کوڈ کسی کو نہ بتائیں۔", "482193"),
    ("ur", "آپ کے اکاؤنٹ سے 5,000 روپے منتقل کیے گئے۔ ٹرانزیکشن آئی ڈی 48213377۔ بیلنس 12,340 "
     "روپے", None),
    ("ur", "میزان بینک کبھی بھی فون پر آپ کی ذاتی معلومات یا OTP نہیں مانگتا۔ ہیلپ لائن: "
     "111-331-331", None),
    ("ur", "آپ کا ون ٹائم پاس ورڈ ۷۳۸۲۰۱ ہے جو ۵ منٹ کے لیے کارآمد ہے", "738201"),
    ("ur", "آپ کا آرڈر نمبر 4821337 روانہ کر دیا گیا ہے۔ ٹریکنگ کے لیے 042-111-222-333 پر رابطہ "
     "کریں۔", None),
    ("ur", "اپنا پن کوڈ کسی کو مت بتائیں۔ دھوکہ دہی کی اطلاع کے لیے 1919 پر کال کریں۔", None),
    ("ur", "آپ کا بل 2,450 روپے ہے۔ آخری تاریخ 15-06-2025۔ کنزیومر نمبر 4821337701", None),
    ("uz", "Tasdiqlash kodi: 482193. Hech kimga bermang!", "482193"),
    ("uz", "Click: 150 000 so'm to'lov amalga oshirildi. Karta *4821. Balans 1 250 000 so'm", None),
    ("uz", "Hech qachon SMS kodni hech kimga aytmang. Murojaat uchun: 1234", None),
    ("uz", "Sizning bir martalik parolingiz 7382. Amal qilish muddati 3 daqiqa.", "7382"),
    ("uz", "Uzum Bank: Tasdiqlash kodi 519284. To'lov summasi 250 000 so'm. Kodni hech kimga "
     "aytmang. Call-markaz 1234", "519284"),
    ("vi", "Mã xác thực của bạn là 482193. Không chia sẻ mã này với bất kỳ ai.", "482193"),
    ("vi", "Vietcombank: TK 0481000482193 +5,000,000VND luc 12/06 10:30. SD: 12,345,678VND", None),
    ("vi", "738201 là mã OTP giao dịch chuyển khoản 2.000.000 VND. Mã GD 48213377.", "738201"),
    ("vi", "Ma OTP cua Quy khach la 482193. Tuyet doi khong cung cap ma nay cho bat ky ai."
     "Ma OTP cua Quy khach la 482193. Tuyet doi khong cung cap ma nay cho bat ky ai.", "482193"),
    ("vi", "Techcombank: Ma OTP cua Quy khach la 519284 de thanh toan 1,250,000 VND tai SHOPEE. "
     "Khong chia se ma nay.", "519284"),
    ("vi", "TK 19031234564821 tai TCB -2,500,000VND luc 12/06/25 14:32. So du: 8,456,000VND. "
     "ND: chuyen tien nha", None),
    ("vi", "482193 la ma xac thuc Zalo cua ban. Khong chia se cho nguoi khac.", "482193"),
    ("zh-Hans", "【美团】482193（登录验证码）。工作人员不会向你索要，请勿向任何人泄露。", "482193"),
    ("zh-Hans", "【中国移动】尊敬的客户，您本月话费58.00元，账户余额12.30元。客服热线10086。"
     "【中国移动】尊敬的客户，您本月话费58.00元，账户余额12.30元。客服热线10086。", None),
    ("zh-Hans", "【顺丰速运】您的快递SF1234567890123已到达丰巢柜，取件码48213，请及时领取。"
     "【顺丰速运】您的快递SF1234567890123已到达丰巢柜，取件码48213，请及时领取。", "48213"),
    ("zh-Hans", "【京东】您的订单4821337已出库，预计6月12日送达。", None),
    ("zh-Hans", "您正在进行转账操作，金额5000.00元，收款账户尾号4821，验证码738201，切勿泄露。"
     "您正在进行转账操作，金额5000.00元，收款账户尾号4821，验证码738201，切勿泄露。", "738201"),
    ("zh-Hans", "【支付宝】校验码738201，你正在使用支付宝，需要进行校验，切勿将校验码泄露于他人。"
     "【支付宝】校验码738201，你正在使用支付宝，需要进行校验，切勿将校验码泄露于他人。", "738201"),
    ("zh-Hans", "【平安银行】您尾号4821的信用卡本期账单金额3,250.00元，最后还款日07月15日。", None),
    ("zh-Hant", "【LINE】您的認證碼為482193，請勿提供給他人。", "482193"),
    ("zh-Hant", "台新銀行：您的信用卡末四碼4821於06/12消費NT$1,250，如有疑問請洽0800-000-456。"
     "台新銀行：您的信用卡末四碼4821於06/12消費NT$1,250，如有疑問請洽0800-000-456。", None),
    ("zh-Hant", "蝦皮購物：您的訂單250612ABCD4821已出貨，物流編號TW4821337。", None),
    ("zh-Hant", "您的一次性密碼為738201，交易金額NT$3,000，請於5分鐘內輸入。", "738201"),
    ("zh-HK", "【HSBC】你的一次性密碼為738201，用於登入網上理財。切勿向任何人透露。", "738201"),
    ("zh-Hant", "【中華郵政】您的儲金帳號尾碼4821於06/12跨行轉入2,500元，餘額請至網路郵局查詢。"
     "【中華郵政】您的儲金帳號尾碼4821於06/12跨行轉入2,500元，餘額請至網路郵局查詢。", None),
    ("zh-Hant", "台電：電號07-12-3456-78-9本期電費1,235元，請於07/15前繳納，繳費代碼482193。"
     "台電：電號07-12-3456-78-9本期電費1,235元，請於07/15前繳納，繳費代碼482193。", None),
    ("zh-Hans", "【建设银行】您尾号4821的储蓄卡6月12日14:32支出(消费)128.00元，余额3,456.78元。"
     "【建设银行】您尾号4821的储蓄卡6月12日14:32支出(消费)128.00元，余额3,456.78元。", None),
    ("zh-Hans", "482193（抖音验证码），用于手机号登录，5分钟内有效。请勿泄露。", "482193"),
    ("zh-Hans", "你的 WhatsApp 验证码：482-193", "482193"),
    ("tl", "Ang iyong OTP ay 482193. Huwag itong ibigay kahit kanino. Hindi ito hihingin ng "
     "GCash.", "482193"),
    ("tl", "Nakatanggap ka ng P1,500.00 mula kay JUAN DELA CRUZ. Ref No. 4821337701. Bagong "
     "balanse: P3,250.00", None),
    ("tl", "482193 ang iyong verification code sa Shopee.", "482193"),
    ("tl", "Maya: Ang iyong one-time PIN ay 4821. Valid ito sa loob ng 5 minuto.", "4821"),
    ("ms", "Kod TAC anda ialah 482193. Sah selama 5 minit. Jangan kongsi dengan sesiapa."
     "Kod TAC anda ialah 482193. Sah selama 5 minit. Jangan kongsi dengan sesiapa.", "482193"),
    ("ms", "Anda telah menerima RM150.00 ke akaun 5148****7701 pada 12/06/2025.", None),
    ("sq", "Kodi juaj i verifikimit është 482193. Mos ia jepni askujt.", "482193"),
    ("sq", "Llogaria juaj u kreditua me 5,000 ALL më 12.06.2025. Bilanci: 12,340 ALL.", None),
    ("sl", "Vaša koda za preverjanje je 482193.", "482193"),
    ("sl", "Nikomur ne posredujte kode. Informacije na 080 12 34.", None),
    ("mk", "Вашиот код за верификација е 482193. Не го споделувајте.", "482193"),
    ("be", "Ваш код пацверджання: 482193. Нікому не паведамляйце.", "482193"),
    ("be", "Банк ніколі не запытвае код з SMS. Даведкі: 147", None),
    ("af", "Jou verifikasiekode is 482193. Moenie dit met enigiemand deel nie.", "482193"),
    ("af", "Jou rekening is gedebiteer met R250.00 op 12/06. Beskikbare saldo R1,234.56.", None),
    ("zu", "Ikhodi yakho yokuqinisekisa ithi 482193. Ungayabelani nomuntu.", "482193"),
    ("so", "Koodhkaaga xaqiijinta waa 482193. Cidna ha la wadaagin.", "482193"),
    ("so", "Waxaad heshay $50.00 oo ka timid 0615123456. Haraagaagu waa $120.00.", None),
    ("rw", "Kode yawe yo kwemeza ni 482193. Ntuyisangize undi muntu.", "482193"),
    ("tk", "Siziň tassyklaýyş koduňyz: 482193.", "482193"),
    ("ky", "Сиздин бир жолку кодуңуз: 482193. Эч кимге бербеңиз.", "482193"),
    ("tg", "Коди тасдиқ барои ворид шудан ба Alif Mobi: 482193. Ба касе нагӯед.", "482193"),
    ("tg", "Ҳисобатон бо 100 сомонӣ пур карда шуд. Бақия: 250,50 сомонӣ. Маълумот: 1515", None),
    ("ps", "ستاسو د تصدیق کوډ: 482193. دا کوډ له هیچا سره مه شریکوئ.", "482193"),
    ("ps", "ستاسو بیلانس ۲۵۰ افغانۍ دی. د معلوماتو لپاره ۳۳۳ ته زنګ ووهئ.", None),
    ("lo", "ລະຫັດຢືນຢັນຂອງທ່ານແມ່ນ 482193. ຫ້າມບອກຜູ້ອື່ນ.", "482193"),
    ("lo", "ທ່ານໄດ້ຮັບໂບນັດ 5GB ໃຊ້ໄດ້ 7 ມື້. ສອບຖາມ 1555", None),
    ("ug", "دەلىللەش كودىڭىز: 482193", "482193"),
    ("is", "Staðfestingarkóðinn þinn er 482193.", "482193"),
    ("ga", "Is é 482193 do chód fíoraithe.", "482193"),
    ("cy", "Eich cod dilysu yw 482193.", "482193"),
    ("eu", "Zure egiaztapen kodea 482193 da.", "482193"),
    ("ca", "El teu codi de verificació és 482193.", "482193"),
    ("gl", "O teu código de verificación é 482193.", "482193"),
    ("mt", "Il-kodiċi ta' verifika tiegħek huwa 482193.", "482193"),
    ("lb", "Äre Bestätegungscode ass 482193.", "482193"),
    ("hr", "HPB: Vaš jednokratni kod za plaćanje 250,00 EUR na HR12 1001 0051 8630 0016 0 je "
     "482193.", "482193"),
    ("bs", "Vaš verifikacijski kod je 482193. Ne dijelite ga ni s kim.", "482193"),
    ("ro", "Codul tău OTP pentru plata de 150,00 RON către RO49 AAAA 1B31 0075 9384 0000 este "
     "482193.", "482193"),
    ("hu", "Az átutalás (25 000 Ft, HU42 1177 3016 1111 1018 0000 0000) jóváhagyó kódja: 482193"
     "Az átutalás (25 000 Ft, HU42 1177 3016 1111 1018 0000 0000) jóváhagyó kódja: 482193",
     "482193"),
    ("cs", "Autorizační SMS kód: 482193. Platba 1 250 Kč na účet CZ65 0800 0000 1920 0014 5399."
     "Autorizační SMS kód: 482193. Platba 1 250 Kč na účet CZ65 0800 0000 1920 0014 5399.",
     "482193"),
    ("el", "Κωδικός επιβεβαίωσης συναλλαγής 482193 για μεταφορά 150,00 EUR σε GR16 0110 1250 "
     "0000 0001 2300 695.", "482193"),
    ("da", "Din engangskode til overførsel af 1.250,00 kr. til DK50 0040 0440 1162 43 er "
     "482193.", "482193"),
    ("sv", "Din säkerhetskod för betalning 499,00 kr till SE45 5000 0000 0583 9825 7466 är "
     "482193.", "482193"),
    ("fi", "Vahvistuskoodi 482193 tilisiirrolle 250,00 EUR tilille FI21 1234 5600 0007 85."
     "Vahvistuskoodi 482193 tilisiirrolle 250,00 EUR tilille FI21 1234 5600 0007 85.", "482193"),
    ("no", "Engangskode 482193 for betaling av 1 250,00 kr til NO93 8601 1117 947.", "482193"),
    ("lt", "Mokėjimo 150,00 EUR į LT12 1000 0111 0100 1000 patvirtinimo kodas: 482193", "482193"),
    ("lv", "Maksājuma 150,00 EUR uz LV80 BANK 0000 4351 9500 1 apstiprināšanas kods: 482193"
     "Maksājuma 150,00 EUR uz LV80 BANK 0000 4351 9500 1 apstiprināšanas kods: 482193", "482193"),
    ("et", "Makse 150,00 EUR kontole EE38 2200 2210 2014 5685 kinnituskood: 482193", "482193"),
    ("zh", "482193是您的验证码，5分钟内有效。", "482193"),
    ("zh", "【滴滴出行】验证码482193，用于登录，10分钟内有效。如非本人操作，请忽略。", "482193"),
    ("zh", "【淘宝】您的验证码已过期，请重新获取。", None),
    ("zh", "【中国联通】您本月已使用流量12.5GB，剩余3.5GB，余额23.50元。", None),
    ("zh", "【菜鸟驿站】您的包裹已到站，请凭取件码3-2-4821到驿站领取，地址：XX路12号。", "324821"),
    ("zh", "【招商银行】您账户1234于06月12日14:32消费人民币128.00元。验证码请勿告诉他人。", None),
    ("zh", "【12306】订单E123456789，张三您已购6月12日G123次3车12A号，检票口5A。", None),
    ("zh", "尊敬的客户，您的积分4821即将于2025年6月30日过期，请尽快兑换。", None),
    ("zh-Hant", "【蝦皮】您的驗證碼為482193，請於10分鐘內輸入。切勿將驗證碼告訴他人。", "482193"),
    ("zh-Hant", "您本期信用卡帳單金額NT$12,345，最低應繳NT$1,235，繳款截止日07/15。", None),
    ("zh-Hant", "【7-ELEVEN】您的取貨驗證碼為4821，請於3日內至門市取貨。", "4821"),
    ("zh-HK", "【八達通】你的一次性密碼為482193。此密碼將於10分鐘後失效。", "482193"),
    ("ja", "【PayPay】認証番号は482193です。第三者に教えないでください。", "482193"),
    ("ja", "【ヤマト運輸】6月12日 14時〜16時にお届け予定です。伝票番号：4821-3377-0012", None),
    ("ja", "【au】ご利用料金は4,821円です。お支払期限は7月10日です。", None),
    ("ja", "セキュリティコード: 482193 (有効期限: 10分)", "482193"),
    ("ja", "あなたの確認コードは 4821 です。このコードは5分間有効です。", "4821"),
    ("ko", "[Web발신] [쿠팡] 인증번호는 482193입니다. 3분 안에 입력해주세요.", "482193"),
    ("ko", "[Web발신] [CJ대한통운] 고객님의 상품이 6월 12일 배송 예정입니다. 운송장 "
     "482133770012", None),
    ("ko", "[Web발신] [SKT] 6월 요금 45,670원이 청구되었습니다. 납부기한 6/25", None),
    ("ko", "[Web발신] 본인확인 인증번호[4821]를 입력해주세요.", "4821"),
    ("ko", "[Web발신] 482193 카카오페이 인증번호입니다.", "482193"),
    ("th", "รหัสยืนยันของคุณคือ 482193 รหัสนี้จะหมดอายุใน 5 นาที", "482193"),
    ("th", "ค่าบริการเดือนมิถุนายน 599 บาท ครบกำหนดชำระ 15/07/2568", None),
    ("lo", "ລະຫັດຢືນຢັນ 482193 ຈະໝົດອາຍຸພາຍໃນ 5 ນາທີ", "482193"),
    ("vi", "Ma OTP 482193 de xac nhan giao dich 1.500.000d tai SHOPEE. Ma co hieu luc 3 phut."
     "Ma OTP 482193 de xac nhan giao dich 1.500.000d tai SHOPEE. Ma co hieu luc 3 phut.", "482193"),
    ("vi", "Quy khach da thanh toan hoa don dien thang 6 so tien 482.193d. Ma KH PE0400482193."
     "Quy khach da thanh toan hoa don dien thang 6 so tien 482.193d. Ma KH PE0400482193.", None),
    ("en", "Your Acme code is 482193.\n\n@acme.com #482193", "482193"),
    ("en", "482193 is your code for login.\n@login.example.org #482193 %example.org", "482193"),
    ("en", "Verify your email: https://acme.com/verify?code=482193", "482193"),
    ("en", "Tap to log in: https://app.example.com/l/48219377ab. Code 5521 expires in 10 min."
     "Tap to log in: https://app.example.com/l/48219377ab. Code 5521 expires in 10 min.", "5521"),
    ("en", "New login to your account from IP 192.168.10.24 on 12/06/2025 at 14:32. Not you? "
     "Visit acme.com/security", None),
    ("en", "Sign-in attempt from 203.0.113.45 (Frankfurt, DE) blocked. If this was you, use "
     "code 482193.", "482193"),
    ("en", "Dial *123*4821# to check your bonus balance.", None),
    ("en", "To activate roaming send ON to 4821. Charges apply.", None),
    ("en", "Your vehicle ABC 4821 entered the toll zone at 08:15. Charge £12.50.", None),
    ("ru", "Вход в личный кабинет 12.06.2025 в 14:32 с IP 95.165.12.4. Если это не вы, смените "
     "пароль.", None),
    ("ru", "Для проверки баланса наберите *100#. Для подключения пакета — *115*4821#", None),
    ("ru", "Ваш код: ４８２１９３", "482193"),
    ("ru", "Перейдите по ссылке для входа: https://gosuslugi.ru/auth?code=482193", "482193"),
    ("zh", "【某某银行】您的验证码为４８２１９３，请勿泄露。", "482193"),
    ("zh", "您的账户于2025-06-12 14:32在IP 114.114.114.114登录，如非本人操作请致电95588。", None),
    ("ja", "【楽天】認証コード：４８２１９３", "482193"),
    ("ja", "ログインがありました。日時：2025/06/12 14:32 IPアドレス：203.0.113.7", None),
    ("ko", "[Web발신] 새로운 기기에서 로그인되었습니다. 2025.06.12 14:32 (IP 211.234.5.6)", None),
    ("fa", "ورود به حساب کاربری در تاریخ ۱۴۰۴/۰۳/۲۲ ساعت ۱۴:۳۲ از آی\u200cپی 5.160.12.4", None),
    ("fa", "کد تایید شما ۴۸۲۱۹۳ است.\n@digikala.com #482193", "482193"),
    ("ar", "تم تسجيل الدخول إلى حسابك من جهاز جديد بتاريخ 12/06/2025 الساعة 14:32", None),
    ("ar", "لتفعيل الباقة اطلب *4821# أو أرسل 1 إلى 1100", None),
    ("ar", "رمز التحقق: 482193\n@noon.com #482193", "482193"),
    ("tr", "Hesabınıza 12.06.2025 14:32 tarihinde 88.255.12.4 IP adresinden giriş yapıldı.", None),
    ("tr", "Bakiyenizi öğrenmek için *123# tuşlayın.", None),
    ("es", "Inicio de sesión detectado el 12/06/2025 a las 14:32 desde 181.49.12.4. Si no "
     "fuiste tú, cambia tu contraseña.", None),
    ("es", "Para consultar tu saldo marca *611#. Recarga 4821 con saldo.", None),
    ("pt", "Novo acesso à sua conta em 12/06/2025 às 14:32. IP 177.12.4.8. Não foi você? Ligue "
     "4004 4828.", None),
    ("de", "Neue Anmeldung am 12.06.2025 um 14:32 Uhr von 80.187.12.4 (Berlin).", None),
    ("fr", "Nouvelle connexion le 12/06/2025 à 14h32 depuis 90.12.4.8. Ce n'était pas vous ?"
     "Nouvelle connexion le 12/06/2025 à 14h32 depuis 90.12.4.8. Ce n'était pas vous ?", None),
    ("id", "Login baru terdeteksi pada 12/06/2025 14:32 dari IP 36.72.12.4.", None),
    ("id", "Cek kuota ketik *888# lalu pilih 4. Promo 10GB Rp25.000", None),
    ("vi", "Tài khoản của bạn đã đăng nhập lúc 14:32 12/06/2025 từ IP 113.161.12.4.", None),
    ("hi", "आपके खाते में 12/06/2025 14:32 पर नए डिवाइस से लॉगिन हुआ। IP 49.36.12.4", None),
    ("th", "มีการเข้าสู่ระบบบัญชีของคุณเมื่อ 12/06/2568 14:32 น. จาก IP 1.46.12.4", None),
    ("uk", "Вхід до акаунту 12.06.2025 о 14:32 з IP 93.170.12.4.", None),
    ("en", "Your PIN for the parcel locker is 4821. Order 48213377 arrives today.", "4821"),
    ("en", "Order 48213377: your delivery PIN is 4821.", "4821"),
    ("en", "Your Amazon OTP for delivery of order 112-4821937-3377291 is 4821.", "4821"),
    ("ru", "Заказ 48213377 доставит курьер. Код для получения: 4821", "4821"),
    ("fr", "Colis 6A12345678901 : votre code de retrait est 4821.", "4821"),
    ("es", "Pedido 48213377: código de entrega 4821. Muéstralo al repartidor.", "4821"),
    ("pl", "Paczka 682473950128374650182930. Kod odbioru: 482193. Paczkomat WAW01M.", "482193"),
    ("tr", "Siparişiniz 4821337 yolda. Teslimat kodu: 4821", "4821"),
    ("ar", "طلبك رقم 4821337 في الطريق. رمز الاستلام: 4821", "4821"),
    ("en", "Your security code is 4 8 2 1 9 3", "482193"),
    ("en", "Press 1 2 3 4 on the keypad to continue.", None),
    ("en", "Your verification code has been sent to j***@gmail.com. It expires in 15 minutes."
     "Your verification code has been sent to j***@gmail.com. It expires in 15 minutes.", None),
    ("en", "Verification code: sent. Check your email.", None),
    ("en", "Your PIN was changed on 12/06/2025 at 14:32. Not you? Call 0800 123 4567.", None),
    ("en", "The OTP for your transaction of Rs. 4821 at AMAZON has been used.", None),
    ("en", "Security alert: your one-time password was requested 3 times in 5 minutes.", None),
    ("en", "Your 2-step verification code for Google account j***@gmail.com is G-482193", "482193"),
    ("es", "Tu código de verificación fue enviado a m***@hotmail.com. Expira en 15 minutos.", None),
    ("es", "Tu PIN fue modificado el 12/06/2025 a las 14:32. ¿No fuiste tú? Llama al 900 123 "
     "456.", None),
    ("pt", "Sua senha foi alterada em 12/06/2025 às 14:32. Não foi você? Ligue 4004 4828.", None),
    ("fr", "Votre code confidentiel a été modifié le 12/06/2025 à 14h32.", None),
    ("de", "Ihre PIN wurde am 12.06.2025 um 14:32 Uhr geändert. Nicht Sie? 0800 123 4567.", None),
    ("ru", "Ваш ПИН-код изменён 12.06.2025 в 14:32. Если это не вы, позвоните 900.", None),
    ("ru", "Код подтверждения отправлен на почту i***@mail.ru. Действует 15 минут.", None),
    ("ar", "تم تغيير الرقم السري الخاص بك بتاريخ 12/06/2025 الساعة 14:32. إذا لم تكن أنت اتصل "
     "8001241222", None),
    ("fa", "رمز عبور شما در تاریخ ۱۴۰۴/۰۳/۲۲ ساعت ۱۴:۳۲ تغییر کرد. در صورت عدم اطلاع با "
     "۰۲۱۸۴۲۲۰ تماس بگیرید.", None),
    ("tr", "Şifreniz 12.06.2025 14:32'de değiştirildi. Siz değilseniz 444 0 333'ü arayın.", None),
    ("zh", "您的密码已于2025-06-12 14:32修改成功，如非本人操作请致电95588。", None),
    ("ja", "パスワードが変更されました（2025/06/12 "
     "14:32）。心当たりがない場合は0120-123-456へ。", None),
    ("ko", "[Web발신] 비밀번호가 변경되었습니다. 2025.06.12 14:32 본인이 아닌 경우 1588-1234"
     "[Web발신] 비밀번호가 변경되었습니다. 2025.06.12 14:32 본인이 아닌 경우 1588-1234", None),
    ("id", "PIN Anda telah diubah pada 12/06/2025 14:32. Bukan Anda? Hubungi 1500888.", None),
    ("vi", "Mật khẩu của bạn đã được thay đổi lúc 14:32 12/06/2025. Nếu không phải bạn, gọi "
     "1900 545413.", None),
    ("hi", "आपका पिन 12/06/2025 को 14:32 पर बदल दिया गया। यदि आपने नहीं बदला तो 1800 1234 पर कॉल "
     "करें।", None),
    ("bn", "আপনার পিন ১২/০৬/২০২৫ তারিখে পরিবর্তন করা হয়েছে। আপনি না করলে ১৬২৪৭ নম্বরে কল করুন।", None),
    ("uk", "Ваш пароль змінено 12.06.2025 о 14:32. Якщо це не ви, зателефонуйте 3700.", None),
    ("he", "הסיסמה שלך שונתה ב-12/06/2025 בשעה 14:32. לא אתה? התקשר ל-*2407", None),
    ("sw", "PIN yako ya M-PESA imebadilishwa tarehe 12/6/25 saa 14:32. Piga 100 kama si wewe."
     "PIN yako ya M-PESA imebadilishwa tarehe 12/6/25 saa 14:32. Piga 100 kama si wewe.", None),
    ("am", "የሚስጥር ቁጥርዎ በ12/06/2025 ተቀይሯል። እርስዎ ካልሆኑ 994 ይደውሉ።", None),
    ("th", "รหัสผ่านของคุณถูกเปลี่ยนเมื่อ 12/06/2568 14:32 หากไม่ใช่คุณโทร 1333", None),
    ("km", "ពាក្យសម្ងាត់របស់អ្នកត្រូវបានផ្លាស់ប្តូរនៅ 12/06/2025 ម៉ោង 14:32។ ទំនាក់ទំនង 023 999 555", None),
    ("my", "သင့်စကားဝှက်ကို 12/06/2025 တွင် ပြောင်းလဲပြီးပါပြီ။ အကူအညီ 106", None),
    ("ka", "თქვენი პაროლი შეიცვალა 12.06.2025 14:32-ზე. ცხელი ხაზი 2 444 444", None),
    ("hy", "Ձեր գաղտնաբառը փոխվել է 12.06.2025 14:32-ին։ Թեժ գիծ՝ 8700", None),
    ("ur", "آپ کا پن 12/06/2025 کو تبدیل کر دیا گیا۔ اگر آپ نے نہیں کیا تو 111-000-786 پر کال "
     "کریں۔", None),
    ("am", "ሲቢኢ ብር: የይለፍ ኮድዎ 482193 ነው። ይህን ኮድ ለማንም አይንገሩ።", "482193"),
    ("am", "የቴሌብር የአንድ ጊዜ ማረጋገጫ ኮድ: 482193 ለ 3 ደቂቃ የሚሰራ።", "482193"),
    ("am", "ውድ ደንበኛችን፣ ለ30 ቀን የሚያገለግል 2GB ጥቅል በ50 ብር ገዝተዋል። ቀሪ ሂሳብ 12.50 ብር።", None),
    ("am", "ኮድ 4821 ያስገቡ እና መለያዎን ያረጋግጡ።", "4821"),
    ("am", "የክፍያ ማረጋገጫ፦ 1,250.00 ብር ከሂሳብ ቁጥር 1000123456789 ወደ አበበ ተላልፏል። ማጣቀሻ FT2516348213", None),
    ("ti", "ኮድኩም 4821 እዩ። ንማንም ኣይተካፍሉ።", "4821"),
    ("ti", "ናይ ምእታው ኮድ: 482193", "482193"),
    ("ti", "ሕሳብኩም ብ 100 ናቕፋ ተመሊኡ። ንሓበሬታ 121 ደውሉ።", None),
    ("km", "Wing: លេខកូដ 4821 ។ កុំចែករំលែកលេខកូដនេះ។", "4821"),
    ("km", "លេខកូដសម្ងាត់របស់អ្នកគឺ 482193", "482193"),
    ("km", "Smart: អ្នកបានបញ្ចូលទឹកប្រាក់ $5.00 ។ សមតុល្យ $12.30 ។ សុពលភាព 30 ថ្ងៃ", None),
    ("km", "សូមបញ្ចូលលេខកូដ 482193 ដើម្បីផ្ទៀងផ្ទាត់គណនីរបស់អ្នក", "482193"),
    ("my", "သင်၏ KBZPay အတည်ပြုကုဒ်သည် 482193 ဖြစ်ပါသည်။", "482193"),
    ("my", "Ooredoo: သင့်ဖုန်းတွင် 1,000 ကျပ် ဖြည့်သွင်းပြီးပါပြီ။ လက်ကျန် 2,350 ကျပ်။", None),
    ("my", "ကုဒ် 4821 ကို ထည့်သွင်းပါ။", "4821"),
    ("my", "Wave Money: OTP 482193 ကို မည်သူ့ကိုမျှ မပေးပါနှင့်။", "482193"),
    ("ka", "თქვენი კოდია: 4821", "4821"),
    ("ka", "Liberty Bank: SMS კოდი 482193. არავის გაუმხილოთ.", "482193"),
    ("ka", "Magti: თქვენს ანგარიშზე ჩაირიცხა 10 ლარი. ბალანსი: 15.40 ლარი.", None),
    ("ka", "482193 არის თქვენი ავტორიზაციის კოდი", "482193"),
    ("hy", "Ձեր կոդը՝ 4821", "4821"),
    ("hy", "Ucom: Ձեր հաշվին մուտքագրվել է 2000 դրամ։ Մնացորդ՝ 3500 դրամ։", None),
    ("hy", "Մուտքի կոդ՝ 482193։ Ոչ մեկին մի ասեք։", "482193"),
    ("hy", "Idram: Ձեր գործարքի հաստատման կոդն է 482193", "482193"),
    ("he", "הקוד שלך: 4821", "4821"),
    ("he", "קוד לאישור העסקה: 482193. בתוקף ל-5 דקות.", "482193"),
    ("he", 'הוראת קבע בסך 120 ש"ח תחויב ב-15/07. לבירורים 03-1234567', None),
    ("he", "פזגז: הזמנה מס' 4821337 בדרך אליך. נהג: 052-1234567", None),
    ("sw", "Nambari ya siri ya muda: 4821. Usimwambie mtu.", "4821"),
    ("sw", "Tigo Pesa: Umepokea Tsh 20,000 kutoka 0713123456. Salio jipya Tsh 45,500. Kumb: "
     "8A4B2C1D", None),
    ("sw", "Weka msimbo 482193 kuthibitisha akaunti yako ya Jumia.", "482193"),
    ("sw", "NMB: OTP yako ni 482193. Usimpe mtu yeyote.", "482193"),
    ("ne", "तपाईंको प्रमाणिकरण कोड ४८२१ हो।", "4821"),
    ("ne", "Ncell: तपाईंको खातामा रु ५०० रिचार्ज भयो। बाँकी रकम रु ६२५.५०", None),
    ("ne", "लगइन गर्न ओटीपी 482193 प्रयोग गर्नुहोस्।", "482193"),
    ("si", "ඔබගේ එක් වරක් මුරපදය 482193", "482193"),
    ("si", "Mobitel: රු. 100 රීලෝඩ් සාර්ථකයි. ශේෂය රු. 250.50", None),
    ("si", "ඔබේ කේතය 4821 වේ.", "4821"),
    ("mn", "Таны нэг удаагийн нууц код: 482193", "482193"),
    ("mn", "Unitel: Таны дансанд 5000₮ цэнэглэгдлээ. Үлдэгдэл 12,500₮", None),
    ("uz", "Payme: 482193 - tasdiqlash kodi. Uni hech kimga aytmang!", "482193"),
    ("uz", "Ucell: Balansingiz 12 500 so'm. Tarif: Bonus 15. Ma'lumot uchun 8123", None),
    ("kk", "Beeline: сіздің кодыңыз 4821", "4821"),
    ("ky", "O!: Сиздин кодуңуз 4821", "4821"),
    ("tg", "Тcell: Коди шумо 4821", "4821"),
    ("az", "Azercell: Kodunuz 4821", "4821"),
    ("az", "Bakcell: Balansınız 5.20 AZN. Tarif: Klass 10. Məlumat: 9999", None),
    ("ps", "ستاسو کوډ 4821 دی", "4821"),
    ("prs", "کود شما 4821 است", "4821"),
    ("ur", "آپ کا کوڈ 4821 ہے", "4821"),
    ("ur", "جاز: آپ کے اکاؤنٹ میں 100 روپے کا بیلنس شامل کر دیا گیا ہے۔ مدت 30 دن۔", None),
]
# fmt: on


@pytest.mark.parametrize(
    ("lang", "text", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_world_wording(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


def test_world_cases_are_balanced() -> None:
    langs = {lang.split("-")[0] for lang, _, _ in CASES}
    assert len(langs) >= 35
    empty = sum(1 for _, _, expected in CASES if expected is None)
    assert 0.3 <= empty / len(CASES) <= 0.6

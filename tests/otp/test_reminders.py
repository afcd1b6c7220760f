"""Never-share reminders: the help line after them is no code, a code they point at still is."""

from __future__ import annotations

import pytest

from otpvirt.otp import extract_code, reminders

# (language, message, expected); written for these tests in the style of bank, wallet and
# telecom warnings: "we never ask for your PIN / OTP", then a help line, a short service
# number or a number to report fraud to -- in native digits too.  With a code of its own the
# message still gives it.
# fmt: off
CASES: list[tuple[str, str, str | None]] = [
    ("ur", "آپ کا تصدیقی کوڈ 482193 ہے۔ ہم کبھی بھی آپ سے پن یا OTP نہیں پوچھتے۔ ہیلپ لائن "
     "111-000-786", "482193"),
    ("ur", "HBL کبھی بھی آپ سے آپ کا PIN یا OTP نہیں مانگتا۔ کسی مشکوک کال کی صورت میں "
     "111-111-425 پر رابطہ کریں", None),
    ("ur", "خبردار! بینک کبھی آپ کا پن کوڈ یا OTP نہیں پوچھتا۔ شکایت کے لیے 8334 پر کال کریں۔"
     "خبردار! بینک کبھی آپ کا پن کوڈ یا OTP نہیں پوچھتا۔ شکایت کے لیے 8334 پر کال کریں۔", None),
    ("ur", "اپنا OTP کسی کے ساتھ شیئر نہ کریں۔ ہیلپ لائن: 4444", None),
    ("ur", "جاز کیش: کبھی اپنا MPIN یا OTP کسی کو نہ بتائیں۔ مدد کے لیے 4444 ملائیں۔", None),
    ("ur", "آپ کا OTP ۴۸۲۱۹۳ ہے۔ یہ کسی کو نہ بتائیں۔ ہیلپ لائن ۱۱۱۰۰۰", "482193"),
    ("bn", "বিকাশ কখনো আপনার পিন বা ওটিপি জানতে চায় না। প্রয়োজনে কল করুন ১৬২৪৭", None),
    ("bn", "সতর্কতা: কেউ আপনার পিন/ওটিপি চাইলে দেবেন না। হেল্পলাইন ১৬২১৬", None),
    ("bn", "আপনার ওটিপি ৪৮২১৯৩। কাউকে জানাবেন না। হেল্পলাইন: ১৬২৪৭", "482193"),
    ("bn", "আমরা কখনো আপনার OTP বা PIN জিজ্ঞাসা করি না। সহায়তার জন্য 16247 নম্বরে কল করুন।", None),
    ("bn", "নগদ: আপনার পিন কাউকে বলবেন না। নগদ কখনো পিন জানতে চায় না। কল সেন্টার ১৬১৬৭", None),
    ("hi", "SBI कभी भी आपसे OTP या PIN नहीं पूछता। धोखाधड़ी की शिकायत के लिए 1930 पर कॉल करें।", None),
    ("hi", "कृपया अपना OTP किसी के साथ साझा न करें। हेल्पलाइन: 1800 1234", None),
    ("hi", "आपका OTP 482193 है। किसी के साथ साझा न करें। हेल्पलाइन 1930", "482193"),
    ("hi", "बैंक कभी भी आपका पिन या ओटीपी नहीं मांगता। सहायता हेतु १९३० डायल करें।", None),
    ("ne", "कहिल्यै पनि आफ्नो OTP वा PIN कसैलाई नभन्नुहोस्। सहयोगको लागि 1660 मा सम्पर्क गर्नुहोस्।", None),
    ("ne", "तपाईंको OTP ४८२१९३ हो। यो कसैलाई नदिनुहोस्। हेल्पलाइन १६६०", "482193"),
    ("ne", "बैंकले कहिल्यै तपाईंको पिन वा ओटीपी माग्दैन। गुनासोका लागि ५५५५ मा फोन गर्नुहोस्।", None),
    ("si", "ඔබගේ OTP අංකය හෝ PIN අංකය කිසිවෙකුට ලබා නොදෙන්න. උදවු සඳහා 1919 අමතන්න.", None),
    ("si", "ඔබගේ OTP කේතය 482193. එය කිසිවෙකුට නොකියන්න. ඇමතුම් මධ්\u200dයස්ථානය 011 2303050", "482193"),
    ("si", "බැංකුව කිසි විටෙක ඔබගේ මුරපදය හෝ OTP ඉල්ලන්නේ නැත. විමසීම් 1930", None),
    ("en", "We never ask for your PIN or OTP. Report fraud on 1930.", None),
    ("hi", "धोखेबाजों से सावधान! बैंक कभी भी फोन पर OTP नहीं मांगता। शिकायत 1930 पर दर्ज करें।", None),
    ("bn", "ব্যাংক কখনো ফোনে আপনার কার্ডের তথ্য বা ওটিপি চায় না। প্রতারণা রিপোর্ট করুন ১৬২৩৪ নম্বরে।"
     "ব্যাংক কখনো ফোনে আপনার কার্ডের তথ্য বা ওটিপি চায় না। প্রতারণা রিপোর্ট করুন ১৬২৩৪ নম্বরে।", None),
    ("ur", "جاز کیش: آپ کا OTP 519284 ہے۔ جاز کیش کبھی بھی آپ سے OTP یا MPIN نہیں مانگتا۔ مدد "
     "کے لیے 4444 ملائیں۔", "519284"),
    ("ur", "یو بی ایل: ہم کبھی بھی آپ سے آپ کا PIN یا OTP نہیں پوچھتے۔ کسی بھی مشکوک کال کی "
     "اطلاع 111-825-888 پر دیں۔", None),
    ("ur", "آپ کا تصدیقی کوڈ ۴۸۲۱۹۳ ہے۔ ایزی پیسہ کبھی کوڈ نہیں مانگتا۔ ہیلپ لائن ۳۴۵", "482193"),
    ("hi", "प्रिय ग्राहक, कभी भी अपना OTP, PIN या CVV किसी को न बताएं। साइबर धोखाधड़ी की रिपोर्ट "
     "1930 पर करें।", None),
    ("bn", "বিকাশ: সাবধান! বিকাশ কখনো আপনার পিন বা ভেরিফিকেশন কোড জানতে চায় না। প্রতারকদের থেকে "
     "সাবধান থাকুন। হেল্পলাইন: ১৬২৪৭", None),
    ("ne", "बैंकले कहिल्यै पनि फोन वा SMS मार्फत पिन वा OTP माग्दैन। शंका लागेमा १६६००१२३४५ मा फोन "
     "गर्नुहोस्।", None),
    ("si", "බැංකුව කිසිදා ඔබගේ PIN හෝ OTP අංකය ඉල්ලා නොසිටී. වංචා පිළිබඳ දැනුම් දීමට 1975 අමතන්න.", None),
    ("mr", "बँक कधीही तुमचा OTP किंवा PIN विचारत नाही. मदतीसाठी 1800 233 4526 वर संपर्क साधा.", None),
    ("mr", "तुमचा OTP 482193 आहे. तो कोणालाही सांगू नका. मदत 1800 233 4526", "482193"),
    ("ta", "வங்கி ஒருபோதும் OTP கேட்காது. உதவிக்கு 1800 425 1122 அழைக்கவும்.", None),
    ("ml", "ബാങ്ക് ഒരിക്കലും OTP ചോദിക്കില്ല. സഹായത്തിന് 1800 425 1800 വിളിക്കുക.", None),
    ("te", "బ్యాంక్ ఎప్పుడూ మీ OTP అడగదు. సహాయం కోసం 1800 425 3800 కు కాల్ చేయండి.", None),
    ("my", "ဘဏ်မှ OTP ကုဒ်ကို ဘယ်တော့မှ မတောင်းပါ။ အကူအညီအတွက် 1800 ကို ခေါ်ဆိုပါ။", None),
    ("km", "ធនាគារមិនដែលសុំលេខកូដ OTP ពីអ្នកទេ។ ទំនាក់ទំនង 023 225 333", None),
    ("km", "សូមកុំប្រាប់លេខកូដរបស់អ្នកទៅនរណាម្នាក់។ សេវាអតិថិជន 1800", None),
    ("am", "ኢትዮ ቴሌኮም የሚስጥር ቁጥርዎን በፍጹም አይጠይቅም። ለበለጠ መረጃ 127 ይደውሉ።", None),
    ("am", "አዋሽ ባንክ በፍጹም የሚስጥር ቁጥርዎን አይጠይቅም። ጥርጣሬ ካለዎት 8980 ይደውሉ።", None),
    ("ti", "ሚስጢራዊ ቁጽሪኹም ንማንም ኣይትሃቡ። ንሓገዝ 8080 ደውሉ።", None),
    ("sw", "Safaricom haitawahi kukuuliza PIN yako ya M-PESA. Piga 100 kwa msaada.", None),
    ("ka", "ბანკი არასოდეს მოგთხოვთ კოდს ან პაროლს. ცხელი ხაზი: 2 444 444", None),
    ("hy", "Բանկը երբեք չի պահանջի Ձեր PIN կոդը կամ գաղտնաբառը։ Թեժ գիծ՝ 8700", None),
    ("he", "בנק לאומי לעולם לא יבקש ממך קוד או סיסמה. לבירורים: *5522", None),
    ("he", "לעולם אל תמסרו את הקוד לאף אחד. מוקד שירות 2407", None),
    ("ko", "[국민은행] 은행은 절대 OTP 번호나 비밀번호를 묻지 않습니다. 문의 1588-9999", None),
    ("ja", "【注意】銀行が電話で暗証番号や認証コードを聞くことは決してありません。窓口 "
     "0120-123-456", None),
    ("zh-Hans", "【银行提醒】任何索要验证码的都是骗子，请勿泄露。客服热线95588", None),
    ("zh-Hant", "提醒您：本行不會向您索取簡訊驗證碼，請勿提供給他人。客服專線 0800-000-123", None),
    ("th", "ธนาคารจะไม่ขอรหัส OTP จากท่านทางโทรศัพท์ สอบถามโทร 02-111-1111", None),
    ("vi", "Ngân hàng không bao giờ yêu cầu cung cấp mã OTP. Hotline 1900 545413.", None),
    ("id", "BCA tidak pernah meminta PIN atau kode OTP. Hubungi Halo BCA 1500888.", None),
    ("tr", "Garanti BBVA: Şifrenizi kimseyle paylaşmayın, bankamız sizden asla şifre istemez. "
     "444 0 333", None),
    ("es", "Banco Santander: Nunca te pediremos claves por SMS. Si recibes una llamada "
     "sospechosa llama al 915 123 123.", None),
    ("pt", "Itaú: nunca pedimos sua senha ou token por SMS ou telefone. Central 4004 4828.", None),
    ("fr", "Crédit Agricole : nous ne vous demanderons jamais vos codes par SMS. En cas de "
     "doute, appelez le 09 69 39 92 91.", None),
    ("de", "Achtung: Die Sparkasse fragt Sie niemals per Telefon oder SMS nach PIN oder TAN. "
     "Sperr-Notruf 116 116", None),
    ("it", "Poste Italiane: non ti chiederemo mai codici o password via SMS. Assistenza 06 4526 "
     "3322.", None),
    ("ru", "Сбербанк никогда не запрашивает коды из СМС. Если вам позвонили от имени банка, "
     "перезвоните по номеру 900.", None),
    ("uk", "ПриватБанк ніколи не запитує пін-код чи CVV. Гаряча лінія 3700.", None),
    ("en", "Barclays: We'll never ask you for your PIN or passcode by text. Report scams to "
     "7726.", None),
    ("bn", "ডাচ-বাংলা ব্যাংক: আপনার ওটিপি ৫১৯২৮৪। এটি ৩ মিনিটের জন্য বৈধ। কাউকে বলবেন না। "
     "হেল্পলাইন ১৬২১৬", "519284"),
    ("ne", "NIC Asia: तपाईंको OTP ५१९२८४ हो। यो कसैलाई नदिनुहोस्। थप जानकारीको लागि १६६०-०१-२३४५६ "
     "मा सम्पर्क गर्नुहोस्।", "519284"),
    ("si", "BOC: ඔබගේ OTP අංකය 519284. මෙය කිසිවෙකුට ලබා නොදෙන්න. විමසීම් 1975", "519284"),
    ("hi", "OTP 519284 है। ₹2,500 के लेनदेन के लिए। इसे किसी के साथ साझा न करें - SBI", "519284"),
    ("he", "בנק הפועלים: קוד האימות שלך הוא 519284. אין להעבירו לאף גורם. לבירורים *2407"
     "בנק הפועלים: קוד האימות שלך הוא 519284. אין להעבירו לאף גורם. לבירורים *2407", "519284"),
    ("km", "ACLEDA: លេខកូដ OTP របស់អ្នកគឺ 519284។ កុំប្រាប់នរណាម្នាក់។ ទំនាក់ទំនង 023 999 555", "519284"),
    ("my", "AYA Bank: သင့် OTP ကုဒ်မှာ 519284 ဖြစ်ပါသည်။ မည်သူ့ကိုမျှ မပြောပါနှင့်။ ဖုန်း 01 231 7777", "519284"),
    ("am", "ንግድ ባንክ: የአንድ ጊዜ የይለፍ ቁጥርዎ 519284 ነው። ይህንን ቁጥር ለማንም አያጋሩ። ለእርዳታ 951 ይደውሉ።", "519284"),
    ("zh-Hans", "【工商银行】验证码482193，您尾号5678的账户正在进行转账，请勿泄露。客服95588"
     "【工商银行】验证码482193，您尾号5678的账户正在进行转账，请勿泄露。客服95588", "482193"),
    ("ko", "[Web발신] [토스] 인증번호 519284 를 입력하세요. 절대 타인에게 알려주지 마세요. 문의 "
     "1599-4905", "519284"),
    ("ru", "ВТБ: Код 519284. Перевод 15 000 р. на карту *4821 получателю Иван И. Никому не "
     "сообщайте код! 1000", "519284"),
    ("en", "Never share this code with anyone: 4821", "4821"),
    ("en", "OTP for login 482193, never share it with anyone.", "482193"),
    ("ru", "Никому не сообщайте этот код.\n4821", "4821"),
]
# fmt: on
_NEVER = sorted({(lang, p.rstrip("$")) for lang, ps in reminders.NEVER.items() for p in ps})


@pytest.mark.parametrize(
    ("lang", "text", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_reminder(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


@pytest.mark.parametrize(("lang", "phrase"), _NEVER)
def test_every_reminder_phrase(lang: str, phrase: str) -> None:
    # the reminder's code word vouches for the number it points at, not for one that a
    # later line labels (without the phrase, "Acme 8080" would read as the OTP)
    assert extract_code(f"{phrase} OTP.\nAcme 8080") is None
    assert extract_code(f"{phrase} OTP: 4821") == "4821"


def test_reminder_cases_cover_the_languages_of_the_issue() -> None:
    langs = {lang for lang, _, _ in CASES}
    assert {"ur", "bn", "hi", "ne", "si"} <= langs
    assert len(langs) >= 25


@pytest.mark.parametrize(
    "reminder",
    [
        "We will never ask for your OTP or PIN.",
        "Никому не сообщайте код.",
        "ہم کبھی بھی آپ سے OTP نہیں مانگتے۔",
        "আপনার কোড কাউকে দেবেন না।",
        "हम कभी भी आपसे OTP नहीं मांगते।",
        "请勿向任何人泄露验证码。",
        "ห้ามบอกรหัส OTP แก่ผู้อื่น",
        "የማረጋገጫ ኮድዎን ለማንም አያጋሩ።",
    ],
)
@pytest.mark.parametrize("label", ["Acme Assist", "24/7", "Report to", "Questions"])
@pytest.mark.parametrize("number", ["1930", "16247", "1588-1234", "۱۶۲۴۷", "১৬২৪৭"])
def test_any_label_after_a_reminder_makes_a_line_to_call(
    reminder: str, label: str, number: str
) -> None:
    # the label need not be a known help-line word: the reminder's code word says nothing
    # about a number another label introduces
    assert extract_code(f"{reminder} {label} {number}") is None
    assert extract_code(f"{reminder}\n{label} {number}") is None

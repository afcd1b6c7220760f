"""Never-share reminders and the help lines they end with, in every script we receive.  Pure data.

Matched like keywords.py (folded text, start of a word in scripts written with spaces,
trailing "$" = whole word).

  NEVER   "never", "do not share / tell / give", "nobody", "will not ask": the sentence
          around one is a reminder about codes in general, so its code word vouches only for
          a number it points at ("Никому не сообщайте код 4821"), not for a help line after
          it ("We never ask for your PIN or OTP. Report fraud on 1930.", context.dismissed).
          No phrase may contain a code word: the scan would swallow it.
  LINES   help lines, call centres and "for help / call" phrases before a number, in the
          languages cues.PHONE does not cover: the number after them is one to call.
  AFTER   the same said after the number by verb-final languages ("1930 पर कॉल करें",
          "৫৫৫ নম্বরে কল করুন", "994 ይደውሉ"): such a number is never a code (negatives.py).
"""

from __future__ import annotations

# fmt: off

NEVER: dict[str, tuple[str, ...]] = {
    "en": ("never", "do not share", "don't share", "dont share", "do not disclose",
           "don't disclose", "do not give", "don't give", "do not tell", "don't tell",
           "will not ask", "won't ask", "not share", "not disclose", "no one", "nobody",
           "not even with"),
    "es": ("nunca", "jamás", "no compartas", "no comparta", "no lo compartas", "no la compartas",
           "no lo comparta", "no la comparta", "no facilites", "no facilite", "no proporciones",
           "no reveles", "a nadie", "con nadie"),
    "pt": ("nunca", "jamais", "não compartilhe", "não partilhe", "não informe", "não forneça",
           "não passe", "não divulgue", "com ninguém", "a ninguém"),
    "fr": ("jamais", "ne communiquez", "ne partagez", "ne le communiquez", "ne le partagez",
           "ne donnez", "ne transmettez", "ne divulguez", "à personne", "a personne"),
    "de": ("niemals", "niemandem", "niemand", "nicht weiter", "keinesfalls", "nie$"),
    "it": ("non condividere", "non comunicare", "non comunicarlo", "non fornire",
           "non condividerlo", "a nessuno", "con nessuno"),
    "nl": ("nooit", "niet delen", "deel deze", "met niemand", "aan niemand"),
    "pl": ("nigdy", "nikomu", "nie udostępniaj", "nie podawaj", "nie przekazuj"),
    "ro": ("niciodată", "nimănui", "nu comunica", "nu divulga", "nu oferi", "nu transmite"),
    "cs-sk": ("nikdy", "nikomu", "nesdělujte", "neposkytujte", "nesdeľujte", "neposielajte"),
    "hu": ("soha", "senkinek", "ne adja", "ne ossza"),
    "nordic": ("aldrig", "aldri", "dela inte", "del ikke", "ikke del", "älä", "koskaan"),
    "el": ("ποτέ", "μην τον", "μην το", "μην κοινοποι", "κανέναν", "σε κανένα"),
    "tr": ("asla", "kimseyle", "kimseye", "paylaşmayın", "paylaşmayınız", "vermeyin"),
    "id-ms": ("jangan", "tidak pernah", "siapa pun", "siapapun", "sesiapa", "tidak akan meminta"),
    "tl": ("huwag", "hindi kailanman", "kaninuman", "kahit kanino"),
    "vi": ("không bao giờ", "không chia sẻ", "không cung cấp", "tuyệt đối không",
           "bất kỳ ai", "bat ky ai", "khong chia se", "khong cung cap"),
    "sw": ("usimpe", "usishiriki", "haitawahi", "kamwe", "usimwambie", "usitoe", "mtu yeyote"),
    "ha": ("kada ku", "kada ka", "kowa ba"),
    "yo-ig": ("ma ṣe", "ma se", "ẹnikẹni", "enikeni", "ko ni beere", "onye ọ bụla", "egosila"),
    "ar-Latn": ("matedish", "matedeesh", "matedihoush", "matedihosh", "mat2olsh", "mat2oolsh",
                "ma tedish", "le 7ad", "l7ad", "la 7ad", "ma7adesh", "me7adesh"),
    "so": ("waligeed", "weligaa", "weligeen", "ha la wadaagin", "ha u sheegin", "ha siin",
           "qofna", "cidna"),
    "ru": ("никому", "никогда", "не сообщайте", "не сообщай", "не передавайте", "не говорите",
           "не называйте", "не разглашайте"),
    "uk": ("нікому", "ніколи", "не повідомляйте", "не передавайте", "не називайте"),
    "bg-sr": ("никога", "на никого", "не споделяйте", "никоме", "никада", "nikome", "nikada",
              "ne delite", "ne dijelite", "ne dajte", "nemojte"),
    "central-asia": ("ешкімге", "ешқашан", "эч кимге", "эч качан", "hech kimga", "hech qachon",
                     "ҳеч кимга", "ҳеч қачон", "ба ҳеҷ кас", "ҳеҷ гоҳ", "ба касе", "heç kimə",
                     "heç vaxt", "хэнд ч", "хэзээ ч"),
    "lv-lt-et": ("nevienam", "nekad", "neizpaudiet", "niekam", "niekada", "mitte kellelegi",
                 "ära jaga", "kunagi"),
    "ka": ("არავის", "არასოდეს", "არ გაუზიაროთ", "არ გადასცეთ"),
    "hy": ("ոչ մեկին", "երբեք", "մի փոխանցեք", "մի տրամադրեք"),
    "ar": ("لا تشارك", "لا تعط", "لا تفصح", "لا تخبر", "لن نطلب", "لن یطلب", "لا نطلب", "ابدا",
           "لای شخص", "مع احد", "لاحد", "لن یتصل", "لن نتصل", "لا یطلب"),
    # Egyptian, Gulf and Maghrebi Arabic: "مش هيتصل بيك يطلب الرقم السري", "ما تعطيه لحد"
    "ar-dialects": ("مش هیتصل", "مش هنتصل", "مش هیطلب", "مش هنطلب", "مش هنسالک", "مش هیسالک",
                    "متقولش", "ماتقولش", "ما تقولش", "متدیش", "ماتدیش", "ما تدیش", "محدش",
                    "ما راح نطلب", "ما نطلب", "ما یطلب", "ما تعطی", "ماتعطی", "لحتی واحد",
                    "ما تشارک", "ماتشارک", "متشارکش"),
    "fa-prs-ps": ("هرگز", "در اختیار دیگران", "به هیچ", "به کسی", "ندهید", "نگویید",
                  "با هیچ کس", "با کسی", "شریک نسازید", "له هیچا", "هیڅکله", "مه شریکوئ",
                  "مه ورکوئ"),
    "ur": ("کبھی", "کسی کو", "کسی کے ساتھ", "شیئر نہ", "مت بتائیں", "نہ بتائیں", "نہیں مانگ",
           "نہیں پوچھ"),
    "he": ("לעולם", "אין למסור", "אל תמסור", "אל תמסרו", "אל תעביר", "אל תשתף", "לאף אחד"),
    "hi-mr-ne": ("कभी", "किसी के साथ", "किसी को", "साझा न", "न बताएं", "नहीं मांग", "नहीं पूछ",
                 "शेयर न", "कधीही", "कोणालाही", "सांगू नका", "कहिल्यै", "कसैलाई", "नदिनुहोस्",
                 "नभन्नुहोस्"),
    "bn": ("কখনো", "কখনও", "কাউকে", "কারো সাথে", "কারও সাথে", "দেবেন না", "বলবেন না",
           "শেয়ার করবেন না", "জানাবেন না", "চায় না"),
    "si": ("කිසිවෙකුට", "කිසිවෙකු", "කිසි විටෙක", "කිසිවිටෙක", "කිසිදා", "කිසි දිනෙක",
           "නොදෙන්න", "නොකියන්න", "නොගන්න", "විමසන්නේ නැත", "ඉල්ලන්නේ නැත", "නොවිමසයි",
           "නොඉල්ලයි", "බෙදා නොගන්න"),
    "dravidian": ("யாருடனும்", "யாரிடமும்", "ஒருபோதும்", "பகிர வேண்டாம்", "ఎవరితోనూ",
                  "ఎప్పుడూ", "పంచుకోవద్దు", "ಯಾರೊಂದಿಗೂ", "ಎಂದಿಗೂ", "ആരുമായും", "ഒരിക്കലും"),
    "gu-pa": ("કોઈની સાથે", "ક્યારેય", "શેર કરશો નહીં", "ਕਿਸੇ ਨਾਲ", "ਕਦੇ ਵੀ"),
    "or-as": ("କେବେ ବି", "କେବେବି", "କାହାକୁ", "କାହା ସହ", "ମାଗେ ନାହିଁ", "କୁହନ୍ତୁ ନାହିଁ", "কেতিয়াও",
              "কাকো", "কাৰো লগত"),
    "th-lo": ("ห้ามบอก", "อย่าบอก", "ไม่ควรบอก", "จะไม่ขอ", "ห้ามเปิดเผย", "อย่าเปิดเผย", "ไม่เคย",
              "ຢ່າບອກ", "ຫ້າມບອກ", "ບໍ່ຄວນບອກ", "ຈະບໍ່ຂໍ", "ຢ່າເປີດເຜີຍ"),
    "km-my": ("កុំចែករំលែក", "កុំប្រាប់", "មិនដែល", "កុំផ្តល់", "កុំផ្ដល់", "ဘယ်တော့မှ",
              "မပြောပါနှင့်", "မမျှဝေပါနှင့်", "ဘယ်သူ့ကိုမှ", "မည်သူ့ကိုမျှ"),
    "zh": ("请勿", "請勿", "切勿", "不要", "勿将", "勿將", "勿向", "不会向", "不會向", "绝不",
           "絕不", "从不", "從不", "泄露", "洩露", "洩漏", "泄漏", "透露"),
    "ja": ("教えないで", "絶対に", "決して", "伝えないで", "他人に"),
    "ko": ("타인", "절대", "알려주지", "노출 금지", "묻지 않습니다", "요구하지 않습니다"),
    "am-ti": ("ለማንም", "አያጋሩ", "አታጋሩ", "በፍጹም", "አይጠይቅም", "አይስጡ", "አትስጡ", "ንማንም",
              "ኣይተካፍሉ", "ኣይትሃቡ"),
}

# "this" before a code word (after it in the languages that put it there): "Netflix: 482193.
# Don't share this code", "دیجی‌کالا: ۴۸۲۱۹۳\nاین کد را …", "kode ini", "รหัสนี้".  Such a
# code word in the next sentence points back at the number (openers.refers_back).
# "We will never ask for your OTP": a reminder that says who asks for codes speaks of codes
# in general, never of the number before it (openers.warned_opener).  Word starts, folded.
ASKS: tuple[str, ...] = (
    "ask", "request", "demand", "call you", "pedir", "pedirá", "pedimos", "solicit",
    "demander", "demandera", "demandons", "fragen", "fragt", "fordern", "запраш", "просит",
    "спрашива", "попрос", "просят", "chiede", "richied", "meminta", "minta", "ister", "sormaz",
    "soracak", "talep", "يطلب", "نطلب", "سيطلب", "بخواه", "نمی‌خواه", "مانگ", "माँग", "मांग",
    "চাই", "চায়", "pyta", "prosi", "vraagt", "vragen", "cere", "solicita", "요청", "要求", "索要",
    "索取", "求め", "ขอ", "hỏi", "yêu cầu", "haitawahi", "ko ni beere",
)

THIS_BEFORE: tuple[str, ...] = (
    "this", "that", "the above", "этот", "этим", "этого", "эту", "цей", "цим", "цього", "bu",
    "ce", "diesen", "dieser", "diese", "questo", "este", "esta", "ese", "esa", "esse", "essa",
    "deze", "ten", "tento", "tego", "tym", "ezt a", "denna", "denne", "den här", "tätä", "acest",
    "αυτόν τον", "αυτό το", "ეს", "ამ", "այս", "бұл", "ин", "энэ", "این", "هذا", "هذه", "یہ",
    "اس", "यह", "इस", "এই", "ይህንን", "ይህን", "ဤ", "ဒီ", "이", "해당", "この", "此", "该", "該",
    "本",
)
THIS_AFTER: tuple[str, ...] = (
    "ini", "này", "hii", "huu", "na ito", "זה", "הזה", "นี้", "ນີ້", "នេះ",
)

LINES: tuple[str, ...] = (
    # South Asia
    "ہیلپ لائن", "ہیلپلائن", "کال سینٹر", "کسٹمر سروس", "یو اے این", "हेल्पलाइन", "हेल्प लाइन",
    "कॉल सेंटर", "टोल फ्री", "ग्राहक सेवा", "शिकायत", "गुनासो", "हटलाइन", "হেল্পলাইন", "হটলাইন",
    "কল সেন্টার", "গ্রাহক সেবা", "যোগাযোগ", "কল করুন", "कॉल करें", "کال کریں",
    "ඇමතුම් මධ්‍යස්ථාන", "විමසීම්", "පැමිණිලි", "දන්වන්න", "உதவி எண்", "புகார்",
    "வாடிக்கையாளர் சேவை", "హెల్ప్‌లైన్",
    # South-East Asia
    "ទំនាក់ទំនង", "លេខទូរស័ព្ទ", "ទូរស័ព្ទមក", "សេវាអតិថិជន", "ဆက်သွယ်", "ခေါ်ဆို", "ဖုန်းနံပါတ်", "ติดต่อ",
    "สอบถาม", "tổng đài",
    # Africa
    "የደንበኞች አገልግሎት", "የጥሪ ማዕከል", "ለእርዳታ", "ለበለጠ መረጃ", "huduma kwa wateja", "wasiliana",
    "piga$", "wac$", "caawimaad", "kira$", "don taimako",
    # Caucasus, Middle East, Europe
    "ცხელი ხაზ", "ცხელ ხაზ", "დაგვიკავშირდით", "დარეკეთ", "թեժ գիծ", "թեժ գծ", "զանգահարեք",
    "מוקד", "שירות לקוחות", "חייגו", "התקשרו", "לבירורים",
    "کلمنا", "کلمونا", "اتصل بینا", "اتصلوا بنا", "تواصل معنا", "للاستفسار", "لای استفسار",
    "للاستفسارات", "للشکاوی", "للابلاغ", "kalemna", "kallemna", "kalimna", "etasel bina",
    "ettasel bina", "гаряча лінія", "гарячої лінії",
    "müşteri hizmetleri", "çağrı merkezi", "qaynar xətt", "çağrı mərkəzi", "məlumat üçün",
    "байланыс орталығы", "анықтама", "ishonch telefoni", "murojaat uchun", "лавлах",
    "assistenza", "servizio clienti", "numero verde", "service client", "kundenservice",
    "servicehotline", "sicherheitshotline", "klantenservice", "atención al cliente",
    "καλέστε", "bel$", "gọi$", "εξυπηρέτηση πελατών", "report fraud", "report scams", "fraud line",
)

AFTER: tuple[str, ...] = (
    "پر کال", "پر رابطہ", "ملائیں", "پر شکایت", "تماس بگیرید", "ته زنګ", "زنگ بزنید",
    "पर कॉल", "पर संपर्क", "पर शिकायत", "पर दर्ज", "डायल", "मा सम्पर्क", "मा फोन", "मा कल",
    "वर संपर्क", "वर कॉल", "নম্বরে", "এ কল", "কল করুন", "අමතන්න", "ට අමතන්න", "அழைக்கவும்",
    # "… 1975 අංකයට දන්වන්න" (report to number 1975): "to the number" after it, in any script
    "අංකයට", "අංකයෙන්", "අංකය අමතන්න", "नंबर पर", "नम्बर पर", "नम्बरमा", "नंबरमा", "क्रमांकावर",
    "नंबरवर", "نمبر پر", "par call", "pe call", "par rabta", "par sampark", "எண்ணுக்கு",
    "எண்ணில்", "నంబర్‌కు", "నంబర్ కు", "ಸಂಖ್ಯೆಗೆ",
    "നമ്പറിൽ", "નંબર પર", "ਨੰਬਰ 'ਤੇ", "ਨੰਬਰ ਤੇ", "နံပါတ်သို့", "ට දන්වන්න", "କୁ କଲ", "ରେ କଲ",
    "କୁ ଫୋନ", "লৈ কল", "ত কল", "fun iranlọwọ", "fun iranlowo",
    "ஐ அழைக்கவும்", "ይደውሉ", "ላይ ይደውሉ", "ደውሉ", "ကို ခေါ်ဆို", "သို့ ဆက်သွယ်", "ზე დარეკეთ",
    "nömrəsinə", "нөміріне", "raqamiga", "raqamga", "рақамига", "номерине", "дугаарт",
    "arayın", "までお問い合わせ", "へお電話", "로 문의", "으로 문의", "로 연락", "으로 연락",
    "로 전화", "으로 전화",
)
# fmt: on

"""Context words of the fourth round (issue 22): spent codes in the South Asian scripts and
smaller European languages, their postal and promo codes, telco data packs, and the words
that say an expiry notice is about an earlier code.  Pure data; lexicon.py merges it.
"""

from __future__ import annotations

# fmt: off

NOT_OTP: dict[str, tuple[str, ...]] = {
    # postal codes: "Codi postal 08001", "Kodi postar 1001", "Codul poștal 010101"
    "postal": ("codi postal", "kodi postar", "kodi postal", "codul poștal", "cod poștal",
               "cod post$", "posta-kode", "posta kode", "póstnúmer", "poštanski broj",
               "поштански број", "поштански код", "kodi zip", "cod zip"),
    "promo": ("codi promocional", "codi de descompte", "kodi promocional", "kodi i zbritjes",
              "cod hyrwyddo", "cod disgownt", "afsláttarkóð", "kynningarkóð", "deskontu-kode",
              "promozio-kode", "promo kodea", "promo-kodea", "код за попуст", "kod za popust",
              "ಪ್ರೋಮೋ ಕೋಡ್", "ପ୍ରୋମୋ କୋଡ", "ப்ரோமோ குறியீடு", "ప్రోమో కోడ్", "પ્રોમો કોડ",
              "ਪ੍ਰੋਮੋ ਕੋਡ", "പ്രൊമോ കോഡ്"),
    # a telco's pack or plan has a code of its own: "Pack code 4821", "code du forfait 4821"
    "packs": ("pack code", "bundle code", "package code", "plan code", "data code",
              "code du forfait", "code forfait", "code du pass", "código del paquete",
              "código del plan", "código do pacote", "código do plano", "kode paket",
              "kode kuota", "mã gói", "کد بسته", "رمز الباقه", "كود الباقه", "कोड पैक",
              "पैक कोड", "প্যাক কোড", "msimbo wa kifurushi", "recharge pin", "recharge code",
              "airtime pin", "scratch card"),
}

# Telco packs and plans (cues.PRODUCT): a weak code word after them names the pack's code
PRODUCT: dict[str, tuple[str, ...]] = {
    "packs": ("data pack", "internet pack", "forfait", "pacote", "paquete de datos",
              "paquete de internet", "paket data", "paket internet", "kuota", "gói cước",
              "gói data", "डेटा पैक", "डाटा पैक", "ডেটা প্যাক", "ডাটা প্যাক", "kifurushi",
              "vifurushi", "bando la", "باقة الإنترنت"),
}

# "OTP 482193 की समय सीमा समाप्त हो गई है", "Kóðinn 482193 er útrunninn": spent codes
EXPIRED: dict[str, tuple[str, ...]] = {
    "south-asia": (
        "समय सीमा समाप्त", "अवधि समाप्त", "समाप्त हो गई", "समाप्त हो चुका", "इस्तेमाल हो चुका",
        "उपयोग हो चुका", "अमान्य है", "अमान्य हो गया", "एक्सपायर हो", "कालबाह्य", "मुदत संपली",
        "आधीच वापरला", "म्याद सकियो", "म्याद समाप्त", "म्याद नाघ", "प्रयोग भइसकेको",
        "মেয়াদ শেষ", "মেয়াদোত্তীর্ণ", "ইতিমধ্যে ব্যবহৃত", "ختم ہو چکا", "ختم ہو گیا",
        "ختم ہو گئی", "میعاد ختم", "استعمال ہو چکا", "کالعدم", "காலாவதியா", "ஏற்கனவே பயன்படுத்த",
        "గడువు ముగిసి", "ఇప్పటికే ఉపయోగించ", "ಅವಧಿ ಮುಗಿದಿದೆ", "ಅವಧಿ ಮೀರಿದೆ", "ಮುಕ್ತಾಯಗೊಂಡಿದೆ",
        "ಈಗಾಗಲೇ ಬಳಸ", "കാലഹരണപ്പെട്ടു", "കാലാവധി കഴിഞ്ഞു", "ഇതിനകം ഉപയോഗിച്ച",
        "સમાપ્ત થઈ ગય", "મુદત પૂરી", "પહેલેથી ઉપયોગ", "ਮਿਆਦ ਖਤਮ", "ਮਿਆਦ ਖ਼ਤਮ", "ਮਿਆਦ ਪੁੱਗ",
        "ਪਹਿਲਾਂ ਹੀ ਵਰਤ", "ମିଆଦ ଶେଷ", "ମିଆଦ ପୂରି", "ସମାପ୍ତ ହୋଇଯାଇଛି", "කල් ඉකුත්", "දැනටමත් භාවිතා",
    ),
    "europe": (
        "útrunninn", "útrunnið", "útrunnin", "ekki lengur gild", "þegar verið notaður",
        "ha caducat", "ha expirat", "ja no és vàlid", "ja s'ha utilitzat", "ka skaduar",
        "nuk është më i vlefshëm", "është përdorur", "wedi dod i ben", "wedi darfod",
        "wedi'i ddefnyddio", "ddim yn ddilys", "iraungita", "iraungi da", "jada erabili",
        "ez da baliozkoa", "already been used", "no longer works",
    ),
    # Vietnamese "no longer in force", Pashto "was used", Tibetan "time passed", "used"
    "more": ("hết hiệu lực", "không còn hiệu lực", "het hieu luc", "khong con hieu luc",
             "کارول شوی", "کارول شوې", "کارول شوے", "དུས་ཚོད་ཡོལ", "དུས་ཡོལ", "བེད་སྤྱོད་བྱས་ཟིན",
             "ནུས་མེད"),
}

# Never-share reminders (reminders.NEVER) and help lines (reminders.LINES) of the smaller
# European languages, Quechua and Tibetan
NEVER: dict[str, tuple[str, ...]] = {
    "europe": ("aldrei", "engum", "ekki deila", "ekki gefa", "inoiz", "inori", "ez partekatu",
               "ez eman", "mai$", "ningú", "no compartiu", "no comparteixis", "no el comparteixis",
               "no facilitis", "byth$", "peidiwch", "neb$", "kurrë", "askënd", "askujt",
               "mos e ndani", "mos e jepni", "mos ia jepni"),
    "ceb": ("ayaw ipaambit", "ayaw ihatag", "bisan kinsa", "dili gyud", "dili mangayo"),
    "qu-bo": ("ama pimanpas", "ama hayk'appas", "ama qunkichu", "མི་སུ་ལའང་", "ནམ་ཡང་"),
}
LINES: tuple[str, ...] = (
    "hafðu samband", "í síma", "hringdu", "þjónustuver", "deitu", "laguntza",
    "bezeroarentzako arreta", "truqueu", "truca al", "atenció al client", "ffoniwch",
    "cysylltwch", "telefononi", "na kontaktoni", "për ndihmë", "за помоћ", "za pomoć", "sunați",
    "apelați", "pentru asistență", "waqyay", "yanapakuypaq",
    # short numbers a keyword is sent to: "… enviando al 4545", "en envoyant au 4545"
    "enviando al", "envía al", "envia al", "enviar al", "envie para", "enviando para",
    "en envoyant au", "kirim ke", "إلى الرقم", "tawag sa", "tawagi", "tawagan",
)

# "Your code is now 661203 (the previous code is no longer valid)": an expiry word after a
# number speaks of an earlier code when one of these words comes between them ("$": whole
# word; the others start a word, or stand anywhere in CJK)
EARLIER: tuple[str, ...] = (
    "previous", "old$", "older$", "earlier", "former", "prior$", "précédent", "ancien",
    "vorherig", "vorige", "alte$", "alter$", "bisherig", "anterior", "antiguo", "antigo",
    "precedente", "vecchio", "предыдущ", "прежн", "стар", "попередн", "poprzedni", "stary$",
    "önceki", "eski$", "sebelumnya", "lama$", "vorig", "oude$", "tidigare", "gamla$",
    "forrige", "gamle$", "edellinen", "trước", "cũ$", "السابق", "القدیم", "قبلی", "قدیمی",
    "پچھلا", "پرانا", "पिछला", "पुराना", "আগের", "পুরনো", "之前", "旧", "以前", "前回", "이전",
    "기존",
)
# fmt: on

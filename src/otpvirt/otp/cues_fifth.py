"""Words of the fifth round (issue 22): spent codes in the languages of Africa, East Asia and
smaller European ones, call verbs before help lines, code words of Slovenian, Finnish,
Hausa, Somali, Swahili and Zulu, and the comparison value a TAN is shown with.  Pure data;
lexicon.py merges it (same matching rules as keywords.py: folded text, start of a word in
scripts written with spaces, trailing "$" = whole word).
"""

from __future__ import annotations

# fmt: off

# "Code 482193 has expired / was already used": no usable code in that sentence
EXPIRED: dict[str, tuple[str, ...]] = {
    "east-asia": ("期限が切れ", "期限が過ぎ", "期限を過ぎ", "既に使用", "すでに使用", "使用済",
                  "無効になりました", "이미 사용", "만료된", "만료됐", "已经使用", "已經使用",
                  "已用过", "已用過", "ใช้ไปแล้ว", "ถูกใช้งานแล้ว"),
    "africa": ("umekwisha muda", "imekwisha muda", "imeisha muda", "umeisha muda",
               "muda wake umekwisha", "muda wake umeisha", "umeshatumika", "imeshatumika",
               "umetumika", "imeisha$", "umeisha$", "imekwisha$", "umekwisha$", "haitumiki tena",
               "si halali tena", "ግዜኡ ሓሊፉ", "ግዜኡ ዝሓለፎ", "ተጠቒምኩምሉ", "ተጠቒሙሉ", "ጊዜው አልፎበታል",
               "ጊዜው አልፏል", "ጊዜው ያለፈበት", "isisetshenzisiwe", "sesisetshenzisiwe",
               "isetshenzisiwe", "isetyenzisiwe", "iphelelwe$", "ayisasebenzi", "wuu dhacay",
               "uu dhacay", "dhammaaday", "la isticmaalay", "loo isticmaalay", "ma shaqeynayo",
               "ta ƙare$", "ya ƙare$", "ta kare$", "ya kare$", "an riga an yi amfani",
               "an yi amfani da", "ti pari$", "ti kọja akoko", "ti lo tẹlẹ", "a ti lo$",
               "agwụla", "ejirila"),
    "middle-east": ("כבר נוצל", "נוצל$", "כבר שומש", "שומש$", "פג תוקפו", "פג$", "אינו בתוקף",
                    "אינו תקף", "כבר היה בשימוש", "تم استخدامه", "منتهي الصلاحیه",
                    "انتهت صلاحیته", "قبلا استفاده شده", "ვადა გაუვიდა", "უკვე გამოყენებულია",
                    "ժամկետն անցել", "արդեն օգտագործվել"),
    "europe": ("έχει λήξει", "εχει ληξει", "έληξε", "εληξε", "ήδη χρησιμοποιηθεί",
               "ηδη χρησιμοποιηθει", "χρησιμοποιήθηκε ήδη", "δεν είναι πλέον έγκυρ",
               "δεν ισχύει πλέον", "on vanhentunut", "vanhentunut$", "vanhentui", "jo käytetty",
               "on käytetty", "ei ole enää voimassa", "ei enää voimassa", "skada$", "skadiet",
               "intuża", "ntuża", "diġà użat", "m'għadux validu", "mhux aktar validu",
               "lejárt", "érvényét vesztette", "már fel lett használva", "már felhasznált",
               "felhasználásra került", "on aegunud", "aegunud$", "juba kasutatud",
               "ei kehti enam", "kaotanud kehtivuse", "nebegalioja", "jau panaudotas",
               "galiojimas baigėsi", "pasibaigė galiojimas", "jau izmantots", "už bol použitý",
               "už byl použit", "platnosť vypršala", "platnost vypršela", "vypršala$",
               "je potekla", "je potekel", "potekla$", "že uporabljen", "je bio iskorišten",
               "više ne vrijedi", "ni več veljavn", "har utløpt", "er utløpt", "er udløbet",
               "har udløbet", "har gått ut", "har löpt ut", "allerede brukt", "allerede brugt",
               "redan använd", "ikke lenger gyldig", "ikke længere gyldig", "inte längre giltig",
               "is verlopen", "verlopen$", "al gebruikt", "niet meer geldig",
               "a fost deja folosit", "deja utilizat", "nu mai este valabil", "stracił ważność",
               "już wykorzystany", "został już użyty", "термін дії минув", "déjà utilisé",
               "n'est plus valable", "già utilizzato", "non è più valido", "bereits verwendet",
               "bereits genutzt", "bereits benutzt", "nicht mehr gültig", "ya fue utilizado",
               "ya ha sido utilizado", "já foi utilizado", "zaten kullanıldı", "kullanılmış$"),
    "asia": ("nagamit na", "nag-expire na", "nag expire na", "expired na", "paso na",
             "lipas na", "hindi na valid", "hindi na magagamit", "sudah tidak berlaku",
             "tidak berlaku lagi", "sudah dipakai", "telah dipakai", "sudah terpakai",
             "telah tamat tempoh", "хугацаа дууссан", "аль хэдийн ашигласан", "мерзімі өтті",
             "мерзімі аяқталды", "muddati tugadi", "muddati o'tgan", "allaqachon ishlatilgan",
             "müddəti bitib", "müddəti başa çatıb", "artıq istifadə olunub"),
}

# "The previous code expired" after a new code speaks of an earlier one (rejects._EARLIER)
EARLIER: tuple[str, ...] = (
    "yangaphambilini", "yangaphambili", "dati$", "awali$", "iliyopita", "uliopita", "hore$",
    "gabata", "προηγούμεν", "הקודם", "precedenti", "ዝሓለፈ", "ቀዳሚ", "ያለፈው", "korábbi",
    "előző", "eelmine", "varasem", "iepriekšēj", "ankstesn", "předchozí", "predchádzajúc",
    "prethodn", "prejšnj", "上一个", "上一個", "先前", "ก่อนหน้า",
)

# Call and contact verbs before a number: "Ċemplu 2122 6644", "Soita 0800 1234"
LINES: tuple[str, ...] = (
    "ċemplu", "ċempel", "ċemplilna", "shayela", "shaya ucingo", "tsalela", "skakel$",
    "ring$", "ring os", "ring oss", "ring til", "soita$", "soittakaa", "helista", "zvaniet",
    "zvani$", "skambinkite", "skambink$", "nazovite", "nazovi$", "pozovite", "pokličite",
    "volejte", "zavolejte", "volajte", "zavolajte", "hívja", "hívjon", "hívd$", "sunati",
    "τηλεφωνήστε", "pe wa", "pe nọmba", "kpọọ",
)

# The same said after the number by verb-final languages ("1800 5700 ಅನ್ನು ಸಂಪರ್ಕಿಸಿ", "1930
# ડાયલ કરો"): such a number is never a code (merged into reminders.AFTER by negatives.py)
CALLED_AFTER: tuple[str, ...] = (
    "ಅನ್ನು ಸಂಪರ್ಕಿಸಿ", "ಸಂಪರ್ಕಿಸಿ", "ಗೆ ಕರೆ", "ಕ್ಕೆ ಕರೆ", "ಗೆ ವರದಿ", "ಕ್ಕೆ ವರದಿ", "ಡಯಲ್", "ಕರೆ ಮಾಡಿ",
    "ડાયલ", "પર કૉલ", "પર કોલ", "પર સંપર્ક", "પર જાણ", "નો સંપર્ક", "वर तक्रार", "संपर्क साधा",
    "ला कॉल", "க்கு புகார்", "ஐ தொடர்பு", "தொடர்பு கொள்ள", "டயல்", "కి కాల్", "కు కాల్",
    "కి ఫిర్యాదు", "కు ఫిర్యాదు", "ను సంప్రదించ", "సంప్రదించండి", "డయల్", "ਤੇ ਕਾਲ", "ਡਾਇਲ",
    "ലേക്ക് വിളിക്കുക", "ൽ വിളിക്കുക", "ബന്ധപ്പെടുക", "ଡାଏଲ",
)

# "4471 ile biten kartınız", "4471 végű kártya", "4471-мен аяқталатын карта": the card's last
# digits written before "ending with" (rejects.py; after a hyphen or space, folded text)
ENDING_AFTER: tuple[str, ...] = (
    "ile biten", "ile sona eren", "ilə bitən", "ilə başa çatan", "ilə bitən", "bilan tugaydigan",
    "bilan tugagan", "bilan tugovchi", "билан тугайдиган", "мен аяқталатын", "бен аяқталатын",
    "пен аяқталатын", "менен аяктаган", "менен бүткөн", "бенен аяктаган", "пенен аяктаган",
    "végű", "végződésű", "re végződő", "ra végződő", "päättyvä", "päätteise", "päätteinen",
    "lõpuga", "で終わる", "로 끝나는", "으로 끝나는", "结尾的", "結尾的", "ით დამთავრებულ",
    "ով ավարտվող", "ээр төгссөн", "аар төгссөн", "бо анҷомёбанда", "पर समाप्त होने",
    "से समाप्त होने", "দিয়ে শেষ", "ல் முடிவடையும்", "இல் முடியும்", "తో ముగిసే", "ರಿಂದ ಕೊನೆಗೊಳ್ಳುವ",
    "ಕ್ಕೆ ಕೊನೆಗೊಳ್ಳುವ", "پر ختم ہونے", "ending card", "ending account",
)

# A comparison value ("Vergleichswert") is shown beside a TAN to check the order: no code
NOT_OTP: dict[str, tuple[str, ...]] = {
    "comparison": ("vergleichswert", "vergleichsnummer", "kontrollwert", "comparison value",
                   "valeur de comparaison", "valore di confronto", "valor de comparación"),
}

STRONG: dict[str, tuple[str, ...]] = {
    "sl": ("enkratno geslo", "enkratna koda", "potrditvena koda", "varnostna koda",
           "koda za potrditev", "avtorizacijska koda", "geslo za enkratno"),
    "fi": ("tunnusluku", "vahvistustunnus", "kertakäyttöinen koodi", "kertakäyttökoodi"),
    "ha": ("lambar amincewa", "lambar tantancewa"),
    "so": ("lambarka otp", "lambarkaaga otp", "koodhka otp"),
    "sw": ("ya siri ya muda", "siri ya muda", "namba ya muda", "nambari ya muda"),
    "zu-xh": ("yesikhashana$", "iphasiwedi yesikhashana", "ikhowudi yokuqinisekisa",
              "yokuqinisekisa$"),
}

WEAK: dict[str, tuple[str, ...]] = {
    "zu-xh": ("iphasiwedi", "iphaswedi", "igama lokugqitha"),
}

# "Thibitisha kwa kuweka namba 604117", "Msimbo K7P2M9 utumie …": the verb names the code
VERBS: dict[str, tuple[str, ...]] = {
    "sw": ("kuweka namba", "weka namba", "ingiza namba", "andika namba", "thibitisha kwa",
           "utumie$"),
}
# fmt: on

"""Code words of the further scripts we receive: Ethiopic, South Asian, Khmer, Burmese.  Pure data.

Merged into keywords.STRONG / WEAK and verbs.VERBS (same matching rules: folded text,
start of a word in scripts written with spaces, trailing "$" = whole word).  Amharic and
Tigrinya write "number" (ቁጥር, ቁጽሪ) where other languages write "code"; Sinhala writes
"number" (අංකය) after "OTP"; Khmer and Burmese glue words together like Thai.  Tibetan
writes "number sign" (ཨང་རྟགས) and "secret number" (གསང་ཨང) for code and PIN.
"""

from __future__ import annotations

# fmt: off

STRONG: dict[str, tuple[str, ...]] = {
    "am+": ("የማረጋገጫ ቁጥር", "ማረጋገጫ ቁጥር", "የአንድ ጊዜ የይለፍ ቁጥር", "የአንድ ጊዜ ይለፍ ቃል",
            "የማግበሪያ ኮድ", "ሚስጥራዊ ኮድ", "የመግቢያ ቁጥር", "የደህንነት ቁጥር", "የአንድ ጊዜ ቁጥር"),
    "ti": ("ናይ ምርግጋጽ ኮድ", "ምርግጋጽ ኮድ", "ናይ ምርግጋጽ ቁጽሪ", "ናይ ሓደ ግዜ ፓስዎርድ", "ሓደ ግዜ ፓስዎርድ",
           "ናይ ሓደ ግዜ ኮድ", "ናይ ምእታው ኮድ", "ናይ ሓደ ግዜ መሕለፊ ቃል", "ሚስጢራዊ ኮድ"),
    "sw+": ("namba ya uthibitisho", "namba ya siri ya mara moja", "nywila ya mara moja",
            "msimbo wa usalama", "namba ya kuthibitisha", "nenosiri la muda", "msimbo wa muda",
            "nambari ya kuingia", "namba ya kuingia", "ya siri ya mara moja", "ya mara moja",
            "wa kuingia"),
    "ka+": ("დასადასტურებელი კოდ", "შესვლის კოდ", "აქტივაციის კოდ", "sms კოდ", "ერთჯერადი პინ"),
    # Armenian banks also write "ծածկագիր" (code, cipher): "Մուտքի ծածկագիր՝ 463209։"
    "hy+": ("գաղտնի կոդ", "հաստատման գաղտնաբառ", "մուտքի գաղտնաբառ", "sms կոդ",
            "մուտքի ծածկագ", "հաստատման ծածկագ", "մեկանգամյա ծածկագ", "գաղտնի ծածկագ",
            "ստուգման ծածկագ", "նույնականացման ծածկագ", "sms ծածկագ"),
    "he+": ("קוד אישור", "קוד הזדהות", "קוד לכניסה", "קוד האישור", "קוד ההזדהות", "קוד סודי"),
    "km": ("លេខកូដផ្ទៀងផ្ទាត់", "លេខកូដ otp", "លេខកូដotp", "លេខកូដសម្ងាត់", "លេខកូដបញ្ជាក់",
           "លេខកូដចូល", "ពាក្យសម្ងាត់មួយដង", "កូដផ្ទៀងផ្ទាត់", "កូដ otp", "លេខកូដសុវត្ថិភាព"),
    "my": ("အတည်ပြုကုဒ်", "အတည်ပြု ကုဒ်", "otp ကုဒ်", "တစ်ကြိမ်သုံး စကားဝှက်", "တစ်ကြိမ်သုံးစကားဝှက်",
           "တစ်ကြိမ်သုံးကုဒ်", "လျှို့ဝှက်ကုဒ်", "ဝင်ရောက်ရန်ကုဒ်", "လုံခြုံရေးကုဒ်"),
    "si": ("සත්‍යාපන කේත", "otp අංක", "තහවුරු කිරීමේ කේත", "එක් වරක් භාවිතා කරන මුරපද",
           "ආරක්ෂක කේත", "පිවිසුම් කේත", "සත්‍යාපන අංක"),
    "ta": ("சரிபார்ப்புக் குறியீடு", "சரிபார்ப்பு குறியீடு", "ஒருமுறை கடவுச்சொல்",
           "பாதுகாப்பு குறியீடு", "உள்நுழைவு குறியீடு", "ஓடிபி", "ஒரு முறை கடவுச்சொல்"),
    "te": ("ధృవీకరణ కోడ్", "వన్ టైమ్ పాస్‌వర్డ్", "ఓటీపీ", "ఓటిపి"),
    "kn-ml": ("ಪರಿಶೀಲನಾ ಕೋಡ್", "ಒಟಿಪಿ", "ಒನ್ ಟೈಮ್ ಪಾಸ್‌ವರ್ಡ್", "സ്ഥിരീകരണ കോഡ്", "ഒടിപി",
              "വൺ ടൈം പാസ്‌വേഡ്"),
    "gu-pa": ("ચકાસણી કોડ", "ઓટીપી", "વન ટાઇમ પાસવર્ડ", "ਪੁਸ਼ਟੀਕਰਨ ਕੋਡ", "ਓਟੀਪੀ",
              "ਵਨ ਟਾਈਮ ਪਾਸਵਰਡ"),
    "ne-mr": ("प्रमाणीकरण कोड", "एक पटक प्रयोग हुने पासवर्ड", "लगइन कोड", "पडताळणी कोड",
              "ओटीपी कोड", "प्रमाणिकरण कोड"),
    "mn": ("нэг удаагийн нууц үг", "нэг удаагийн код", "нэвтрэх код", "баталгаажуулах код"),
    "yo": ("koodu ijẹrisi", "koodu idaniloju", "koodu aabo"),
    # Xhosa, Malagasy, Sorani Kurdish, Dhivehi, Tibetan
    "so": ("lambarka sirta", "lambarkaaga sirta", "lambarka xaqiijinta",
           "lambarkaaga xaqiijinta", "erayga sirta"),
    "more": ("yokuqinisekisa", "kaody fanamarinana", "kaody fanamarinan", "کۆدی پشتڕاستکردنەوە",
             "ވެރިފިކޭޝަން ކޯޑ", "ར་སྤྲོད་ཨང་རྟགས", "yotsimikizira", "lej pov thawj"),
    "europe+": ("staðfestingarkóð", "egiaztapen kode", "cód fíoraithe", "chód fíoraithe",
                "ikhodi yokuqinisekisa", "koodhka xaqiijinta", "koodhkaaga xaqiijinta"),
    "es+": ("clave sms", "clave de firma", "código de firma", "clave de operaciones",
            "clave de operación", "código de operación"),
    # Mexico and Quebec say NIP (número / numéro d'identification personnel) for a PIN
    "nip": ("nip de confirmación", "nip de verificación", "nip de seguridad", "nip dinámico",
            "nip temporal", "nip de acceso", "nip de un solo uso", "nip temporaire",
            "nip à usage unique", "nip de vérification", "nip de confirmation"),
    # Brazilian banks: "Chave de Segurança 30383665" (never "chave Pix", a payee's key)
    "pt+": ("chave de segurança", "chave de acesso", "chave de confirmação",
            "chave de verificação", "chave de autenticação", "chave temporária",
            "chave dinâmica", "senha dinâmica", "código dinâmico", "token de segurança",
            "senha de uso único", "senha de acesso temporária"),
    # Hausa, Yoruba, Igbo, Kinyarwanda, Zulu, Hmong: "secret number", "confirmation number"
    "africa+": ("lambar ku ta tabbat", "lambar sirrin ku", "lambar ku ta sirri",
                "nọ́mbà àṣírí", "koodu àṣírí", "nọ́mbà ìjẹ́rìísí", "nọmba nzuzo", "koodu nzuzo",
                "nọmba nkwenye", "umubare w'ibanga", "kode y'ibanga", "kode yo kwemeza",
                "umubare wo kwemeza", "inombolo yokuqinisekisa", "lej lees paub", "tus lej zais",
                "tus lej nkag"),
    # "رقم التعريف المؤقت" (temporary identification number): a one-time PIN
    "ar+": ("رقم التعريف المؤقت", "رقم تعريف مؤقت", "رقم التعريف الشخصي المؤقت",
            "الرقم السري المؤقت", "رقم سري مؤقت", "رمز سري مؤقت", "الرمز السري لمرة واحدة",
            "رقم التعريف لمرة واحدة", "الرقم السري لمرة واحدة"),
    # Kannada, Odia, Malayalam, Telugu, Gujarati, Punjabi, Marathi, Bengali, Hindi: login,
    # verification and one-time-password wordings next to the ones above
    "indic+": ("ದೃಢೀಕರಣ ಕೋಡ್", "ಲಾಗಿನ್ ಕೋಡ್", "ಒಂದು ಬಾರಿಯ ಪಾಸ್‌ವರ್ಡ್", "ಓಟಿಪಿ", "ಪರಿಶೀಲನೆ ಕೋಡ್",
               "ವೆರಿಫಿಕೇಶನ್ ಕೋಡ್", "ଓଟିପି", "ଯାଞ୍ଚ କୋଡ", "ଏକକାଳୀନ ପାସୱାର୍ଡ", "ଲଗଇନ୍ କୋଡ",
               "ସତ୍ୟାପନ କୋଡ", "ଭେରିଫିକେସନ କୋଡ", "ഒറ്റത്തവണ പാസ്‌വേഡ്", "ലോഗിൻ കോഡ്",
               "വെരിഫിക്കേഷൻ കോഡ്", "ഓടിപി", "പരിശോധനാ കോഡ്", "వెరిఫికేషన్ కోడ్", "లాగిన్ కోడ్",
               "ఒకసారి పాస్‌వర్డ్", "ధ్రువీకరణ కోడ్", "વેરિફિકેશન કોડ", "લોગિન કોડ",
               "એક વખતનો પાસવર્ડ", "ઓટિપી", "પુષ્ટિ કોડ", "ਤਸਦੀਕ ਕੋਡ", "ਲੌਗਇਨ ਕੋਡ", "ਲਾਗਇਨ ਕੋਡ",
               "ਇੱਕ ਵਾਰ ਦਾ ਪਾਸਵਰਡ", "ਪੁਸ਼ਟੀ ਕੋਡ", "ਵੈਰੀਫਿਕੇਸ਼ਨ ਕੋਡ", "एकवेळ पासवर्ड",
               "एक वेळचा पासवर्ड", "ওয়ান টাইম পিন", "এককালীন পিন", "एक बार का पिन", "ஓ.டி.பி"),
    # Icelandic compounds ("Innskráningarkóðinn"), Tibetan, Quechua
    "is-bo-qu": ("innskráningarkóð", "öryggiskóð", "auðkenningarkóð", "einnota kóð",
                 "aðgangskóð", "ཐེངས་གཅིག་གསང་ཨང", "ནང་འཛུལ་ཨང་རྟགས", "ཐེངས་གཅིག་ཨང་རྟགས",
                 "chiqanchana kodigu", "chiqanchay kodigu"),
}

WEAK: dict[str, tuple[str, ...]] = {
    "ethiopic": ("የሚስጥር ቁጥር", "የይለፍ ቁጥር", "ፓስዎርድ", "መሕለፊ ቃል", "ሚስጢራዊ ቁጽሪ"),
    "south-asia": ("කේතය", "කේත$", "මුරපදය", "රහස් අංකය", "குறியீடு", "கடவுச்சொல்", "కోడ్",
                   "పాస్‌వర్డ్", "ಕೋಡ್", "കോഡ്", "કોડ", "ਕੋਡ", "पिन$", "পিন$"),
    "south-east-asia": ("លេខកូដ", "កូដ", "ពាក្យសម្ងាត់", "លេខសម្ងាត់", "ကုဒ်", "စကားဝှက်"),
    "mn-yo": ("нууц үг", "koodu"),
    "africa": ("iphinikhodi", "yikhodi", "yikhowudi"),
    "latin+": ("ikhodi", "kodea", "chód", "kóði", "kóða", "kóðinn", "koodhka", "koodhkaaga",
               "nip$"),
    "indic+": ("ಪಾಸ್‌ವರ್ಡ್", "പാസ്‌വേഡ്", "ପାସୱାର୍ଡ", "પાસવર્ડ", "ਪਾਸਵਰਡ", "గుప్తపదం",
               "གསང་ཨང", "kóðann", "kodigu"),
    "more": ("ծածկագիր", "ծածկագր", "رقم التعريف الشخصي", "ikhowudi", "kaody", "kodeu", "کۆد",
             "ކޯޑ", "ཨང་རྟགས", "ڪوڊ", "kwdik", "କୋଡ", "ক'ড", "ক’ড"),
}

# "Verification: 482193", "Verify your phone: 1234": words that name a code only as the label
# of the number they point at (scoring._keyword ignores them anywhere else).
LABELS: dict[str, tuple[str, ...]] = {
    "all": ("verification$", "verify$", "vérification$", "verificación$", "verificação$",
            "verifizierung$", "verifica$", "weryfikacja$", "doğrulama$", "verifikasi$",
            "xác minh$", "xác thực$", "подтверждение$", "верификация$", "التحقق$", "تایید$",
            "تأیید$",
            # Hausa "Lambar ku: 4821" (your number): a code only when it points at the number
            "lambar ku$"),
    # "That code expired. Here is a new one: 661203": the new code, named only by "one"
    "new": ("a new one$", "uno nuevo$", "um novo$", "un nouveau$", "einen neuen$"),
}

VERBS: dict[str, tuple[str, ...]] = {
    "am-ti": ("ለማረጋገጥ", "ያስገቡ", "ንምርግጋጽ", "ኣእትዉ"),
    "km-my": ("ដើម្បីផ្ទៀងផ្ទាត់", "បញ្ចូល", "အတည်ပြုရန်", "ထည့်သွင်းပါ"),
    "south-asia": ("තහවුරු කිරීමට", "சரிபார்க்க", "सत्यापित करने के लिए", "प्रमाणित गर्न"),
    "he-ka-hy": ("הזינו", "הזן$", "შეიყვანეთ", "մուտքագրեք"),
}
# fmt: on

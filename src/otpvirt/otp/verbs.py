"""Verb phrases that name the code ("to verify", "enter", "введите").  Pure data.

Matched like keywords.py (folded text, start of a word, trailing "$" = whole word).
"""

from __future__ import annotations

__all__ = ["VERBS"]

# fmt: off

# "Use 123456 to verify your account", "Enter 1234", "Користи 470 291 да потврдиш": the verb
# names the code.  As trusted as WEAK, but unlike a code word a verb does not re-open a
# phone cue ("Позвоните для подтверждения 1100" stays a phone number).
VERBS: dict[str, tuple[str, ...]] = {
    "en": ("to verify", "to sign in", "to log in", "to login", "to confirm", "to activate",
           "to complete your", "to open", "to collect", "to pick up", "enter$", "to validate",
           "to authenticate"),
    "ru": ("введите", "введи$", "для подтверждения", "для верификации", "для входа"),
    "uk": ("введіть", "для підтвердження", "для входу"),
    "sr": ("da potvrdiš", "da potvrdite", "za potvrdu", "za verifikaciju", "za prijavu",
           "unesite", "unesi$", "да потврдиш", "да потврдите", "за потврду", "за верификацију",
           "за пријаву", "унесите", "унеси$"),
    "tg": ("барои тасдиқ", "барои ворид шудан", "ворид кунед", "ворид намоед", "барои фаъол"),
    "kk": ("растау үшін", "енгізіңіз"),
    "uz": ("tasdiqlash uchun", "kiriting", "тасдиқлаш учун", "киритинг"),
    "az": ("təsdiqləmək üçün", "daxil edin"),
    "ky": ("ырастоо үчүн", "киргизиңиз"),
    "tr": ("doğrulamak için", "onaylamak için", "giriş yapmak için", "girin"),
    "fa": ("برای تایید", "برای ورود", "وارد کنید", "برای تصدیق"),
    "ps": ("د تایید لپاره", "د تصدیق لپاره", "د ننوتلو لپاره", "داخل کړئ", "ولیکئ"),
    "ur": ("درج کریں", "تصدیق کے لیے", "تصدیق کے لئے"),
    "bn": ("লিখুন", "যাচাই করতে"),
    "sw": ("kuthibitisha", "ingiza$"),
    "ar": ("للتحقق", "لتاکید", "لتفعیل", "لتسجیل الدخول", "ادخل"),
    "lv": ("lai apstiprinātu", "lai pieslēgtos", "lai verificētu", "ievadiet", "ievadi$"),
    "lo": ("ເພື່ອຢືນຢັນ", "ເພື່ອຍືນຍັນ", "ເພື່ອເຂົ້າສູ່ລະບົບ"),
    "th": ("เพื่อยืนยัน", "เพื่อเข้าสู่ระบบ"),
    "zh": ("验证你的", "验证您的", "驗證你的", "驗證您的", "用于验证", "用於驗證", "以验证",
           "以驗證"),
    "vi": ("nhập", "để xác minh", "để xác nhận", "để xác thực", "để đăng nhập"),
    "id": ("masukkan", "untuk memverifikasi", "untuk verifikasi", "untuk konfirmasi",
           "untuk masuk", "untuk mengesahkan"),
    "es": ("ingresa", "introduce", "para verificar", "para confirmar", "para acceder",
           "para iniciar sesión"),
    "pt": ("digite", "insira", "para verificar", "para confirmar", "para acessar"),
    "fr": ("saisissez", "pour vérifier", "pour confirmer", "pour valider",
           "pour vous connecter"),
    "de": ("geben sie", "zu bestätigen", "zu verifizieren", "zur bestätigung",
           "zur verifizierung", "zur anmeldung"),
    "it": ("inserisci", "per verificare", "per confermare", "per accedere"),
    "pl": ("wpisz", "aby zweryfikować", "aby potwierdzić", "aby się zalogować",
           "w celu weryfikacji", "w celu potwierdzenia"),
    "nl": ("te verifiëren", "te bevestigen", "om in te loggen"),
}
# fmt: on

"""Messages about a code that has not come: resend lines, lockouts, waiting times."""

from __future__ import annotations

import pytest

from otpvirt.otp import extract_code

# (language, message, expected); written for these tests: "Didn't get the code? Call 1234",
# "Text RESEND to 72727", "3 wrong codes, locked for 24 hours", "the code arrives within
# 2 minutes" -- a code word and a number that is no code; and the same lines after a code.
# fmt: off
CASES: list[tuple[str, str, str | None]] = [
    ("en", "Didn't get the code? Call 1234 or reply HELP.", None),
    ("en", "Didn't receive your code? Text RESEND to 72727.", None),
    ("en", "To get a new verification code, dial *123# or call 5050.", None),
    ("en", "Your verification code will arrive within 2 minutes.", None),
    ("en", "Request a new code in 60 seconds.", None),
    ("en", "You entered a wrong code 3 times. Your account is locked for 24 hours. Call 0800 "
     "4821.", None),
    ("en", "Verification code requests are limited to 5 per day.", None),
    ("en", "Your security code for Netflix expires at 14:30 GMT.", None),
    ("en", "Your code request #4821337 is being processed.", None),
    ("en", "Enter the 6-digit code we sent to confirm. Support: 4821", None),
    ("es", "¿No recibiste el código? Llama al 4821.", None),
    ("es", "Has introducido un código incorrecto 3 veces. Intenta de nuevo en 30 minutos.", None),
    ("pt", "Não recebeu o código? Ligue 4004 4828.", None),
    ("pt", "O código de verificação será enviado em até 2 minutos.", None),
    ("fr", "Vous n'avez pas reçu le code ? Appelez le 3900.", None),
    ("de", "Keinen Code erhalten? Rufen Sie 0800 4821 an.", None),
    ("de", "Sie haben 3 Mal einen falschen Code eingegeben. Ihr Zugang ist für 24 Stunden "
     "gesperrt.", None),
    ("it", "Non hai ricevuto il codice? Chiama il 4821.", None),
    ("ru", "Не пришёл код? Позвоните 0500.", None),
    ("ru", "Вы ввели неверный код 3 раза. Доступ заблокирован на 24 часа.", None),
    ("ru", "Код придёт в течение 2 минут. Запросить новый можно через 60 секунд.", None),
    ("uk", "Не отримали код? Зателефонуйте 0800 500 500.", None),
    ("tr", "Kodu almadınız mı? 444 0 333'ü arayın.", None),
    ("tr", "3 kez hatalı kod girdiniz. Hesabınız 24 saat kilitlendi.", None),
    ("ar", "لم يصلك الرمز؟ اتصل على 19999", None),
    ("ar", "لقد أدخلت رمزاً خاطئاً 3 مرات. حاول مرة أخرى بعد 30 دقيقة.", None),
    ("fa", "کد تایید را دریافت نکردید؟ با ۹۹۹۰ تماس بگیرید.", None),
    ("fa", "کد تایید حداکثر تا ۲ دقیقه دیگر ارسال می\u200cشود.", None),
    ("hi", "OTP नहीं मिला? 1800 1234 पर कॉल करें।", None),
    ("bn", "কোড পাননি? ১৬২৪৭ নম্বরে কল করুন।", None),
    ("ur", "کوڈ موصول نہیں ہوا؟ 4444 پر کال کریں۔", None),
    ("id", "Tidak menerima kode? Hubungi 1500888.", None),
    ("vi", "Không nhận được mã? Gọi 1900 545413.", None),
    ("th", "ไม่ได้รับรหัส? โทร 1333", None),
    ("zh-Hans", "没有收到验证码？请拨打客服电话95588。", None),
    ("ja", "認証コードが届かない場合は0120-123-456までお電話ください。", None),
    ("ko", "[Web발신] 인증번호를 받지 못하셨나요? 1588-1234로 문의하세요.", None),
    ("he", "לא קיבלת את הקוד? התקשר ל-*2407", None),
    ("ka", "კოდი არ მიგიღიათ? დარეკეთ 2 444 444", None),
    ("sw", "Hukupata nambari ya uthibitisho? Piga 100.", None),
    ("am", "ኮዱ አልደረሰዎትም? 994 ይደውሉ።", None),
    ("km", "មិនបានទទួលលេខកូដ? ទូរស័ព្ទមក 1800", None),
    ("my", "ကုဒ် မရရှိပါက 106 ကို ခေါ်ဆိုပါ။", None),
    ("kk", "Код келмеді ме? 7111 нөміріне қоңырау шалыңыз.", None),
    ("uz", "Kod kelmadimi? 1234 raqamiga qo'ng'iroq qiling.", None),
    ("az", "Kodu almadınız? 196 nömrəsinə zəng edin.", None),
    ("pl", "Nie otrzymałeś kodu? Zadzwoń 801 300 800.", None),
    ("nl", "Geen code ontvangen? Bel 0900 0933.", None),
    ("ro", "Nu ai primit codul? Sună la 0264 308 028.", None),
    ("en", "Your code is 482193. Didn't request it? Call 1234.", "482193"),
    ("es", "Tu código es 482193. ¿No lo solicitaste? Llama al 4821.", "482193"),
    ("ru", "Код: 482193. Не запрашивали? Позвоните 0500.", "482193"),
    ("ar", "رمز التحقق 482193. لم تطلبه؟ اتصل على 19999", "482193"),
    ("hi", "OTP 482193 है। अनुरोध नहीं किया? 1800 1234 पर कॉल करें।", "482193"),
    ("bn", "কোড ৪৮২১৯৩। আপনি অনুরোধ করেননি? ১৬২৪৭ নম্বরে কল করুন।", "482193"),
]
# fmt: on


@pytest.mark.parametrize(
    ("lang", "text", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_no_code_yet(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected

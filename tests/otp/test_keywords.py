"""Keyword tables: every listed phrase introduces a code, and real bank wordings per language."""

from __future__ import annotations

import pytest

from otpvirt.otp import extract_code
from otpvirt.otp import keywords as kw

_CODE = "482193"
_PHRASES = sorted(
    {
        (table, lang, phrase.rstrip("$"))
        for table in ("STRONG", "PICKUP", "TRANSLIT")
        for lang, phrases in getattr(kw, table).items()
        for phrase in phrases
    }
)


@pytest.mark.parametrize(("table", "lang", "phrase"), _PHRASES)
def test_every_phrase_introduces_a_code(table: str, lang: str, phrase: str) -> None:
    # a phrase shadowed by a NOT_OTP/EXPIRED entry or a broken fold would fail here
    assert extract_code(f"{phrase}: {_CODE}") == _CODE
    assert extract_code(f"{phrase} {_CODE}") == _CODE


@pytest.mark.parametrize(("table", "lang", "phrase"), _PHRASES)
def test_no_phrase_turns_a_date_phone_or_amount_into_a_code(
    table: str, lang: str, phrase: str
) -> None:
    assert extract_code(f"{phrase} 12.06.2025 14:32") is None
    assert extract_code(f"{phrase} → +7 912 345-67-89") is None
    assert extract_code(f"{phrase}: 1 250,00 EUR") is None


# How banks and services actually phrase "one-time password / confirmation / authorisation /
# verification / security code / password for an operation" (written for these tests).
# fmt: off
WORDINGS: list[tuple[str, str, str | None]] = [
    ("de", "Sparkasse: Ihre TAN für die Überweisung an M. Muster lautet 482193", "482193"),
    ("de", "Ihre mobileTAN für Auftrag Überweisung über 250,00 EUR: 482193", "482193"),
    ("de", "Die smsTAN für Ihre Anmeldung: 482193. Gültig 5 Minuten.", "482193"),
    ("de", "pushTAN: 482193 zur Freigabe Ihres Auftrags", "482193"),
    ("de", "Deutsche Bank: Ihre photoTAN: 48219375", "48219375"),
    ("de", "Commerzbank: Die mTAN zu Ihrem Auftrag vom 12.06.2025: 482193", "482193"),
    ("de", "Postbank: Auftragsnummer 123456 - mobileTAN: 482193", "482193"),
    ("de", "TAN-Verfahren geändert am 12.06.2025. Fragen? 069 12345678", None),
    ("de", "Ihre TAN-Liste Nr. 123456 wurde gesperrt.", None),
    ("pl", "Hasło: 482193", "482193"),
    ("pl", "mBank: Haslo do przelewu 150,00 zl: 48219375", "48219375"),
    ("pl", "Operacja nr 3 z dnia 12-06-2025. Kod SMS: 48219375", "48219375"),
    ("pl", "Kod autoryzacyjny 482193 dla przelewu 150 zł", "482193"),
    ("pl", "Hasło do Twojego konta zostało zmienione 12.06.2025 o 14:32.", None),
    ("kk", "Kaspi.kz: Бір реттік құпия сөз: 4821. Ешкімге айтпаңыз.", "4821"),
    ("kk", "Сіздің құпия сөзіңіз: 4821", "4821"),
    ("kk", "Halyk: растау коды 4821. Ешкімге бермеңіз!", "4821"),
    ("kk", "Kaspi.kz: Сіздің құпия сөзіңіз өзгертілді 12.06.2025", None),
    ("uz", "Kapitalbank: bir martalik parol: 482193. Hech kimga bermang.", "482193"),
    ("uz", "Click: tasdiqlash kodi 4821. Kodni hech kimga aytmang.", "4821"),
    ("uz", "Uzcard: Bir martalik kod: 482193. Summa: 150 000 so'm", "482193"),
    ("ru", "Тинькофф: одноразовый пароль 4821. Никому не сообщайте.", "4821"),
    ("ru", "Пароль для входа в интернет-банк: 482193", "482193"),
    ("ru", "Альфа-Банк: Пароль для подтверждения операции: 4821. Сумма 1500 р.", "4821"),
    ("ru", "Ваш пароль для входа изменён 12.06.2025 в 14:32.", None),
    ("uk", "ПриватБанк: одноразовий пароль 4821. Нікому не повідомляйте.", "4821"),
    ("uk", "Monobank: Код підтвердження 4821. Нікому не повідомляйте.", "4821"),
    ("tg", "Душанбе Сити: рамзи якдафъаинаи шумо 4821", "4821"),
    ("tg", "Eskhata: Рамзи якдафъаина: 482193. Муҳлат 3 дақиқа.", "482193"),
    ("az", "Kapital Bank: təsdiq kodu 4821. Heç kimə deməyin.", "4821"),
    ("az", "ABB: birdəfəlik şifrə: 482193", "482193"),
    ("az", "Leobank: Tesdiq kodu 4821", "4821"),
    ("ka", "TBC: თქვენი ერთჯერადი კოდი: 4821", "4821"),
    ("hy", "Ameriabank: Ձեր մեկանգամյա գաղտնաբառն է 482193", "482193"),
    ("ro", "BT: Codul de autorizare pentru tranzactia de 150,00 RON este 482193", "482193"),
    ("ro", "ING: Parola unica pentru autentificare: 482193", "482193"),
    ("cs", "ČSOB: Autorizační kód pro platbu 1 250 Kč: 48219375", "48219375"),
    ("cs", "KB: Jednorázové heslo: 482193", "482193"),
    ("cs", "Jednorázové heslo vypršelo. Požádejte o nové.", None),
    ("hu", "OTP Bank: Egyszer használatos jelszó: 482193", "482193"),
    ("hu", "OTP Bank: Az egyszeri jelszava: 482193", "482193"),
    ("he", "הסיסמה החד פעמית שלך היא 482193", "482193"),
    ("he", "סיסמה חד פעמית: 482193", "482193"),
    ("ko", "[신한은행] 인증번호 [482193]", "482193"),
    ("ja", "[Amazon] 確認コード: 482193", "482193"),
    ("ja", "認証番号：482193 (有効期限10分)", "482193"),
    ("th", "KBank: รหัส OTP คือ 482193 (Ref: ABCD)", "482193"),
    ("vi", "Vietcombank: Mã xác thực giao dịch của Quý khách là 482193", "482193"),
    # "Mã GD" / "mã giao dịch" is the transaction's reference, with or without diacritics
    ("vi", "MoMo: Ban vua nhan 350.000d tu NGUYEN VAN AN. So du: 1.248.000d. Ma GD 48201937",
     None),
    ("vi", "MoMo: Bạn vừa nhận 350.000đ từ TRAN THI BINH. Số dư: 2.100.000đ. Mã GD: 51730264",
     None),
    ("vi", "VCB: TK 0071000123456 +2,000,000VND luc 10:15. So du 5,300,000VND. "
     "Ma giao dich 90412877", None),
    ("vi", "Techcombank: Mã giao dịch FT24123ABC99 đã thành công.", None),
    ("vi", "Ma OTP 482193 de xac thuc giao dich. Ma GD 48201937", "482193"),
    ("vi", "Mã OTP giao dịch của bạn là 482193", "482193"),
    ("id", "BCA: Kode verifikasi 482193 berlaku 5 menit.", "482193"),
    ("hi", "आपका सत्यापन कोड 482193 है।", "482193"),
    ("nl", "Jouw eenmalig wachtwoord: 482193", "482193"),
    ("sv", "Ditt engångslösenord är 482193", "482193"),
    ("sr", "Yettel Bank: Vašu jednokratnu lozinku 482193 ne delite ni sa kim.", "482193"),
    ("sr", "Комерцијална банка: Ваш ауторизациони код је 482193", "482193"),
    ("ar", "بنك مسقط: كلمة المرور المؤقتة 482193 صالحة لمدة 5 دقائق", "482193"),
    ("en", "Your one-time password was used to sign in on 06/12/2025 at 14:32", None),
]
# fmt: on


@pytest.mark.parametrize(
    ("lang", "text", "expected"), WORDINGS, ids=[f"{w[0]}-{i}" for i, w in enumerate(WORDINGS)]
)
def test_bank_wordings(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected

"""Account tails and bill references in East Asian bank and utility notices: never the code."""

from __future__ import annotations

import pytest

from otpvirt.otp import cues, extract_code

# (language, message, expected); written for these tests in the style of Taiwanese, mainland,
# Japanese and Korean bank and utility SMS: the last digits of an account (帳號尾碼, 尾号,
# 末尾, 끝자리), a customer or household number, a bill payment code -- and, in some, the
# one-time code beside them.
# fmt: off
CASES: list[tuple[str, str, str | None]] = [
    ("zh-Hant", "【台灣電力】您本期電費帳單金額1,234元，帳號尾碼5678，繳費期限2025/07/15。", None),
    ("zh-Hant", "玉山銀行通知：您帳號尾碼4821之帳戶於06/12轉入NT$5,000。", None),
    ("zh-Hant", "中華電信帳單：用戶帳號尾碼3390，本期應繳金額NT$699，請於7/20前繳納。", None),
    ("zh-Hant", "您的驗證碼為482193，帳號尾碼5678，請勿告知他人。", "482193"),
    ("zh-Hant", "國泰世華：您的交易驗證碼為 482193 (帳號末四碼 5678)，5分鐘內有效。", "482193"),
    ("zh-Hans", "【招商银行】您账户尾号5678于06月12日收入人民币5,000.00元，余额12,345.67元。"
     "【招商银行】您账户尾号5678于06月12日收入人民币5,000.00元，余额12,345.67元。", None),
    ("zh-Hans", "您的账单编号20250612，账号后四位4821，本月应还款1,200元。", None),
    ("zh-Hans", "【工商银行】验证码482193，您尾号5678的账户正在进行转账，请勿泄露。", "482193"),
    ("zh-Hans", "【国家电网】户号后4位3390的用户，您本月电费98.50元已扣缴成功。", None),
    ("ja", "【三井住友銀行】口座番号末尾4821のお口座から30,000円のお振込みがありました。", None),
    ("ja", "ご請求金額：5,400円 お客様番号：12345678 お支払期限：7月31日", None),
    ("ja", "【楽天カード】カード末尾4821のご利用：12,000円（6月12日）", None),
    ("ja", "認証コード：482193 口座番号下4桁 5678 のお取引です。他人に教えないでください。"
     "認証コード：482193 口座番号下4桁 5678 のお取引です。他人に教えないでください。", "482193"),
    ("ko", "[Web발신] 계좌번호 끝자리 4821로 50,000원이 입금되었습니다.", None),
    ("ko", "[KB국민] 고객님의 계좌(끝 4자리 5678) 출금 30,000원 잔액 1,234,000원", None),
    ("ko", "[Web발신] 인증번호 [482193] 계좌 끝자리 5678 본인확인", "482193"),
    ("ko", "[한국전력] 고객번호 끝 4자리 3390 이번달 전기요금 45,670원 납부기한 7월 25일", None),
    ("zh-Hant", "【中華郵政】您的儲金帳號尾碼4821於06/12跨行轉入2,500元，餘額請至網路郵局查詢。"
     "【中華郵政】您的儲金帳號尾碼4821於06/12跨行轉入2,500元，餘額請至網路郵局查詢。", None),
    ("zh-Hant", "台電：電號07-12-3456-78-9本期電費1,235元，請於07/15前繳納，繳費代碼482193。"
     "台電：電號07-12-3456-78-9本期電費1,235元，請於07/15前繳納，繳費代碼482193。", None),
    ("zh-Hant", "您好，您於06/12申請之貸款，帳戶末五碼48213，本期應繳金額12,500元。", None),
    ("zh-Hant", "【台新銀行】您的帳號後四碼5566於06/12扣款NT$1,200成功。", None),
    ("zh-Hant", "【國泰世華】您的網銀登入驗證碼：519284，10分鐘內有效，帳號尾碼4821。", "519284"),
    ("zh-Hant", "【玉山銀行】交易驗證碼482193，轉出帳號尾碼5566，金額NT$3,000，請勿告知他人。"
     "【玉山銀行】交易驗證碼482193，轉出帳號尾碼5566，金額NT$3,000，請勿告知他人。", "482193"),
    ("zh-Hans", "【建设银行】您尾号4821的储蓄卡6月12日14:32支出(消费)128.00元，余额3,456.78元。"
     "【建设银行】您尾号4821的储蓄卡6月12日14:32支出(消费)128.00元，余额3,456.78元。", None),
    ("zh-Hans", "【国家电网】户号1234567890本期电费156.30元，缴费截止日期7月15日。", None),
    ("zh-Hans", "【中国银行】您账号后四位5566的账户6月12日转入5,000.00元。", None),
    ("zh-Hans", "【微信支付】验证码：519284，用于绑定尾号4821的银行卡，5分钟内有效。", "519284"),
    ("zh-Hans", "【农业银行】动态码738201，您账号后四位5566正在进行网上支付，金额299.00元。"
     "【农业银行】动态码738201，您账号后四位5566正在进行网上支付，金额299.00元。", "738201"),
    ("ja", "【ゆうちょ銀行】口座番号末尾4821のお口座に12,000円のご入金がありました。", None),
    ("ja", "【NTTドコモ】ご請求金額6,820円（6月分）お客様番号4821337701 お支払期日7月10日", None),
    ("ja", "【みずほ銀行】口座番号下4桁5566から50,000円のお引き出しがありました。", None),
    ("ja", "【楽天銀行】認証コード：738201 口座末尾5566の振込（30,000円）に使用します。", "738201"),
    ("ko", "[Web발신] [우리은행] 출금 1,250,000원 계좌 1002-***-482133 잔액 3,456,000원", None),
    ("ko", "[Web발신] [하나은행] 계좌 끝자리 5566 입금 300,000원 06/12 14:32", None),
    ("ko", "[Web발신] [신한은행] 인증번호 738201 계좌 뒷자리 5566 이체 50,000원", "738201"),
]
# fmt: on
_ENDINGS = sorted(
    {w.rstrip("$") for w in cues.CARD["ending"] if not w.isascii()} - {"המסתיים", "المنتهیه"}
)


@pytest.mark.parametrize(
    ("lang", "text", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_account_tail(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


@pytest.mark.parametrize("ending", _ENDINGS)
def test_every_tail_word_announces_last_digits(ending: str) -> None:
    # after an East Asian "ending in" word the digits are the account's, even beside a code
    assert extract_code(f"帳號{ending}4821，金額1,200元") is None
    assert extract_code(f"驗證碼482193，帳號{ending}4821") == "482193"


def test_account_tail_cases_cover_chinese_japanese_korean() -> None:
    assert {"zh-Hant", "zh-Hans", "ja", "ko"} <= {lang for lang, _, _ in CASES}

"""Traditional (Taiwan, Hong Kong) and Simplified Chinese bank and app wordings."""

from __future__ import annotations

import pytest

from otpvirt.otp import extract_code

# (script, message, expected); written for these tests in the style of Taiwanese, Hong Kong
# and mainland bank SMS.  A 識別碼 / 識別號 (identifier) and NT$ amounts sit next to the code.
# fmt: off
CHINESE: list[tuple[str, str, str | None]] = [
    ("Hant", "【國泰世華】您的交易密碼為123456，請勿告知他人。", "123456"),
    ("Hant", "OTP密碼123456，識別碼K7Q2，交易金額NT$1,250，請於5分鐘內輸入。", "123456"),
    ("Hant", "【玉山銀行】OTP密碼123456，識別碼K7Q2，交易金額NT$1,250", "123456"),
    ("Hant", "您於某商店之交易金額NT$2,000，OTP密碼：123456，識別碼：7QK2", "123456"),
    ("Hant", "識別碼K7Q2 密碼123456 請勿告訴他人", "123456"),
    ("Hant", "【中國信託】您的簡訊動態密碼為123456，識別碼：AB12，交易金額：NT$3,500", "123456"),
    ("Hant", "台新銀行：交易驗證碼123456，識別號K7Q2，金額NT$1,250。", "123456"),
    ("Hant", "驗證碼123456，識別碼K7Q2，請於3分鐘內輸入", "123456"),
    ("Hant", "您的一次性密碼為123456，有效時間5分鐘。", "123456"),
    ("Hant", "您的驗證碼為123456，請於10分鐘內輸入。", "123456"),
    ("Hant", "認證碼：123456（請勿洩漏）", "123456"),
    ("Hant", "動態密碼123456，5分鐘內有效。", "123456"),
    ("Hant", "您的網路銀行登入密碼為123456，5分鐘內有效。", "123456"),
    ("Hant", "密碼：123456，請勿告知他人。", "123456"),
    ("Hant", "您的簡訊驗證碼為 123456 ，請於 5 分鐘內完成驗證。", "123456"),
    ("Hant", "【富邦銀行】交易序號：8123，OTP：123456", "123456"),
    ("Hant", "【匯豐】您的一次性密碼是123456。交易金額HK$500.00", "123456"),
    ("Hant", "交易驗證碼【123456】", "123456"),
    ("Hant", "您的手機驗證碼是123456", "123456"),
    ("Hans", "您的动态密码为123456，有效期5分钟。", "123456"),
    ("Hans", "短信验证码：123456", "123456"),
    ("Hans", "校验码123456，请勿泄露。", "123456"),
    ("Hans", "【工商银行】您的验证码为123456，交易金额5,000.00元。", "123456"),
    ("Hans", "【农业银行】动态密码123456，您正在进行转账，金额1,000.00元", "123456"),
    ("Hans", "【建设银行】短信验证码123456，用于网银登录。", "123456"),
    ("Hans", "交易密码：123456", "123456"),
    ("Hans", "【支付宝】校验码123456，您正在进行身份验证，打死不要告诉别人！", "123456"),
    ("Hans", "OTP密码123456，识别码K7Q2，交易金额¥1,250", "123456"),
    # no code: card spending, transfers, password changes, identifiers alone
    ("Hant", "【國泰世華】您的信用卡於06/12消費NT$1,250，識別碼K7Q2。", None),
    ("Hant", "您的密碼已變更，如非本人操作請聯繫客服0800-123-456。", None),
    ("Hant", "【玉山銀行】您的帳戶於6月12日轉入NT$12,000。", None),
    ("Hant", "識別碼：48213377，請妥善保存。", None),
    ("Hans", "您的密码已修改成功。", None),
    ("Hans", "您的交易密码已修改，如非本人操作请致电95588。", None),
    ("Hans", "【招商银行】您账户8112于6月11日09:42消费人民币3660.95元", None),
]
# fmt: on


@pytest.mark.parametrize(
    ("script", "text", "expected"),
    CHINESE,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(CHINESE)],
)
def test_chinese(script: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected

"""Latin "OTP", "PIN" and "code" glued to the digits inside text written without spaces."""

from __future__ import annotations

import pytest

from otpvirt.otp import extract_code

# (language, message, expected); written for these tests in the style of Lao, Thai,
# Chinese, Japanese and Korean bank and wallet SMS.
# fmt: off
GLUED_CASES: list[tuple[str, str, str | None]] = [
    ("lo", "ລະຫັດOTP826471ສຳລັບການຊຳລະ 245,000ກີບ", "826471"),
    ("lo", "BCEL: ລະຫັດOTP826471ສຳລັບການຊຳລະ 245,000ກີບ ທີ່ຮ້ານ ABC", "826471"),
    ("lo", "ລະຫັດPIN4821ສຳລັບຖອນເງິນ", "4821"),
    ("lo", "ລະຫັດ OTP:826471 ສຳລັບ", "826471"),
    ("lo", "OTP123456 ສຳລັບການຊຳລະ 50,000ກີບ", "123456"),
    ("th", "รหัสOTP123456สำหรับการชำระเงิน 1,500บาท", "123456"),
    ("th", "รหัส OTP123456 (Ref:ABCD) สำหรับการชำระเงิน", "123456"),
    ("zh", "验证码OTP123456", "123456"),
    ("zh", "您的OTP123456，请勿泄露", "123456"),
    ("zh", "您的验证码code482193，5分钟内有效", "482193"),
    ("zh", "交易OTP482193，金额1,500.00元", "482193"),
    ("ja", "認証コードOTP482193を入力してください", "482193"),
    ("ko", "인증번호OTP482193을 입력하세요", "482193"),
    ("en", "OTP:123456", "123456"),
    # names, promo and order numbers glued to Latin letters stay non-codes
    ("lo", "ໂປຣໂມຊັນ CODE50 ຫຼຸດ 50%", None),
    ("lo", "ສັ່ງຊື້ CODE2024 ສຳເລັດ", None),
    ("lo", "ລະຫັດOTP826471ຂອງທ່ານໝົດອາຍຸແລ້ວ", None),
    ("th", "ใช้โค้ดCODE2024รับส่วนลด 20%", None),
    ("zh", "【中国移动】您的套餐PIN2已激活", None),
    ("zh", "您的订单号ORDER123456已发货", None),
    ("zh", "您的快递单号SF1234567890", None),
    ("en", "Your ticket CODE2024 is ready", None),
    ("en", "Check out SPIN2000 now!", None),
    ("en", "barcode1234 scanned", None),
    ("en", "Your OTP123456 reference is attached", None),
]
# fmt: on


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    GLUED_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(GLUED_CASES)],
)
def test_glued_keyword(lang: str, text: str, expected: str | None) -> None:
    assert extract_code(text) == expected


@pytest.mark.parametrize("word", ["OTP", "PIN", "otp", "code", "Code", "TAC"])
@pytest.mark.parametrize("script", ["ລະຫັດ", "รหัส", "验证码", "您的"])
def test_every_glued_word(word: str, script: str) -> None:
    assert extract_code(f"{script}{word}482193") == "482193"
    assert extract_code(f"{script}{word}482193，金额1,500元") == "482193"

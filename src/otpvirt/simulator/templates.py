"""Realistic verification SMS per service, in the language of the number's country.

Each service has a sender, a code format and message templates per language; a
template uses `{code}` (as the user sees it, e.g. `123-456` or `G-123456`) and may use
`{hash}` (an Android SMS Retriever app hash). Add a service = add one entry.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field

# Which languages a country's users get, most common first.
COUNTRY_LANGUAGES: dict[str, tuple[str, ...]] = {
    "tajikistan": ("ru", "tg", "en"),
    "iran": ("fa", "en"),
    "libyan": ("ar", "en"),
    "afghanistan": ("fa", "ps", "en"),
    "latvia": ("lv", "en", "ru"),
    "serbia": ("sr", "sr-Latn", "en"),
    "laos": ("lo", "en"),
}

# Generic wordings used when a service has no template in a language.
GENERIC: dict[str, tuple[str, ...]] = {
    "en": ("Your {name} verification code is {code}. Do not share it with anyone.",),
    "ru": ("Код подтверждения {name}: {code}. Никому не сообщайте его.",),
    "tg": ("Рамзи тасдиқи {name}: {code}. Онро ба касе нагӯед.",),
    "fa": ("کد تایید {name} شما: {code}\nاین کد را در اختیار دیگران قرار ندهید.",),
    "ps": ("ستاسو د {name} تایید کوډ: {code}",),
    "ar": ("رمز التحقق الخاص بك في {name} هو {code}. لا تشاركه مع أحد.",),
    "lv": ("Jūsu {name} verifikācijas kods: {code}. Nevienam to neizpaudiet.",),
    "sr": ("Ваш {name} верификациони код је {code}. Не делите га ни са ким.",),
    "sr-Latn": ("Vaš {name} verifikacioni kod je {code}. Ne delite ga ni sa kim.",),
    "lo": ("ລະຫັດຢືນຢັນ {name} ຂອງທ່ານແມ່ນ {code}",),
}


@dataclass(frozen=True)
class ServiceSms:
    """How one service writes its verification SMS."""

    sender: str
    digits: int = 6
    # How the code is shown: "{d}" the digits, e.g. "G-{d}" or "{d3}-{d3b}".
    shape: str = "{d}"
    templates: dict[str, tuple[str, ...]] = field(default_factory=dict)


SERVICES: dict[str, ServiceSms] = {
    "wa": ServiceSms(
        "WhatsApp",
        shape="{a}-{b}",
        templates={
            "en": ("Your WhatsApp code: {code}\nDon't share this code with others\n{hash}",),
            "ru": ("Ваш код WhatsApp: {code}\nНе сообщайте этот код другим\n{hash}",),
            "fa": ("کد WhatsApp شما: {code}\nاین کد را با دیگران به اشتراک نگذارید",),
            "ar": ("رمز WhatsApp الخاص بك: {code}\nلا تشارك هذا الرمز مع الآخرين",),
            "lv": ("Jūsu WhatsApp kods: {code}\nNedalieties ar šo kodu ar citiem",),
        },
    ),
    "tg": ServiceSms(
        "Telegram",
        digits=5,
        templates={
            "en": (
                "Telegram code: {code}\n\nYou can also tap on this link to log in:\nhttps://t.me/login/{code}\n\n{hash}",
            ),
            "ru": (
                "Код подтверждения Telegram: {code}\nНе давайте код никому, даже если его требуют от имени Telegram!\n\n{hash}",
            ),
        },
    ),
    "vi": ServiceSms(
        "Viber",
        templates={
            "en": (
                "<#> Your Viber code: {code}\n\nYou can also tap this link to finish your activation:\nhttps://unv.viber.com/a/{code}\n\n{hash}",
            ),
            "ru": (
                "<#> Ваш код Viber: {code}\n\nДля завершения активации нажмите на ссылку:\nhttps://unv.viber.com/a/{code}\n\n{hash}",
            ),
        },
    ),
    "fb": ServiceSms(
        "Facebook",
        digits=5,
        shape="FB-{d}",
        templates={
            "en": ("{code} is your Facebook confirmation code",),
            "ru": ("{code} — ваш код подтверждения Facebook",),
            "ar": ("{code} هو رمز تأكيد فيسبوك الخاص بك",),
        },
    ),
    "go": ServiceSms(
        "Google",
        shape="G-{d}",
        templates={
            "en": ("{code} is your Google verification code.",),
            "ru": ("{code} – ваш код подтверждения Google.",),
            "fa": ("{code} کد تأیید Google شما است.",),
        },
    ),
    "ig": ServiceSms(
        "Instagram",
        shape="{a} {b}",
        templates={"en": ("Use {code} to verify your Instagram account.",)},
    ),
    "vk": ServiceSms(
        "VK", templates={"ru": ("VK: {code} — код для входа в аккаунт. Никому его не сообщайте.",)}
    ),
    "ma": ServiceSms("Mail.ru", templates={"ru": ("Код подтверждения: {code}. Mail",)}),
    "wb": ServiceSms(
        "WeChat", templates={"en": ("[WeChat] Verification code: {code}. Don't share it.",)}
    ),
    "wx": ServiceSms(
        "Apple",
        templates={"en": ("Your Apple Account code is: {code}. Don't share it with anyone.",)},
    ),
    "mb": ServiceSms(
        "Yahoo", digits=5, templates={"en": ("{code} is your Yahoo verification code.",)}
    ),
    "hw": ServiceSms(
        "Alipay",
        templates={"en": ("[Alipay] Your verification code is {code}, valid for 5 minutes.",)},
    ),
}

_HASH_CHARS = string.ascii_letters + string.digits + "+/"


@dataclass(frozen=True)
class Message:
    """A simulated SMS and the code a correct parser must read from it."""

    sender: str
    text: str
    code: str


def make_message(service: str, name: str, country: str, rng: random.Random) -> Message:
    """A verification SMS for `service` as a user in `country` would get it."""
    spec = SERVICES.get(service, ServiceSms(name))
    digits = "".join(rng.choice(string.digits) for _ in range(spec.digits))
    half = len(digits) // 2
    shown = spec.shape.format(d=digits, a=digits[:half], b=digits[half:])
    langs = COUNTRY_LANGUAGES.get(country, ("en",))
    # Most people get the first language; everyone sometimes gets English.
    lang = langs[0] if rng.random() < 0.7 else rng.choice(langs)
    choices = (
        spec.templates.get(lang) or spec.templates.get("en") or GENERIC.get(lang) or GENERIC["en"]
    )
    template = rng.choice(choices)
    app_hash = "".join(rng.choice(_HASH_CHARS) for _ in range(11))
    text = template.format(code=shown, name=name, hash=app_hash)
    # What a user types: the digits (letters kept only where the code has them).
    return Message(spec.sender, text, digits)

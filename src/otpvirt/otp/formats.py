"""Service-specific code formats.  A new service = one ServiceFormat entry (+ one test case).

`aliases` are matched (folded) against the sender ID, the `service` argument and the
message text; `shape` is a regex the typed code must fully match for the service bonus.
`prefix` handles codes shown as "G-123456"; `url` captures a code carried in a link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import fold_phrase


@dataclass(frozen=True)
class ServiceFormat:
    """How one service writes its one-time codes."""

    name: str
    aliases: tuple[str, ...]
    shape: str = r"\d{4,8}"
    prefix: str | None = None
    url: str | None = None
    alnum: bool = False


FORMATS: tuple[ServiceFormat, ...] = (
    ServiceFormat("google", ("google", "google voice", "22000"), r"\d{6}", prefix="G"),
    ServiceFormat(
        "facebook",
        ("facebook", "fb", "32665", "meta"),
        r"\d{5,8}",
        prefix="FB",
        url=r"facebook\.com/\S*?[?&]c=(\d{5,8})(?!\d)",
    ),
    ServiceFormat("instagram", ("instagram",), r"\d{6}"),
    ServiceFormat(
        "whatsapp",
        ("whatsapp", "whatsapp business", "واتس‌اپ", "واتساب"),
        r"\d{6}",
        url=r"whatsapp\.com/(\d{6})(?!\d)",
    ),
    ServiceFormat("telegram", ("telegram",), r"\d{5,6}", url=r"t\.me/login/(\d{4,8})(?!\d)"),
    ServiceFormat("viber", ("viber",), r"\d{4,6}", url=r"viber\.com/a/(\d{4,8})(?!\d)"),
    ServiceFormat("signal", ("signal",), r"\d{6}"),
    ServiceFormat("microsoft", ("microsoft", "outlook", "hotmail", "skype"), r"\d{4,8}"),
    ServiceFormat("steam", ("steam", "steam guard"), r"[A-Z0-9]{5}", alnum=True),
    ServiceFormat("apple", ("apple", "apple id", "icloud"), r"\d{6}"),
    ServiceFormat("amazon", ("amazon",), r"\d{6}"),
    ServiceFormat("uber", ("uber",), r"\d{4}"),
    ServiceFormat("twitter", ("twitter", "x"), r"\d{6,8}"),
    ServiceFormat("tiktok", ("tiktok",), r"\d{4,6}"),
    ServiceFormat("wechat", ("wechat", "微信"), r"\d{4,6}"),
    ServiceFormat("kakao", ("kakao", "카카오", "카카오톡"), r"\d{4,6}"),
    ServiceFormat("line", ("line",), r"\d{4,6}"),
    ServiceFormat("yandex", ("yandex", "яндекс", "yandexgo"), r"\d{4,6}"),
    ServiceFormat("vk", ("vk", "vk id", "вконтакте"), r"\d{6}"),
    ServiceFormat("sberbank", ("sberbank", "сбербанк", "900"), r"\d{5,6}"),
    ServiceFormat("gosuslugi", ("gosuslugi", "госуслуги"), r"\d{5,6}"),
    ServiceFormat("snapp", ("snapp", "اسنپ"), r"\d{4,5}"),
    ServiceFormat("paypal", ("paypal",), r"\d{6}"),
    # Origin-bound last line (WebOTP / iOS): "@example.com #123456 %example.com".
    ServiceFormat(
        "origin_bound",
        (),
        r"[A-Za-z0-9]{4,10}",
        url=r"(?:^|\n)[ \t]*@[A-Za-z0-9.-]+\.[A-Za-z]{2,}[ \t]+#([A-Za-z0-9]{4,10})"
        r"(?:[ \t]+%\S+)?[ \t]*(?:$|\n)",
    ),
    # Any link with an explicit code parameter: https://example.com/verify?code=123456
    ServiceFormat("url_param", (), r"\d{4,8}", url=r"[?&](?:c|code|otp|pin|token)=(\d{4,8})(?!\d)"),
)

BY_NAME: dict[str, ServiceFormat] = {f.name: f for f in FORMATS}
PREFIXES: dict[str, ServiceFormat] = {f.prefix: f for f in FORMATS if f.prefix}
SHAPES: dict[str, re.Pattern[str]] = {f.name: re.compile(f.shape) for f in FORMATS}
URL_PATTERNS: tuple[tuple[ServiceFormat, re.Pattern[str]], ...] = tuple(
    (f, re.compile(f.url, re.IGNORECASE)) for f in FORMATS if f.url
)


def alias_map() -> dict[str, str]:
    """Folded alias -> service name (built once by the extractor)."""
    return {fold_phrase(a): f.name for f in FORMATS for a in (f.name, *f.aliases)}

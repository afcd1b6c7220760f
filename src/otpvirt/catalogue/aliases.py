"""Which service an SMS is from: the catalogue's names, the parser's and the operators' aliases.

An SMS to a number leased for several services at once (a bundle) goes to the
activation whose service its sender or text names (`otpvirt.sms.routing`). A service
is named by its code, each part of its display name ("Google, YouTube, Gmail"), the
aliases the OTP parser knows for it (`otp.formats`: Facebook is also "fb", "meta",
"32665") and the aliases operators add (`otpvirt catalogue alias SERVICE NAME`).
Everything is folded as the parser folds text (case, accents, digit forms).

The sender is matched first (code or any alias, as a whole word); the text only
then, and only by names of three letters or more (codes such as `vi` or `go` are
ordinary words in a text). The same table gives the parser its service hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from otpvirt.catalogue import repository as repo
from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.errors import NotFound, ValidationFailed
from otpvirt.otp.formats import FORMATS
from otpvirt.otp.normalize import fold_phrase

MAX_ALIAS = 100
_PARTS = re.compile(r"[,/;]")
# The parser's own aliases, folded: format name -> its names.
_FORMATS = {f.name: frozenset(fold_phrase(a) for a in (f.name, *f.aliases)) for f in FORMATS}


@dataclass(frozen=True, slots=True)
class Named:
    """A service with every name that identifies it (folded)."""

    service_id: int
    code: str
    names: frozenset[str]
    # The parser's format this service is (its hint), when the parser knows it.
    parser_format: str | None


def fold_name(value: str) -> str:
    """An alias as stored and compared: folded like SMS text, spaces squeezed."""
    return " ".join(fold_phrase(value.strip()).split())


def named(service_id: int, code: str, name: str, aliases: list[str]) -> Named:
    """A service's names: code, display name parts, operator aliases, the parser's aliases."""
    names = {fold_name(code), fold_name(name), *(fold_name(a) for a in aliases)}
    names |= {fold_name(part) for part in _PARTS.split(name)}
    names.discard("")
    fmt = next((f for f, words in _FORMATS.items() if words & names), None)
    if fmt is not None:
        names |= _FORMATS[fmt]
    return Named(service_id, fold_name(code), frozenset(names), fmt)


def _says(haystack: str, word: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", haystack) is not None


def matches(services: list[Named], sender: str, text: str) -> list[Named]:
    """The services the sender names, else those the text names; [] when none does."""
    who = fold_name(sender)
    found = [s for s in services if any(_says(who, n) for n in s.names)]
    if found:
        return found
    body = fold_phrase(text)
    return [
        s for s in services if any(len(n) >= 3 and n != s.code and _says(body, n) for n in s.names)
    ]


async def names_of(conn: Conn, services: list[tuple[int, str, str]]) -> list[Named]:
    """(id, code, display name) of services, with their operator aliases, as `Named`."""
    by_service: dict[int, list[str]] = {}
    for row in await repo.aliases(conn, [sid for sid, _, _ in services]):
        by_service.setdefault(row.service_id, []).append(row.alias)
    return [named(sid, code, name, by_service.get(sid, [])) for sid, code, name in services]


def _clean(alias: str) -> str:
    folded = fold_name(alias)
    if not folded or len(folded) > MAX_ALIAS or len(alias) > MAX_ALIAS:
        raise ValidationFailed(f"an alias must be 1-{MAX_ALIAS} characters", reason="bad_alias")
    return folded


async def _service_id(conn: Conn, code: str) -> int:
    sid = await repo.service_id(conn, code.strip().lower())
    if sid is None:
        raise ValidationFailed(f"unknown service {code!r}", reason="unknown_service")
    return sid


async def add_alias(conn: Conn, code: str, alias: str) -> dict[str, str]:
    """Give a service another name for routing SMS (a sender ID, a brand)."""
    folded = _clean(alias)
    sid = await _service_id(conn, code)
    await repo.insert_alias(conn, sid, folded, now_ms())
    return {"service": code.strip().lower(), "alias": folded}


async def remove_alias(conn: Conn, code: str, alias: str) -> dict[str, str]:
    """Take an operator's alias away from a service."""
    folded = _clean(alias)
    if not await repo.delete_alias(conn, await _service_id(conn, code), folded):
        raise NotFound(f"service {code!r} has no alias {folded!r}", reason="unknown_alias")
    return {"service": code.strip().lower(), "alias": folded}


async def list_aliases(conn: Conn, code: str | None = None) -> list[dict[str, str]]:
    """The operators' aliases (of one service, or of all), by service code."""
    ids = None if code is None else [await _service_id(conn, code)]
    return [{"service": r.code, "alias": r.alias} for r in await repo.aliases(conn, ids)]

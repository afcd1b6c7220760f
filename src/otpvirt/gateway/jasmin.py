"""Jasmin SMS gateway: its HTTP MO callback (HttpConnector), as Jasmin 0.11 throws it.

Jasmin sends the fields form-encoded (POST body, or query string with GET) and does
not transcode: `content` is the raw short_message bytes (UTF-16BE for UCS-2),
`binary` the same bytes in hex, `coding` the data_coding as ONE RAW BYTE (`%08`).
So the body is percent-decoded to bytes, never through a text form parser. Jasmin counts a
message as delivered only when the answer is exactly `ACK/Jasmin`; anything else
is retried (HTTP 404 is the one answer it never retries), and its `id` stays the
same across retries, so it is the message id we de-duplicate on.
"""

from __future__ import annotations

import binascii
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from otpvirt.errors import ValidationFailed
from otpvirt.smpp.decode import decode_text

ACK = "ACK/Jasmin"


@dataclass(frozen=True, slots=True)
class JasminMo:
    """One mobile-originated SMS as Jasmin reports it."""

    id: str
    sender: str
    to: str
    connector: str
    coding: int
    content: bytes

    @property
    def text(self) -> str:
        """The decoded text."""
        return decode_text(self.content, self.coding)


def _form(raw: bytes) -> dict[bytes, bytes]:
    # urllib's parse_qs decodes values as text even for bytes input, which breaks
    # UTF-16 content; percent-decoding straight to bytes keeps every octet.
    out: dict[bytes, bytes] = {}
    for pair in raw.split(b"&"):
        if not pair:
            continue
        key, _, value = pair.partition(b"=")
        out[unquote_to_bytes(key.replace(b"+", b" "))] = unquote_to_bytes(value.replace(b"+", b" "))
    return out


def fields(query: bytes, body: bytes) -> dict[bytes, bytes]:
    """Every field of the query string and the form body (the body wins), as raw bytes."""
    return {**_form(query), **_form(body)}


def coding_of(raw: bytes | None) -> int:
    """data_coding from Jasmin's one raw byte (also accepts the decimal text some docs show)."""
    if not raw:
        return 0
    if raw.isdigit() and int(raw) <= 255:
        # b"8" is the text form; a raw 0x38 would be a reserved coding group anyway.
        return int(raw)
    if len(raw) == 1:
        return raw[0]
    raise ValidationFailed(f"coding is not a data_coding value: {raw!r}", reason="bad_field")


def _text(value: bytes | None, name: str) -> str:
    if value is None or not value.strip():
        raise ValidationFailed(f"the field `{name}` is missing", reason="bad_field")
    return value.decode("latin-1").strip()


def parse(found: dict[bytes, bytes]) -> JasminMo:
    """The message in Jasmin's fields; `binary` (hex) wins over `content` when present."""
    content = found.get(b"content", b"")
    binary = found.get(b"binary")
    if binary:
        try:
            content = binascii.unhexlify(binary.strip())
        except (binascii.Error, ValueError):
            raise ValidationFailed("binary is not hex", reason="bad_field") from None
    return JasminMo(
        id=_text(found.get(b"id"), "id"),
        sender=_text(found.get(b"from"), "from"),
        to=_text(found.get(b"to"), "to"),
        connector=found.get(b"origin-connector", b"").decode("latin-1"),
        coding=coding_of(found.get(b"coding")),
        content=content,
    )

"""SMS text from its bytes and SMPP `data_coding`: GSM 03.38, Latin-1, UCS-2 and friends.

Over SMPP the GSM default alphabet travels unpacked, one septet per octet (what
SMSCs and Jasmin send for data_coding 0). UCS-2 is decoded as UTF-16BE so that
surrogate pairs (emoji) survive; parts of a concatenated message must be joined
as bytes before decoding, since a pair may straddle two parts.
"""

from __future__ import annotations

# GSM 03.38 basic character set, indexed by septet (0x1B is the escape to the extension table).
GSM_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# GSM 03.38 extension table: the septet after 0x1B.
GSM_EXTENSION = {
    0x0A: "\x0c",
    0x14: "^",
    0x28: "{",
    0x29: "}",
    0x2F: "\\",
    0x3C: "[",
    0x3D: "~",
    0x3E: "]",
    0x40: "|",
    0x65: "€",
}
ESC = 0x1B

GSM = "gsm"
LATIN1 = "latin1"
ASCII = "ascii"
DEFAULT_ALPHABETS = (GSM, LATIN1, ASCII)

# SMPP 3.4 data_coding values 0x00-0x0E (the SMPP-specific table).
_SMPP_CODINGS = {
    0x01: "ascii",  # IA5
    0x02: "latin-1",  # octet unspecified (8-bit binary)
    0x03: "latin-1",
    0x04: "latin-1",  # octet unspecified (8-bit binary)
    0x05: "shift_jis",
    0x06: "iso8859-5",
    0x07: "iso8859-8",
    0x08: "utf-16-be",
    0x0A: "iso2022_jp",
    0x0D: "euc_jis_2004",
    0x0E: "euc_kr",
}


def decode_gsm(data: bytes) -> str:
    """Unpacked GSM 03.38 septets (with the extension table) as text."""
    out: list[str] = []
    i = 0
    n = len(data)
    while i < n:
        b = data[i] & 0x7F
        if b == ESC and i + 1 < n:
            nxt = data[i + 1] & 0x7F
            # An unknown extension shows the basic character (3GPP TS 23.038 6.2.1.1).
            out.append(GSM_EXTENSION.get(nxt, GSM_BASIC[nxt] if nxt != ESC else " "))
            i += 2
            continue
        out.append(" " if b == ESC else GSM_BASIC[b])
        i += 1
    return "".join(out)


def _default(data: bytes, alphabet: str) -> str:
    # Octets above 0x7F cannot be unpacked GSM: such an SMSC really sends Latin-1.
    if alphabet == LATIN1 or (alphabet == GSM and any(b > 0x7F for b in data)):
        return data.decode("latin-1")
    if alphabet == ASCII:
        return data.decode("ascii", errors="replace")
    return decode_gsm(data)


def charset(data_coding: int) -> str | None:
    """The Python codec for a data_coding, or None for the default (GSM) alphabet."""
    if data_coding == 0:
        return None
    if data_coding in _SMPP_CODINGS:
        return _SMPP_CODINGS[data_coding]
    group = data_coding & 0xF0
    if data_coding & 0xC0 == 0x00:
        # GSM 03.38 general data coding: bits 3-2 give the alphabet.
        alphabet = (data_coding >> 2) & 0x03
    elif group in (0xC0, 0xD0):
        alphabet = 0  # message waiting indication, GSM alphabet
    elif group == 0xE0:
        alphabet = 2  # message waiting indication, UCS-2
    elif group == 0xF0:
        alphabet = 1 if data_coding & 0x04 else 0
    else:
        alphabet = 1
    return {0: None, 1: "latin-1", 2: "utf-16-be"}.get(alphabet, "latin-1")


def decode_text(data: bytes, data_coding: int, *, default_alphabet: str = GSM) -> str:
    """The text of an SMS body; undecodable bytes become U+FFFD, never an exception."""
    codec = charset(data_coding)
    if codec is None:
        return _default(data, default_alphabet)
    if codec == "utf-16-be" and len(data) % 2:
        data = data[:-1]  # a stray trailing octet cannot be a UCS-2 unit
    return data.decode(codec, errors="replace")


def decode_address(value: bytes | str | None) -> str:
    """An SMPP address (source/destination) as text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip("\x00 ").strip()
    return value.decode("latin-1").strip("\x00 ").strip()

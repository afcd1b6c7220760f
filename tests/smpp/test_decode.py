"""Decoding SMS bodies and finding concatenation headers."""

from __future__ import annotations

import pytest
import smpplib.gsm

from otpvirt.smpp.concat import is_receipt, segment, split_udh
from otpvirt.smpp.decode import decode_gsm, decode_text


def test_gsm_default_alphabet_with_extension_table() -> None:
    # Written by hand from 3GPP TS 23.038: "€" = 1B 65, "[" = 1B 3C, "]" = 1B 3E, "@" = 00.
    assert decode_gsm(bytes.fromhex("1b65311b3c411b3e00")) == "€1[A]@"
    text = "Код? no: Code 55 £ ¥ è é ù ì ò Ç Ø Å Δ _ Φ Γ Λ Ω Π Ψ Σ Θ Ξ Æ ß É ¡ Ä Ö Ñ Ü ¿ à {}~|^\\"
    ascii_part = text.split(": ", 1)[1]
    assert decode_gsm(smpplib.gsm.gsm_encode(ascii_part)) == ascii_part


@pytest.mark.parametrize(
    ("coding", "raw", "text"),
    [
        (0, bytes.fromhex("43 6f 64 65 20 00 1b 65"), "Code @€"),
        (0, "Café".encode("latin-1"), "Café"),  # octets above 0x7F: not unpacked GSM
        (1, b"IA5 text", "IA5 text"),
        (3, "naïve Ü".encode("latin-1"), "naïve Ü"),
        (8, "Код 🔐".encode("utf-16-be"), "Код 🔐"),
        (0x18, "Код".encode("utf-16-be"), "Код"),  # GSM 03.38 general coding: UCS-2, class 0
        (0xF4, b"8-bit", "8-bit"),
        (6, "Привет".encode("iso8859-5"), "Привет"),
    ],
)
def test_data_codings(coding: int, raw: bytes, text: str) -> None:
    assert decode_text(raw, coding) == text


def test_a_broken_ucs2_body_does_not_raise() -> None:
    assert decode_text(b"\x04\x1f\xd8", 8) == "П"
    assert decode_text(b"\xd8\x3d\x00\x41", 8) == "\ufffdA"


def test_udh_concat_references() -> None:
    assert split_udh(bytes([5, 0, 3, 0xA7, 2, 1]) + b"xy") == ((0xA7, 2, 1), b"xy")
    assert split_udh(bytes([6, 8, 4, 0x12, 0x34, 3, 2]) + b"z") == ((0x1234, 3, 2), b"z")
    # Other elements (here a port address IE 0x05) are skipped.
    udh = bytes([11, 0x05, 4, 0, 0, 0, 0, 0x00, 3, 9, 2, 2])
    assert split_udh(udh + b"ab") == ((9, 2, 2), b"ab")
    assert split_udh(bytes([9, 0, 3])) == (None, bytes([9, 0, 3]))  # truncated header kept


def test_segments_and_receipts() -> None:
    whole = segment(
        source_addr=b"Telegram",
        destination_addr=b"992000",
        esm_class=0,
        data_coding=0,
        short_message=b"hi",
    )
    assert not whole.is_part and whole.sender == "Telegram" and whole.body == b"hi"
    sar = segment(
        source_addr=b"",
        destination_addr=b"992000",
        esm_class=0,
        data_coding=8,
        short_message=b"\x00a",
        sar=(7, 2, 2),
    )
    assert sar.is_part and (sar.ref, sar.total, sar.seq) == (7, 2, 2) and sar.sender == "unknown"
    latin = segment(
        source_addr=b"x",
        destination_addr=b"1",
        esm_class=0,
        data_coding=0,
        short_message=b"$",
        default_alphabet="latin1",
    )
    assert decode_text(latin.body, latin.data_coding) == "$"
    assert is_receipt(0x04) and is_receipt(0x08) and not is_receipt(0x40) and not is_receipt(0)

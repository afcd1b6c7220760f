"""From a `deliver_sm` to a segment: delivery receipts, UDH and `sar_*` concatenation.

A long SMS arrives as several deliver_sm, each carrying (reference, total, number)
either in a User Data Header (IEI 0x00: 8-bit reference, IEI 0x08: 16-bit) at the
start of the message with UDHI set in esm_class, or in the sar_* TLVs.
"""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.smpp.decode import ASCII, LATIN1, decode_address

UDHI = 0x40
# esm_class bits 5-2: 0 is a plain message; 0x04 an SMSC delivery receipt, 0x08/0x10
# SME acknowledgements, 0x20 an intermediate notification. None of those is an SMS.
MESSAGE_TYPE_MASK = 0x3C
IEI_CONCAT_8BIT = 0x00
IEI_CONCAT_16BIT = 0x08


@dataclass(frozen=True, slots=True)
class Segment:
    """One deliver_sm's message: a whole SMS, or one part of a concatenated one."""

    sender: str
    destination: str
    data_coding: int
    body: bytes
    ref: int | None = None
    total: int = 1
    seq: int = 1

    @property
    def is_part(self) -> bool:
        """True when more parts belong to the same SMS."""
        return self.ref is not None and self.total > 1


def is_receipt(esm_class: int) -> bool:
    """A delivery receipt or acknowledgement, not a mobile-originated SMS."""
    return bool(esm_class & MESSAGE_TYPE_MASK)


def split_udh(body: bytes) -> tuple[tuple[int, int, int] | None, bytes]:
    """(ref, total, seq) from a User Data Header, and the body without it."""
    if not body:
        return None, body
    length = body[0]
    if 1 + length > len(body):
        return None, body  # malformed header: keep the bytes rather than lose them
    udh, rest = body[1 : 1 + length], body[1 + length :]
    found = None
    i = 0
    while i + 1 < len(udh):
        iei, ie_len = udh[i], udh[i + 1]
        value = udh[i + 2 : i + 2 + ie_len]
        if iei == IEI_CONCAT_8BIT and ie_len == 3 and len(value) == 3:
            found = (value[0], value[1], value[2])
        elif iei == IEI_CONCAT_16BIT and ie_len == 4 and len(value) == 4:
            found = ((value[0] << 8) | value[1], value[2], value[3])
        i += 2 + ie_len
    return found, rest


def segment(
    *,
    source_addr: bytes | str | None,
    destination_addr: bytes | str | None,
    esm_class: int,
    data_coding: int,
    short_message: bytes | None,
    message_payload: bytes | None = None,
    sar: tuple[int | None, int | None, int | None] = (None, None, None),
    default_alphabet: str = "gsm",
) -> Segment:
    """The segment a deliver_sm carries (message_payload wins over short_message)."""
    body = message_payload or short_message or b""
    concat: tuple[int, int, int] | None = None
    if esm_class & UDHI:
        concat, body = split_udh(body)
    if sar[0] is not None and sar[1] is not None and sar[2] is not None:
        concat = (int(sar[0]), int(sar[1]), int(sar[2]))
    if data_coding == 0 and default_alphabet in (LATIN1, ASCII):
        # Recorded in the segment so that stored parts decode the same way later.
        data_coding = 0x03 if default_alphabet == LATIN1 else 0x01
    sender = decode_address(source_addr) or "unknown"
    dest = decode_address(destination_addr)
    if concat is None or concat[1] <= 1 or not 1 <= concat[2] <= concat[1]:
        return Segment(sender, dest, data_coding, body)
    ref, total, seq = concat
    return Segment(sender, dest, data_coding, body, ref, total, seq)

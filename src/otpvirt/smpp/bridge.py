"""Between the SMPP thread and the event loop: store on the loop, answer after the commit."""

from __future__ import annotations

import asyncio
import concurrent.futures
import csv
import logging
from pathlib import Path

import smpplib.consts

from otpvirt.db import in_transaction
from otpvirt.errors import OtpVirtError, ValidationFailed
from otpvirt.runtime import Runtime
from otpvirt.smpp import service
from otpvirt.smpp.concat import Segment
from otpvirt.sms.service import ForeignNumber, UnknownNumber
from otpvirt.sources.service import SourceInfo

log = logging.getLogger("otpvirt.smpp")

# smpplib is untyped: the command statuses are ints.
ROK: int = smpplib.consts.SMPP_ESME_ROK
# Temporary: the SMSC keeps the SMS and delivers it again.
TEMPORARY: int = smpplib.consts.SMPP_ESME_RX_T_APPN
# Permanent: the destination is not one of our numbers.
BAD_DESTINATION: int = smpplib.consts.SMPP_ESME_RINVDSTADR
REJECTED: int = smpplib.consts.SMPP_ESME_RX_R_APPN


def load_number_map(path: Path) -> dict[str, str]:
    """`address,number` rows (a header row is allowed) as {address: number}."""
    found: dict[str, str] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.reader(handle), start=1):
            if not row or not row[0].strip() or row[0].strip().startswith("#"):
                continue
            if len(row) < 2:
                raise ValidationFailed(f"{path}:{line}: expected `address,number`")
            address, number = row[0].strip(), row[1].strip()
            if line == 1 and not any(ch.isdigit() for ch in number):
                continue  # header
            found[address.lstrip("+")] = number  # "+7999…" and "7999…" are one address
    return found


class Bridge:
    """The receiver's store function: blocks its thread until the SMS is committed."""

    def __init__(
        self,
        rt: Runtime,
        source: SourceInfo,
        loop: asyncio.AbstractEventLoop,
        *,
        number_map: dict[str, str] | None = None,
        timeout: float = 10.0,
    ) -> None:
        self.rt = rt
        self.source = source
        self.loop = loop
        self.number_map = number_map or {}
        self.timeout = timeout
        self.window_ms = int(rt.settings.sms_dedup_window_seconds * 1000)

    def number_for(self, address: str) -> str:
        """Our number for a destination address: the map, the source's devices, or itself."""
        mapped = self.number_map.get(address.lstrip("+"))
        if mapped:
            return mapped
        device = self.source.device_number(address)
        return str(device) if device is not None else address

    def __call__(self, seg: Segment) -> int:
        to = self.number_for(seg.destination)
        fut = asyncio.run_coroutine_threadsafe(self.store(seg, to), self.loop)
        try:
            fut.result(self.timeout)
        except concurrent.futures.TimeoutError:
            fut.cancel()
            log.error(
                "smpp: storing an SMS to %s took over %.0f s; asking for redelivery",
                to,
                self.timeout,
            )
            return TEMPORARY
        except (UnknownNumber, ForeignNumber) as exc:
            log.warning("smpp: rejecting an SMS from %s: %s", seg.sender, exc.message)
            return BAD_DESTINATION
        except OtpVirtError as exc:
            log.warning("smpp: rejecting an SMS from %s to %s: %s", seg.sender, to, exc.message)
            return BAD_DESTINATION if exc.reason == "bad_number" else REJECTED
        except Exception as exc:
            log.error("smpp: could not store an SMS to %s (it will be redelivered): %s", to, exc)
            return TEMPORARY
        return ROK

    async def store(self, seg: Segment, to: str) -> None:
        """Ingest a whole SMS, or store a part and assemble its SMS once complete."""
        db, src, window = self.rt.db, self.source.id, self.window_ms
        result = await in_transaction(
            db, service.receive, source_id=src, seg=seg, to=to, window_ms=window
        )
        if seg.is_part:
            # The part is safe now; if assembly fails, the next part or the sweep retries it.
            try:
                result = await in_transaction(
                    db, service.assemble, source_id=src, seg=seg, to=to, window_ms=window
                )
            except Exception as exc:
                log.error("smpp: assembling a message to %s failed (will retry): %s", to, exc)
                return
        if result is not None:
            self.rt.notify("sms")

"""Storing what the SMSC delivers: whole SMS go to ingest, parts wait in `smpp_parts`.

A part is acknowledged to the SMSC only once it is stored, so the parts table is
what makes a concatenated SMS survive a crash between its parts. The part that
completes a message triggers assembly (bytes joined in order, then decoded) and
ingest in one transaction that also deletes the parts. Parts still incomplete
after a timeout are delivered as they are (gaps marked with "…"), never dropped.
"""

from __future__ import annotations

import logging

from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.inventory.service import normalize_phone
from otpvirt.smpp import repository as repo
from otpvirt.smpp.concat import Segment
from otpvirt.smpp.decode import decode_text
from otpvirt.smpp.repository import Group, Part
from otpvirt.sms.service import MAX_TEXT, ForeignNumber, IngestResult, UnknownNumber, ingest

log = logging.getLogger("otpvirt.smpp")
GAP = "…"


async def check_number(conn: Conn, to: str | int, source_id: int) -> int:
    """The receiving number, if it is ours and not another source's (else raise)."""
    phone = normalize_phone(to)
    owner = await repo.number_owner(conn, phone)
    if owner is None:
        raise UnknownNumber(f"{phone} is not a number of this service")
    if owner.source_id is not None and int(owner.source_id) != source_id:
        raise ForeignNumber(f"{phone} belongs to another source")
    return phone


async def receive(
    conn: Conn, *, source_id: int, seg: Segment, to: str, window_ms: int
) -> IngestResult | None:
    """Ingest a whole SMS, or store one part (None: the SMS is not complete yet)."""
    now = now_ms()
    if not seg.is_part:
        return await ingest(
            conn,
            to=to,
            sender=seg.sender,
            text=decode_text(seg.body, seg.data_coding)[:MAX_TEXT],
            source_id=source_id,
            received_at=now,
            dedup_window_ms=window_ms,
        )
    phone = await check_number(conn, to, source_id)
    group = Group(source_id, seg.sender, str(phone), seg.ref, seg.total)
    await repo.store_part(conn, group, seg.seq, seg.data_coding, bytes(seg.body), now)
    return None


def _text(parts: list[Part], total: int) -> str:
    """Join parts as bytes per run of consecutive numbers; mark missing ones."""
    by_seq = {p.seq: p for p in parts}
    runs: list[str] = []
    run: list[bytes] = []
    coding = parts[0].data_coding
    for seq in range(1, total + 1):
        part = by_seq.get(seq)
        if part is None:
            if run:
                runs.append(decode_text(b"".join(run), coding))
                run = []
            if not runs or runs[-1] != GAP:
                runs.append(GAP)
            continue
        run.append(part.body)
    if run:
        runs.append(decode_text(b"".join(run), coding))
    return "".join(runs)


async def _deliver(
    conn: Conn, group: Group, parts: list[Part], window_ms: int
) -> IngestResult | None:
    text = _text(parts, group.total)[:MAX_TEXT]
    await repo.delete_parts(conn, group)
    try:
        return await ingest(
            conn,
            to=group.receiver,
            sender=group.sender,
            text=text,
            source_id=group.source_id,
            received_at=min(p.received_at for p in parts),
            dedup_window_ms=window_ms,
        )
    except (UnknownNumber, ForeignNumber) as exc:
        # The number left the pool (or changed source) after its parts were stored.
        log.error("smpp: dropping assembled SMS to %s: %s", group.receiver, exc.message)
        return None


async def assemble(
    conn: Conn, *, source_id: int, seg: Segment, to: str, window_ms: int
) -> IngestResult | None:
    """Deliver the SMS this part belongs to if every part is stored (else None)."""
    group = Group(source_id, seg.sender, str(normalize_phone(to)), seg.ref, seg.total)
    parts = await repo.lock_parts(conn, group)
    if len({p.seq for p in parts}) < seg.total:
        return None
    return await _deliver(conn, group, parts, window_ms)


async def flush_stale(conn: Conn, *, older_than_ms: int, window_ms: int, limit: int = 50) -> int:
    """Deliver incomplete SMS whose first part is older than the timeout; return how many."""
    done = 0
    for group in await repo.stale_groups(conn, now_ms() - older_than_ms, limit):
        parts = await repo.lock_parts(conn, group)
        if not parts:
            continue  # another worker (or the last part's arrival) delivered it
        log.warning(
            "smpp: delivering %d of %d parts from %s to %s (the rest never came)",
            len(parts),
            group.total,
            group.sender,
            group.receiver,
        )
        await _deliver(conn, group, parts, window_ms)
        done += 1
    return done

"""Storing what the SMSC delivers: whole SMS go to ingest, parts wait in `smpp_parts`.

A part is acknowledged to the SMSC only once it is stored, so the parts table is
what makes a concatenated SMS survive a crash between its parts. The part that
completes a message triggers assembly (bytes joined in order, then decoded) and
ingest in one transaction that also deletes the parts. Parts still incomplete
after a timeout are delivered as they are (gaps marked with "…"), never dropped.
"""

from __future__ import annotations

import logging
from typing import Any

from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.inventory.service import normalize_phone
from otpvirt.smpp.concat import Segment
from otpvirt.smpp.decode import decode_text
from otpvirt.sms.service import MAX_TEXT, ForeignNumber, IngestResult, UnknownNumber, ingest

log = logging.getLogger("otpvirt.smpp")
GAP = "…"

_GROUP = "source_id = :src AND sender = :snd AND receiver = :rcv AND ref = :ref AND total = :tot"


def _group(source_id: int, seg: Segment, to: str) -> dict[str, Any]:
    return {"src": source_id, "snd": seg.sender, "rcv": to, "ref": seg.ref, "tot": seg.total}


async def check_number(conn: Conn, to: str | int, source_id: int) -> int:
    """The receiving number, if it is ours and not another source's (else raise)."""
    phone = normalize_phone(to)
    row = await conn.fetchone("SELECT source_id FROM numbers WHERE phone = :p", {"p": phone})
    if row is None:
        raise UnknownNumber(f"{phone} is not a number of this service")
    if row[0] is not None and int(row[0]) != source_id:
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
    # A redelivered part (our answer was lost) is already here: nothing to add.
    await conn.execute(
        "INSERT INTO smpp_parts (source_id, sender, receiver, ref, total, seq, data_coding, "
        "body, received_at) VALUES (:src, :snd, :rcv, :ref, :tot, :seq, :dc, :body, :now) "
        "ON CONFLICT DO NOTHING",
        {
            **_group(source_id, seg, str(phone)),
            "seq": seg.seq,
            "dc": seg.data_coding,
            "body": bytes(seg.body),
            "now": now,
        },
    )
    return None


def _text(parts: list[Any], total: int) -> str:
    """Join parts as bytes per run of consecutive numbers; mark missing ones."""
    by_seq = {int(p[0]): p for p in parts}
    runs: list[str] = []
    run: list[bytes] = []
    coding = int(parts[0][1])
    for seq in range(1, total + 1):
        part = by_seq.get(seq)
        if part is None:
            if run:
                runs.append(decode_text(b"".join(run), coding))
                run = []
            if not runs or runs[-1] != GAP:
                runs.append(GAP)
            continue
        run.append(bytes(part[2]))
    if run:
        runs.append(decode_text(b"".join(run), coding))
    return "".join(runs)


async def _deliver(
    conn: Conn, group: dict[str, Any], parts: list[Any], window_ms: int
) -> IngestResult | None:
    text = _text(parts, int(group["tot"]))[:MAX_TEXT]
    await conn.execute(f"DELETE FROM smpp_parts WHERE {_GROUP}", group)
    try:
        return await ingest(
            conn,
            to=group["rcv"],
            sender=group["snd"],
            text=text,
            source_id=group["src"],
            received_at=min(int(p[3]) for p in parts),
            dedup_window_ms=window_ms,
        )
    except (UnknownNumber, ForeignNumber) as exc:
        # The number left the pool (or changed source) after its parts were stored.
        log.error("smpp: dropping assembled SMS to %s: %s", group["rcv"], exc.message)
        return None


async def assemble(
    conn: Conn, *, source_id: int, seg: Segment, to: str, window_ms: int
) -> IngestResult | None:
    """Deliver the SMS this part belongs to if every part is stored (else None)."""
    group = _group(source_id, seg, str(normalize_phone(to)))
    parts = await conn.fetchall(
        f"SELECT seq, data_coding, body, received_at FROM smpp_parts WHERE {_GROUP} "
        "ORDER BY seq" + conn.for_update,
        group,
    )
    if len({int(p[0]) for p in parts}) < seg.total:
        return None
    return await _deliver(conn, group, list(parts), window_ms)


async def flush_stale(conn: Conn, *, older_than_ms: int, window_ms: int, limit: int = 50) -> int:
    """Deliver incomplete SMS whose first part is older than the timeout; return how many."""
    rows = await conn.fetchall(
        "SELECT source_id, sender, receiver, ref, total FROM smpp_parts "
        "GROUP BY source_id, sender, receiver, ref, total HAVING MIN(received_at) <= :cut "
        "LIMIT :lim",
        {"cut": now_ms() - older_than_ms, "lim": limit},
    )
    done = 0
    for src, snd, rcv, ref, tot in rows:
        group = {"src": src, "snd": snd, "rcv": rcv, "ref": ref, "tot": tot}
        parts = await conn.fetchall(
            f"SELECT seq, data_coding, body, received_at FROM smpp_parts WHERE {_GROUP} "
            "ORDER BY seq" + conn.for_update,
            group,
        )
        if not parts:
            continue  # another worker (or the last part's arrival) delivered it
        log.warning(
            "smpp: delivering %d of %d parts from %s to %s (the rest never came)",
            len(parts),
            tot,
            snd,
            rcv,
        )
        await _deliver(conn, group, list(parts), window_ms)
        done += 1
    return done

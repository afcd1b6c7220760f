"""`ingest`: store an incoming SMS, parse its code, route it to the live lease.

Every adapter (gateway API, Android, Gammu, the simulator, `otpvirt sms inject`)
calls this one function inside a transaction, and acknowledges its peer only
after that transaction commits: an SMS is never acknowledged and then lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.errors import InvalidRequest, NotFound, ValidationFailed
from otpvirt.ids import new_guid
from otpvirt.inventory.service import normalize_phone
from otpvirt.otp import extract_code
from otpvirt.webhook import service as webhooks

ACCEPTED = "accepted"
DUPLICATE = "duplicate"
MAX_TEXT = 10_000
# A peer's receipt time is believed within this window around ours: phones and
# modems drift a little, spools replay for days; a modem whose clock reset says
# 1970 or 2000, and a broken or hostile peer says anything at all.
MAX_PEER_AHEAD_MS = 15 * 60_000
MAX_PEER_BEHIND_MS = 30 * 86_400_000
MAX_REPORTED = 64


class UnknownNumber(NotFound):
    reason = "unknown_number"


class ForeignNumber(InvalidRequest):
    """A source reported an SMS for a number that another source supplies."""

    reason = "number_of_other_source"


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What became of one incoming SMS."""

    status: str
    sms_id: str
    phone: int
    code: str
    activation_id: str | None = None
    client_id: str | None = None


def _clean(sender: str, text: str) -> tuple[str, str]:
    sender = (sender or "").strip()
    if not sender or len(sender) > 100:
        raise ValidationFailed("the sender must be 1-100 characters", reason="bad_sender")
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        raise ValidationFailed(f"the text must be at most {MAX_TEXT} characters", reason="bad_text")
    return sender, text


def receipt_time(claimed: int | None, reported: str | None, now: int) -> tuple[int, str | None]:
    """(time to store, peer's claim to keep for display): the claim only when plausible."""
    if claimed is not None and now - MAX_PEER_BEHIND_MS <= claimed <= now + MAX_PEER_AHEAD_MS:
        return claimed, None
    if reported is None and claimed is not None:
        reported = str(claimed)
    return now, None if reported is None else reported[:MAX_REPORTED]


async def _duplicate(
    conn: Conn,
    number_id: int,
    source_id: int | None,
    external_id: str | None,
    sender: str,
    text: str,
    received_at: int,
    window_ms: int,
) -> str | None:
    if external_id is not None and source_id is not None:
        guid = await conn.fetchval(
            "SELECT guid FROM sms_messages WHERE source_id = :s AND external_id = :e",
            {"s": source_id, "e": external_id},
        )
        if guid is not None:
            return str(guid)
    # Peers re-push the same message with a fresh id: same text from the same
    # sender to the same number within the window is the same SMS.
    guid = await conn.fetchval(
        "SELECT guid FROM sms_messages WHERE number_id = :n AND received_at >= :lo "
        "AND received_at <= :hi AND sender = :snd AND text = :t LIMIT 1",
        {
            "n": number_id,
            "lo": received_at - window_ms,
            "hi": received_at + window_ms,
            "snd": sender,
            "t": text,
        },
    )
    return None if guid is None else str(guid)


async def ingest(
    conn: Conn,
    *,
    to: str | int,
    sender: str,
    text: str,
    source_id: int | None = None,
    received_at: int | None = None,
    reported_at: str | None = None,
    external_id: str | None = None,
    dedup_window_ms: int = 120_000,
) -> IngestResult:
    """Store one incoming SMS and deliver it to the number's live activation.

    `received_at` is the receipt time the peer reported (epoch ms; None when it gave
    none or none we could read) and `reported_at` its words for it. The SMS is always
    stored: with the peer's time when plausible, else with ours and the claim kept.
    """
    phone = normalize_phone(to)
    sender, text = _clean(sender, text)
    now = now_ms()
    received, claim = receipt_time(received_at, reported_at, now)
    number = await conn.fetchone(
        "SELECT n.id, n.active_activation_id, s.code, n.source_id FROM numbers n "
        "LEFT JOIN activations a ON a.id = n.active_activation_id "
        "LEFT JOIN services s ON s.id = a.service_id WHERE n.phone = :p",
        {"p": phone},
    )
    if number is None:
        raise UnknownNumber(f"{phone} is not a number of this service")
    number_id, live_id, service_code = int(number[0]), number[1], number[2]
    if source_id is not None and number[3] is not None and int(number[3]) != source_id:
        raise ForeignNumber(f"{phone} belongs to another source")
    dup = await _duplicate(
        conn, number_id, source_id, external_id, sender, text, received, dedup_window_ms
    )
    if dup is not None:
        return IngestResult(DUPLICATE, dup, phone, "")

    code = extract_code(text, sender=sender, service=service_code) or ""
    guid = new_guid()
    # Inserted first, so a concurrent twin (same source and external id) is
    # detected before anything else in this transaction has changed.
    sms_id = await conn.fetchval(
        "INSERT INTO sms_messages (guid, number_id, phone, sender, text, code, activation_id, "
        "source_id, external_id, received_at, reported_at, created_at) VALUES (:g, :n, :phone, "
        ":snd, :t, :code, :a, :src, :ext, :rcv, :claim, :now) ON CONFLICT DO NOTHING RETURNING id",
        {
            "g": guid,
            "n": number_id,
            "phone": phone,
            "snd": sender,
            "t": text,
            "code": code,
            "a": live_id,
            "src": source_id,
            "ext": external_id,
            "rcv": received,
            "claim": claim,
            "now": now,
        },
    )
    if sms_id is None:
        return IngestResult(DUPLICATE, "", phone, "")
    act = None
    if live_id is not None:
        act = await conn.fetchone(
            "UPDATE activations SET state = 'sms_received', sms_count = sms_count + 1 "
            "WHERE id = :a AND state IN ('waiting', 'sms_received') "
            "RETURNING guid, client_id, service_id, sms_count",
            {"a": live_id},
        )
        if act is None:
            # The lease ended between the lookup and now: keep the SMS as unrouted.
            await conn.execute(
                "UPDATE sms_messages SET activation_id = NULL WHERE id = :i", {"i": sms_id}
            )
    first_sms = act is not None and act[3] == 1
    if source_id is not None:
        # Advisory (health), so written at most once a second: on PostgreSQL the
        # row lock would otherwise serialise every SMS of a busy source.
        await conn.execute(
            "UPDATE sources SET last_sms_at = :now WHERE id = :s "
            "AND (last_sms_at IS NULL OR last_sms_at < :since)",
            {"now": now, "s": source_id, "since": now - 1000},
        )
    await conn.execute(
        "UPDATE numbers SET last_sms_at = :now, sms_lease_count = sms_lease_count + :first "
        "WHERE id = :n",
        {"now": now, "first": 1 if first_sms else 0, "n": number_id},
    )
    if act is None:
        return IngestResult(ACCEPTED, guid, phone, code)
    await conn.execute(
        "INSERT INTO number_services (number_id, service_id, created_at) VALUES (:n, :s, :now) "
        "ON CONFLICT DO NOTHING",
        {"n": number_id, "s": act[2], "now": now},
    )
    # The webhook is queued in this same transaction: stored SMS <=> queued webhook.
    await webhooks.enqueue(
        conn,
        {
            "id": sms_id,
            "guid": guid,
            "sender": sender,
            "phone": phone,
            "text": text,
            "code": code,
            "received_at": received,
            "client_id": str(act[1]),
            "activation_id": int(live_id),
            "activation_guid": str(act[0]),
        },
        now,
    )
    return IngestResult(ACCEPTED, guid, phone, code, str(act[0]), str(act[1]))


async def list_sms(
    conn: Conn,
    *,
    unrouted: bool = False,
    number: str | None = None,
    since: int | None = None,
    limit: int = 50,
) -> list[dict[str, object]]:
    """Stored SMS, newest first, with where they went (for the operator, never clients)."""
    where = []
    params: dict[str, object] = {"lim": limit}
    if unrouted:
        where.append("m.activation_id IS NULL")
    if number:
        where.append("m.phone = :phone")
        params["phone"] = normalize_phone(number)
    if since is not None:
        where.append("m.received_at >= :since")
        params["since"] = since
    sql = (
        "SELECT m.guid, m.phone, m.sender, m.text, m.code, a.guid, src.name, m.received_at, "
        "m.reported_at FROM sms_messages m LEFT JOIN activations a ON a.id = m.activation_id "
        "LEFT JOIN sources src ON src.id = m.source_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY m.id DESC LIMIT :lim"
    return [
        {
            "id": r[0],
            "phone": int(r[1]),
            "sender": r[2],
            "text": r[3],
            "code": r[4],
            "activationId": r[5],
            "source": r[6],
            "receivedAt": r[7],
            "reportedAt": r[8],
        }
        for r in await conn.fetchall(sql, params)
    ]


@dataclass
class ReparseReport:
    """What a re-parse changed, and what it deliberately left alone."""

    checked: int = 0
    changed: int = 0
    kept_delivered: int = 0
    last_id: int = 0


async def reparse(
    conn: Conn, *, since: int | None = None, after_id: int = 0, limit: int = 1000
) -> ReparseReport:
    """Run the current parser over stored SMS, one batch (by id) at a time.

    A code a client may already have seen (an SMS routed to an activation with a
    non-empty code) is never changed; codes of unrouted SMS, and codes that were
    empty, are updated.
    """
    params: dict[str, object] = {"after": after_id, "lim": limit}
    sql = (
        "SELECT m.id, m.text, m.sender, m.code, m.activation_id, s.code FROM sms_messages m "
        "LEFT JOIN activations a ON a.id = m.activation_id "
        "LEFT JOIN services s ON s.id = a.service_id WHERE m.id > :after"
    )
    if since is not None:
        sql += " AND m.received_at >= :since"
        params["since"] = since
    rows = await conn.fetchall(sql + " ORDER BY m.id LIMIT :lim", params)
    report = ReparseReport()
    for sms_id, text, sender, old, activation_id, service in rows:
        report.checked += 1
        report.last_id = int(sms_id)
        new = extract_code(text, sender=sender, service=service) or ""
        if new == old:
            continue
        if activation_id is not None and old:
            report.kept_delivered += 1
            continue
        await conn.execute(
            "UPDATE sms_messages SET code = :c WHERE id = :i", {"c": new, "i": sms_id}
        )
        report.changed += 1
    return report

"""`ingest`: store an incoming SMS, parse its code, route it to the live lease.

Every adapter (gateway API, Android, Gammu, the simulator, `otpvirt sms inject`)
calls this one function inside a transaction, and acknowledges its peer only
after that transaction commits: an SMS is never acknowledged and then lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.errors import InvalidRequest, NotFound, ValidationFailed
from otpvirt.ids import new_guid
from otpvirt.inventory.service import normalize_phone
from otpvirt.otp import extract_code
from otpvirt.rental import service as rentals
from otpvirt.sms import repository as repo
from otpvirt.sms import routing
from otpvirt.sms.repository import StoredSms
from otpvirt.webhook import rental as rental_webhooks

ACCEPTED = "accepted"
DUPLICATE = "duplicate"
MAX_TEXT = 10_000
# A peer's receipt time is believed within this window around ours: phones and
# modems drift a little, spools replay for days; a modem whose clock reset says
# 1970 or 2000, and a broken or hostile peer says anything at all.
MAX_PEER_AHEAD_MS = 15 * 60_000
MAX_PEER_BEHIND_MS = 30 * 86_400_000
MAX_REPORTED = 64
# PostgreSQL channel told the activation guid of every routed SMS at its commit
# (long-poll GetSms waiters in every process listen to it).
ARRIVALS_CHANNEL = routing.ARRIVALS_CHANNEL


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
        guid = await repo.guid_by_external_id(conn, source_id, external_id)
        if guid is not None:
            return guid
    # Peers re-push the same message with a fresh id: same text from the same
    # sender to the same number within the window is the same SMS.
    return await repo.guid_of_twin(
        conn, number_id, sender, text, received_at - window_ms, received_at + window_ms
    )


def _check_source(owner: int | None, source_id: int | None, phone: int) -> None:
    """A source may deliver only to its own numbers (or to numbers of no source)."""
    if source_id is not None and owner is not None and int(owner) != source_id:
        raise ForeignNumber(f"{phone} belongs to another source")


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
    number = await repo.receiver(conn, phone)
    if number is None:
        raise UnknownNumber(f"{phone} is not a number of this service")
    number_id, live_id, service_code = (
        int(number.number_id),
        number.live_activation_id,
        number.service_code,
    )
    _check_source(number.source_id, source_id, phone)
    dup = await _duplicate(
        conn, number_id, source_id, external_id, sender, text, received, dedup_window_ms
    )
    if dup is not None:
        return IngestResult(DUPLICATE, dup, phone, "")

    plan = None
    if number.bundle_id is not None and number.rental_id is None:
        plan = await routing.plan_bundle(conn, number_id, number.bundle_id, sender, text)
        live_id = plan.targets[0] if plan else None
        hint = plan.hint if plan else None
    else:
        # A `full` rental serves any service: the parser gets no hint.
        hint = None if service_code == rentals.FULL else service_code
    code = extract_code(text, sender=sender, service=hint) or ""
    guid = new_guid()
    # Inserted first, so a concurrent twin (same source and external id) is
    # detected before anything else in this transaction has changed.
    values: dict[str, Any] = {
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
    }
    sms_id = await repo.insert(conn, values)
    if sms_id is None:
        return IngestResult(DUPLICATE, "", phone, "")
    if number.rental_id is not None:
        stored = {
            "id": sms_id,
            "guid": guid,
            "sender": sender,
            "phone": phone,
            "text": text,
            "code": code,
            "received_at": received,
        }
        return await _to_rental(
            conn,
            number.rental_id,
            stored,
            number_id,
            source_id,
            now,
            IngestResult(ACCEPTED, guid, phone, code),
        )
    act = None
    if live_id is not None:
        act = await routing.deliver(conn, {**values, "id": sms_id}, int(live_id), now)
    # A bundle's other activations named (or, none named, all of them) get their own row.
    more = await routing.deliver_copies(conn, values, plan.targets[1:], now) if plan else []
    first_sms = any(a.sms_count == 1 for a in ([act] if act else []) + more)
    if source_id is not None:
        await repo.touch_source(conn, source_id, now)
    await repo.touch_number(conn, number_id, now, first_sms)
    if act is None:
        return IngestResult(ACCEPTED, guid, phone, code)
    return IngestResult(ACCEPTED, guid, phone, code, str(act.guid), str(act.client_id))


async def _to_rental(
    conn: Conn,
    rental_id: int,
    sms: dict[str, Any],
    number_id: int,
    source_id: int | None,
    now: int,
    result: IngestResult,
) -> IngestResult:
    """Route an SMS of a rented number to its rental, in the transaction that stored it."""
    routed = await rentals.route_sms(conn, rental_id, sms["id"])
    if source_id is not None:
        await repo.touch_source(conn, source_id, now)
    await repo.touch_number(conn, number_id, now, False)
    if routed is None:
        return result
    # Its webhooks (the client's URL, the rental's own) are queued in this transaction.
    await rental_webhooks.enqueue_sms(
        conn,
        {
            **sms,
            "client_id": routed.client_id,
            "rental_id": routed.id,
            "rental_guid": routed.guid,
            "rental_url": routed.url,
        },
        now,
    )
    return IngestResult(
        result.status, result.sms_id, result.phone, result.code, routed.guid, routed.client_id
    )


async def list_sms(
    conn: Conn,
    *,
    unrouted: bool = False,
    number: str | None = None,
    since: int | None = None,
    limit: int = 50,
) -> list[StoredSms]:
    """Stored SMS, newest first, with where they went (for the operator, never clients)."""
    phone = normalize_phone(number) if number else None
    return await repo.stored(conn, unrouted=unrouted, phone=phone, since=since, limit=limit)


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
    report = ReparseReport()
    for row in await repo.parse_batch(conn, after_id, since, limit):
        report.checked += 1
        report.last_id = int(row.id)
        new = extract_code(row.text, sender=row.sender, service=row.service_code) or ""
        if new == row.code:
            continue
        if row.activation_id is not None and row.code:
            report.kept_delivered += 1
            continue
        await repo.set_code(conn, row.id, new)
        report.changed += 1
    return report

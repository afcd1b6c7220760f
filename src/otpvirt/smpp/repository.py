"""The SQL of SMPP: parts of concatenated SMS waiting in `smpp_parts` for the rest."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from otpvirt.db import Conn

_GROUP = "source_id = :src AND sender = :snd AND receiver = :rcv AND ref = :ref AND total = :tot"


@dataclass(frozen=True, slots=True)
class Group:
    """The parts of one concatenated SMS share these."""

    source_id: int
    sender: str
    receiver: str
    ref: int | None
    total: int


@dataclass(frozen=True, slots=True)
class Part:
    """One stored part."""

    seq: int
    data_coding: int
    body: bytes
    received_at: int


def _params(g: Group) -> dict[str, Any]:
    return {"src": g.source_id, "snd": g.sender, "rcv": g.receiver, "ref": g.ref, "tot": g.total}


@dataclass(frozen=True, slots=True)
class Owner:
    """The source supplying a number of ours (None: no source, e.g. imported by hand)."""

    source_id: int | None


async def number_owner(conn: Conn, phone: int) -> Owner | None:
    """Who supplies the number (None: it is not ours)."""
    return await conn.fetch_one_as(
        Owner, "SELECT source_id FROM numbers WHERE phone = :p", {"p": phone}
    )


async def store_part(
    conn: Conn, group: Group, seq: int, data_coding: int, body: bytes, now: int
) -> None:
    """Store a part; a redelivered one (already here) adds nothing."""
    await conn.execute(
        "INSERT INTO smpp_parts (source_id, sender, receiver, ref, total, seq, data_coding, "
        "body, received_at) VALUES (:src, :snd, :rcv, :ref, :tot, :seq, :dc, :body, :now) "
        "ON CONFLICT DO NOTHING",
        {**_params(group), "seq": seq, "dc": data_coding, "body": body, "now": now},
    )


async def lock_parts(conn: Conn, group: Group) -> list[Part]:
    """The group's parts in order, locked until commit."""
    rows = await conn.fetch_all_as(
        Part,
        f"SELECT seq, data_coding, body, received_at FROM smpp_parts WHERE {_GROUP} "
        "ORDER BY seq" + conn.for_update,
        _params(group),
    )
    return [Part(int(p.seq), int(p.data_coding), bytes(p.body), int(p.received_at)) for p in rows]


async def delete_parts(conn: Conn, group: Group) -> None:
    """Forget the group's parts (their SMS is being delivered)."""
    await conn.execute(f"DELETE FROM smpp_parts WHERE {_GROUP}", _params(group))


async def stale_groups(conn: Conn, cut: int, limit: int) -> list[Group]:
    """Groups whose first part arrived at or before `cut`."""
    return await conn.fetch_all_as(
        Group,
        "SELECT source_id, sender, receiver, ref, total FROM smpp_parts "
        "GROUP BY source_id, sender, receiver, ref, total HAVING MIN(received_at) <= :cut "
        "LIMIT :lim",
        {"cut": cut, "lim": limit},
    )

"""The SQL of SMPP: parts of concatenated SMS waiting in `smpp_parts` for the rest."""

from __future__ import annotations

from typing import Any, NamedTuple

from otpvirt.db import Conn

_GROUP = "source_id = :src AND sender = :snd AND receiver = :rcv AND ref = :ref AND total = :tot"


class Group(NamedTuple):
    """The parts of one concatenated SMS share these."""

    source_id: int
    sender: str
    receiver: str
    ref: int | None
    total: int


class Part(NamedTuple):
    """One stored part."""

    seq: int
    data_coding: int
    body: bytes
    received_at: int


def _params(g: Group) -> dict[str, Any]:
    return {"src": g.source_id, "snd": g.sender, "rcv": g.receiver, "ref": g.ref, "tot": g.total}


async def number_source(conn: Conn, phone: int) -> tuple[bool, int | None]:
    """(the number is ours, the source supplying it)."""
    row = await conn.fetchone("SELECT source_id FROM numbers WHERE phone = :p", {"p": phone})
    if row is None:
        return False, None
    source_id = row["source_id"]
    return True, None if source_id is None else int(source_id)


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

"""getMultiServiceNumber: one number for several services (`otpvirt.activation.bundles`).

`multiService=a,b,...` leases one number free for every listed service, one activation
per service, each charged its own price; the answer lists them in the order asked:
`[{"phone": "<digits>", "activation": "<id>", "service": "a"}, ...]`. Each activation
is then an ordinary one of the protocol (getStatus, setStatus 6/8 ...); an SMS goes
to the activation whose service its sender or text names (`otpvirt.sms.routing`).
"""

from __future__ import annotations

from otpvirt.activation.bundles import lease_bundle
from otpvirt.activation.service import Candidate, LeaseRequest
from otpvirt.catalogue.snapshot import ServiceInfo, Snapshot
from otpvirt.clients.service import AuthClient
from otpvirt.money import currency
from otpvirt.runtime import Runtime
from otpvirt.smsactivate import places
from otpvirt.smsactivate import schemas as s
from otpvirt.smsactivate.service import Answer

# More services than this on one number is not a plausible request.
MAX_SERVICES = 10
_OFF = ("", "0", "false")


def service_codes(p: s.Params) -> list[str]:
    """`multiService`: 1-10 distinct service codes, comma-separated (BAD_SERVICE otherwise)."""
    raw = (p.get("multiService") or "").strip()
    codes = [c.strip().lower() for c in raw.split(",")]
    if not raw or not all(codes) or len(codes) > MAX_SERVICES or len(set(codes)) < len(codes):
        raise s.DialectError("BAD_SERVICE", "multiService must list 1-10 distinct service codes")
    if any(len(c) > 36 for c in codes):
        raise s.DialectError("BAD_SERVICE")
    return codes


def check_no_forward(p: s.Params) -> None:
    """`forward` and every `multiForward` flag must be off: call forwarding is not offered."""
    s.check_no_forward(p)
    flags = (p.get("multiForward") or "").strip().lower()
    if any(f.strip() not in _OFF for f in flags.split(",")):
        raise s.DialectError("BAD_FORWARD", "call forwarding is not offered")


def _cheapest_first(
    snap: Snapshot, cur: str, services: list[ServiceInfo], where: list[Candidate]
) -> list[Candidate]:
    # Countries selling every service, cheapest bundle first (the seam skips the others).
    prices = snap.prices.get(cur, {})
    sold = [c for c in where if all((c[0].id, svc.id) in prices for svc in services)]
    total = {c[0].id: sum(prices[(c[0].id, svc.id)] for svc in services) for c in sold}
    return sorted(sold, key=lambda c: total[c[0].id]) or where


async def get_multi_service_number(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """Lease one number for every service of `multiService`, one activation each."""
    codes = service_codes(p)
    check_no_forward(p)
    operators = s.operators(p)
    cur = currency(client.currency)
    services = [await rt.catalogue.service(code) for code in codes]
    country = await places.resolve_country(rt, p.get("country"))
    snap = await rt.catalogue.get()
    where = places.where(snap, cur.code, services[0], country, operators)
    if country is None:
        where = _cheapest_first(snap, cur.code, services, where)
    req = LeaseRequest(
        client, services[0], tuple(where), rt.settings.lease_ms, also=tuple(services[1:])
    )
    leases = await lease_bundle(rt.db, req)
    return [
        {"phone": str(lease.phone), "activation": str(lease.id), "service": lease.service.code}
        for lease in leases
    ]

"""The admin API over HTTP, on both databases: auth, clients, pool, leases, audit."""

from __future__ import annotations

import httpx

from otpvirt.admin import service as admins
from otpvirt.db import in_transaction
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.support import factory


async def test_refuses_without_a_valid_token(api: httpx.AsyncClient, rt: Runtime) -> None:
    resp = await api.get("/admin/v1/clients")
    assert resp.status_code == 401
    assert resp.json()["error"] == "bad_credentials"
    resp = await api.get("/admin/v1/clients", headers={"Authorization": "Bearer adm_nope"})
    assert resp.status_code == 401
    async with rt.db.transaction() as conn:
        token = await admins.create_token(conn, "short-lived")
    auth = {"Authorization": f"Bearer {token}"}
    assert (await api.get("/admin/v1/clients", headers=auth)).status_code == 200
    async with rt.db.transaction() as conn:
        await admins.revoke_token(conn, "short-lived")
    assert (await api.get("/admin/v1/clients", headers=auth)).status_code == 401
    # A client's API password is no admin credential.
    c = await factory.client(rt)
    resp = await api.get("/admin/v1/clients", headers={"Authorization": f"Bearer {c.password}"})
    assert resp.status_code == 401


async def test_client_lifecycle_is_audited(admin: httpx.AsyncClient, rt: Runtime) -> None:
    resp = await admin.post("/admin/v1/clients", json={"balance": "5.00", "name": "Acme"})
    assert resp.status_code == 201
    created = resp.json()
    cid, pw = created["clientId"], created["apiPassword"]
    native = await admin.post("/native/GetBalance", json={"clientId": cid, "apiPassword": pw})
    assert native.json()["balance"] == 5.00

    listed = (await admin.get("/admin/v1/clients", params={"search": "acm"})).json()
    assert [c["clientId"] for c in listed] == [cid]
    assert (await admin.get("/admin/v1/clients", params={"offset": 1})).json() == []

    topped = await admin.post(f"/admin/v1/clients/{cid}/topup", json={"amount": "2.50"})
    assert topped.json()["balance"] == "7.50"
    rid = topped.headers["x-request-id"]
    no_reason = await admin.post(f"/admin/v1/clients/{cid}/adjust", json={"amount": "-1"})
    assert no_reason.status_code == 400 and no_reason.json()["error"] == "validation_failed"
    adjusted = await admin.post(
        f"/admin/v1/clients/{cid}/adjust", json={"amount": "-1.00", "reason": "goodwill"}
    )
    assert adjusted.json()["balance"] == "6.50"
    too_much = await admin.post(
        f"/admin/v1/clients/{cid}/adjust", json={"amount": "-100", "reason": "x"}
    )
    assert too_much.status_code == 400 and too_much.json()["error"] == "insufficient_balance"

    assert (await admin.post(f"/admin/v1/clients/{cid}/disable")).status_code == 200
    refused = await admin.post("/native/GetBalance", json={"clientId": cid, "apiPassword": pw})
    assert refused.json()["reason"] == "client_disabled"
    await admin.post(f"/admin/v1/clients/{cid}/enable")
    new_pw = (await admin.post(f"/admin/v1/clients/{cid}/password", json={})).json()["apiPassword"]
    # No body at all is the same as {} (like /api-key, /disable and /enable).
    no_body = await admin.post(f"/admin/v1/clients/{cid}/password")
    assert no_body.status_code == 200 and no_body.json()["apiPassword"] != new_pw
    new_pw = no_body.json()["apiPassword"]
    ok = await admin.post("/native/GetBalance", json={"clientId": cid, "apiPassword": new_pw})
    assert ok.json()["balance"] == 6.50
    key = (await admin.post(f"/admin/v1/clients/{cid}/api-key")).json()["apiKey"]
    sa = await admin.get("/stubs/handler_api.php", params={"api_key": key, "action": "getBalance"})
    assert sa.text == "ACCESS_BALANCE:6.50"

    shown = (await admin.get(f"/admin/v1/clients/{cid}")).json()
    assert shown["balance"] == "6.50" and shown["name"] == "Acme"
    assert [e["kind"] for e in shown["ledger"]] == ["adjustment", "topup", "topup"]
    missing = await admin.get("/admin/v1/clients/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404 and missing.json()["error"] == "client_not_found"

    log = (await admin.get("/admin/v1/audit", params={"target": cid})).json()
    actions = [e["action"] for e in log]
    assert actions == [
        "client.api_key",
        "client.password",
        "client.password",
        "client.enable",
        "client.disable",
        "client.adjustment",
        "client.topup",
        "client.create",
    ]
    assert {e["actor"] for e in log} == {"token:ops-bot"}
    topup = log[6]
    assert topup["before"] == {"balance": "5.00"}
    assert topup["after"]["balance"] == "7.50" and topup["requestId"] == rid
    # Secrets never reach the audit log.
    assert pw not in str(log) and new_pw not in str(log) and key not in str(log)


async def test_numbers_import_list_disable(admin: httpx.AsyncClient, rt: Runtime) -> None:
    csv = "number,country,provider\n992110000001,tajikistan,indigo\n992110000002,tajikistan,nope\n"
    resp = await admin.post(
        "/admin/v1/numbers/import", files={"file": ("pool.csv", csv.encode(), "text/csv")}
    )
    assert resp.json() == {
        "added": 1,
        "skipped": [],
        "invalid": [{"line": 3, "reason": "unknown provider 'nope' for tajikistan"}],
    }
    again = await admin.post(
        "/admin/v1/numbers/import", content=csv.encode(), headers={"Content-Type": "text/csv"}
    )
    assert again.json()["skipped"] == [{"line": 2, "reason": "992110000001 is already in the pool"}]
    bad = await admin.post("/admin/v1/numbers/import", content=b"a,b\n1,2\n")
    assert bad.status_code == 400
    rows = (await admin.get("/admin/v1/numbers", params={"country": "tajikistan"})).json()
    assert [(r["number"], r["state"]) for r in rows] == [(992110000001, "free")]
    await admin.post("/admin/v1/numbers/+992 110 000 001/disable")
    rows = (await admin.get("/admin/v1/numbers", params={"state": "disabled"})).json()
    assert [r["number"] for r in rows] == [992110000001]
    audit = (await admin.get("/admin/v1/audit", params={"action": "numbers.import"})).json()
    assert audit[-1]["after"] == {"added": 1, "skipped": 0, "invalid": 1}
    assert audit[-1]["target"] == "pool.csv"


async def test_prices_catalogue_sources(admin: httpx.AsyncClient, rt: Runtime) -> None:
    await admin.post(
        "/admin/v1/catalogue/countries", json={"name": "kyrgyzstan", "callingCode": 996}
    )
    await admin.post(
        "/admin/v1/catalogue/providers", json={"country": "kyrgyzstan", "name": "megacom"}
    )
    await admin.post("/admin/v1/catalogue/services", json={"code": "oi", "name": "Tinder"})
    dup = await admin.post("/admin/v1/catalogue/services", json={"code": "oi", "name": "Tinder"})
    assert dup.status_code == 409
    resp = await admin.put(
        "/admin/v1/prices", json={"country": "kyrgyzstan", "service": "oi", "price": "0.40"}
    )
    assert resp.json()["price"] == "0.40"
    prices = (await admin.get("/admin/v1/prices")).json()
    assert {"country": "kyrgyzstan", "service": "oi", "currency": "USD", "price": "0.40"} in prices
    gone = await admin.delete("/admin/v1/prices/kyrgyzstan/oi")
    assert gone.json() == {"removed": True}
    cat = (await admin.get("/admin/v1/catalogue")).json()
    assert "megacom" in next(c for c in cat["countries"] if c["name"] == "kyrgyzstan")["providers"]
    await factory.numbers(rt, "tajikistan", "indigo", 2, source="modem-a")
    sources = (await admin.get("/admin/v1/sources")).json()
    assert [(s["name"], s["numbers"], s["online"]) for s in sources] == [("modem-a", 2, True)]
    await admin.post("/admin/v1/sources/modem-a/disable")
    assert (await admin.get("/admin/v1/sources")).json()[0]["online"] is False


async def test_activations_force_cancel_refunds(admin: httpx.AsyncClient, rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    phones = await factory.numbers(rt, "tajikistan", "indigo", 2)
    c = await factory.client(rt, balance=100)
    first = await admin.post(
        "/native/GetNumber", json=c.creds(service="vi", detail={"country": "tajikistan"})
    )
    second = await admin.post(
        "/native/GetNumber", json=c.creds(service="vi", detail={"country": "tajikistan"})
    )
    guid1, guid2 = first.json()["activationId"], second.json()["activationId"]
    listed = (await admin.get("/admin/v1/activations", params={"client": c.id})).json()
    assert [a["id"] for a in listed] == [guid2, guid1]
    assert listed[0]["state"] == "waiting" and listed[0]["price"] == "0.05"

    resp = await admin.post(f"/admin/v1/activations/{guid1}/cancel")
    assert resp.json() == {
        "id": guid1,
        "clientId": c.id,
        "state": "cancelled",
        "refunded": "0.05",
        "currency": "USD",
    }
    again = await admin.post(f"/admin/v1/activations/{guid1}/cancel")
    assert again.status_code == 409 and again.json()["error"] == "activation_finished"

    phone = second.json()["number"]
    assert phone in phones
    await in_transaction(rt.db, ingest, to=phone, sender="Viber", text="Your code: 905526")
    refused = await admin.post(f"/admin/v1/activations/{guid2}/cancel")
    assert refused.status_code == 409 and refused.json()["error"] == "sms_already_received"

    shown = (await admin.get(f"/admin/v1/activations/{guid2}")).json()
    assert [s["code"] for s in shown["sms"]] == ["905526"]
    assert [e["kind"] for e in shown["ledger"]] == ["charge"]
    cancelled = (await admin.get(f"/admin/v1/activations/{guid1}")).json()
    assert [(e["kind"], e["amount"]) for e in cancelled["ledger"]] == [
        ("charge", "-0.05"),
        ("refund", "0.05"),
    ]
    balance = await admin.post("/native/GetBalance", json=c.creds())
    assert balance.json()["balance"] == 0.95
    missing = await admin.post("/admin/v1/activations/not-a-guid/cancel")
    assert missing.status_code == 400


async def test_sms_webhooks_and_overview(admin: httpx.AsyncClient, rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    phones = await factory.numbers(rt, "tajikistan", "indigo", 3)
    c = await factory.client(rt, balance=100)
    hook = await admin.put(
        f"/admin/v1/clients/{c.id}/webhook", json={"url": "https://hooks.example/otp"}
    )
    assert hook.json()["secret"].startswith("whsec_")
    leased = (
        await admin.post(
            "/native/GetNumber", json=c.creds(service="vi", detail={"country": "tajikistan"})
        )
    ).json()
    await in_transaction(rt.db, ingest, to=leased["number"], sender="Viber", text="code 111222")
    stray = next(p for p in phones if p != leased["number"])
    await in_transaction(rt.db, ingest, to=stray, sender="Bank", text="Your code is 333444")

    unrouted = (await admin.get("/admin/v1/sms", params={"unrouted": True})).json()
    assert [(s["phone"], s["code"]) for s in unrouted] == [(stray, "333444")]
    everything = (await admin.get("/admin/v1/sms")).json()
    assert len(everything) == 2 and everything[1]["activationId"] == leased["activationId"]

    deliveries = (await admin.get("/admin/v1/webhooks", params={"client": c.id})).json()
    assert len(deliveries) == 1 and deliveries[0]["state"] == "pending"
    msg = deliveries[0]["id"]
    detail = (await admin.get(f"/admin/v1/webhooks/{msg}")).json()
    assert '"code":"111222"' in detail["payload"]
    again = await admin.post(f"/admin/v1/webhooks/{msg}/redeliver")
    assert again.json()["state"] == "pending"
    assert (await admin.get("/admin/v1/webhooks/msg_nope")).status_code == 404

    ov = (await admin.get("/admin/v1/overview")).json()
    vi = [a for a in ov["availability"] if a["service"] == "vi" and a["provider"] == "indigo"]
    # 3 numbers, one leased, and that one received an SMS for vi.
    assert vi == [{"country": "tajikistan", "provider": "indigo", "service": "vi", "available": 2}]
    assert ov["liveLeases"] == {"waiting": 0, "sms_received": 1}
    assert ov["smsLastHour"] == 2
    assert ov["successByService"] == [{"name": "vi", "leased": 1, "withSms": 1, "rate": 1.0}]
    usd = ov["moneyToday"][0]
    assert (usd["currency"], usd["charges"], usd["refunds"], usd["revenue"]) == (
        "USD",
        "0.05",
        "0.00",
        "0.05",
    )
    assert sum(ov["series"]["sms"]) == 2 and sum(ov["series"]["leases"]) == 1
    assert sum(ov["series"]["revenueMinor"]) == 5 and len(ov["series"]["sms"]) == 144


async def test_supplier_priority(admin: httpx.AsyncClient, rt: Runtime) -> None:
    from otpvirt.sources import service as sources
    from otpvirt.supply import registry

    async with rt.db.transaction() as conn:
        await sources.create_source(
            conn, "bank1", kind="smshub", settings=registry.smshub_config("http://127.0.0.1:9", "k")
        )
        await sources.create_source(conn, "modem-a", kind="gateway")
    ok = await admin.put("/admin/v1/sources/bank1/priority", json={"priority": 5})
    assert ok.status_code == 200 and ok.json() == {"name": "bank1", "priority": 5}
    listed = {s["name"]: s["priority"] for s in (await admin.get("/admin/v1/sources")).json()}
    assert listed == {"bank1": 5, "modem-a": None}
    not_supplier = await admin.put("/admin/v1/sources/modem-a/priority", json={"priority": 1})
    assert not_supplier.status_code == 400
    assert not_supplier.json()["error"] == "validation_failed"
    negative = await admin.put("/admin/v1/sources/bank1/priority", json={"priority": -1})
    assert negative.status_code == 400
    missing = await admin.put("/admin/v1/sources/nosuch/priority", json={"priority": 1})
    assert missing.status_code == 404
    entries = (await admin.get("/admin/v1/audit")).json()
    assert any(e["action"] == "source.priority" and e["target"] == "bank1" for e in entries)


async def test_lifecycle_events_and_low_balance_through_the_admin_api(
    admin: httpx.AsyncClient, rt: Runtime
) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.numbers(rt, "tajikistan", "indigo", 2)
    c = await factory.client(rt, balance=100)
    hook = await admin.put(
        f"/admin/v1/clients/{c.id}/webhook",
        json={"url": "https://hooks.example/otp", "events": "activation.finished,sms"},
    )
    assert hook.json()["events"] == "sms,activation.finished"
    bad = await admin.put(
        f"/admin/v1/clients/{c.id}/webhook",
        json={"url": "https://hooks.example/otp", "events": "sms,nope"},
    )
    assert bad.status_code == 400 and bad.json()["error"] == "bad_webhook_events"
    low = await admin.put(f"/admin/v1/clients/{c.id}/low-balance", json={"amount": "0.99"})
    assert low.json() == {"clientId": c.id, "lowBalance": "0.99"}
    shown = (await admin.get(f"/admin/v1/clients/{c.id}")).json()
    assert (shown["webhook"]["events"], shown["lowBalance"]) == ("sms,activation.finished", "0.99")
    leased = (
        await admin.post(
            "/native/GetNumber", json=c.creds(service="vi", detail={"country": "tajikistan"})
        )
    ).json()
    await admin.post("/native/CancelActivation", json=c.creds(activationId=leased["activationId"]))
    deliveries = (await admin.get("/admin/v1/webhooks", params={"client": c.id})).json()
    # The cancel sent activation.finished; balance.low was not subscribed (0.95 < 0.99).
    assert [(d["event"], d["smsId"]) for d in deliveries] == [("activation.finished", None)]
    detail = (await admin.get(f"/admin/v1/webhooks/{deliveries[0]['id']}")).json()
    assert '"state":"cancelled","refund":0.05' in detail["payload"]

"""Third-party sms-activate clients from PyPI, unchanged, against a real `otpvirt serve --demo`.

Each library is pointed at the server the way its users would point it at any
sms-activate compatible provider, and goes through buy -> code -> complete and
buy -> cancel -> refund; the balance and the ledger are checked afterwards.
The SMS arrives through `otpvirt sms inject`, as from a gateway.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from tests.support.server import QUIET_SIMULATOR, Server, start_server, stop_server

VIBER_TEXT = (
    "<#> Your Viber code: 905526\n\nYou can also tap this link: https://unv.viber.com/a/905526"
)
TAJIKISTAN = 143
VIBER_PRICE = Decimal("0.05")


def otpvirt(server: Server, *args: str) -> Any:
    """Run an `otpvirt ... --json` command on the server's database."""
    env = {**os.environ, "OTPVIRT_DATA_DIR": str(server.data_dir)}
    env.pop("OTPVIRT_DATABASE_URL", None)
    out = subprocess.run(
        [sys.executable, "-m", "otpvirt", *args, "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, str]]:
    """A demo server of its own (its first balance is known) and a new sms-activate key."""
    server = start_server(tmp_path_factory.mktemp("sa-demo"), env=QUIET_SIMULATOR)
    try:
        # `serve --demo` issues a key for the demo client; the operator's command rotates it.
        demo_key = json.loads((server.data_dir / "demo-client.json").read_text())["apiKey"]
        url = f"{server.base}/stubs/handler_api.php"
        assert httpx.get(url, params={"api_key": demo_key, "action": "getBalance"}).text == (
            "ACCESS_BALANCE:100.00"
        )
        key = otpvirt(server, "clients", "api-key", server.client_id)["apiKey"]
        assert httpx.get(url, params={"api_key": demo_key, "action": "getBalance"}).text == (
            "BAD_KEY"
        )
        yield server, key
    finally:
        stop_server(server)


def sms_arrives(server: Server, phone: str | int) -> None:
    out = otpvirt(
        server, "sms", "inject", "--to", str(phone), "--from", "Viber", "--text", VIBER_TEXT
    )
    assert out["activationId"] is not None and out["code"] == "905526"


def check_ledger(server: Server, balance_before: Decimal, balance_now: Decimal) -> None:
    """One charge stands (the completed one); the cancelled one was charged and refunded."""
    assert balance_before - balance_now == VIBER_PRICE
    shown = otpvirt(server, "clients", "show", server.client_id, "--entries", "3")
    assert Decimal(shown["balance"]) == balance_now
    newest = shown["ledger"]
    assert [(e["kind"], Decimal(e["amount"])) for e in newest] == [
        ("refund", VIBER_PRICE),
        ("charge", -VIBER_PRICE),
        ("charge", -VIBER_PRICE),
    ]
    # The refund belongs to the second activation, not to the completed first one.
    assert newest[0]["activationId"] == newest[1]["activationId"] != newest[2]["activationId"]
    assert Decimal(newest[0]["balanceAfter"]) == balance_now


def test_smsactivate_official_module(served: tuple[Server, str]) -> None:
    from smsactivate.api import SMSActivateAPI

    server, key = served
    sa = SMSActivateAPI(key)
    # The module has no setting for the URL; its private attribute is the only way.
    sa._SMSActivateAPI__api_url = f"{server.base}/stubs/handler_api.php"
    before = Decimal(sa.getBalance()["balance"])

    number = sa.getNumber(service="vi", country=TAJIKISTAN)
    assert isinstance(number["activation_id"], int) and number["activation_id"] > 0
    assert sa.getStatus(id=number["activation_id"]) == "STATUS_WAIT_CODE"
    sms_arrives(server, number["phone"])
    assert sa.getStatus(id=number["activation_id"]) == "STATUS_OK:905526"
    assert sa.getFullSms(id=number["activation_id"]).startswith("FULL_SMS:<#> Your Viber code")
    assert sa.setStatus(id=number["activation_id"], status=6) == "ACCESS_ACTIVATION"

    second = sa.getNumberV2(service="vi", country=TAJIKISTAN)
    assert sa.setStatus(id=second["activationId"], status=8) == "ACCESS_CANCEL"
    assert sa.getStatus(id=second["activationId"])["error"] == "STATUS_CANCEL"
    assert sa.getNumber(service="nope")["error"] == "BAD_SERVICE"

    check_ledger(server, before, Decimal(sa.getBalance()["balance"]))


def test_smsbower(served: tuple[Server, str]) -> None:
    from smsbower import SmsBowerClient, SmsBowerError

    server, key = served
    with SmsBowerClient(api_key=key, base_url=server.base) as client:
        before = Decimal(str(client.get_balance()))

        number = client.get_number("vi", country=TAJIKISTAN)
        assert client.get_status(number.id).status == "STATUS_WAIT_CODE"
        sms_arrives(server, number.number)
        status = client.get_status(number.id)
        assert (status.status, status.code) == ("STATUS_OK", "905526")
        assert client.set_status(number.id, 6) == "ACCESS_ACTIVATION"

        second = client.get_number("vi", country=TAJIKISTAN)
        assert client.set_status(second.id, 8) == "ACCESS_CANCEL"
        assert client.get_status(second.id).status == "STATUS_CANCEL"
        with pytest.raises(SmsBowerError) as err:
            client.set_status(second.id, 6)
        assert err.value.code == "BAD_STATUS"
        with pytest.raises(SmsBowerError) as err:
            client.get_number("vi", country=4242)
        assert err.value.code == "BAD_COUNTRY"

        check_ledger(server, before, Decimal(str(client.get_balance())))


def test_pysmshub(served: tuple[Server, str]) -> None:
    from pysmshub import Status, SyncSmsHubApi

    server, key = served
    api = SyncSmsHubApi(key)
    # The class fixes its URL in the constructor; an instance attribute overrides it.
    api.base_url = f"{server.base}/stubs/handler_api.php"
    before = Decimal(str(api.get_balance()))
    assert api.get_numbers_status(country=TAJIKISTAN)["vi_0"] > 0

    act_id, phone = api.get_number("vi", country=TAJIKISTAN)
    assert api.get_status(act_id) == (Status.WAIT, None)
    sms_arrives(server, phone)
    assert api.get_status(act_id) == (Status.SENT, "905526")
    assert api.set_status(act_id, Status.SUCCESS) == "ACCESS_ACTIVATION"

    second, _ = api.get_number("vi", country=TAJIKISTAN)
    assert api.set_status(second, Status.CANCEL) == "ACCESS_CANCEL"
    assert api.get_status(second) == (Status.CANCEL, None)

    check_ledger(server, before, Decimal(str(api.get_balance())))


async def test_aiosmsactivate(served: tuple[Server, str]) -> None:
    import asyncio

    from aiosmsactivate import SmsActivate
    from aiosmsactivate.models import SetActivationStatusResponse
    from aiosmsactivate.types import ActivationStatus, SetActivationStatus

    server, key = served
    # This one POSTs with the parameters in the query string and buys with getNumberV2.
    sa = SmsActivate(key, base_url=f"{server.base}/stubs/handler_api.php")
    before = Decimal(str(await sa.get_balance()))

    number = await sa.purchase("vi", country=TAJIKISTAN)
    assert number.country_code == str(TAJIKISTAN) and number.operator == "indigo"
    assert await sa.get_activation_status_v1(number.activation_id) == (
        ActivationStatus.WAIT,
        None,
    )
    await asyncio.to_thread(sms_arrives, server, number.phone_number)
    assert await sa.get_activation_status_v1(number.activation_id) == (
        ActivationStatus.OK,
        "905526",
    )
    data = await sa.get_activation_status(number.activation_id)
    assert data.sms is not None and data.sms.code == "905526"
    done = await sa.set_activation_status(number.activation_id, SetActivationStatus.COMPLETE)
    assert done == SetActivationStatusResponse.ACTIVATED

    second = await sa.purchase("vi", country=TAJIKISTAN)
    cancelled = await sa.set_activation_status(second.activation_id, 8)
    assert cancelled == SetActivationStatusResponse.CANCEL

    check_ledger(server, before, Decimal(str(await sa.get_balance())))


def _inject(server: Server, phone: str | int, sender: str, text: str) -> Any:
    return otpvirt(server, "sms", "inject", "--to", str(phone), "--from", sender, "--text", text)


def test_smsactivate_official_module_rents(served: tuple[Server, str]) -> None:
    """The official client's rent methods: rent, two SMS, extend, finish; rent, cancel."""
    from smsactivate.api import SMSActivateAPI

    server, key = served
    sa = SMSActivateAPI(key)
    sa._SMSActivateAPI__api_url = f"{server.base}/stubs/handler_api.php"
    before = Decimal(sa.getBalance()["balance"])
    offer = sa.getRentServicesAndCountries(time=4, country=TAJIKISTAN)
    # Demo rent prices: tg 0.05 per hour, any service ("full") 0.10.
    assert Decimal(str(offer["services"]["tg"]["cost"])) == Decimal("0.20")
    assert offer["services"]["full"]["quant"] > 0 and offer["currency"] == 840

    rented = sa.getRentNumber(service="tg", time=4, country=TAJIKISTAN)
    assert rented["status"] == "success", rented
    rent_id, phone = rented["phone"]["id"], rented["phone"]["number"]
    assert sa.getRentStatus(id=rent_id) == {"status": "error", "message": "STATUS_WAIT_CODE"}
    first = _inject(server, phone, "Telegram", "Telegram code: 51234. Do not give it to anyone")
    assert first["activationId"] is not None and first["code"] == "51234"
    _inject(server, phone, "WhatsApp", "Your WhatsApp code: 774-211")
    status = sa.getRentStatus(id=rent_id)
    assert status["quantity"] == "2"
    assert [v["phoneFrom"] for v in status["values"].values()] == ["WhatsApp", "Telegram"]
    assert sa.getRentList()["values"]["0"] == {"id": str(rent_id), "phone": phone}
    longer = sa.continueRentNumber(id=rent_id, time=8)
    assert longer["phone"]["endDate"] > rented["phone"]["endDate"]
    assert sa.setRentStatus(id=rent_id, status=2)["message"] == "CANT_CANCEL"
    assert sa.setRentStatus(id=rent_id, status=1) == {"status": "success"}
    assert sa.getRentStatus(id=rent_id)["message"] == "STATUS_FINISH"

    second = sa.getRentNumber(service="full", time=4, country=TAJIKISTAN)
    assert sa.setRentStatus(id=second["phone"]["id"], status=2) == {"status": "success"}
    assert sa.getRentStatus(id=second["phone"]["id"])["message"] == "STATUS_CANCEL"

    now = Decimal(sa.getBalance()["balance"])
    assert before - now == Decimal("0.20") + Decimal("0.40")  # 4 h + 8 h of tg
    shown = otpvirt(server, "clients", "show", server.client_id, "--entries", "5")
    assert [(e["kind"], Decimal(e["amount"])) for e in shown["ledger"]][:4] == [
        ("refund", Decimal("0.40")),
        ("charge", Decimal("-0.40")),
        ("charge", Decimal("-0.40")),
        ("charge", Decimal("-0.20")),
    ]
    assert Decimal(shown["balance"]) == now


async def test_aiosmsactivate_history_and_reuse(served: tuple[Server, str]) -> None:
    import asyncio

    from aiosmsactivate import SmsActivate
    from aiosmsactivate.types import SetActivationStatus

    server, key = served
    sa = SmsActivate(key, base_url=f"{server.base}/stubs/handler_api.php")
    number = await sa.purchase("vi", country=TAJIKISTAN)
    await asyncio.to_thread(sms_arrives, server, number.phone_number)
    await sa.set_activation_status(number.activation_id, SetActivationStatus.COMPLETE)
    before = Decimal(str(await sa.get_balance()))

    checked = await sa.check_extra_activation(number.activation_id)
    assert checked == {
        "status": "success",
        "cost": float(VIBER_PRICE),
        "service": "vi",
        "phone": int(number.phone_number),
        "country": TAJIKISTAN,
    }
    # This library sends the activation as `id`.
    new_id, phone = await sa.get_extra_activation(str(number.activation_id))
    assert phone == str(number.phone_number) and int(new_id) != int(number.activation_id)
    assert before - Decimal(str(await sa.get_balance())) == VIBER_PRICE

    # Its get_history and get_list_top_countries cannot read a JSON list (the answer the
    # contract and sms-activate give): its error check calls `.get` on any JSON. The
    # history is read here as the library reads every other answer, by its own request.
    async with httpx.AsyncClient() as http:
        history = (
            await http.post(
                f"{server.base}/stubs/handler_api.php",
                params={"api_key": key, "action": "getHistory", "limit": 2},
            )
        ).json()
    assert [h["id"] for h in history] == [int(new_id), int(number.activation_id)]
    assert history[1]["sms"] == [VIBER_TEXT] and history[0]["sms"] is None
    with pytest.raises(AttributeError):
        await sa.get_history(limit=2)


def test_smsactivate_top_countries(served: tuple[Server, str]) -> None:
    from smsactivate.api import SMSActivateAPI

    server, key = served
    sa = SMSActivateAPI(key)
    sa._SMSActivateAPI__api_url = f"{server.base}/stubs/handler_api.php"
    top = sa.getTopCountriesByService(service="vi")
    counts = [entry["count"] for entry in top.values()]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0
    assert any(entry["country"] == TAJIKISTAN for entry in top.values())


def test_smsactivate_official_module_multi_service(served: tuple[Server, str]) -> None:
    """The official client's getMultiServiceNumber: one number, Telegram and WhatsApp."""
    from smsactivate.api import SMSActivateAPI

    server, key = served
    sa = SMSActivateAPI(key)
    sa._SMSActivateAPI__api_url = f"{server.base}/stubs/handler_api.php"
    before = Decimal(sa.getBalance()["balance"])
    got = sa.getMultiServiceNumber(service="tg,wa", country=TAJIKISTAN)
    assert [g["service"] for g in got] == ["tg", "wa"], got
    phone = got[0]["phone"]
    assert got[1]["phone"] == phone and got[0]["activation"] != got[1]["activation"]
    tg, wa = int(got[0]["activation"]), int(got[1]["activation"])
    # Demo prices in Tajikistan: tg 0.29, wa 0.32, each charged.
    assert before - Decimal(sa.getBalance()["balance"]) == Decimal("0.61")

    _inject(server, phone, "Telegram", "Telegram code: 51234. Do not give it to anyone")
    assert sa.getStatus(id=tg) == "STATUS_OK:51234"
    assert sa.getStatus(id=wa) == "STATUS_WAIT_CODE"
    _inject(server, phone, "WhatsApp", "Your WhatsApp code: 774-211")
    assert sa.getStatus(id=wa) == "STATUS_OK:774211"
    # Neither service named: both activations get it.
    _inject(server, phone, "INFO", "Your verification code is 7731")
    assert sa.getStatus(id=tg) == sa.getStatus(id=wa) == "STATUS_OK:7731"
    assert sa.setStatus(id=tg, status=6) == sa.setStatus(id=wa, status=6) == "ACCESS_ACTIVATION"
    assert sa.getMultiServiceNumber(service="tg,zz", country=TAJIKISTAN)["error"] == "BAD_SERVICE"
    assert before - Decimal(sa.getBalance()["balance"]) == Decimal("0.61")
    assert otpvirt(server, "doctor")["ok"] is True

"""Amounts are written one way only: ASCII digits with one optional '.'.

Issue 15, item 8: `1,000` was read as 1.00, `1_000` as 1000, Arabic-Indic digits as
digits, and a price of 0 was accepted without a word.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from otpvirt.cli.main import app
from otpvirt.errors import ValidationFailed
from otpvirt.money import currency, parse_amount
from otpvirt.runtime import Runtime
from otpvirt.supply.registry import upstream_config
from tests.admin.conftest import admin, admin_token
from tests.support import factory
from tests.web.conftest import console_login, csrf_of, make_operator

USD = currency("USD")
__all__ = ["admin", "admin_token"]  # fixtures of the admin API tests, used here too

REFUSED = [
    "1,000",
    "1,50",
    "1_000",
    "1 000",
    "١٠٠",  # Arabic-Indic digits
    "۱۲",  # Extended Arabic-Indic (Persian) digits
    "１２",  # fullwidth digits
    "१२",  # Devanagari digits
    "1e3",
    "1E-2",
    "0x10",
    "+1",
    "1.2.3",
    "1.",
    "",
    " ",
    ".",
    "-",
    "NaN",
    "Infinity",
    "-Infinity",
    "sNaN",
    "1.5\n2",
    "١.5",
    "9" * 200,
]


@pytest.mark.parametrize("text", REFUSED)
def test_anything_but_plain_decimals_is_refused(text: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        parse_amount(text, USD)
    assert caught.value.reason == "bad_amount"
    with pytest.raises(ValidationFailed):
        parse_amount(text, USD, allow_negative=True)


@pytest.mark.parametrize(
    ("text", "minor"),
    [("1", 100), ("1.5", 150), ("0.05", 5), (".5", 50), (" 12.30 ", 1230), ("007", 700)],
)
def test_plain_decimals_are_read_exactly(text: str, minor: int) -> None:
    assert parse_amount(text, USD) == minor


def test_a_sign_only_where_negative_amounts_are_allowed() -> None:
    assert parse_amount("-1.25", USD, allow_negative=True) == -125
    with pytest.raises(ValidationFailed, match="negative"):
        parse_amount("-1.25", USD)


def test_the_upstream_maximum_price_follows_the_same_rules() -> None:
    assert upstream_config("https://up.example", "k", "0.50")["maxPrice"] == "0.50"
    for text in ("1_000", "١", "1,5", "Infinity"):
        with pytest.raises(ValidationFailed):
            upstream_config("https://up.example", "k", text)


@pytest.fixture
def cli(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("OTPVIRT_DATABASE_URL", database_url)
    monkeypatch.setenv("OTPVIRT_DATA_DIR", str(tmp_path))
    return CliRunner()


def test_a_zero_price_needs_free_on_the_cli(cli: CliRunner, tmp_path: Path) -> None:
    refused = cli.invoke(app, ["prices", "set", "tajikistan", "vi", "0"])
    assert refused.exit_code == 1 and "--free" in refused.output, refused.output
    refused = cli.invoke(app, ["prices", "set", "tajikistan", "vi", "0.00"])
    assert refused.exit_code == 1, refused.output
    assert json.loads(cli.invoke(app, ["prices", "list", "--json"]).output) == []
    ok = cli.invoke(app, ["prices", "set", "tajikistan", "vi", "0", "--free", "--json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.output)["price"] == "0.00"
    # --free is for zero prices; it does not make any other price free.
    paid = cli.invoke(app, ["prices", "set", "tajikistan", "tg", "0.10", "--free", "--json"])
    assert json.loads(paid.output)["price"] == "0.10"
    csv = tmp_path / "prices.csv"
    csv.write_text("country,service,price\ntajikistan,wa,0\ntajikistan,fb,1,000\n")
    out = cli.invoke(app, ["prices", "import", str(csv)])
    assert out.exit_code == 1 and "line 2" in out.output and "--free" in out.output, out.output
    csv.write_text("country,service,price\ntajikistan,wa,0\n")
    assert cli.invoke(app, ["prices", "import", str(csv), "--free"]).exit_code == 0


async def test_a_zero_price_needs_free_in_the_admin_api(
    admin: httpx.AsyncClient, rt: Runtime
) -> None:
    body = {"country": "tajikistan", "service": "vi", "price": "0"}
    refused = await admin.put("/admin/v1/prices", json=body)
    assert refused.status_code == 400 and refused.json()["error"] == "free_price", refused.text
    for price in ("1,000", "1_000", "١٠"):
        bad = await admin.put("/admin/v1/prices", json={**body, "price": price})
        assert bad.status_code == 400 and bad.json()["error"] == "bad_amount", bad.text
    ok = await admin.put("/admin/v1/prices", json={**body, "free": True})
    assert ok.status_code == 200 and ok.json()["price"] == "0.00", ok.text


async def test_a_zero_price_needs_free_in_the_console(api: httpx.AsyncClient, rt: Runtime) -> None:
    await make_operator(rt)
    await console_login(api)
    csrf = csrf_of((await api.get("/console/prices")).text)
    form = {"csrf": csrf, "country": "tajikistan", "service": "vi", "price": "0"}
    await api.post("/console/prices", data=form)
    page = await api.get("/console/prices")
    assert "gives vi numbers away" in page.text and "0.00 USD" not in page.text
    await api.post("/console/prices", data={**form, "free": "true"})
    assert "0.00 USD" in (await api.get("/console/prices")).text


async def test_a_free_number_is_leased_and_refunded_cleanly(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    from otpvirt.doctor.service import run_checks
    from otpvirt.pricing.service import set_price

    await factory.numbers(rt, "tajikistan", "indigo", 1)
    async with rt.db.transaction() as conn:
        await set_price(conn, "tajikistan", "vi", "0", "USD", free=True)
    rt.catalogue.invalidate()
    c = await factory.client(rt, balance=0)
    got = (
        await api.post(
            "/native/GetNumber", json=c.creds(service="vi", detail={"country": "tajikistan"})
        )
    ).json()
    assert got["status"] == 2 and str(got["ammount"]) in ("0", "0.0", "0.00"), got
    done = await api.post(
        "/native/CancelActivation", json=c.creds(activationId=got["activationId"])
    )
    assert done.json()["status"] == 2
    async with rt.db.read() as conn:
        assert all(r["violations"] == 0 for r in await run_checks(conn))

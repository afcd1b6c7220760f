"""The endpoint itself: methods, parameter sources, keys, unknown actions, failures."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import httpx

from otpvirt.clients.service import set_enabled
from otpvirt.demo import setup_demo
from otpvirt.runtime import Runtime
from tests.smsactivate.conftest import URL, Buyer, issue_key, jsonof, token


async def test_get_and_post_in_every_form(api: httpx.AsyncClient, shop: Buyer) -> None:
    q = {"api_key": shop.key, "action": "getBalance"}
    answers = [
        await api.get(URL, params=q),
        # aiosmsactivate and the npm client: POST, parameters in the query string.
        await api.post(URL, params=q),
        await api.post(URL, data=q),
        await api.post(URL, files={k: (None, v) for k, v in q.items()}),
        await api.post(
            URL,
            content=gzip.compress(f"api_key={shop.key}&action=getBalance".encode()),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Content-Encoding": "gzip",
            },
        ),
    ]
    for resp in answers:
        assert resp.status_code == 200
        assert resp.headers["content-type"] == "text/plain; charset=utf-8"
        assert resp.text == "ACCESS_BALANCE:10.00"


async def test_form_body_wins_over_query_string(api: httpx.AsyncClient, shop: Buyer) -> None:
    resp = await api.post(
        URL,
        params={"api_key": "wrong", "action": "nope"},
        data={
            "api_key": shop.key,
            "action": "getBalance",
        },
    )
    assert resp.text == "ACCESS_BALANCE:10.00"


async def test_unknown_or_missing_action(api: httpx.AsyncClient, shop: Buyer) -> None:
    assert await token(api, shop.key, "getRentNumberX") == "BAD_ACTION"
    assert await token(api, shop.key, "") == "BAD_ACTION"
    resp = await api.get(URL, params={"api_key": shop.key})
    assert (resp.status_code, resp.text) == (200, "BAD_ACTION")
    # Action names are matched without regard to case; unknown parameters are ignored.
    assert await token(api, shop.key, "GETBALANCE", ref="572438") == "ACCESS_BALANCE:10.00"


async def test_keys(api: httpx.AsyncClient, rt: Runtime, shop: Buyer) -> None:
    assert await token(api, None, "getBalance") == "BAD_KEY"
    assert await token(api, "", "getBalance") == "BAD_KEY"
    assert await token(api, shop.key.upper() + "x", "getBalance") == "BAD_KEY"
    assert await token(api, shop.client.password, "getBalance") == "BAD_KEY"
    assert len(shop.key) >= 32 and shop.key.isalnum()
    new = await issue_key(rt, shop.client.id)
    assert new != shop.key
    assert await token(api, shop.key, "getBalance") == "BAD_KEY"
    assert await token(api, new, "getBalance") == "ACCESS_BALANCE:10.00"
    async with rt.db.read() as conn:
        stored = await conn.fetchval(
            "SELECT api_key_hash FROM clients WHERE id = :c", {"c": shop.client.id}
        )
    assert len(stored) == 64 and new not in stored
    async with rt.db.transaction() as conn:
        await set_enabled(conn, shop.client.id, False)
    assert await token(api, new, "getBalance") == "ACCOUNT_INACTIVE"


async def test_oversized_body_is_bad_data(api: httpx.AsyncClient, shop: Buyer) -> None:
    resp = await api.post(
        URL,
        params={"api_key": shop.key, "action": "getBalance"},
        content=b"x=" + b"a" * (70 * 1024),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert (resp.status_code, resp.text) == (200, "BAD_DATA")


async def test_server_failure_is_error_sql_with_http_200(
    api: httpx.AsyncClient, rt: Runtime, shop: Buyer
) -> None:
    number = await token(api, shop.key, "getNumber", service="vi", country=143)
    act_id = number.split(":")[1]
    async with rt.db.transaction() as conn:
        await conn.execute("ALTER TABLE sms_messages RENAME TO sms_messages_gone")
    assert await token(api, shop.key, "getStatus", id=act_id) == "ERROR_SQL"
    resp = await api.get(URL, params={"api_key": shop.key, "action": "getStatusV2", "id": act_id})
    assert (resp.status_code, resp.text) == (200, "ERROR_SQL")


async def test_json_answers_are_objects_with_the_json_type(
    api: httpx.AsyncClient, shop: Buyer
) -> None:
    for action in ("getNumbersStatus", "getPrices", "getCountries", "getOperators"):
        assert await jsonof(api, shop.key, action)
    assert await jsonof(api, shop.key, "getServicesList")
    assert await jsonof(api, shop.key, "getActiveActivations")


async def test_openapi_lists_the_endpoint(api: httpx.AsyncClient) -> None:
    doc = (await api.get("/openapi.json")).json()
    ops = doc["paths"]["/stubs/handler_api.php"]
    assert set(ops) == {"get", "post"}
    actions = ops["get"]["parameters"][1]["schema"]["enum"]
    assert "getNumberV2" in actions and "setStatus" in actions


async def test_demo_client_key_survives_restarts(api: httpx.AsyncClient, rt: Runtime) -> None:
    first = await setup_demo(rt, per_provider=1)
    assert await token(api, first.api_key, "getBalance") == "ACCESS_BALANCE:100.00"
    again = await setup_demo(rt, per_provider=1)
    assert (again.client_id, again.api_key) == (first.client_id, first.api_key)
    # Rotated by the operator: the next start issues (and saves) a working one.
    await issue_key(rt, first.client_id)
    third = await setup_demo(rt, per_provider=1)
    assert third.api_key != first.api_key
    assert await token(api, third.api_key, "getBalance") == "ACCESS_BALANCE:100.00"
    saved = json.loads((Path(rt.settings.data_dir) / "demo-client.json").read_text())
    assert saved["apiKey"] == third.api_key


async def test_the_per_client_rate_limit_applies_here_too(database_url: str, tmp_path) -> None:
    import httpx

    from otpvirt.app import create_app
    from otpvirt.clients.service import rotate_api_key
    from otpvirt.runtime import Runtime
    from tests.conftest import make_settings
    from tests.support import factory

    rt = Runtime.open(make_settings(database_url, tmp_path, rate_limit="2/s"))
    try:
        c = await factory.client(rt)
        async with rt.db.transaction() as conn:
            key = await rotate_api_key(conn, c.id)
        app = create_app(runtime=rt)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://t"
        ) as api:
            answers = [
                (
                    await api.get(
                        "/stubs/handler_api.php", params={"api_key": key, "action": "getBalance"}
                    )
                ).text
                for _ in range(8)
            ]
    finally:
        await rt.close()
    assert answers[0] == "ACCESS_BALANCE:100.00"
    assert "TOO_MANY_REQUESTS" in answers

"""The operator and the client, in a real browser, against a real server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Site

pytestmark = pytest.mark.browser


def _console_login(page: Any, site: Site, password: str | None = None) -> None:
    page.goto(f"{site.base}/console")
    assert "/console/login" in page.url
    page.fill("input[name=username]", site.admin_user)
    page.fill("input[name=password]", password or site.admin_password)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def _portal_login(page: Any, site: Site, password: str | None = None) -> None:
    page.goto(f"{site.base}/portal")
    assert "/portal/login" in page.url
    page.fill("input[name=client_id]", site.server.client_id)
    page.fill("input[name=password]", password or site.server.password)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def _wait_for_price(page: Any, amount: str) -> None:
    """htmx swapped in the quote for the chosen service and country."""
    page.wait_for_function(
        "a => { const p = document.querySelector('#price'); return p && p.innerText.includes(a); }",
        arg=amount,
    )


def test_operator_sees_the_overview_and_uploads_a_csv(
    page: Any, site: Site, tmp_path: Path
) -> None:
    _console_login(page, site)
    assert page.url == f"{site.base}/console"
    assert page.inner_text("#operator") == f"user:{site.admin_user}"
    # The demo pool: 50 numbers per country and operator, all free at start.
    assert int(page.inner_text("#free-numbers")) >= 300
    table = page.inner_text("#availability")
    assert "tajikistan" in table and "indigo" in table
    assert page.locator("svg.chart").count() >= 2

    csv = tmp_path / "more.csv"
    csv.write_text(
        "number,country,provider\n"
        "992119990001,tajikistan,indigo\n"
        "992119990002,tajikistan,indigo\n"
        "12345,tajikistan,indigo\n"
    )
    page.goto(f"{site.base}/console/numbers")
    page.set_input_files("input[type=file]", str(csv))
    page.click("#import-form button[type=submit]")
    page.wait_for_selector("#import-summary")
    assert "added 2, skipped 0, invalid 1" in page.inner_text("#import-summary")
    assert "6-15 digits" in page.inner_text("#import-rows")
    page.goto(f"{site.base}/console/audit")
    assert "numbers.import" in page.inner_text("table")


def test_client_buys_a_number_sees_the_code_and_confirms(page: Any, site: Site) -> None:
    _portal_login(page, site)
    assert page.url == f"{site.base}/portal"
    before = page.inner_text("#balance")
    page.select_option("#service", "vi")
    page.wait_for_function("document.querySelector('#price') !== null")
    page.select_option("#country", "tajikistan")
    _wait_for_price(page, "0.05")
    assert int(page.inner_text("#available")) > 0
    page.click("#get-number")
    page.wait_for_url("**/portal/activations/**")
    number = page.inner_text("#number")
    assert number.startswith("+992")
    # The simulator sends the Viber SMS within a second; the page shows it by itself.
    page.wait_for_selector("#code", timeout=20_000)
    code = page.inner_text("#code")
    assert code.isdigit() and len(code) == 6
    assert page.inner_text("#balance") != before
    page.click("#confirm")
    page.wait_for_load_state()
    assert page.inner_text("#state") == "completed"
    page.goto(f"{site.base}/portal/history")
    assert number in page.inner_text("table")


def test_client_cancels_and_is_refunded(page: Any, site: Site) -> None:
    _portal_login(page, site)
    page.select_option("#service", "wa")
    _wait_for_price(page, "0.32")
    page.click("#get-number")
    page.wait_for_url("**/portal/activations/**")
    page.click("#cancel", timeout=5_000)
    page.wait_for_load_state()
    assert "0.32 USD refunded" in page.inner_text("[role=status]")


def test_wrong_passwords_are_rejected(page: Any, site: Site) -> None:
    _console_login(page, site, password="definitely-not-it")
    assert "/console/login" in page.url
    assert "wrong password" in page.inner_text("[role=alert]")
    _portal_login(page, site, password="definitely-not-it")
    assert "/portal/login" in page.url
    assert "wrong apiPassword" in page.inner_text("[role=alert]")


def test_non_admins_cannot_reach_the_console_or_the_admin_api(page: Any, site: Site) -> None:
    page.goto(f"{site.base}/console/clients")
    assert "/console/login" in page.url
    resp = page.goto(f"{site.base}/admin/v1/clients")
    assert resp.status == 401
    # A logged-in client is no operator.
    _portal_login(page, site)
    assert page.url == f"{site.base}/portal"
    page.goto(f"{site.base}/console")
    assert "/console/login" in page.url
    resp = page.goto(f"{site.base}/admin/v1/overview")
    assert resp.status == 401
    status = page.evaluate(
        "fetch('/admin/v1/clients', {credentials: 'include'}).then(r => r.status)"
    )
    assert status == 401

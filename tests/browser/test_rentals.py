"""A client rents a number in a real browser and sees an SMS arrive on the rental page."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest

from tests.browser.conftest import Site

pytestmark = pytest.mark.browser


def _portal_login(page: Any, site: Site) -> None:
    page.goto(f"{site.base}/portal/rentals")
    assert "/portal/login" in page.url
    page.fill("input[name=client_id]", site.server.client_id)
    page.fill("input[name=password]", site.server.password)
    page.click("button[type=submit]")
    page.wait_for_url("**/portal/rentals")


def _inject(site: Site, to: str, sender: str, text: str) -> None:
    """An SMS to the number, delivered as a gateway would (`otpvirt sms inject`)."""
    env = {**os.environ, "OTPVIRT_DATA_DIR": str(site.server.data_dir)}
    env.pop("OTPVIRT_DATABASE_URL", None)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "otpvirt",
            "sms",
            "inject",
            "--to",
            to,
            "--from",
            sender,
            "--text",
            text,
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )


def test_client_rents_a_number_and_sees_its_sms(page: Any, site: Site) -> None:
    _portal_login(page, site)
    before = page.inner_text("#balance")
    page.select_option("#rent-service", "tg")
    page.select_option("#rent-country", "tajikistan")
    page.fill("#hours", "6")
    page.dispatch_event("#hours", "change")
    # The demo rents Telegram in Tajikistan at 0.05 USD an hour: 6 h cost 0.30.
    page.wait_for_function(
        "() => { const t = document.querySelector('#total'); "
        "return t && t.innerText.includes('0.30 USD'); }"
    )
    assert page.inner_text("#hourly") == "0.05 USD"
    assert int(page.inner_text("#free")) > 0
    page.click("#rent-number")
    page.wait_for_url("**/portal/rentals/*-*")
    assert "0.30 USD charged" in page.inner_text("[role=status]")
    assert page.inner_text("#balance") != before
    number = page.inner_text("#number")
    assert number.startswith("+992")
    assert page.is_visible("#waiting")

    _inject(site, number.lstrip("+"), "Telegram", "Telegram code: 31415. Do not share it.")
    # The page polls by itself: the SMS and its code appear without a reload.
    page.wait_for_selector("#rent-sms", timeout=20_000)
    assert page.inner_text("#rent-sms td.code") == "31415"
    assert "Telegram" in page.inner_text("#rent-sms")
    assert page.inner_text("#sms-count") == "1"
    # After an SMS the cancel window is closed for this rental: finishing ends it.
    page.click("#finish")
    page.wait_for_load_state()
    assert page.inner_text("#state") == "finished"

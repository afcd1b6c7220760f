"""Browser tests: the system Chromium (Debian `chromium`) driven by Playwright against a
real `otpvirt serve --demo`. No browser is ever downloaded.

Without Chromium the tests are skipped locally and fail in CI (`CI=true`), where
`.ci/run` installs it.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.support.server import Server, start_server, stop_server

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    """The system Chromium, or skip (fail in CI)."""
    found = os.environ.get("OTPVIRT_CHROMIUM") or shutil.which("chromium")
    if found is None and os.path.exists("/usr/bin/chromium"):
        found = "/usr/bin/chromium"
    if found is None:
        msg = "Chromium not found: install Debian's `chromium` (apt-get install -y chromium)"
        if IN_CI:
            pytest.fail(msg)
        pytest.skip(msg)
    return found


@dataclass
class Site:
    server: Server
    admin_user: str
    admin_password: str

    @property
    def base(self) -> str:
        return self.server.base


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    chromium_path()
    data = tmp_path_factory.mktemp("browser")
    server = start_server(data, env={"OTPVIRT_SIMULATOR_DELAY": "0.3-1"})
    admin = json.loads((data / "demo-admin.json").read_text())
    yield Site(server, admin["username"], admin["password"])
    stop_server(server)


@pytest.fixture(scope="module")
def browser(site: Site) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    # Playwright gives every launch a fresh temporary profile (--user-data-dir).
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh browser context (no cookies) and page per test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    context.set_default_timeout(15_000)
    pg = context.new_page()
    yield pg
    context.close()

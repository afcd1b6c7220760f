"""`create_app(settings)`: the ASGI application, with no import-time globals."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import ClientDisconnect
from starlette.staticfiles import StaticFiles

from otpvirt import __version__, adapters  # noqa: F401  (registers the supplier adapters)
from otpvirt.admin import endpoints as admin_endpoints
from otpvirt.admin import pool_endpoints as admin_pool_endpoints
from otpvirt.admin import rent_endpoints as admin_rent_endpoints
from otpvirt.config import Settings
from otpvirt.console import actions as console_actions
from otpvirt.console import client_settings as console_client_settings
from otpvirt.console import endpoints as console_endpoints
from otpvirt.console import login as console_login
from otpvirt.console import rentals as console_rentals
from otpvirt.errors import OtpVirtError, RateLimited
from otpvirt.gateway import endpoints as gateway_endpoints
from otpvirt.longpoll.hub import answer_on_signal, close_hub
from otpvirt.native import endpoints as native_endpoints
from otpvirt.native import rent_endpoints as rental_endpoints
from otpvirt.observability import health
from otpvirt.observability.requests import RequestContext
from otpvirt.portal import client_settings as portal_client_settings
from otpvirt.portal import endpoints as portal_endpoints
from otpvirt.portal import rentals as portal_rentals
from otpvirt.runtime import Runtime
from otpvirt.smsactivate import endpoints as smsactivate_endpoints
from otpvirt.smshub import endpoints as smshub_endpoints
from otpvirt.web import errors, openapi, pages, throttle
from otpvirt.web.fastpath import OtpVirtApp
from otpvirt.web.sessions import CsrfFailed
from otpvirt.web.templating import STATIC
from otpvirt.worker.runner import Worker

log = logging.getLogger("otpvirt")

DESCRIPTION = """Rent phone numbers to receive one-time codes by SMS.

Every method is `POST /native/<Method>` with a JSON body (optionally gzip-compressed)
and is answered with HTTP 200 and `{"status": 2, "error": 0, ...}` on success or
`{"status": 4, "error": N, "reason": ..., "message": ...}` on failure."""


def create_app(
    settings: Settings | None = None, *, runtime: Runtime | None = None, worker: bool = False
) -> FastAPI:
    """Build the app; it opens (or adopts) a runtime and optionally runs the worker."""
    settings = settings or (runtime.settings if runtime else Settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        rt = runtime or Runtime.open(settings)
        app.state.runtime = rt
        background = Worker(rt) if worker else None
        if background:
            background.start()
        # Everything imported and built so far lives as long as the process: keep it
        # out of the collector's full passes, which otherwise stall every request in
        # flight for tens of milliseconds (the p99 under many connections).
        gc.collect()
        gc.freeze()
        try:
            # A stop signal answers held GetSms first (the server waits for them).
            with answer_on_signal(rt):
                yield
        finally:
            close_hub(rt)
            if background:
                await background.stop()
            if runtime is None:
                await rt.close()

    app = OtpVirtApp(
        title="otpvirt — OTP-virt API",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        # Served by openapi.install: the admin part only to admins.
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
    )
    if runtime is not None:
        app.state.runtime = runtime
    # The API requires gzip whenever the client accepts it, however small the body.
    app.add_middleware(GZipMiddleware, minimum_size=0, compresslevel=5)
    # Console and portal requests per address, before routing (inside RequestContext,
    # so refusals are counted and carry a request id).
    app.add_middleware(throttle.AddressThrottle)
    # Request ids and per-area metrics for everything the fast path does not serve.
    app.add_middleware(RequestContext)
    # The hot native methods skip FastAPI's call, router and the middleware above.
    app.fast_endpoints = {**native_endpoints.ENDPOINTS, **rental_endpoints.ENDPOINTS}
    app.include_router(native_endpoints.router)
    app.include_router(rental_endpoints.router)
    app.include_router(gateway_endpoints.router)
    app.include_router(smsactivate_endpoints.router)
    app.include_router(smshub_endpoints.router)
    app.include_router(admin_endpoints.router)
    app.include_router(admin_pool_endpoints.router)
    app.include_router(admin_rent_endpoints.router)
    app.include_router(health.router)
    app.include_router(console_login.router)
    app.include_router(console_endpoints.router)
    app.include_router(console_actions.router)
    app.include_router(console_client_settings.router)
    app.include_router(console_rentals.router)
    app.include_router(portal_endpoints.router)
    app.include_router(portal_client_settings.router)
    app.include_router(portal_rentals.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(pages.LoginRequired, pages.login_redirect)  # type: ignore[arg-type]
    app.add_exception_handler(CsrfFailed, pages.csrf_refused)  # type: ignore[arg-type]
    app.add_exception_handler(RateLimited, throttle.rate_limited)  # type: ignore[arg-type]
    # Whatever escapes an endpoint is the caller's error (a page on the console and
    # portal, JSON elsewhere) or a caller that left; never a 500 with a traceback.
    app.add_exception_handler(OtpVirtError, errors.project_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, errors.bad_parameters)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, errors.http_error)  # type: ignore[arg-type]
    app.add_exception_handler(ClientDisconnect, errors.client_gone)  # type: ignore[arg-type]
    openapi.install(
        app,
        [
            *native_endpoints.OPENAPI_MODELS,
            *rental_endpoints.OPENAPI_MODELS,
            gateway_endpoints.GatewaySms,
        ],
        admin_endpoints.operator,
    )
    return app


def app_from_environment() -> FastAPI:
    """App factory for `serve --workers N`: settings from `OTPVIRT_*`, no worker."""
    from otpvirt.observability import logs

    settings = Settings()
    logs.configure(settings.log_level, json_lines=settings.json_logs)
    return create_app(settings)

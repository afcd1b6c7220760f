"""`/stubs/handler_api.php`: the sms-activate protocol beside the native API."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from otpvirt.clients.service import AuthClient, authenticate_api_key
from otpvirt.runtime import Runtime
from otpvirt.smsactivate import history, listing, multi, rent, reuse, service
from otpvirt.smsactivate.schemas import DialectError, Params
from otpvirt.smsactivate.wire import dialect, json_answer, read_params, text

router = APIRouter(tags=["sms-activate protocol"])

Action = Callable[[Runtime, AuthClient, Params], Awaitable[service.Answer]]

ACTIONS: dict[str, Action] = {
    "getBalance": service.get_balance,
    "getBalanceAndCashBack": service.get_balance,
    "getNumber": service.get_number,
    "getNumberV2": service.get_number_v2,
    "getStatus": service.get_status,
    "getStatusV2": service.get_status_v2,
    "getFullSms": service.get_full_sms,
    "setStatus": service.set_status,
    "getActiveActivations": service.get_active_activations,
    "getNumbersStatus": listing.get_numbers_status,
    "getPrices": listing.get_prices,
    "getCountries": listing.get_countries,
    "getOperators": listing.get_operators,
    "getServicesList": listing.get_services_list,
    **rent.ACTIONS,
    "getHistory": history.get_history,
    "checkExtraActivation": reuse.check_extra_activation,
    "getExtraActivation": reuse.get_extra_activation,
    "getTopCountriesByService": history.get_top_countries,
    "getListOfTopCountriesByService": history.get_list_of_top_countries,
    "getMultiServiceNumber": multi.get_multi_service_number,
}
# Action names are matched without regard to case.
_BY_NAME = {name.lower(): fn for name, fn in ACTIONS.items()}


@dialect
async def handler_api(request: Request) -> Response:
    """The sms-activate `handler_api.php`: `api_key` + `action` (+ the action's parameters)."""
    rt: Runtime = request.app.state.runtime
    params = await read_params(request, rt.settings)
    action = _BY_NAME.get((params.get("action") or "").strip().lower())
    if action is None:
        raise DialectError("BAD_ACTION")
    client = await authenticate_api_key(rt.db, (params.get("api_key") or "").strip())
    await rt.limiter.check(f"client:{client.id}")
    answer = await action(rt, client, params)
    return text(answer) if isinstance(answer, str) else json_answer(answer)


_DOC = {
    "parameters": [
        {"name": "api_key", "in": "query", "required": True, "schema": {"type": "string"}},
        {
            "name": "action",
            "in": "query",
            "required": True,
            "schema": {"type": "string", "enum": list(ACTIONS)},
        },
    ],
    "responses": {
        "200": {
            "description": "Always HTTP 200: a plain-text token (`ACCESS_NUMBER:<id>:<phone>`, "
            "`STATUS_OK:<code>`, `NO_NUMBERS`, `BAD_KEY`, ...) or, for the list and V2 "
            "actions, a JSON object.",
            "content": {"text/plain": {"schema": {"type": "string"}}, "application/json": {}},
        }
    },
}

for _method in ("GET", "POST"):
    router.add_api_route(
        "/stubs/handler_api.php",
        handler_api,
        methods=[_method],
        name=f"handler_api_{_method.lower()}",
        operation_id=f"smsactivate_{_method.lower()}",
        summary="sms-activate compatible API",
        description="Parameters in the query string or a form body; see the README, "
        "'sms-activate compatibility'.",
        openapi_extra=_DOC,
    )

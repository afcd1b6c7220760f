"""OpenAPI helpers: our endpoints parse their own bodies (to bound and gunzip them
first), so their request models are declared to the document explicitly; and the
document a stranger sees leaves out the admin API (issue 15, item 10)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from otpvirt.errors import BadCredentials

_REF = "#/components/schemas/{model}"
_PREFIX = "#/components/schemas/"
ADMIN_PREFIX = "/admin/"
DOC_URL = "/openapi.json"


def body_of(request: type[BaseModel], response: type[BaseModel]) -> dict[str, Any]:
    """`openapi_extra` for a native method: its JSON (or gzip) body and its two answers."""
    extra = request.model_config.get("json_schema_extra")
    examples: list[Any] = extra.get("examples", []) if isinstance(extra, dict) else []  # type: ignore[assignment]
    return {
        "requestBody": {
            "required": True,
            "description": "JSON object, UTF-8; may be sent with `Content-Encoding: gzip`.",
            "content": {
                "application/json": {
                    "schema": {"$ref": _REF.format(model=request.__name__)},
                    **({"example": examples[0]} if examples else {}),
                }
            },
        },
        "responses": {
            "200": {
                "description": "Always HTTP 200: the success body (status 2), or the error "
                "envelope (status 4, error 1-4, with `reason` and `message`).",
                "content": {
                    "application/json": {
                        "schema": {
                            "anyOf": [
                                {"$ref": _REF.format(model=response.__name__)},
                                {"$ref": _REF.format(model="ErrorResponse")},
                            ]
                        }
                    }
                },
            }
        },
    }


def install(
    app: FastAPI,
    models: list[type[BaseModel]],
    admin_check: Callable[[Request], Awaitable[object]],
) -> None:
    """Add models the routes do not declare themselves to the document's components.

    `admin_check` raises BadCredentials unless the request carries an admin token: only
    then is the admin API part of the served document.
    """
    base = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _with_models(base(), models)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    public: dict[str, Any] = {}

    async def document(request: Request) -> Response:
        """The public document; the whole one for a valid admin token."""
        if request.headers.get("authorization"):
            try:
                await admin_check(request)
            except BadCredentials as exc:
                return JSONResponse({"error": exc.reason, "message": exc.message}, status_code=401)
            return JSONResponse(app.openapi())
        if not public:
            public.update(public_document(app.openapi(), [m.__name__ for m in models]))
        return JSONResponse(public)

    async def swagger(request: Request) -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=DOC_URL, title=f"{app.title} - Swagger UI")

    async def redoc(request: Request) -> HTMLResponse:
        return get_redoc_html(openapi_url=DOC_URL, title=f"{app.title} - ReDoc")

    app.add_route(DOC_URL, document, include_in_schema=False)
    app.add_route("/docs", swagger, include_in_schema=False)
    app.add_route("/redoc", redoc, include_in_schema=False)


def _with_models(doc: dict[str, Any], models: list[type[BaseModel]]) -> dict[str, Any]:
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for model in models:
        schema = model.model_json_schema(ref_template=_REF)
        for name, sub in schema.pop("$defs", {}).items():
            schemas.setdefault(name, sub)
        schemas[model.__name__] = schema
    return doc


def _refs(node: Any, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(_PREFIX):
            found.add(ref[len(_PREFIX) :])
        for value in node.values():
            _refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, found)


def public_document(doc: dict[str, Any], keep: list[str]) -> dict[str, Any]:
    """`doc` without the admin API's paths, tag and the schemas only they use."""
    out: dict[str, Any] = json.loads(json.dumps(doc))
    out["paths"] = {p: v for p, v in doc["paths"].items() if not p.startswith(ADMIN_PREFIX)}
    schemas = out.get("components", {}).get("schemas", {})
    wanted: set[str] = {name for name in keep if name in schemas}
    _refs(out["paths"], wanted)
    todo = list(wanted)
    while todo:
        found: set[str] = set()
        _refs(schemas.get(todo.pop(), {}), found)
        todo += [name for name in found - wanted]
        wanted |= found
    if schemas:
        out["components"]["schemas"] = {k: v for k, v in schemas.items() if k in wanted}
    if "tags" in out:
        out["tags"] = [t for t in out["tags"] if t.get("name") != "admin API"]
    return out

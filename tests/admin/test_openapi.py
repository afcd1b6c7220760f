"""Every admin route names its answer's schema in the OpenAPI document.

A route that returns a bare dict (or `Any`) shows clients nothing; one with a pydantic
response model shows the fields, in the order they are sent.
"""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import APIRouter, FastAPI

from otpvirt.admin.schemas import ClientEnabled

PREFIX = "/admin/v1"


def _named(schema: dict[str, Any], components: dict[str, Any]) -> bool:
    """A `$ref` to a component schema, or an array of them."""
    if schema.get("type") == "array":
        schema = schema.get("items", {})
    ref = schema.get("$ref", "")
    return ref.startswith("#/components/schemas/") and ref.rsplit("/", 1)[1] in components


def unnamed_answers(doc: dict[str, Any]) -> list[str]:
    """`METHOD path` of every admin operation whose success answer names no schema."""
    components = doc.get("components", {}).get("schemas", {})
    bad = []
    for path, ops in doc["paths"].items():
        if not path.startswith(PREFIX):
            continue
        for method, op in ops.items():
            ok = [r for code, r in op.get("responses", {}).items() if code.startswith("2")]
            schemas = [r.get("content", {}).get("application/json", {}).get("schema") for r in ok]
            if not schemas or not all(s and _named(s, components) for s in schemas):
                bad.append(f"{method.upper()} {path}")
    return bad


async def test_every_admin_route_names_its_response_schema(admin: httpx.AsyncClient) -> None:
    doc = (await admin.get("/openapi.json")).json()  # the whole document: admins only
    admin_ops = [p for p in doc["paths"] if p.startswith(PREFIX)]
    assert len(admin_ops) >= 35, admin_ops
    assert unnamed_answers(doc) == []


def test_the_check_catches_a_route_without_a_model() -> None:
    router = APIRouter(prefix=PREFIX)

    @router.get("/typed")
    async def typed() -> ClientEnabled:
        return ClientEnabled(clientId="x", enabled=True)

    @router.get("/listed")
    async def listed() -> list[ClientEnabled]:
        return []

    @router.get("/loose")
    async def loose() -> dict[str, Any]:
        return {}

    @router.post("/untyped")
    async def untyped() -> Any:
        return {}

    app = FastAPI()
    app.include_router(router)
    assert unnamed_answers(app.openapi()) == [f"GET {PREFIX}/loose", f"POST {PREFIX}/untyped"]

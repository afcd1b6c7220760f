"""OpenAPI helpers: our endpoints parse their own bodies (to bound and gunzip them
first), so their request models are declared to the document explicitly."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel

_REF = "#/components/schemas/{model}"


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


def install(app: FastAPI, models: list[type[BaseModel]]) -> None:
    """Add models the routes do not declare themselves to the document's components."""
    base = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        doc = base()
        schemas = doc.setdefault("components", {}).setdefault("schemas", {})
        for model in models:
            schema = model.model_json_schema(ref_template=_REF)
            for name, sub in schema.pop("$defs", {}).items():
                schemas.setdefault(name, sub)
            schemas[model.__name__] = schema
        app.openapi_schema = doc
        return doc

    app.openapi = openapi  # type: ignore[method-assign]

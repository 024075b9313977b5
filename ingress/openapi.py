"""The OpenAPI document, with the registration request's schema added by hand.

The body is read raw (to bound its size before parsing), so FastAPI cannot infer its schema.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from contracts.registrations import RegistrationRequest
from ingress.responses import ErrorBody

REF_TEMPLATE = "#/components/schemas/{model}"

REFUSALS: dict[int | str, dict[str, Any]] = {
    HTTPStatus.BAD_REQUEST: {"model": ErrorBody, "description": "Malformed JSON or header"},
    HTTPStatus.UNAUTHORIZED: {
        "model": ErrorBody,
        "description": "No valid API key: send `Authorization: Bearer <token>`",
    },
    HTTPStatus.NOT_FOUND: {"model": ErrorBody, "description": "Unknown registration"},
    HTTPStatus.CONFLICT: {
        "model": ErrorBody,
        "description": "A request with this Idempotency-Key is still being handled",
    },
    HTTPStatus.REQUEST_ENTITY_TOO_LARGE: {"model": ErrorBody, "description": "Body too large"},
    HTTPStatus.UNPROCESSABLE_ENTITY: {
        "model": ErrorBody,
        "description": "Invalid fields, or an Idempotency-Key reused with another body",
    },
    HTTPStatus.SERVICE_UNAVAILABLE: {
        "model": ErrorBody,
        "description": "The broker or the storage is unavailable; see Retry-After",
    },
}


def registration_request_body() -> dict[str, Any]:
    reference = {"$ref": REF_TEMPLATE.format(model=RegistrationRequest.__name__)}
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": reference}},
        }
    }


def install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                routes=app.routes,
            )
            schema = RegistrationRequest.model_json_schema(ref_template=REF_TEMPLATE)
            components = document.setdefault("components", {}).setdefault("schemas", {})
            for name, definition in schema.pop("$defs", {}).items():
                components.setdefault(name, definition)
            components[RegistrationRequest.__name__] = schema
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

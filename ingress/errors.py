"""Refusals of the ingress itself, and how every error becomes an HTTP answer.

Every refusal is an RFC 9457 ``application/problem+json`` body. Services raise one of four
categories; this is the one place that maps them to status codes: validation and dependency
validation 422 with field errors (404 for ``NotFound…``, 409 for ``AlreadyExists…`` and a key
still in flight), dependency 503 with ``Retry-After``, service 500 with a generic message (the
details go to the log, not the client). No driver's message is ever part of an answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from brokers.loggings import LoggingBroker, redacted_traceback
from contracts.errors import CategorizedError, ErrorCategory
from ingress.responses import PROBLEM_CONTENT_TYPE, ErrorBody, FieldError

RETRY_AFTER_SECONDS = 5
CLIENT_CATEGORIES = (ErrorCategory.VALIDATION, ErrorCategory.DEPENDENCY_VALIDATION)
# Localized errors by the start of their name, for those that are not a 422.
STATUS_BY_ERROR_PREFIX = (
    ("NotFound", HTTPStatus.NOT_FOUND),
    ("AlreadyExists", HTTPStatus.CONFLICT),
    ("InFlight", HTTPStatus.CONFLICT),
)
BEARER_CHALLENGE = {"WWW-Authenticate": "Bearer"}


class IngressError(Exception):
    """A request the ingress refuses before any service sees it."""

    status_code: int = HTTPStatus.BAD_REQUEST
    headers: Mapping[str, str] | None = None

    def __init__(self, detail: str, errors: Sequence[FieldError] = ()) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = list(errors)


class BodyTooLargeError(IngressError):
    status_code = HTTPStatus.REQUEST_ENTITY_TOO_LARGE

    def __init__(self, limit: int) -> None:
        super().__init__(f"The request body must not exceed {limit} bytes.")


class MalformedBodyError(IngressError):
    def __init__(self) -> None:
        super().__init__("The request body is not valid JSON.")


class InvalidIdempotencyKeyError(IngressError):
    def __init__(self, max_length: int) -> None:
        super().__init__(
            f"The Idempotency-Key header must be 1 to {max_length} printable characters.",
            [FieldError(location="header.Idempotency-Key", message="Key is not valid.")],
        )


class InvalidRegistrationRequestError(IngressError):
    status_code = HTTPStatus.UNPROCESSABLE_ENTITY

    def __init__(self, errors: Sequence[FieldError]) -> None:
        super().__init__("The registration request has invalid fields.", errors)


class UnauthenticatedError(IngressError):
    status_code = HTTPStatus.UNAUTHORIZED
    headers = BEARER_CHALLENGE

    def __init__(self) -> None:
        super().__init__(
            "Send an API key as a bearer token: Authorization: Bearer <token>. "
            "The token is missing, invalid or revoked."
        )


def field_errors_of(details: Iterable[Mapping[str, Any]], *root: str) -> list[FieldError]:
    """Pydantic's errors as ``location`` + ``message``, never echoing the input back."""
    return [
        FieldError(
            location=".".join([*root, *(str(part) for part in detail["loc"])]),
            message=detail["msg"],
        )
        for detail in details
    ]


def error_response(
    status_code: int,
    detail: str,
    errors: Sequence[FieldError] = (),
    headers: Mapping[str, str] | None = None,
    instance: str | None = None,
) -> JSONResponse:
    body = ErrorBody(
        title=HTTPStatus(status_code).phrase,
        status=status_code,
        detail=detail,
        instance=instance,
        errors=list(errors),
    )
    # The field list is for invalid input (and a refused header); other problems carry none.
    listed = errors or status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    return JSONResponse(
        body.model_dump(exclude_none=True, exclude=None if listed else {"errors"}),
        status_code=status_code,
        headers=headers,
        media_type=PROBLEM_CONTENT_TYPE,
    )


def categorized_response(
    error: CategorizedError, logging_broker: LoggingBroker, instance: str | None = None
) -> JSONResponse:
    inner = error.inner_error
    kind = type(inner).__name__
    if error.category in CLIENT_CATEGORIES:
        # Downstream refusals reach an orchestration's caller as dependency validation: a
        # registration the ledger does not hold is as much a 404 as one the service rejects.
        for prefix, status in STATUS_BY_ERROR_PREFIX:
            if kind.startswith(prefix):
                return error_response(status, inner.message, instance=instance)
        fields = [
            FieldError(location=location_of(key), message=message)
            for key, messages in inner.errors.items()
            for message in messages
        ]
        return error_response(
            HTTPStatus.UNPROCESSABLE_ENTITY, inner.message, fields, instance=instance
        )
    if error.category is ErrorCategory.DEPENDENCY:
        logging_broker.warning(
            "dependency unavailable",
            error_type=type(error).__name__,
            inner_error_type=kind,
            error=str(error),
            retry_after_s=RETRY_AFTER_SECONDS,
        )
        return error_response(
            HTTPStatus.SERVICE_UNAVAILABLE,
            "A backing service is unavailable; try again later.",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            instance=instance,
        )
    # The services below logged it only at debug: this is the one line, with where it failed.
    logging_broker.error(
        "request failed",
        error_type=type(error).__name__,
        category=error.category.value,
        traceback=redacted_traceback(error),
    )
    return internal_error_response(instance)


def location_of(key: str) -> str:
    return f"header.{key}" if key == "Idempotency-Key" else f"body.{key}"


def internal_error_response(instance: str | None = None) -> JSONResponse:
    return error_response(
        HTTPStatus.INTERNAL_SERVER_ERROR, "The request could not be handled.", instance=instance
    )


def install_error_handlers(app: FastAPI, logging_broker: LoggingBroker) -> None:
    async def on_ingress_error(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, IngressError)  # noqa: S101 - registered for this type only
        return error_response(
            error.status_code, error.detail, error.errors, error.headers, request.url.path
        )

    async def on_request_validation_error(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)  # noqa: S101
        fields = field_errors_of(error.errors())
        return error_response(
            HTTPStatus.UNPROCESSABLE_ENTITY,
            "The request is invalid.",
            fields,
            instance=request.url.path,
        )

    async def on_http_error(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, HTTPException)  # noqa: S101
        return error_response(
            error.status_code, str(error.detail), headers=error.headers, instance=request.url.path
        )

    async def on_categorized_error(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, CategorizedError)  # noqa: S101
        return categorized_response(error, logging_broker, request.url.path)

    async def on_unexpected_error(request: Request, error: Exception) -> JSONResponse:
        # The type only: an unexpected error's text may quote a driver or the request.
        logging_broker.error(
            "request failed unexpectedly",
            error_type=type(error).__name__,
            traceback=redacted_traceback(error),
        )
        return internal_error_response(request.url.path)

    app.add_exception_handler(IngressError, on_ingress_error)
    app.add_exception_handler(RequestValidationError, on_request_validation_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(CategorizedError, on_categorized_error)
    app.add_exception_handler(Exception, on_unexpected_error)

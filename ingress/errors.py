"""Refusals of the ingress itself, and how every error becomes an HTTP answer.

Services raise one of four categories; this is the one place that maps them to status codes:
validation and dependency validation 422 with field errors (404 for ``NotFound…``, 409 for
``AlreadyExists…``), dependency 503 with ``Retry-After``, service 500 with a generic message
(the details go to the log, not the client).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from brokers.loggings import LoggingBroker
from contracts.errors import CategorizedError, ErrorCategory
from ingress.responses import ErrorBody, FieldError

RETRY_AFTER_SECONDS = 5
CLIENT_CATEGORIES = (ErrorCategory.VALIDATION, ErrorCategory.DEPENDENCY_VALIDATION)


class IngressError(Exception):
    """A request the ingress refuses before any service sees it."""

    status_code: int = HTTPStatus.BAD_REQUEST
    title: str = "bad request"

    def __init__(self, detail: str, errors: Sequence[FieldError] = ()) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = list(errors)


class BodyTooLargeError(IngressError):
    status_code = HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    title = "request body too large"

    def __init__(self, limit: int) -> None:
        super().__init__(f"the request body must not exceed {limit} bytes")


class MalformedBodyError(IngressError):
    title = "malformed JSON"

    def __init__(self, reason: str) -> None:
        super().__init__(f"the request body is not valid JSON: {reason}")


class InvalidIdempotencyKeyError(IngressError):
    title = "invalid Idempotency-Key"

    def __init__(self, max_length: int) -> None:
        super().__init__(f"the Idempotency-Key header must be 1 to {max_length} characters long")


class InvalidRegistrationRequestError(IngressError):
    status_code = HTTPStatus.UNPROCESSABLE_ENTITY
    title = "invalid registration request"

    def __init__(self, errors: Sequence[FieldError]) -> None:
        super().__init__("the registration request has invalid fields", errors)


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
) -> JSONResponse:
    body = ErrorBody(title=HTTPStatus(status_code).phrase, detail=detail, errors=list(errors))
    return JSONResponse(body.model_dump(), status_code=status_code, headers=headers)


def categorized_response(error: CategorizedError, logging_broker: LoggingBroker) -> JSONResponse:
    inner = error.inner_error
    kind = type(inner).__name__
    if error.category in CLIENT_CATEGORIES:
        # Downstream refusals reach an orchestration's caller as dependency validation: a
        # registration the ledger does not hold is as much a 404 as one the service rejects.
        if kind.startswith("NotFound"):
            return error_response(HTTPStatus.NOT_FOUND, inner.message)
        if kind.startswith("AlreadyExists"):
            return error_response(HTTPStatus.CONFLICT, inner.message)
        fields = [
            FieldError(location=f"body.{key}", message=message)
            for key, messages in inner.errors.items()
            for message in messages
        ]
        return error_response(HTTPStatus.UNPROCESSABLE_ENTITY, inner.message, fields)
    # By the root cause: a bug below reaches the orchestration as a dependency error too.
    if error.root_category is ErrorCategory.DEPENDENCY:
        logging_broker.warning("dependency unavailable", error=str(error))
        return error_response(
            HTTPStatus.SERVICE_UNAVAILABLE,
            "a backing service is unavailable; try again later",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    # The service logged the details where it failed; this line ties them to the 500.
    logging_broker.error(
        "request failed", error_type=type(error).__name__, category=error.category.value
    )
    return internal_error_response()


def internal_error_response() -> JSONResponse:
    return error_response(HTTPStatus.INTERNAL_SERVER_ERROR, "the request could not be handled")


def install_error_handlers(app: FastAPI, logging_broker: LoggingBroker) -> None:
    async def on_ingress_error(_: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, IngressError)  # noqa: S101 - registered for this type only
        return error_response(error.status_code, error.detail, error.errors)

    async def on_request_validation_error(_: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)  # noqa: S101
        fields = field_errors_of(error.errors())
        return error_response(HTTPStatus.UNPROCESSABLE_ENTITY, "the request is invalid", fields)

    async def on_http_error(_: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, HTTPException)  # noqa: S101
        return error_response(error.status_code, str(error.detail), headers=error.headers)

    async def on_categorized_error(_: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, CategorizedError)  # noqa: S101
        return categorized_response(error, logging_broker)

    async def on_unexpected_error(_: Request, error: Exception) -> JSONResponse:
        # A LoggingBroker, not a stdlib logger: ``exception`` takes the error explicitly.
        logging_broker.exception("request failed unexpectedly", error)  # noqa: LOG004, PLE1205
        return internal_error_response()

    app.add_exception_handler(IngressError, on_ingress_error)
    app.add_exception_handler(RequestValidationError, on_request_validation_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(CategorizedError, on_categorized_error)
    app.add_exception_handler(Exception, on_unexpected_error)

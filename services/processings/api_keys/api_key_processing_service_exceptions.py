from __future__ import annotations

from contracts.api_keys.exceptions.processings import (
    ApiKeyProcessingDependencyError,
    ApiKeyProcessingDependencyValidationError,
    ApiKeyProcessingServiceError,
    ApiKeyProcessingValidationError,
    FailedApiKeyProcessingServiceError,
    InvalidApiKeyNameError,
    NotFoundApiKeyNameError,
    UnauthenticatedApiKeyError,
)
from services.try_catch import downstream_rules, try_catch

try_catch_api_key_processing = try_catch(
    downstream_rules(
        validation=ApiKeyProcessingValidationError,
        dependency_validation=ApiKeyProcessingDependencyValidationError,
        dependency=ApiKeyProcessingDependencyError,
        service=ApiKeyProcessingServiceError,
        failed_service=FailedApiKeyProcessingServiceError,
        own_validation_errors=(
            InvalidApiKeyNameError,
            NotFoundApiKeyNameError,
            UnauthenticatedApiKeyError,
        ),
    )
)

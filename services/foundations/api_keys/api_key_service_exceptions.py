from __future__ import annotations

from contracts.api_keys.exceptions.foundations import (
    AlreadyExistsApiKeyError,
    ApiKeyDependencyError,
    ApiKeyDependencyValidationError,
    ApiKeyServiceError,
    ApiKeyValidationError,
    FailedApiKeyServiceError,
    FailedApiKeyStorageError,
    InvalidApiKeyError,
    NotFoundApiKeyError,
)
from services.try_catch import storage_rules, try_catch

try_catch_api_key = try_catch(
    storage_rules(
        validation=ApiKeyValidationError,
        dependency_validation=ApiKeyDependencyValidationError,
        dependency=ApiKeyDependencyError,
        service=ApiKeyServiceError,
        own_validation_errors=(InvalidApiKeyError, NotFoundApiKeyError),
        already_exists=AlreadyExistsApiKeyError,
        failed_storage=FailedApiKeyStorageError,
        failed_service=FailedApiKeyServiceError,
    )
)

from __future__ import annotations

from contracts.immunizations.exceptions.foundations import (
    AlreadyExistsImmunizationError,
    FailedImmunizationServiceError,
    FailedImmunizationStorageError,
    ImmunizationDependencyError,
    ImmunizationDependencyValidationError,
    ImmunizationServiceError,
    ImmunizationValidationError,
    InvalidImmunizationError,
    NotFoundImmunizationError,
)
from services.try_catch import storage_rules, try_catch, try_catch_each

IMMUNIZATION_RULES = storage_rules(
    validation=ImmunizationValidationError,
    dependency_validation=ImmunizationDependencyValidationError,
    dependency=ImmunizationDependencyError,
    service=ImmunizationServiceError,
    own_validation_errors=(InvalidImmunizationError, NotFoundImmunizationError),
    already_exists=AlreadyExistsImmunizationError,
    failed_storage=FailedImmunizationStorageError,
    failed_service=FailedImmunizationServiceError,
)

try_catch_immunization = try_catch(IMMUNIZATION_RULES)
try_catch_each_immunization = try_catch_each(IMMUNIZATION_RULES)

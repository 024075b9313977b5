from __future__ import annotations

from contracts.immunizations.exceptions.processings import (
    ConflictingImmunizationError,
    FailedImmunizationProcessingServiceError,
    ImmunizationProcessingDependencyError,
    ImmunizationProcessingDependencyValidationError,
    ImmunizationProcessingServiceError,
    ImmunizationProcessingValidationError,
)
from services.try_catch import downstream_rules, try_catch, try_catch_each

IMMUNIZATION_PROCESSING_RULES = downstream_rules(
    validation=ImmunizationProcessingValidationError,
    dependency_validation=ImmunizationProcessingDependencyValidationError,
    dependency=ImmunizationProcessingDependencyError,
    service=ImmunizationProcessingServiceError,
    failed_service=FailedImmunizationProcessingServiceError,
    own_dependency_validation_errors=(ConflictingImmunizationError,),
)

try_catch_immunization_processing = try_catch(IMMUNIZATION_PROCESSING_RULES)
try_catch_each_immunization_processing = try_catch_each(IMMUNIZATION_PROCESSING_RULES)

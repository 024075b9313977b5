from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import TypeVar

from contracts.errors import CategorizedError, ErrorCategory
from contracts.registrations import Registration
from contracts.registrations.exceptions.orchestrations import (
    FailedRegistrationAcceptanceOrchestrationServiceError,
    InvalidRegistrationAcceptanceError,
    RegistrationAcceptanceOrchestrationDependencyError,
    RegistrationAcceptanceOrchestrationDependencyValidationError,
    RegistrationAcceptanceOrchestrationServiceError,
    RegistrationAcceptanceOrchestrationValidationError,
)
from services.try_catch import HasLoggingBroker, downstream_rules, try_catch

try_catch_registration_acceptance = try_catch(
    downstream_rules(
        validation=RegistrationAcceptanceOrchestrationValidationError,
        dependency_validation=RegistrationAcceptanceOrchestrationDependencyValidationError,
        dependency=RegistrationAcceptanceOrchestrationDependencyError,
        service=RegistrationAcceptanceOrchestrationServiceError,
        failed_service=FailedRegistrationAcceptanceOrchestrationServiceError,
        own_validation_errors=(InvalidRegistrationAcceptanceError,),
    )
)


S = TypeVar("S", bound=HasLoggingBroker)
RecordRegistration = Callable[[S, Registration], Awaitable[Registration]]


def record_best_effort(method: RecordRegistration[S]) -> RecordRegistration[S]:
    """A ledger write that cannot fail its caller: on error, log and return the entry unwritten.

    Used after a confirmed publish, when the registration is accepted whatever the ledger says.
    """

    @functools.wraps(method)
    async def wrapper(service: S, registration: Registration) -> Registration:
        try:
            return await method(service, registration)
        except CategorizedError as error:
            # The layers below logged the failure itself; here it is handled, hence a warning.
            service.logging_broker.warning(
                "registration accepted but not recorded; the registration worker records it",
                registration_id=registration.id,
                error_type=type(error).__name__,
                category=error.category.value,
                inner_error_type=type(error.inner_error).__name__,
                error=str(error),
            )
            return registration

    return wrapper


LookUpRegistration = Callable[[S, str], Awaitable[Registration | None]]


def look_up_best_effort(method: LookUpRegistration[S]) -> LookUpRegistration[S]:
    """A ledger lookup that an unavailable store cannot fail: it then finds nothing.

    Publishing a registration again is harmless (every id derives from the registration id),
    so while the store is away the ingress still accepts registrations onto the queue.
    """

    @functools.wraps(method)
    async def wrapper(service: S, registration_id: str) -> Registration | None:
        try:
            return await method(service, registration_id)
        except CategorizedError as error:
            if error.category is not ErrorCategory.DEPENDENCY:
                raise
            service.logging_broker.warning(
                "registration ledger unavailable; accepting without looking for a duplicate",
                registration_id=registration_id,
                error_type=type(error).__name__,
                category=error.category.value,
                inner_error_type=type(error.inner_error).__name__,
                error=str(error),
            )
            return None

    return wrapper

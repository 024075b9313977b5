from __future__ import annotations

from typing import Any

import pytest

from brokers.datetimes import DateTimeBroker
from brokers.identifiers import IdentifierBroker
from brokers.loggings import LoggingBroker
from brokers.queues import QueueBroker
from brokers.storages import MemoryStorageBroker, StorageBroker
from services.foundations.student_events import StudentEventService
from services.foundations.students import StudentService
from services.orchestrations.student_events import StudentEventOrchestrationService
from services.processings.student_events import StudentEventProcessingService
from services.processings.students import StudentProcessingService
from tests.unit.architecture.service_dependencies import (
    Layer,
    dependency_violations,
    find_misnamed_services,
    find_services,
    is_misnamed_service,
)

SERVICES = sorted(find_services(), key=lambda found: (found[1], found[0].__name__))


def test_should_find_the_services_of_every_lower_layer() -> None:
    # given
    expected_services = {
        (StudentService, "foundations"),
        (StudentEventService, "foundations"),
        (StudentProcessingService, "processings"),
        (StudentEventProcessingService, "processings"),
        (StudentEventOrchestrationService, "orchestrations"),
    }

    # when
    actual_services = set(SERVICES)

    # then
    assert expected_services <= actual_services


@pytest.mark.parametrize(
    ("service", "layer"), SERVICES, ids=[f"{layer}.{svc.__name__}" for svc, layer in SERVICES]
)
def test_should_keep_the_dependency_rules_of_its_layer(service: type, layer: Layer) -> None:
    # when
    actual_violations = dependency_violations(service, layer)

    # then
    assert actual_violations == []


# Deliberately bad services: the checker must report each rule they break.


class MixedOrchestrationService:
    def __init__(
        self,
        student_service: StudentService,
        student_processing_service: StudentProcessingService,
        queue_broker: QueueBroker,
        logging_broker: LoggingBroker,
    ) -> None: ...


class CrowdedOrchestrationService:
    def __init__(
        self,
        first: StudentProcessingService,
        second: StudentEventProcessingService,
        third: StudentProcessingService,
        fourth: StudentEventProcessingService,
        date_time_broker: DateTimeBroker,
    ) -> None: ...


class LonelyOrchestrationService:
    def __init__(
        self,
        student_processing_service: StudentProcessingService,
        logging_broker: LoggingBroker,
        identifier_broker: IdentifierBroker,
        date_time_broker: DateTimeBroker,
    ) -> None: ...


class ConcreteOrchestrationService:
    def __init__(
        self,
        student_processing_service: StudentProcessingService,
        student_event_processing_service: StudentEventProcessingService,
        storage_broker: MemoryStorageBroker,
    ) -> None: ...


class ProcessingCoordinationService:
    def __init__(
        self,
        student_processing_service: StudentProcessingService,
        student_event_processing_service: StudentEventProcessingService,
    ) -> None: ...


class TwoBrokerFoundationService:
    def __init__(
        self,
        storage_broker: StorageBroker,
        queue_broker: QueueBroker,
        logging_broker: LoggingBroker,
    ) -> None: ...


class ServiceFoundationService:
    def __init__(self, student_service: StudentService, logging_broker: LoggingBroker) -> None: ...


class BrokerProcessingService:
    def __init__(
        self,
        student_service: StudentService,
        student_event_service: StudentEventService,
        storage_broker: StorageBroker,
    ) -> None: ...


class UnannotatedProcessingService:
    def __init__(self, student_service, logging_broker: LoggingBroker) -> None:  # type: ignore[no-untyped-def]  # noqa: ANN001
        ...


class OpaqueProcessingService:
    def __init__(self, student_service: Any, logging_broker: LoggingBroker) -> None: ...


class ObjectFoundationService:
    def __init__(self, storage_broker: StorageBroker, clock: object) -> None: ...


BAD_SERVICES = [
    pytest.param(
        OpaqueProcessingService,
        "processings",
        ["student_service: typed Any", "not exactly one foundation service: []"],
        id="dependency-typed-any",
    ),
    pytest.param(
        ObjectFoundationService,
        "foundations",
        ["clock: typed Any"],
        id="dependency-typed-object",
    ),
    pytest.param(
        MixedOrchestrationService,
        "orchestrations",
        [
            "entity broker QueueBroker outside foundations",
            "Florance: mixes ['foundations', 'processings']",
        ],
        id="mixed-layers-and-entity-broker",
    ),
    pytest.param(
        CrowdedOrchestrationService,
        "orchestrations",
        ["Two-Three: 4 services"],
        id="too-many-services",
    ),
    pytest.param(
        LonelyOrchestrationService,
        "orchestrations",
        ["Two-Three: 1 services"],
        id="too-few-services",
    ),
    pytest.param(
        ConcreteOrchestrationService,
        "orchestrations",
        ["storage_broker: concrete broker MemoryStorageBroker"],
        id="concrete-broker",
    ),
    pytest.param(
        ProcessingCoordinationService,
        "coordinations",
        ["coordinations may not combine processings"],
        id="coordination-of-processings",
    ),
    pytest.param(
        TwoBrokerFoundationService,
        "foundations",
        ["not exactly one entity broker: ['StorageBroker', 'QueueBroker']"],
        id="foundation-with-two-entity-brokers",
    ),
    pytest.param(
        ServiceFoundationService,
        "foundations",
        [
            "not exactly one entity broker: []",
            "foundation depends on service StudentService",
        ],
        id="foundation-on-a-service",
    ),
    pytest.param(
        BrokerProcessingService,
        "processings",
        [
            "entity broker StorageBroker outside foundations",
            "not exactly one foundation service: ['StudentService', 'StudentEventService']",
        ],
        id="processing-on-two-foundations-and-a-broker",
    ),
    pytest.param(
        UnannotatedProcessingService,
        "processings",
        ["student_service: not annotated", "not exactly one foundation service: []"],
        id="unannotated-dependency",
    ),
]


@pytest.mark.parametrize(("bad_service", "layer", "expected_violations"), BAD_SERVICES)
def test_should_report_a_service_breaking_the_dependency_rules(
    bad_service: type, layer: Layer, expected_violations: list[str]
) -> None:
    # when
    actual_violations = dependency_violations(bad_service, layer)

    # then
    assert actual_violations == expected_violations


def test_should_name_every_service_a_service() -> None:
    # when
    actual_misnamed = list(find_misnamed_services())

    # then
    assert actual_misnamed == []


class StudentHelper:
    def __init__(self, student_service: StudentService) -> None: ...


class StudentStore:
    def __init__(self, storage_broker: StorageBroker, logging_broker: LoggingBroker) -> None: ...


class StudentPlan:
    def __init__(self, student_id: str, steps: list[str]) -> None: ...


class NoConstructor:
    pass


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        pytest.param(StudentHelper, True, id="on-a-service"),
        pytest.param(StudentStore, True, id="on-brokers"),
        pytest.param(StudentPlan, False, id="a-value"),
        pytest.param(NoConstructor, False, id="no-constructor"),
        pytest.param(StudentService, False, id="named-a-service"),
    ],
)
def test_should_tell_a_misnamed_service(candidate: type, *, expected: bool) -> None:
    # when
    actual = is_misnamed_service(candidate)

    # then
    assert actual is expected

"""The Standard's dependency rules, read from the annotations of each service's constructor.

Foundations sit on exactly one entity broker; processings on exactly one foundation;
orchestrations on two or three services of one lower layer (Florance, Two-Three); coordinations
on two or three orchestrations. Utility brokers (logging, date-time, identifiers, secrets,
metrics) never count, and only foundations may hold an entity broker. Concrete brokers belong
to composition roots.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import services
from brokers.datetimes import DateTimeBroker
from brokers.identifiers import IdentifierBroker
from brokers.loggings import LoggingBroker
from brokers.metrics import MetricsBroker
from brokers.secrets import SecretBroker

Layer = Literal["foundations", "processings", "orchestrations", "coordinations"]
LAYERS: tuple[Layer, ...] = ("foundations", "processings", "orchestrations", "coordinations")
Kind = Literal["utility broker", "entity broker", "concrete broker", "service", "other"]

UTILITY_BROKERS: frozenset[type] = frozenset(
    {LoggingBroker, DateTimeBroker, IdentifierBroker, SecretBroker, MetricsBroker}
)

# The layers whose services an orchestration or a coordination may combine (one of them only).
COMBINED_LAYERS: dict[Layer, frozenset[Layer]] = {
    "orchestrations": frozenset({"foundations", "processings"}),
    "coordinations": frozenset({"orchestrations"}),
}
# A dependency typed so that it could be anything: the rules cannot see what it is.
OPAQUE = "Any"
FEWEST_COMBINED = 2
MOST_COMBINED = 3


@dataclass(frozen=True, slots=True)
class Dependency:
    name: str
    kind: Kind
    type_name: str
    layer: Layer | None = None


def import_service_modules() -> list[types.ModuleType]:
    return [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(services.__path__, f"{services.__name__}.")
    ]


def layer_of(module_name: str) -> Layer | None:
    """``foundations`` for ``services.foundations.students.student_service``, and so on."""
    root, _, rest = module_name.partition(".")
    if root != services.__name__:
        return None
    return next((layer for layer in LAYERS if rest.split(".")[0] == layer), None)


def find_services() -> Iterator[tuple[type, Layer]]:
    """Every ``…Service`` class defined under ``services/<layer>/``, with its layer."""
    for module in import_service_modules():
        layer = layer_of(module.__name__)
        if layer is None:
            continue
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and value.__module__ == module.__name__
                and value.__name__.endswith("Service")
                and not is_protocol(value)
            ):
                yield value, layer


def find_misnamed_services() -> Iterator[type]:
    """Classes under ``services/<layer>/`` built on brokers or services but not named ``…Service``.

    The dependency rules find services by name, so a misnamed one would escape them.
    """
    for module in import_service_modules():
        if layer_of(module.__name__) is None:
            continue
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and value.__module__ == module.__name__
                and is_misnamed_service(value)
            ):
                yield value


def is_misnamed_service(value: type) -> bool:
    if value.__name__.endswith("Service") or is_protocol(value) or issubclass(value, Exception):
        return False
    if value.__init__ is object.__init__:
        return False
    return any(d.kind != "other" for d in dependencies_of(value))


def is_protocol(value: type) -> bool:
    return bool(getattr(value, "_is_protocol", False))


def dependencies_of(service: type) -> list[Dependency]:
    """The constructor's parameters, each classified by its annotated type."""
    parameters = inspect.signature(service, eval_str=True).parameters.values()
    return [
        dependency
        for parameter in parameters
        for dependency in classify(parameter.name, parameter.annotation)
    ]


def classify(name: str, annotation: object) -> list[Dependency]:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return [
            dependency
            for argument in typing.get_args(annotation)
            if argument is not type(None)
            for dependency in classify(name, argument)
        ]
    if annotation is typing.Any or annotation is object:
        return [Dependency(name, "other", OPAQUE)]
    if annotation is inspect.Parameter.empty or not inspect.isclass(annotation):
        return [Dependency(name, "other", repr(annotation))]
    return [
        Dependency(name, kind_of(annotation), annotation.__name__, layer_of(annotation.__module__))
    ]


def kind_of(annotation: type) -> Kind:
    if annotation.__module__.split(".")[0] == "brokers":
        if annotation in UTILITY_BROKERS:
            return "utility broker"
        return "entity broker" if is_protocol(annotation) else "concrete broker"
    return "service" if layer_of(annotation.__module__) else "other"


def dependency_violations(service: type, layer: Layer) -> list[str]:
    """What ``service``, a service of ``layer``, breaks; empty when it keeps every rule."""
    dependencies = dependencies_of(service)
    violations = [
        f"{d.name}: concrete broker {d.type_name}"
        for d in dependencies
        if d.kind == "concrete broker"
    ]
    violations += [f"{d.name}: typed {OPAQUE}" for d in dependencies if d.type_name == OPAQUE]
    violations += [
        f"{d.name}: not annotated"
        for d in dependencies
        if d.type_name == repr(inspect.Parameter.empty)
    ]
    entity_brokers = [d.type_name for d in dependencies if d.kind == "entity broker"]
    lower_services = [d for d in dependencies if d.kind == "service"]
    if layer == "foundations":
        return violations + foundation_violations(entity_brokers, lower_services)
    violations += [f"entity broker {name} outside foundations" for name in entity_brokers]
    if layer == "processings":
        return violations + processing_violations(lower_services)
    return violations + combination_violations(layer, lower_services)


def foundation_violations(entity_brokers: list[str], lower_services: list[Dependency]) -> list[str]:
    violations = []
    if len(entity_brokers) != 1:
        violations.append(f"not exactly one entity broker: {entity_brokers}")
    violations += [f"foundation depends on service {d.type_name}" for d in lower_services]
    return violations


def processing_violations(lower_services: list[Dependency]) -> list[str]:
    if [d.layer for d in lower_services] == ["foundations"]:
        return []
    return [f"not exactly one foundation service: {[d.type_name for d in lower_services]}"]


def combination_violations(layer: Layer, lower_services: list[Dependency]) -> list[str]:
    violations = []
    if not FEWEST_COMBINED <= len(lower_services) <= MOST_COMBINED:
        violations.append(f"Two-Three: {len(lower_services)} services")
    layers = sorted({d.layer for d in lower_services if d.layer is not None})
    if len(layers) > 1:
        violations.append(f"Florance: mixes {layers}")
    allowed = COMBINED_LAYERS[layer]
    violations += [f"{layer} may not combine {other}" for other in layers if other not in allowed]
    return violations

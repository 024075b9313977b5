"""The one place services catch: map whatever a call raised to the service's own category."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

from brokers.loggings import LoggingBroker
from brokers.storages.errors import (
    STORAGE_UNAVAILABLE_ERRORS,
    DuplicateKeyError,
    OperationFailure,
    duplicate_key_of,
    is_failover_error,
    storage_failure_of,
)
from contracts.errors import (
    CategorizedError,
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class HasLoggingBroker(Protocol):
    @property
    def logging_broker(self) -> LoggingBroker: ...


@dataclass(frozen=True, slots=True)
class ErrorRule:
    """Errors of type ``catch`` become ``wrap(error)``.

    ``when``, if given, narrows the rule to the errors of that type it holds for.
    """

    catch: type[Exception] | tuple[type[Exception], ...]
    wrap: Callable[[Exception], CategorizedError]
    when: Callable[[Exception], bool] | None = None


S = TypeVar("S", bound=HasLoggingBroker)
P = ParamSpec("P")
R = TypeVar("R")
Method = Callable[Concatenate[S, P], Awaitable[R]]


ErrorCallback = Callable[[Any, CategorizedError, tuple[object, ...]], Awaitable[None]]


class ServiceMethodDecorator(Protocol):
    def __call__(self, method: Method[S, P, R], /) -> Method[S, P, R]: ...


def try_catch(
    rules: Sequence[ErrorRule], on_error: ErrorCallback | None = None
) -> ServiceMethodDecorator:
    """Wrap a service method so every error leaves it as one of the service's categories.

    Rules are tried in order; the last should catch ``Exception`` so nothing escapes unmapped.
    ``on_error`` (given the service, the outer error and the call's arguments) runs before
    the outer error is raised; an orchestration uses it to publish a failure outcome.
    """

    def decorate(method: Method[S, P, R]) -> Method[S, P, R]:
        @functools.wraps(method)
        async def wrapper(service: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return await method(service, *args, **kwargs)
            except Exception as error:
                outer = categorized(service, rules, error)
                if on_error is not None:
                    try:
                        await on_error(service, outer, (*args, *kwargs.values()))
                    except Exception as callback_error:
                        # Reporting the failure failed too (e.g. the broker went away): that
                        # is what the caller must act on, in this service's categories.
                        raise categorized(service, rules, callback_error) from callback_error
                raise outer from error

        return wrapper

    return decorate


def categorized(
    service: HasLoggingBroker, rules: Sequence[ErrorRule], error: Exception
) -> CategorizedError:
    """The first matching rule's error for ``error``, logged at debug level.

    Every layer records what it raised, but only at debug: the exposer above them all (the
    worker's delivery policy, the ingress's error handlers) writes the one line an operator
    reads, at the level the category deserves, so a failure is not repeated once per layer.
    """
    for rule in rules:
        if isinstance(error, rule.catch) and (rule.when is None or rule.when(error)):
            outer = rule.wrap(error)
            outer.caused_by(error)
            service.logging_broker.debug(
                str(outer),
                error_type=type(outer).__name__,
                category=outer.category.value,
                inner_error_type=type(outer.inner_error).__name__,
            )
            return outer
    raise error


def downstream_rules(
    *,
    validation: Callable[[LocalizedError], CategorizedError],
    dependency_validation: Callable[[LocalizedError], CategorizedError],
    dependency: Callable[[LocalizedError], CategorizedError],
    service: Callable[[LocalizedError], CategorizedError],
    failed_service: Callable[[str], LocalizedError],
    own_validation_errors: tuple[type[LocalizedError], ...] = (),
    own_dependency_validation_errors: tuple[type[LocalizedError], ...] = (),
) -> list[ErrorRule]:
    """Rules for a service above others: unwrap their categories, re-wrap the localized error.

    Downstream validation problems are this service's dependency validation (the input was
    refused below); a downstream dependency or service error is this service's dependency error
    (The Standard's mapping), keeping its inner error. The outer error carries the root
    category, so an exposer still tells a bug below (retried a bounded number of times, a 500)
    from a service that is away (retried as long as it takes, a 503).
    """
    return [
        ErrorRule(own_validation_errors, lambda error: validation(localized(error))),
        ErrorRule(
            own_dependency_validation_errors,
            lambda error: dependency_validation(localized(error)),
        ),
        ErrorRule(
            (ValidationCategoryError, DependencyValidationCategoryError),
            lambda error: dependency_validation(_inner(error)),
        ),
        ErrorRule(DependencyCategoryError, lambda error: dependency(_inner(error))),
        ErrorRule(ServiceCategoryError, lambda error: dependency(_inner(error))),
        ErrorRule(Exception, lambda error: service(failed_service(error_kind(error)))),
    ]


def error_kind(error: Exception) -> str:
    """An unexpected error by its type alone: its text may quote a driver, a host or a value.

    What reaches a ledger reason, a dead letter's header or a log line is the project's sentence
    with this kind in it; the traceback stays with the process that failed.
    """
    return type(error).__name__


def storage_rules(
    *,
    validation: Callable[[LocalizedError], CategorizedError],
    dependency_validation: Callable[[LocalizedError], CategorizedError],
    dependency: Callable[[LocalizedError], CategorizedError],
    service: Callable[[LocalizedError], CategorizedError],
    own_validation_errors: tuple[type[LocalizedError], ...],
    already_exists: Callable[[str], LocalizedError],
    failed_storage: Callable[[str], LocalizedError],
    failed_service: Callable[[str], LocalizedError],
) -> list[ErrorRule]:
    """Rules for a foundation service over the storage broker.

    A taken id or unique field is the caller's to fix (dependency validation); an unavailable
    store, or a replica set electing a new primary, is transient (dependency); anything else is
    a bug (service).
    The localized errors get the clashing field's name or the failure's kind, never the driver's
    message: it names the database, collection and index, and quotes the values (an email).
    """
    return [
        ErrorRule(own_validation_errors, lambda error: validation(localized(error))),
        ErrorRule(
            DuplicateKeyError,
            lambda error: dependency_validation(already_exists(duplicate_key_of(error))),
        ),
        ErrorRule(
            STORAGE_UNAVAILABLE_ERRORS,
            lambda error: dependency(failed_storage(storage_failure_of(error))),
        ),
        ErrorRule(
            OperationFailure,
            lambda error: dependency(failed_storage(storage_failure_of(error))),
            when=is_failover_error,
        ),
        ErrorRule(Exception, lambda error: service(failed_service(storage_failure_of(error)))),
    ]


def localized(error: Exception) -> LocalizedError:
    if not isinstance(error, LocalizedError):  # pragma: no cover - rules only route these here
        raise TypeError(error)
    return error


def _inner(error: Exception) -> LocalizedError:
    if not isinstance(error, CategorizedError):  # pragma: no cover - rules only route these here
        raise TypeError(error)
    return error.inner_error


T = TypeVar("T")
Item = TypeVar("Item")
BatchMethod = Callable[Concatenate[S, Sequence[Item], P], Awaitable[Sequence[R | Exception]]]
CaughtBatchMethod = Callable[
    Concatenate[S, Sequence[Item], P], Awaitable[list[R | CategorizedError]]
]


class BatchMethodDecorator(Protocol):
    def __call__(
        self, method: BatchMethod[S, Item, P, R], /
    ) -> CaughtBatchMethod[S, Item, P, R]: ...


def try_catch_each(
    rules: Sequence[ErrorRule], on_error: ErrorCallback | None = None
) -> BatchMethodDecorator:
    """``try_catch`` for a batch method: one result or error per item, each in its place.

    The method takes its items first and answers each with a result or the error that item
    failed with; every such error leaves as the service's category by ``rules``, item by item,
    so one item's failure never becomes its neighbours'. When the whole call raises, every item
    gets that one error (logged once). ``on_error`` runs for each failed item, given the item.
    """

    def decorate(method: BatchMethod[S, Item, P, R]) -> CaughtBatchMethod[S, Item, P, R]:
        @functools.wraps(method)
        async def wrapper(
            service: S, items: Sequence[Item], /, *args: P.args, **kwargs: P.kwargs
        ) -> list[R | CategorizedError]:
            try:
                results: Sequence[R | Exception] = await method(service, items, *args, **kwargs)
            except Exception as error:  # noqa: BLE001 - the whole call failed: each item alike
                results = [error] * len(items)
            caught = categorized_each(service, rules, results)
            if on_error is None:
                return caught
            reports = await asyncio.gather(
                *(
                    _reported(service, rules, on_error, item, result)
                    for item, result in zip(items, caught, strict=True)
                )
            )
            return list(reports)

        return wrapper

    return decorate


def categorized_each(
    service: HasLoggingBroker, rules: Sequence[ErrorRule], results: Sequence[R | Exception]
) -> list[R | CategorizedError]:
    """Each error among ``results`` as the service's category; the same error maps once."""
    mapped: dict[int, CategorizedError] = {}
    caught: list[R | CategorizedError] = []
    for result in results:
        if not isinstance(result, Exception):
            caught.append(result)
            continue
        if id(result) not in mapped:
            outer = categorized(service, rules, result)
            outer.__cause__ = result
            mapped[id(result)] = outer
        caught.append(mapped[id(result)])
    return caught


async def _reported(
    service: HasLoggingBroker,
    rules: Sequence[ErrorRule],
    on_error: ErrorCallback,
    item: object,
    result: R | CategorizedError,
) -> R | CategorizedError:
    if not isinstance(result, CategorizedError):
        return result
    try:
        await on_error(service, result, (item,))
    except Exception as callback_error:  # noqa: BLE001 - the item's report failed: that is its error
        outer = categorized(service, rules, callback_error)
        outer.__cause__ = callback_error
        return outer
    return result


def attempt_each(check: Callable[[Item], T], items: Sequence[Item]) -> list[T | Exception]:
    """``check`` of every item, or the error it raised for that item: one never stops the next."""
    results: list[T | Exception] = []
    for item in items:
        try:
            results.append(check(item))
        except Exception as error:  # noqa: BLE001 - kept in the item's place, mapped by the caller
            results.append(error)
    return results


def passed(results: Sequence[T | Exception]) -> list[T]:
    """The results that are not errors, in order."""
    return [result for result in results if not isinstance(result, Exception)]


def in_places(first: Sequence[object], then: Sequence[R | Exception]) -> list[R | Exception]:
    """Answers put back among earlier errors, so every item finds its answer at its index.

    ``then`` answers, in order, the items of ``first`` that were not errors.
    """
    answers = iter(then)
    return [result if isinstance(result, Exception) else next(answers) for result in first]


async def gather_each(calls: Iterable[Awaitable[T]]) -> list[T | Exception]:
    """Every call awaited together; each one's result, or the error it raised, in its place.

    A cancellation is not an answer, so it goes on up.
    """
    gathered = await asyncio.gather(*calls, return_exceptions=True)
    results: list[T | Exception] = []
    for result in gathered:
        if isinstance(result, BaseException) and not isinstance(result, Exception):
            raise result
        results.append(result)
    return results

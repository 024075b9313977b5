from __future__ import annotations

import hashlib
from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.api_keys import ApiKey, Client
from contracts.api_keys.exceptions.foundations import (
    AlreadyExistsApiKeyError,
    ApiKeyDependencyValidationError,
)
from contracts.api_keys.exceptions.processings import (
    ApiKeyProcessingDependencyValidationError,
    ApiKeyProcessingValidationError,
    InvalidApiKeyNameError,
    NotFoundApiKeyNameError,
    UnauthenticatedApiKeyError,
)
from services.processings.api_keys import ApiKeyProcessingService
from tests.unit.services.foundations.api_keys.conftest import create_random_api_key


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


async def test_should_create_an_api_key_stored_as_the_hash_of_its_secret(
    *,
    faker: Faker,
    now: datetime,
    api_key_processing_service: ApiKeyProcessingService,
    api_key_service: Mock,
    identifier_broker: Mock,
    secret_broker: Mock,
) -> None:
    # given
    input_name = faker.slug()
    random_id = str(faker.uuid4())
    random_secret = faker.pystr(min_chars=43, max_chars=43)
    identifier_broker.get_identifier.return_value = random_id
    secret_broker.get_secret.return_value = random_secret
    expected_api_key = ApiKey(
        id=random_id, name=input_name, secret_hash=sha256(random_secret), created_at=now
    )
    api_key_service.add_api_key.return_value = expected_api_key

    # when
    created = await api_key_processing_service.create_api_key(input_name)

    # then: the token is shown once; only the secret's hash is stored
    assert created.token == f"{random_id}.{random_secret}"
    assert created.api_key == expected_api_key
    assert api_key_service.mock_calls == [call.add_api_key(expected_api_key)]
    assert random_secret not in repr(api_key_service.mock_calls)


@pytest.mark.parametrize("invalid_name", ["", "has space", "-leading", "x" * 65, "naïve"])
async def test_should_raise_validation_error_on_create_if_the_name_is_invalid(
    *,
    invalid_name: str,
    api_key_processing_service: ApiKeyProcessingService,
    api_key_service: Mock,
) -> None:
    # when
    with pytest.raises(ApiKeyProcessingValidationError) as error_info:
        await api_key_processing_service.create_api_key(invalid_name)

    # then
    assert error_info.value == ApiKeyProcessingValidationError(InvalidApiKeyNameError())
    assert api_key_service.mock_calls == []


async def test_should_raise_dependency_validation_error_on_create_if_the_name_is_taken(
    *,
    faker: Faker,
    api_key_processing_service: ApiKeyProcessingService,
    api_key_service: Mock,
    identifier_broker: Mock,
    secret_broker: Mock,
) -> None:
    # given
    identifier_broker.get_identifier.return_value = str(faker.uuid4())
    secret_broker.get_secret.return_value = faker.pystr()
    taken = ApiKeyDependencyValidationError(AlreadyExistsApiKeyError("name"))
    api_key_service.add_api_key.side_effect = taken

    # when
    with pytest.raises(ApiKeyProcessingDependencyValidationError) as error_info:
        await api_key_processing_service.create_api_key(faker.slug())

    # then
    assert error_info.value == ApiKeyProcessingDependencyValidationError(taken.inner_error)


async def test_should_revoke_the_active_key_of_a_name(
    *,
    faker: Faker,
    now: datetime,
    api_key_processing_service: ApiKeyProcessingService,
    api_key_service: Mock,
) -> None:
    # given: an older key of the same name, revoked already, stays as it is
    active = create_random_api_key(faker)
    revoked_before = create_random_api_key(faker, revoked=True).model_copy(
        update={"name": active.name}
    )
    other = create_random_api_key(faker)
    api_key_service.retrieve_all_api_keys.return_value = [revoked_before, active, other]
    expected_api_key = active.model_copy(update={"revoked_at": now})
    api_key_service.modify_api_key.return_value = expected_api_key

    # when
    actual_api_key = await api_key_processing_service.revoke_api_key(active.name)

    # then
    assert actual_api_key == expected_api_key
    assert api_key_service.mock_calls == [
        call.retrieve_all_api_keys(),
        call.modify_api_key(expected_api_key),
    ]


async def test_should_raise_validation_error_on_revoke_if_no_active_key_has_the_name(
    *,
    faker: Faker,
    api_key_processing_service: ApiKeyProcessingService,
    api_key_service: Mock,
) -> None:
    # given
    revoked = create_random_api_key(faker, revoked=True)
    api_key_service.retrieve_all_api_keys.return_value = [revoked]

    # when
    with pytest.raises(ApiKeyProcessingValidationError) as error_info:
        await api_key_processing_service.revoke_api_key(revoked.name)

    # then
    assert error_info.value == ApiKeyProcessingValidationError(
        NotFoundApiKeyNameError(revoked.name)
    )
    assert api_key_service.mock_calls == [call.retrieve_all_api_keys()]


@pytest.mark.parametrize(
    ("keys", "expected"),
    [([], False), ([True], False), ([True, False], True)],
    ids=["none", "revoked only", "one active"],
)
async def test_should_tell_whether_any_key_is_active(
    *,
    faker: Faker,
    keys: list[bool],
    expected: bool,
    api_key_processing_service: ApiKeyProcessingService,
    api_key_service: Mock,
) -> None:
    # given
    api_key_service.retrieve_all_api_keys.return_value = [
        create_random_api_key(faker, revoked=revoked) for revoked in keys
    ]

    # when
    actual = await api_key_processing_service.has_active_api_keys()

    # then
    assert actual is expected


async def test_should_verify_a_token_of_an_active_key(
    *,
    faker: Faker,
    api_key_processing_service: ApiKeyProcessingService,
    api_key_service: Mock,
    secret_broker: Mock,
) -> None:
    # given
    input_secret = faker.pystr(min_chars=43, max_chars=43)
    stored = create_random_api_key(faker).model_copy(update={"secret_hash": sha256(input_secret)})
    api_key_service.retrieve_api_key_if_exists.return_value = stored

    # when
    actual_client = await api_key_processing_service.verify_api_key_token(
        f"{stored.id}.{input_secret}"
    )

    # then: compared in constant time, by digest
    assert actual_client == Client(id=stored.id, name=stored.name, signing_key=stored.secret_hash)
    assert api_key_service.mock_calls == [call.retrieve_api_key_if_exists(stored.id)]
    assert call.digests_match(sha256(input_secret), stored.secret_hash) in (
        secret_broker.mock_calls
    )


@pytest.mark.parametrize("case", ["wrong secret", "revoked", "unknown"])
async def test_should_refuse_a_token_alike_whatever_is_wrong_with_it(
    *,
    faker: Faker,
    case: str,
    api_key_processing_service: ApiKeyProcessingService,
    api_key_service: Mock,
) -> None:
    # given
    input_secret = faker.pystr(min_chars=43, max_chars=43)
    stored = create_random_api_key(faker, revoked=case == "revoked")
    if case != "wrong secret":
        stored = stored.model_copy(update={"secret_hash": sha256(input_secret)})
    api_key_service.retrieve_api_key_if_exists.return_value = None if case == "unknown" else stored

    # when
    with pytest.raises(ApiKeyProcessingValidationError) as error_info:
        await api_key_processing_service.verify_api_key_token(f"{stored.id}.{input_secret}")

    # then
    assert error_info.value == ApiKeyProcessingValidationError(UnauthenticatedApiKeyError())


@pytest.mark.parametrize("token", ["", "no-separator", "not-a-uuid.secret", "."])
async def test_should_refuse_a_malformed_token_without_reading_the_store(
    *, token: str, api_key_processing_service: ApiKeyProcessingService, api_key_service: Mock
) -> None:
    # when
    with pytest.raises(ApiKeyProcessingValidationError):
        await api_key_processing_service.verify_api_key_token(token)

    # then
    assert api_key_service.mock_calls == []

from __future__ import annotations

from brokers.datetimes import DateTimeBroker
from brokers.identifiers import IdentifierBroker
from brokers.loggings import LoggingBroker
from brokers.secrets import SecretBroker
from contracts.api_keys import ApiKey, Client, CreatedApiKey
from contracts.api_keys.exceptions.processings import (
    NotFoundApiKeyNameError,
    UnauthenticatedApiKeyError,
)
from services.foundations.api_keys import ApiKeyService
from services.processings.api_keys.api_key_processing_service_exceptions import (
    try_catch_api_key_processing,
)
from services.processings.api_keys.api_key_processing_service_validations import (
    TOKEN_SEPARATOR,
    parsed_token,
    validate_api_key_name,
)


class ApiKeyProcessingService:
    """API keys as the operator and the ingress use them: create, list, revoke, verify.

    A token is ``<key id>.<secret>``; only the secret's SHA-256 is stored, and a presented
    secret is compared with it in constant time.
    """

    def __init__(
        self,
        api_key_service: ApiKeyService,
        identifier_broker: IdentifierBroker,
        secret_broker: SecretBroker,
        date_time_broker: DateTimeBroker,
        logging_broker: LoggingBroker,
    ) -> None:
        self.api_key_service = api_key_service
        self.identifier_broker = identifier_broker
        self.secret_broker = secret_broker
        self.date_time_broker = date_time_broker
        self.logging_broker = logging_broker

    @try_catch_api_key_processing
    async def create_api_key(self, name: str) -> CreatedApiKey:
        validate_api_key_name(name)
        api_key_id = self.identifier_broker.get_identifier()
        secret = self.secret_broker.get_secret()
        api_key = await self.api_key_service.add_api_key(
            ApiKey(
                id=api_key_id,
                name=name,
                secret_hash=self.secret_broker.get_digest(secret),
                created_at=self.date_time_broker.get_current_date_time(),
            )
        )
        return CreatedApiKey(api_key=api_key, token=f"{api_key_id}{TOKEN_SEPARATOR}{secret}")

    @try_catch_api_key_processing
    async def retrieve_all_api_keys(self) -> list[ApiKey]:
        return await self.api_key_service.retrieve_all_api_keys()

    @try_catch_api_key_processing
    async def has_active_api_keys(self) -> bool:
        keys = await self.api_key_service.retrieve_all_api_keys()
        return any(api_key.revoked_at is None for api_key in keys)

    @try_catch_api_key_processing
    async def revoke_api_key(self, name: str) -> ApiKey:
        """Revoke the active key named ``name``; it stays listed, with its revocation time."""
        validate_api_key_name(name)
        keys = await self.api_key_service.retrieve_all_api_keys()
        active = [key for key in keys if key.name == name and key.revoked_at is None]
        if not active:
            raise NotFoundApiKeyNameError(name)
        revoked_at = self.date_time_broker.get_current_date_time()
        return await self.api_key_service.modify_api_key(
            active[0].model_copy(update={"revoked_at": revoked_at})
        )

    @try_catch_api_key_processing
    async def verify_api_key_token(self, token: str) -> Client:
        """The client a token belongs to; malformed, unknown, revoked and wrong alike refused."""
        api_key_id, secret = parsed_token(token)
        api_key = await self.api_key_service.retrieve_api_key_if_exists(api_key_id)
        presented = self.secret_broker.get_digest(secret)
        if (
            api_key is None
            or api_key.revoked_at is not None
            or not self.secret_broker.digests_match(presented, api_key.secret_hash)
        ):
            raise UnauthenticatedApiKeyError
        return Client(id=api_key.id, name=api_key.name, signing_key=api_key.secret_hash)

from __future__ import annotations

from brokers.loggings import LoggingBroker
from brokers.storages import StorageBroker
from contracts.api_keys import ApiKey
from contracts.api_keys.exceptions.foundations import NotFoundApiKeyError
from services.foundations.api_keys.api_key_service_exceptions import try_catch_api_key
from services.foundations.api_keys.api_key_service_mappings import (
    map_to_api_key,
    map_to_document,
)
from services.foundations.api_keys.api_key_service_validations import (
    validate_api_key_id,
    validate_api_key_on_add,
    validate_api_key_on_modify,
)


class ApiKeyService:
    """The ingress's API keys, one document each; names are unique among all keys ever made."""

    def __init__(self, storage_broker: StorageBroker, logging_broker: LoggingBroker) -> None:
        self.storage_broker = storage_broker
        self.logging_broker = logging_broker

    @try_catch_api_key
    async def add_api_key(self, api_key: ApiKey) -> ApiKey:
        validate_api_key_on_add(api_key)
        return map_to_api_key(await self.storage_broker.insert_api_key(map_to_document(api_key)))

    @try_catch_api_key
    async def retrieve_api_key_if_exists(self, api_key_id: str) -> ApiKey | None:
        validate_api_key_id(api_key_id)
        stored = await self.storage_broker.select_api_key_by_id(api_key_id)
        return None if stored is None else map_to_api_key(stored)

    @try_catch_api_key
    async def retrieve_all_api_keys(self) -> list[ApiKey]:
        stored = await self.storage_broker.select_all_api_keys()
        return sorted((map_to_api_key(document) for document in stored), key=_created)

    @try_catch_api_key
    async def modify_api_key(self, api_key: ApiKey) -> ApiKey:
        validate_api_key_on_modify(api_key)
        stored = await self.storage_broker.update_api_key(map_to_document(api_key))
        if stored is None:
            raise NotFoundApiKeyError(api_key.id)
        return map_to_api_key(stored)


def _created(api_key: ApiKey) -> tuple[str, str]:
    return (api_key.created_at.isoformat(), api_key.name)

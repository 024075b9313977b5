from __future__ import annotations

from brokers.storages import Document
from contracts.api_keys import ApiKey


def map_to_document(api_key: ApiKey) -> Document:
    return api_key.model_dump(mode="json")


def map_to_api_key(document: Document) -> ApiKey:
    return ApiKey.model_validate(document)

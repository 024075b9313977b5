from brokers.storages.entity_storage_broker import EntityStorageBroker
from brokers.storages.storage_broker import COLLECTIONS, UNIQUE_FIELDS, Document, StorageBroker

__all__ = ["COLLECTIONS", "UNIQUE_FIELDS", "Document", "EntityStorageBroker", "StorageBroker"]

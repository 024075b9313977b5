from brokers.storages.entity_storage_broker import EntityStorageBroker
from brokers.storages.errors import (
    STORAGE_UNAVAILABLE_ERRORS,
    ConnectionFailure,
    DuplicateKeyError,
    ExecutionTimeout,
    NetworkTimeout,
    OperationFailure,
    PyMongoError,
    ServerSelectionTimeoutError,
    StorageNotInitializedError,
    StorageUnavailableError,
    WriteConcernError,
    short_message,
)
from brokers.storages.memory_storage_broker import MemoryStorageBroker
from brokers.storages.mongo_storage_broker import MongoStorageBroker
from brokers.storages.storage_broker import COLLECTIONS, UNIQUE_FIELDS, Document, StorageBroker

__all__ = [
    "COLLECTIONS",
    "STORAGE_UNAVAILABLE_ERRORS",
    "UNIQUE_FIELDS",
    "ConnectionFailure",
    "Document",
    "DuplicateKeyError",
    "EntityStorageBroker",
    "ExecutionTimeout",
    "MemoryStorageBroker",
    "MongoStorageBroker",
    "NetworkTimeout",
    "OperationFailure",
    "PyMongoError",
    "ServerSelectionTimeoutError",
    "StorageBroker",
    "StorageNotInitializedError",
    "StorageUnavailableError",
    "WriteConcernError",
    "short_message",
]

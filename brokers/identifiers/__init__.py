from brokers.identifiers.identifier_broker import IdentifierBroker, UuidIdentifierBroker

__all__ = ["IdentifierBroker", "UuidIdentifierBroker"]

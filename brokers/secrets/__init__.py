from brokers.secrets.secret_broker import HashlibSecretBroker, SecretBroker

__all__ = ["HashlibSecretBroker", "SecretBroker"]

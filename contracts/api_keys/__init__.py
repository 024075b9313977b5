from contracts.api_keys.api_key import ApiKey, ApiKeyName, Client, CreatedApiKey

__all__ = ["ApiKey", "ApiKeyName", "Client", "CreatedApiKey"]

from services.foundations.api_keys.api_key_service import ApiKeyService

__all__ = ["ApiKeyService"]

from services.processings.api_keys.api_key_processing_service import ApiKeyProcessingService

__all__ = ["ApiKeyProcessingService"]

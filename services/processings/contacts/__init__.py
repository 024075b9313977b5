from services.processings.contacts.contact_processing_service import ContactProcessingService

__all__ = ["ContactProcessingService"]

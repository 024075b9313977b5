from services.foundations.contacts.contact_service import ContactService

__all__ = ["ContactService"]

from contracts.contacts.contact import Contact

__all__ = ["Contact"]

"""Random guardians, contacts, library cards and immunizations, and their events, for the tests."""

from __future__ import annotations

from brokers.storages import Document
from contracts.immunizations import Immunization


def map_to_document(immunization: Immunization) -> Document:
    return immunization.model_dump(mode="json")


def map_to_immunization(document: Document) -> Immunization:
    return Immunization.model_validate(document)

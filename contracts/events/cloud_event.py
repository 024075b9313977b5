"""The CloudEvents 1.0 envelope in structured JSON mode, typed by its ``data``."""

from __future__ import annotations

from typing import Annotated, Generic, Literal, Self, TypeVar

from pydantic import AwareDatetime, StringConstraints, ValidationInfo, field_validator

from contracts.model import Contract

DataT = TypeVar("DataT", bound=Contract)

CLOUD_EVENTS_CONTENT_TYPE = "application/cloudevents+json"


class CloudEvent(Contract, Generic[DataT]):
    """One message on the wire; its ``type`` is also the routing key.

    ``correlationid`` is an extension attribute carrying the registration id. Unknown attributes
    are refused, like unknown fields anywhere else.
    """

    specversion: Literal["1.0"]
    id: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    source: Annotated[str, StringConstraints(min_length=1, max_length=255)]
    type: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    time: AwareDatetime
    datacontenttype: Literal["application/json"] = "application/json"
    data: DataT
    correlationid: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = None

    @field_validator("type")
    @classmethod
    def _routed_type(cls, value: str, info: ValidationInfo) -> str:
        """With ``context={"event_type": …}`` (the routing key), the event must be of it."""
        expected = (info.context or {}).get("event_type")
        if expected is not None and value != expected:
            raise ValueError(f"an event of type {value!r} arrived as {expected!r}")
        return value

    def to_bytes(self) -> bytes:
        """The compact JSON body; an absent ``correlationid`` is left out rather than null."""
        exclude = {"correlationid"} if self.correlationid is None else None
        return self.model_dump_json(exclude=exclude).encode()

    @classmethod
    def from_bytes(cls, body: bytes | str) -> Self:
        """Parse a body into this (parametrized) event type.

        Raises pydantic's ``ValidationError`` for malformed JSON as well as for invalid fields.
        """
        return cls.model_validate_json(body)

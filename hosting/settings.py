"""Process settings, read once from ``CULDESAC_*`` environment variables by a composition root."""

from __future__ import annotations

import re
from typing import Annotated, Literal, Self

import pydantic_settings
from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

MEMORY_URL = "memory://"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CULDESAC_", extra="ignore", frozen=True)

    amqp_url: str = "amqp://guest:guest@127.0.0.1:5672/"
    mongodb_url: str = "mongodb://127.0.0.1:27017"
    mongodb_database: str = Field(default="culdesac", min_length=1, max_length=63)
    # How long a storage command waits for a server (selection, connect, socket) before the
    # store counts as away and the message is retried.
    mongodb_timeout_ms: int = Field(default=5000, ge=100, le=600_000)
    namespace: str = Field(default="culdesac", pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$")
    # At least the batch size, so that a batch can fill up.
    prefetch: int = Field(default=128, ge=1, le=10_000)
    # Deliveries a worker hands to its services at once, and how long it waits for more while
    # earlier ones are being handled; 1 turns batching off.
    batch_size: int = Field(default=100, ge=1, le=10_000)
    batch_linger_ms: float = Field(default=5.0, ge=0, le=10_000)
    log_format: Literal["json", "console", "auto"] = "auto"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    # Seconds, comma-separated ("1,5,30") or as a JSON list ("[1, 5, 30]").
    retry_delays: Annotated[tuple[float, ...], NoDecode] = Field(
        default=(1.0, 5.0, 30.0), min_length=1
    )
    max_service_retries: int = Field(default=3, ge=0, le=100)
    shutdown_timeout: float = Field(default=30.0, gt=0)
    max_body_bytes: int = Field(default=64 * 1024, ge=1024)
    # How long a process waits at start for RabbitMQ and MongoDB; unset waits for ever.
    startup_timeout: float | None = Field(default=None, gt=0)
    metrics_port: int = Field(default=9464, ge=0, le=65535)
    # RabbitMQ's management API, for queue rates in `culdesac status` and where queues live in
    # `topology declare`; unset: the AMQP host's port 15672 with the AMQP credentials, tried
    # once, else AMQP alone (no rates). A cluster's nodes comma-separated, like the AMQP URL.
    management_url: str | None = Field(default=None, pattern=r"^https?://")
    # How long the ingress trusts a verified API key (and a "no keys" answer) without asking
    # MongoDB again: a revoked key is refused at most this long after its revocation.
    api_key_cache_seconds: float = Field(default=5.0, ge=0, le=3600)

    @model_validator(mode="after")
    def _prefetch_holds_a_batch(self) -> Self:
        if self.prefetch < self.batch_size:
            raise ValueError(
                f"CULDESAC_PREFETCH ({self.prefetch}) must be at least "
                f"CULDESAC_BATCH_SIZE ({self.batch_size})"
            )
        return self

    @field_validator("amqp_url")
    @classmethod
    def _amqp_scheme(cls, value: str) -> str:
        # One node, or a cluster's nodes separated by commas.
        nodes = [node.strip() for node in value.split(",")]
        if value != MEMORY_URL and not all(
            node.startswith(("amqp://", "amqps://")) for node in nodes
        ):
            raise ValueError(
                "must be amqp://…, amqps://… (comma-separated for a cluster) or memory://"
            )
        return value

    @field_validator("mongodb_url")
    @classmethod
    def _mongodb_scheme(cls, value: str) -> str:
        if value != MEMORY_URL and not value.startswith(("mongodb://", "mongodb+srv://")):
            raise ValueError("must be mongodb://…, mongodb+srv://… or memory://")
        return value

    @field_validator("retry_delays", mode="before")
    @classmethod
    def _delay_list(cls, value: object) -> object:
        if isinstance(value, str):
            text = value.strip().removeprefix("[").removesuffix("]")
            return tuple(part.strip() for part in text.split(",") if part.strip())
        return value

    @field_validator("retry_delays")
    @classmethod
    def _positive_delays(cls, value: tuple[float, ...]) -> tuple[float, ...]:
        if any(delay <= 0 for delay in value):
            raise ValueError("every delay must be above 0 seconds")
        return value


class SettingsError(Exception):
    """One or more ``CULDESAC_*`` variables are invalid; the message names each of them."""


UNPARSABLE_FIELD = re.compile(r'field "(?P<field>\w+)"')


def load_settings(**overrides: object) -> Settings:
    """The settings from the environment; a ``SettingsError`` naming each bad variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        # A rule over several variables (no location) names them in its own message.
        problems = "; ".join(
            f"{variable_of(str(item['loc'][0]))}: {item['msg']}"
            if item["loc"]
            else str(item["msg"]).removeprefix("Value error, ")
            for item in error.errors()
        )
        raise SettingsError(f"invalid settings: {problems}") from error
    except pydantic_settings.SettingsError as error:
        # Raised before validation when a value cannot be decoded at all (e.g. bad JSON).
        found = UNPARSABLE_FIELD.search(str(error))
        variable = variable_of(found["field"]) if found else "a CULDESAC_ variable"
        raise SettingsError(f"invalid settings: {variable}: cannot be read as a value") from error


def variable_of(field: str) -> str:
    return f"CULDESAC_{field.upper()}"

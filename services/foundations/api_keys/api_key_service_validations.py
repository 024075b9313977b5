from __future__ import annotations

from contracts.api_keys import ApiKey
from contracts.api_keys.exceptions.foundations import InvalidApiKeyError
from services.foundations.field_validations import id_problems


def validate_api_key_id(api_key_id: str) -> None:
    _raise_if_any({"id": id_problems(api_key_id)})


def validate_api_key_on_add(api_key: ApiKey) -> None:
    _raise_if_any(
        {
            "id": id_problems(api_key.id),
            "revoked_at": [] if api_key.revoked_at is None else ["A new key is not revoked."],
        }
    )


def validate_api_key_on_modify(api_key: ApiKey) -> None:
    revoked_at = api_key.revoked_at
    _raise_if_any(
        {
            "id": id_problems(api_key.id),
            "revoked_at": (
                []
                if revoked_at is None or revoked_at >= api_key.created_at
                else ["Date must not be before created_at."]
            ),
        }
    )


def _raise_if_any(checks: dict[str, list[str]]) -> None:
    errors = {field: problems for field, problems in checks.items() if problems}
    if errors:
        raise InvalidApiKeyError(errors)

"""GUIDs: generated random, accepted in any case, stored and answered lower-case."""

from __future__ import annotations

import uuid

from otpvirt.errors import ValidationFailed


def new_guid() -> str:
    """A fresh random GUID, lower-case."""
    return str(uuid.uuid4())


def parse_guid(value: str, *, field: str = "id") -> str:
    """Canonical lower-case form of a GUID string, or a validation error."""
    try:
        return str(uuid.UUID(value.strip()))
    except (ValueError, AttributeError):
        raise ValidationFailed(f"{field} must be a GUID, got {value!r}") from None

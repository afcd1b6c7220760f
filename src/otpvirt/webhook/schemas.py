"""How webhook settings and deliveries look on the wire (admin API, CLI `--json`, console)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from otpvirt.webhook.repositories.history import AttemptRow, DeliveryRow
from otpvirt.webhook.targets import Rotation, Webhook, WebhookChange

PENDING = "pending"


class WebhookOut(BaseModel):
    """A client's webhook settings (never the secret)."""

    clientId: str
    url: str | None
    format: str
    hasSecret: bool
    events: str = Field("sms", description="Subscribed event types, comma-separated.")

    @classmethod
    def of(cls, w: Webhook) -> WebhookOut:
        """The wire form of a client's webhook settings."""
        return cls(
            clientId=w.client_id,
            url=w.url,
            format=w.format,
            hasSecret=w.has_secret,
            events=w.events,
        )


class WebhookSet(BaseModel):
    """A client's webhook after a change; `secret` only when one was generated now."""

    clientId: str
    url: str | None
    format: str
    secret: str | None = Field(description="Shown only in this answer; null when unchanged.")
    events: str = Field("sms", description="Subscribed event types, comma-separated.")

    @classmethod
    def of(cls, w: WebhookChange) -> WebhookSet:
        """The wire form of a webhook change."""
        return cls(
            clientId=w.client_id, url=w.url, format=w.format, secret=w.secret, events=w.events
        )


class SecretRotated(BaseModel):
    """A new signing secret (shown only now); the old one co-signs until the given time."""

    clientId: str
    secret: str
    previousSecretValidUntil: int | None

    @classmethod
    def of(cls, r: Rotation) -> SecretRotated:
        """The wire form of a rotation."""
        return cls(
            clientId=r.client_id, secret=r.secret, previousSecretValidUntil=r.previous_valid_until
        )


class DeliveryOut(BaseModel):
    """One webhook delivery (one SMS to one URL, retried until delivered or failed)."""

    id: str = Field(description="The `webhook-id` header, the same on every attempt.")
    clientId: str
    activationId: str | None = Field(description="null for balance.low.")
    smsId: str | None = Field(description="null for lifecycle events.")
    event: str = Field("sms", description="sms, or the lifecycle event type.")
    state: str = Field(description="pending, delivered or failed.")
    attempts: int
    nextAttemptAt: int | None
    inFlight: bool
    createdAt: int
    lastAttemptAt: int | None
    deliveredAt: int | None
    lastStatus: int | None
    lastError: str | None

    @classmethod
    def of(cls, d: DeliveryRow) -> DeliveryOut:
        """The wire form of a delivery."""
        return cls(
            id=d.message_id,
            clientId=d.client_id,
            activationId=d.activation_id,
            smsId=d.sms_id,
            event=d.event,
            state=d.state,
            attempts=int(d.attempts),
            nextAttemptAt=d.next_attempt_at if d.state == PENDING else None,
            inFlight=d.claimed_until is not None,
            createdAt=d.created_at,
            lastAttemptAt=d.last_attempt_at,
            deliveredAt=d.delivered_at,
            lastStatus=d.last_status,
            lastError=d.last_error,
        )


class AttemptOut(BaseModel):
    """One attempt to send a delivery."""

    at: int
    url: str
    status: int | None
    error: str | None
    durationMs: int | None
    response: str | None

    @classmethod
    def of(cls, a: AttemptRow) -> AttemptOut:
        """The wire form of an attempt."""
        return cls(
            at=a.at,
            url=a.url,
            status=a.status,
            error=a.error,
            durationMs=a.duration_ms,
            response=a.response,
        )


class DeliveryDetailOut(DeliveryOut):
    """A delivery with its payload and every attempt, oldest first."""

    payload: str
    attemptLog: list[AttemptOut]

    @classmethod
    def of_detail(cls, d: DeliveryRow, attempts: list[AttemptRow]) -> DeliveryDetailOut:
        """The wire form of a delivery with its attempts."""
        return cls(
            **DeliveryOut.of(d).model_dump(),
            payload=d.payload,
            attemptLog=[AttemptOut.of(a) for a in attempts],
        )


def delivery_json(d: DeliveryRow) -> dict[str, Any]:
    """A delivery as plain JSON data."""
    return DeliveryOut.of(d).model_dump()


def delivery_detail_json(d: DeliveryRow, attempts: list[AttemptRow]) -> dict[str, Any]:
    """A delivery with its payload and attempts as plain JSON data."""
    return DeliveryDetailOut.of_detail(d, attempts).model_dump()

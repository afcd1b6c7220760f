"""Lifecycle webhook tests use the webhook tests' set-up (receiver on 127.0.0.1)."""

from tests.webhook.conftest import settings, worker

__all__ = ["settings", "worker"]

"""The SQL of webhooks: the outbox (`outbox`), per-client settings (`targets`), history."""

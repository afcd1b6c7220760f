"""Automatic SMS receipt: signed webhooks sent from a transactional outbox."""

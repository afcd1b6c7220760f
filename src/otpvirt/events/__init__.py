"""Lifecycle webhooks (API-extensions §6): queued in the outbox with the state change.

A leaf package (database, money and ids only) so the lease engine and the ledger
can record events without importing the webhook sender.
"""

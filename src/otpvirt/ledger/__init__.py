"""The append-only ledger: every balance change is an entry."""

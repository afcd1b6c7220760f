"""Incoming SMS: the one ingest path every source uses."""

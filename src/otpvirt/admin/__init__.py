"""Operators: admin tokens and users, the audit log, the admin API."""

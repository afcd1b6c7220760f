"""The SQL of activations: the lease rules (portable and PostgreSQL) and the views."""

"""The SQL of the number pool."""

"""The SQL of on-demand supply: the supplier-order outbox and reported stock."""

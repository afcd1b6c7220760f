"""On-demand number suppliers: stock, purchases and their outbox."""

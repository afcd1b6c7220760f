"""The number pool: importing, listing, picking and releasing numbers."""

"""Background work whose state lives in the database (safe across restarts)."""

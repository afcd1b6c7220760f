"""The price list: per (country, service) in each currency offered."""

"""A client's past activations and per-country success figures of a service."""

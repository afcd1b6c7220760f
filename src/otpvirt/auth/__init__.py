"""Password hashing and the verification cache."""

"""Client accounts: credentials, currency, balance."""

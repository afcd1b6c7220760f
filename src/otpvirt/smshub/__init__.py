"""The SMSHub agent protocol, with this service as the hub."""

"""The operator console: server-rendered pages over the operator actions."""

"""Health checks, Prometheus metrics, structured logs and the operator overview figures."""

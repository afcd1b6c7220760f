"""Activations: leasing a number for a service, and ending the lease."""

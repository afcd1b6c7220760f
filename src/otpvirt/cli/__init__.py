"""The `otpvirt` command line: one Typer app grouped by noun."""

"""`otpvirt doctor`: check every invariant the service promises."""

"""otpvirt: rent phone numbers for receiving one-time codes by SMS."""

__version__ = "0.1.0"

"""Reseller mode: buying numbers from an upstream sms-activate provider."""

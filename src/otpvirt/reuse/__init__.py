"""Leasing the same number again: the exception for the client whose activation got an SMS."""

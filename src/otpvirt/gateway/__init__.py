"""Inbound SMS adapters: the native gateway API, Android phones, Gammu modems, Jasmin."""

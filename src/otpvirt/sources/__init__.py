"""Sources: the SIM banks, gateways, modems and phones that supply numbers and SMS."""

"""The simulated SIM bank: numbers whose verification SMS the server writes itself."""

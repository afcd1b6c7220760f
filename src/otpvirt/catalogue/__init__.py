"""The catalogue: countries with their operators, services, and prices."""

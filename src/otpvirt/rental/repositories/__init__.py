"""Rental SQL beyond `rental/repository.py`: the worker's `rent.ending` notices."""

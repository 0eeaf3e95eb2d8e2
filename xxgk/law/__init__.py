"""The rules xxgk cites, in one place (see citations.py). Imports nothing else of xxgk, so
every app may use it without an upward import."""

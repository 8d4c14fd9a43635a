"""`python -m checker` runs the CLI."""

from .cli import run

run()

"""research: anonymised focus-group analysis in the terminal."""

__version__ = "0.1.0"

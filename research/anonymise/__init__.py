"""Anonymisation: detection (Presidio + our recognizers), pseudonyms, audit, review, sign-off, vault.

This package is the only one that ever sees original identifiers, and it keeps them in the
encrypted vault. Everything it writes to project.db is anonymised.
"""

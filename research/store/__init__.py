"""The project database: connection, numbered migrations, queries. Imports no stage."""

from research.store.db import connect, transaction

__all__ = ["connect", "transaction"]

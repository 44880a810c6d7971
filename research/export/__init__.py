"""Exports built from anonymised data only: transcripts, audit, quote sheets, report, REFI-QDA."""

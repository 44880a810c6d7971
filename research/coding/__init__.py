"""Coding stage: codebook, segments, auto-coder, manual coding, agreement statistics.

Works on anonymised text only. Public entry points for the CLI and the demo are in
`research.coding.service` (`run_auto_coding`, `codes_per_source_table`).
"""

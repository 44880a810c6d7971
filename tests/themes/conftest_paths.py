"""Paths the model tests read (the demo gold: turns with lines of enquiry and themes)."""

from pathlib import Path

DEMO_GOLD = Path(__file__).resolve().parents[2] / "research" / "corpora" / "demo" / "gold"

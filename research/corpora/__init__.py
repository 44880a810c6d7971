"""Transcript model, readers for real export formats, format sniffing, the demo corpus."""

from research.corpora.model import Transcript, Utterance

__all__ = ["Transcript", "Utterance"]

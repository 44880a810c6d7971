"""One reader module per transcript format; each exposes read(text_or_bytes, name) -> Transcript."""

"""Our Presidio recognizers, one small module each (see research.anonymise.detect)."""

"""E-mail addresses, offline: Presidio's regex, validated against tldextract's bundled snapshot.

Presidio's EmailRecognizer calls ``tldextract.extract``, which downloads the public suffix
list on first use; here the extractor is built with no URLs and no cache directory.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from presidio_analyzer.predefined_recognizers import EmailRecognizer

from research.anonymise.recognizers.base import result

# anything shaped like an address, valid or not: "bruce.williams@king'slynn.gov.uk" (a typo or a
# transcription slip still names the person in its local part)
ADDRESS_LIKE = re.compile(r"(?<![\w.+'’-])[\w.+'’-]*\w@\w[\w.'’-]*\w")


@lru_cache(maxsize=1)
def offline_extractor() -> Any:
    """A TLDExtract that only ever reads the snapshot shipped inside the package."""
    import tldextract

    return tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)


class OfflineEmailRecognizer(EmailRecognizer):
    """EMAIL with the suffix check done offline."""

    def __init__(self) -> None:
        super().__init__(supported_entity="EMAIL", name="EmailRecognizer")

    SCORE_ADDRESS_LIKE = 0.6

    def validate_result(self, pattern_text: str) -> bool:
        return offline_extractor()(pattern_text).fqdn != ""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None, regex_flags=None):
        found = super().analyze(text, entities, nlp_artifacts, regex_flags) or []
        if "@" not in text:
            return found
        for m in ADDRESS_LIKE.finditer(text):
            if not any(r.start <= m.start() and m.end() <= r.end for r in found):
                found.append(result("EMAIL", m.start(), m.end(), self.SCORE_ADDRESS_LIKE, self))
        return found

"""E-mail addresses, offline: Presidio's regex, validated against tldextract's bundled snapshot.

Presidio's EmailRecognizer calls ``tldextract.extract``, which downloads the public suffix
list on first use; here the extractor is built with no URLs and no cache directory.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from presidio_analyzer.predefined_recognizers import EmailRecognizer


@lru_cache(maxsize=1)
def offline_extractor() -> Any:
    """A TLDExtract that only ever reads the snapshot shipped inside the package."""
    import tldextract

    return tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)


class OfflineEmailRecognizer(EmailRecognizer):
    """EMAIL with the suffix check done offline."""

    def __init__(self) -> None:
        super().__init__(supported_entity="EMAIL", name="EmailRecognizer")

    def validate_result(self, pattern_text: str) -> bool:
        return offline_extractor()(pattern_text).fqdn != ""

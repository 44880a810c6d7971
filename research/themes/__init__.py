"""Themes stage: BERTopic per line of enquiry over coded segments, labels, prevalence, quotes.

Entry points: `research.themes.run.run_themes` (fit and store), `research.themes.ops`
(rename, merge, move, star) and `research.themes.store.theme_labels_for_segments`.
"""

"""A small horizontal bar chart (theme prevalence: groups that raised it)."""

from __future__ import annotations

from textual.markup import escape
from textual.widgets import Static

BLOCKS = " ▏▎▍▌▋▊▉█"


def bar(value: float, total: float, width: int) -> str:
    """A bar of `width` cells filled in eighths."""
    eighths = round(8 * width * (value / total)) if total else 0
    full, part = divmod(max(0, min(eighths, 8 * width)), 8)
    return ("█" * full + (BLOCKS[part] if part else "")).ljust(width)


class BarChart(Static):
    """Rows of `label  ████▌    n/total`."""

    def __init__(self, *, width: int = 14, **kwargs) -> None:
        super().__init__("", **kwargs)
        self.bar_width = width

    def set_rows(self, rows: list[tuple[str, int, int]]) -> None:
        label_w = min(max((len(r[0]) for r in rows), default=0), 32)
        lines = [
            f"{escape(f'{label[:label_w]:<{label_w}}')} [bold $accent]"
            f"{bar(value, total, self.bar_width)}[/] {value}/{total}"
            for label, value, total in rows
        ]
        self.update("\n".join(lines) or "no themes yet: press f to fit them")

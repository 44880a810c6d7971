"""Fill a DataTable in one go with explicit column widths.

Auto-width columns re-measure after the first paint, and rows painted before that keep a stale
width in DataTable's render cache; measuring here first gives a stable layout (and snapshots).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import DataTable


def fill_table(
    table: DataTable,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    keys: Sequence[str] | None = None,
    *,
    max_width: int | Sequence[int] = 60,
    keep_row: int | None = None,
) -> None:
    """Replace the table's columns and rows; put the cursor back on `keep_row` if given.

    `max_width` caps every column, or each column in turn when it is a sequence.
    """
    cells = [[str(c) for c in row] for row in rows]
    caps = [max_width] * len(headers) if isinstance(max_width, int) else list(max_width)
    widths = [
        min(max([len(h)] + [len(r[i]) for r in cells]), caps[i]) for i, h in enumerate(headers)
    ]
    table.clear(columns=True)
    for header, width in zip(headers, widths, strict=True):
        table.add_column(header, width=width)
    for n, row in enumerate(cells):
        table.add_row(*row, key=keys[n] if keys else None)
    if keep_row is not None and cells:
        table.move_cursor(row=min(max(keep_row, 0), len(cells) - 1))

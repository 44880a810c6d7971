"""Themes screen: per line of enquiry, themes with keywords, labels and prevalence (bar
chart), their quotes with attribution; rename, merge, split, star quotes, re-fit with progress."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.widgets import DataTable, Static

from research.tui import services
from research.tui.screens.base import ResearchScreen
from research.tui.widgets.bar_chart import BarChart
from research.tui.widgets.tables import fill_table


class ThemesScreen(ResearchScreen):
    CSS_PATH = "themes.tcss"
    BINDINGS = [
        Binding("left_square_bracket", "loe(-1)", "Prev line"),
        Binding("right_square_bracket", "loe(1)", "Next line"),
        Binding("n", "rename", "Rename"),
        Binding("space", "mark", "Mark to merge"),
        Binding("M", "merge", "Merge marked here"),
        Binding("S", "split", "Split in two"),
        Binding("s", "star", "Star quote"),
        Binding("f", "refit", "Re-fit"),
    ]

    def body(self) -> ComposeResult:
        self.loes = services.lines_of_enquiry(self.project)
        self.loe_index = 0
        self.themes: list[dict] = []
        self.quotes: list[dict] = []
        self.marked: set[int] = set()
        yield Static(id="loe-title", classes="pane-title")
        with Horizontal():
            with Vertical(id="left"):
                yield DataTable(id="themes", cursor_type="row", zebra_stripes=True)
                yield Static("Prevalence: groups that raised each theme", classes="pane-title")
                yield BarChart(id="chart")
            with Vertical(id="right"):
                yield Static(id="quotes-title", classes="pane-title")
                yield DataTable(id="quotes", cursor_type="row", zebra_stripes=True)
                yield Static(id="quote-detail")

    @property
    def loe(self) -> tuple[str, str] | None:
        return self.loes[self.loe_index] if self.loes else None

    def reload(self) -> None:
        table = self.query_one("#themes", DataTable)
        row = table.cursor_row
        self.themes = services.themes(self.project, self.loe[0]) if self.loe else []
        n = len(self.loes)
        title = f"{self.loe[1]} ({self.loe_index + 1}/{n})" if self.loe else "no codebook yet"
        self.query_one("#loe-title", Static).update(
            f"{title} · {len(self.themes)} theme(s) · [ ] change line of enquiry"
        )
        fill_table(
            table,
            (" ", "id", "label", "groups", "segs"),
            [
                ("●" if t["id"] in self.marked else "", t["id"],
                 t["label"] + ("" if t["label_source"] == "auto" else " ✎"),
                 f"{t['prevalence']['groups']}/{t['prevalence']['groups_total']}", t["size"])
                for t in self.themes
            ],
            [str(t["id"]) for t in self.themes],
            max_width=(1, 4, 42, 6, 4),
            keep_row=row,
        )  # fmt: skip
        self.query_one(BarChart).set_rows(
            [
                (t["label"], t["prevalence"]["groups"], t["prevalence"]["groups_total"])
                for t in self.themes
            ]
        )
        self._quotes()

    def current(self) -> dict | None:
        row = self.query_one("#themes", DataTable).cursor_row
        return self.themes[row] if self.themes and row < len(self.themes) else None

    def _quotes(self, follow: int | None = None) -> None:
        """Fill the quotes of the highlighted theme; keep the cursor on segment `follow`."""
        theme = self.current()
        self.query_one("#quotes-title", Static).update(
            f"Quotes, starred first (tab, then s stars) · keywords: "
            f"{escape(', '.join(theme['keywords'][:5]))}"
            if theme
            else "Quotes"
        )
        table = self.query_one("#quotes", DataTable)
        row = table.cursor_row
        self.quotes = services.theme_quotes(self.project, theme["id"]) if theme else []
        ids = [q["segment_id"] for q in self.quotes]
        if follow in ids:
            row = ids.index(follow)
        fill_table(
            table,
            ("★", "who", "quote"),
            [
                ("★" if q["starred"] else "", f"{q['speaker']} {q['source']}", q["text"])
                for q in self.quotes
            ],
            [str(i) for i in ids],
            max_width=120,
            keep_row=row,
        )
        self._quote_detail()

    def _quote_detail(self) -> None:
        row = self.query_one("#quotes", DataTable).cursor_row
        box = self.query_one("#quote-detail", Static)
        if not self.quotes or row >= len(self.quotes):
            box.update("")
            return
        q = self.quotes[row]
        box.update(
            f"{'★ ' if q['starred'] else ''}“{escape(q['text'])}” ({escape(q['attribution'])})"
        )

    # --- actions -------------------------------------------------------------------------------
    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "themes":
            self._quotes()
        else:
            self._quote_detail()

    def action_loe(self, step: int) -> None:
        if self.loes:
            self.loe_index = (self.loe_index + step) % len(self.loes)
            self.marked.clear()
            self.query_one("#themes", DataTable).move_cursor(row=0)
            self.reload()

    def action_rename(self) -> None:
        theme = self.current()
        if theme is None:
            return
        from research.tui.screens.prompt import PromptScreen

        def save(label: str | None) -> None:
            if label and self.run_safely(services.rename_theme, self.project, theme["id"], label):
                self.reload()

        self.app.push_screen(PromptScreen("New label for this theme", theme["label"]), save)

    def action_mark(self) -> None:
        theme = self.current()
        if theme is not None:
            self.marked ^= {theme["id"]}
            self.reload()

    def action_merge(self) -> None:
        theme = self.current()
        sources = sorted(self.marked - {theme["id"]}) if theme else []
        if not sources:
            self.notify(
                "mark themes with space, then press M on the theme they join", severity="warning"
            )
            return
        into = theme["id"]
        self.marked.clear()
        self.app.run_write(
            lambda p: services.merge_themes(p, sources, into),
            f"merged {', '.join(map(str, sources))} into theme {into}",
        )

    def action_split(self) -> None:
        theme = self.current()
        if theme is None:
            return
        tid = theme["id"]
        self.notify(f"splitting theme {tid} in two...", timeout=3)
        self.app.run_write(
            lambda p: services.split_theme(p, tid),
            f"theme {tid} split in two",
            then=lambda new: self.notify(f"new theme {new}", timeout=3),
        )

    def action_star(self) -> None:
        row = self.query_one("#quotes", DataTable).cursor_row
        if not self.quotes or row >= len(self.quotes) or self.loe is None:
            return
        q = self.quotes[row]
        ok = self.run_safely(
            services.toggle_star, self.project, q["segment_id"], self.loe[0], bool(q["starred"])
        )
        if ok:
            self.notify("unstarred" if q["starred"] else "starred", timeout=2)
            self._quotes(follow=q["segment_id"])

    def action_refit(self) -> None:
        loe = self.loe[0] if self.loe else None
        self.app.start_job(
            f"re-fit {loe}", lambda p, progress: services.run_themes(p, progress, loe)
        )

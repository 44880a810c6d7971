"""Coding screen (researchers): a transcript reader of segments, suggested codes with
confidence, one key per line of enquiry, accept / reject, filters, memos; saved at once."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from research.tui import services
from research.tui.screens.base import ResearchScreen
from research.tui.widgets.tables import fill_table

MAX_LOES = 9


def clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    m, s = divmod(int(seconds), 60)
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def undecided(seg: dict) -> list[tuple[str, float]]:
    """The tool's suggestions this coder has not decided on, most confident first."""
    out = [(c, conf) for c, (conf, st) in seg["suggested"].items() if c not in seg["mine"]]
    return sorted(out, key=lambda x: -x[1])


class CodingScreen(ResearchScreen):
    CSS_PATH = "coding.tcss"
    BINDINGS = [
        *(Binding(str(i), f"toggle_code({i - 1})", f"Code {i}") for i in range(1, MAX_LOES + 1)),
        Binding("a", "decide(True)", "Accept"),
        Binding("x", "decide(False)", "Reject"),
        Binding("j", "move(1)", "Next segment", show=False),
        Binding("k", "move(-1)", "Previous segment", show=False),
        Binding("left_square_bracket", "source(-1)", "Prev source"),
        Binding("right_square_bracket", "source(1)", "Next source"),
        Binding("u", "filter('uncoded')", "Uncoded"),
        Binding("l", "filter('low')", "Low confidence"),
        Binding("m", "memo", "Memo"),
    ]

    def body(self) -> ComposeResult:
        self.loes = services.lines_of_enquiry(self.project)
        self.sources = services.source_labels(self.project)
        self.source_index = 0
        self.mode = "all"
        self.segments: list[dict] = []
        yield Static(id="coding-progress", classes="pane-title")
        yield DataTable(id="segments", cursor_type="row", zebra_stripes=True)
        yield Static(id="segment-detail")
        yield Static(self._legend(), id="legend", classes="hint")

    @staticmethod
    def _legend() -> str:
        return (
            "1-4 toggle a line of enquiry · a accept / x reject the top suggestion · "
            "↑↓ segments · [ ] sources · u uncoded · l low confidence · m memo"
        )

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "toggle_code":
            return parameters[0] < len(self.loes)
        return True

    # --- data ----------------------------------------------------------------------------------
    @property
    def source(self) -> str | None:
        return self.sources[self.source_index] if self.sources else None

    def reload(self) -> None:
        table = self.query_one("#segments", DataTable)
        keep = self.current()
        keep_row = table.cursor_row
        segs = (
            services.coding_segments(self.project, self.source, self.app.coder)
            if self.source
            else []
        )
        if self.mode == "uncoded":
            segs = [s for s in segs if not s["mine"]]
        elif self.mode == "low":
            segs = [s for s in segs if (u := undecided(s)) and u[0][1] < services.LOW_CONFIDENCE]
        self.segments = segs
        rows = []
        for s in segs:
            sugg = " ".join(f"{c[:5]} {conf:.2f}" for c, conf in undecided(s))
            mine = " ".join(
                ("-" if st == "rejected" else "+") + c[:5] for c, st in sorted(s["mine"].items())
            )
            rows.append((clock(s["start"]), s["speaker"] or "?", s["text"], sugg, mine))
        ids = [s["id"] for s in segs]
        row = ids.index(keep["id"]) if keep and keep["id"] in ids else keep_row
        fill_table(
            table, ("time", "speaker", "segment", "suggested", "yours"), rows,
            [str(i) for i in ids], max_width=64, keep_row=row,
        )  # fmt: skip
        self._progress()
        self._detail()

    def _progress(self) -> None:
        done, total = services.coding_progress(self.project, self.app.coder)
        n = len(self.sources)
        where = f"{self.source} ({self.source_index + 1}/{n})" if n else "no sources"
        self.query_one("#coding-progress", Static).update(
            f"{where} · coder {self.app.coder}: {done}/{total} segments coded · "
            f"filter: {self.mode} · {len(self.segments)} shown"
        )

    def current(self) -> dict | None:
        table = self.query_one("#segments", DataTable)
        if not self.segments or table.cursor_row >= len(self.segments):
            return None
        return self.segments[table.cursor_row]

    def _detail(self) -> None:
        seg = self.current()
        box = self.query_one("#segment-detail", Static)
        if seg is None:
            box.update("nothing to code here: [ ] change source, u / l change the filter")
            return
        out = Text()
        out.append(f"{seg['speaker'] or '?'}  {clock(seg['start'])}–{clock(seg['end'])}\n", "bold")
        out.append(seg["text"] + "\n\n")
        for i, (code, name) in enumerate(self.loes, 1):
            conf, st = seg["suggested"].get(code, (None, None))
            mine = seg["mine"].get(code)
            out.append(f"{i} {name:<28}", "bold" if mine and mine != "rejected" else "")
            if conf is not None:
                out.append(f" suggested {conf:.2f}")
            if mine:
                out.append(f"  you: {mine}", "green" if mine != "rejected" else "red")
            out.append("\n")
        if seg["memo"]:
            out.append(f"memo: {seg['memo']}", "italic")
        box.update(out)

    # --- actions -------------------------------------------------------------------------------
    def on_data_table_row_highlighted(self, _: DataTable.RowHighlighted) -> None:
        self._detail()

    def action_move(self, step: int) -> None:
        table = self.query_one("#segments", DataTable)
        table.move_cursor(row=max(0, table.cursor_row + step))

    def action_source(self, step: int) -> None:
        if self.sources:
            self.source_index = (self.source_index + step) % len(self.sources)
            self.query_one("#segments", DataTable).move_cursor(row=0)
            self.segments = []
            self.reload()

    def action_filter(self, mode: str) -> None:
        self.mode = "all" if self.mode == mode else mode
        self.reload()

    def action_toggle_code(self, index: int) -> None:
        seg = self.current()
        if seg is None or index >= len(self.loes):
            return
        code, name = self.loes[index]
        if seg["mine"].get(code) in ("applied", "accepted"):
            ok = self.run_safely(
                services.remove_code, self.project, seg["id"], code, self.app.coder
            )
            verb = "removed"
        else:
            ok = self.run_safely(services.apply_code, self.project, seg["id"], code, self.app.coder)
            verb = "applied"
        if ok:
            self.notify(f"{name} {verb}", timeout=2)
            self.reload()

    def action_decide(self, accept: bool) -> None:
        seg = self.current()
        pending = undecided(seg) if seg else []
        if not pending:
            self.notify("no undecided suggestion on this segment", severity="warning")
            return
        code = pending[0][0]
        if self.run_safely(
            services.decide_suggestion, self.project, seg["id"], code, self.app.coder, accept
        ):
            self.notify(f"{code} {'accepted' if accept else 'rejected'}", timeout=2)
            self.reload()

    def action_memo(self) -> None:
        seg = self.current()
        if seg is None:
            return
        if not seg["mine"]:
            self.notify("code the segment first: a memo goes with your codings", severity="warning")
            return
        from research.tui.screens.prompt import PromptScreen

        def save(memo: str | None) -> None:
            if memo is not None and self.run_safely(
                services.set_memo, self.project, seg["id"], self.app.coder, memo
            ):
                self.reload()

        self.app.push_screen(PromptScreen("Memo for this segment", seg["memo"] or ""), save)

"""Project screen: sources, their attributes and pipeline state, sign-off, stage runs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from research.tui import services
from research.tui.screens.base import ResearchScreen
from research.tui.widgets.tables import fill_table

COLUMNS = (
    "source",
    "format",
    "turns",
    "speakers",
    "imported",
    "anonymised",
    "review",
    "coded",
    "themed",
    "attributes",
)


def _mark(flag: bool) -> str:
    return "yes" if flag else "-"


class ProjectScreen(ResearchScreen):
    """Where every stage is started; long runs show a bar and can be cancelled (ctrl+x)."""

    CSS_PATH = "project.tcss"
    BINDINGS = [
        Binding("a", "app.anonymise", "Anonymise"),
        Binding("s", "app.auto_code", "Suggest codes"),
        Binding("f", "app.fit_themes", "Fit themes"),
        Binding("o", "app.sign_off", "Sign off"),
        Binding("g", "reload", "Refresh"),
    ]

    def body(self) -> ComposeResult:
        yield Static(id="project-title")
        yield DataTable(id="sources", cursor_type="row", zebra_stripes=True)
        yield Static(id="signoff")
        yield Static(id="next-step")

    def action_reload(self) -> None:
        self.reload()

    def reload(self) -> None:
        data = services.status(self.project)
        self.query_one("#project-title", Static).update(
            f"[b]{data['project']}[/b]  {len(data['sources'])} source(s)"
        )
        rows, keys = [], []
        for s in data["sources"]:
            coded = f"{s.get('coded_segments', 0)}/{s['segments']}" if "segments" in s else "-"
            themed = str(s.get("themed_segments", "-"))
            attrs = ", ".join(f"{k}={v}" for k, v in s["attrs"].items())
            rows.append(
                (s["label"], s["format"], s["turns"], s["speakers"], "yes",
                 _mark(s["anonymised"]), s.get("pending_review", 0), coded, themed, attrs)
            )  # fmt: skip
            keys.append(str(s["id"]))
        table = self.query_one("#sources", DataTable)
        fill_table(table, COLUMNS, rows, keys, keep_row=table.cursor_row)
        so = data["signoff"]
        widget = self.query_one("#signoff", Static)
        widget.update(f"sign-off: {so['summary']}")
        widget.set_class(so["valid"], "valid")
        self.query_one("#next-step", Static).update(self._next(data))

    @staticmethod
    def _next(data: dict) -> str:
        sources = data["sources"]
        if not sources:
            return "next: import transcripts with `research import FILE...`"
        if not all(s["anonymised"] for s in sources):
            return "next: press a to anonymise the new sources (asks for the vault passphrase)"
        if not any(s.get("segments") for s in sources):
            return "next: press s to suggest codes, then code them in Coding (f3)"
        if not data["signoff"]["valid"]:
            return "next: the ethics lead reviews in Review (f2) and signs off (o)"
        return "next: code (f3), explore themes (f4), export (f5)"

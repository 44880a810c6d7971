"""Review screen (the ethics lead): detections with filters, text in context, originals once
the vault is unlocked, accept / reject / add a redaction, residual findings, sign-off."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Input, Label, Select, Static, TextArea

from research.tui import services
from research.tui.screens.base import ResearchScreen
from research.tui.widgets.tables import fill_table

FILTERS = ("entity_type", "recognizer", "decision")


class ReviewScreen(ResearchScreen):
    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("a", "decide('accepted')", "Accept"),
        Binding("r", "decide('rejected')", "Reject"),
        Binding("A", "decide('accepted', True)", "Accept every occurrence", show=False),
        Binding("R", "decide('rejected', True)", "Reject every occurrence", show=False),
        Binding("p", "pending", "Pending only"),
        Binding("t", "focus_text", "Select text"),
        Binding("n", "add_redaction", "Redact selection"),
        Binding("u", "app.unlock", "Unlock"),
        Binding("o", "app.sign_off", "Sign off"),
        Binding("slash", "focus_filters", "Filter"),
        Binding("escape", "focus_table", "Back to list", show=False),
    ]

    def body(self) -> ComposeResult:
        self.facets = facets = services.detection_facets(self.project)
        with Horizontal(id="filters"):
            for name in FILTERS:
                options = [(v, v) for v in facets[name]]
                yield Select(options, prompt=name.replace("_", " "), id=f"f-{name}")
            yield Input(placeholder="max score", id="f-score", restrict=r"[0-9.]*")
        yield Static(id="review-summary", classes="pane-title")
        yield DataTable(id="detections", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="texts"):
            with Vertical():
                yield Label(
                    "Anonymised turn (t selects, n redacts the selection)", classes="pane-title"
                )
                yield TextArea("", read_only=True, id="anon", soft_wrap=True)
            with Vertical():
                yield Label("Original (vault)", classes="pane-title")
                yield Static(id="original")
        yield Label("Residual findings (what a second scan still found)", classes="pane-title")
        yield DataTable(id="residual", cursor_type="row")

    # --- data ----------------------------------------------------------------------------------
    def filters(self) -> dict:
        out: dict = {}
        for name in FILTERS:
            value = self.query_one(f"#f-{name}", Select).value
            out[name] = None if value is Select.NULL else value
        score = self.query_one("#f-score", Input).value
        try:
            out["max_score"] = float(score) if score else None
        except ValueError:
            out["max_score"] = None
        return out

    def reload(self) -> None:
        table = self.query_one("#detections", DataTable)
        row = table.cursor_row
        self.items = services.detections(self.project, self.app.vault, **self.filters())
        fill_table(
            table,
            ("id", "source", "turn", "type", "recognizer", "score", "origin", "decision", "replacement", "context"),
            [
                (it.id, it.source, it.utt_idx, it.entity_type, it.recognizer, f"{it.score:.2f}",
                 it.origin, it.decision, it.replacement or "", it.context)
                for it in self.items
            ],
            [str(it.id) for it in self.items],
            max_width=90,
            keep_row=row,
        )  # fmt: skip
        pending = sum(it.decision == "pending" for it in self.items)
        lock = "vault unlocked" if self.app.vault is not None else "vault locked (u unlocks)"
        self.query_one("#review-summary", Static).update(
            f"{len(self.items)} detection(s) shown, {pending} pending · {lock} · "
            f"{services.signoff_state(self.project)['summary']}"
        )
        self._show_detail()
        res = self.query_one("#residual", DataTable)
        fill_table(
            res,
            ("id", "source", "turn", "type", "recognizer", "score", "rule", "decision"),
            [
                (f["id"], f["source"], f["utt_idx"], f["entity_type"], f["recognizer"],
                 f"{f['score']:.2f}", f["rule_id"] or "", f["decision"])
                for f in services.residual_findings(self.project)
            ],
        )  # fmt: skip

    def current(self):
        table = self.query_one("#detections", DataTable)
        if not getattr(self, "items", None) or table.cursor_row >= len(self.items):
            return None
        return self.items[table.cursor_row]

    def _show_detail(self) -> None:
        item = self.current()
        anon = self.query_one("#anon", TextArea)
        original = self.query_one("#original", Static)
        if item is None:
            anon.load_text("")
            original.update("")
            return
        anon.load_text(services.utterance_text(self.project, item.source, item.utt_idx))
        if self.app.vault is None:
            original.update(
                "[dim]locked: press u and enter the passphrase to see the original[/dim]"
            )
            return
        text = services.original_utterance(self.project, self.app.vault, item.source, item.utt_idx)
        surface = item.original or ""
        if surface and surface in text:
            i = text.index(surface)
            from rich.text import Text

            shown = Text(text[:i]) + Text(surface, style="reverse") + Text(text[i + len(surface) :])
            original.update(shown)
        else:
            from rich.text import Text

            original.update(Text(text))

    # --- events and actions --------------------------------------------------------------------
    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "detections":
            self._show_detail()

    def on_select_changed(self, _: Select.Changed) -> None:
        self.reload()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "f-score":
            self.reload()

    def action_pending(self) -> None:
        select = self.query_one("#f-decision", Select)
        if select.value == "pending" or "pending" not in self.facets["decision"]:
            select.clear()
        else:
            select.value = "pending"

    def action_decide(self, decision: str, everywhere: bool = False) -> None:
        item = self.current()
        if item is None:
            return
        who, det = self.app.coder, item.id
        self.app.run_write(
            lambda p, v: services.decide_detection(p, v, det, decision, who, everywhere),
            f"detection {det} {decision}"
            + (", and every occurrence of its words" if everywhere else ""),
            vault=True,
        )

    def action_focus_text(self) -> None:
        self.query_one("#anon", TextArea).focus()

    def action_focus_table(self) -> None:
        self.query_one("#detections", DataTable).focus()

    def action_focus_filters(self) -> None:
        self.query_one("#f-entity_type", Select).focus()

    def action_add_redaction(self) -> None:
        text = self.query_one("#anon", TextArea).selected_text.strip()
        if not text:
            self.notify("select the text to redact first: t, then shift+arrows", severity="warning")
            return
        from research.tui.screens.redact import RedactScreen

        def chosen(entity_type: str | None) -> None:
            if entity_type:
                who = self.app.coder
                self.app.run_write(
                    lambda p, v: services.add_redaction(p, v, text, entity_type, who),
                    f"redaction added ({entity_type}) and applied to every source",
                    vault=True,
                )

        self.app.push_screen(RedactScreen(len(text), services.entity_types()), chosen)

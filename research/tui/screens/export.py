"""Export screen: pick what (quote sheet, report, REFI-QDA, audit, transparency record),
the format and where; shows the sign-off status and the paths written."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Select, Static

from research.tui import services
from research.tui.screens.base import ResearchScreen


class ExportScreen(ResearchScreen):
    CSS_PATH = "export.tcss"
    BINDINGS = [Binding("w", "write", "Write export")]

    def body(self) -> ComposeResult:
        self.kinds = list(services.EXPORT_KINDS)
        self.written: list[str] = []
        yield Static(id="export-signoff")
        with Horizontal(id="export-form"):
            with Vertical(id="kinds"):
                yield Label("What", classes="pane-title")
                with RadioSet(id="kind"):
                    for i, kind in enumerate(self.kinds):
                        yield RadioButton(services.EXPORT_TITLES[kind], value=i == 0)
            with Vertical(id="options"):
                yield Label("Format", classes="pane-title")
                first = services.EXPORT_KINDS[self.kinds[0]]
                yield Select([(f, f) for f in first], allow_blank=False, id="format")
                yield Label("Destination (relative to the project)", classes="pane-title")
                yield Input(id="dest")
                yield Button("Write (w)", variant="primary", id="write")
        yield Label("Written", classes="pane-title")
        yield Static(id="written")

    def on_mount(self) -> None:
        super().on_mount()
        self._set_kind(0)

    @property
    def kind(self) -> str:
        index = self.query_one("#kind", RadioSet).pressed_index
        return self.kinds[max(index, 0)]

    def _set_kind(self, index: int) -> None:
        kind = self.kinds[index]
        fmts = services.EXPORT_KINDS[kind]
        select = self.query_one("#format", Select)
        select.set_options([(f, f) for f in fmts])
        select.value = fmts[0]
        self._set_dest(kind, fmts[0])

    def _set_dest(self, kind: str, fmt: str) -> None:
        path = services.default_export_path(self.project, kind, fmt)
        self.query_one("#dest", Input).value = str(path.relative_to(self.project.root))

    def reload(self) -> None:
        state = services.signoff_state(self.project)
        box = self.query_one("#export-signoff", Static)
        note = "" if state["valid"] else " · exports will say so in their header"
        box.update(f"sign-off: {state['summary']}{note}")
        box.set_class(state["valid"], "valid")
        self.query_one("#written", Static).update(
            "\n".join(self.written) or "nothing written yet in this session"
        )

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._set_kind(event.index)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL:
            self._set_dest(self.kind, str(event.value))

    def on_button_pressed(self, _: Button.Pressed) -> None:
        self.action_write()

    def action_write(self) -> None:
        kind, fmt = self.kind, str(self.query_one("#format", Select).value)
        dest = Path(self.query_one("#dest", Input).value or "")
        out = dest if dest.is_absolute() else self.project.root / dest
        root = self.project.root

        def written(paths: list[Path]) -> None:
            for p in paths:
                shown = p.relative_to(root) if p.is_relative_to(root) else p
                self.written.append(f"{services.EXPORT_TITLES[kind]}: {shown}")

        self.app.run_write(
            lambda p: services.write_export(p, kind, fmt, out),
            f"wrote {services.EXPORT_TITLES[kind].lower()}",
            then=written,
        )

"""Add-a-redaction dialog: pick the entity type for the selected text (not echoed here)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList


class RedactScreen(ModalScreen[str | None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, n_chars: int, entity_types: tuple[str, ...]) -> None:
        super().__init__()
        self.n_chars, self.entity_types = n_chars, entity_types

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"[b]Redact the selected text[/b] ({self.n_chars} characters) everywhere")
            yield OptionList(*self.entity_types, id="entity-types")
            yield Label("enter picks the type, esc cancels", classes="hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.entity_types[event.option_index])

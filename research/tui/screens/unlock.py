"""Unlock dialog: the vault passphrase (pre-filled from $RESEARCH_PASSPHRASE), never echoed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class UnlockScreen(ModalScreen[str | None]):
    """Returns the passphrase, or None when cancelled."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, prefill: str = "") -> None:
        super().__init__()
        self.prefill = prefill

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("[b]Unlock the vault[/b]: originals are shown in Review only")
            yield Input(self.prefill, password=True, placeholder="passphrase", id="passphrase")
            yield Label("enter unlocks, esc cancels", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value or None)

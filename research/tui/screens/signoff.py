"""Sign-off dialog: reviewer, note, pending count; records the corpus hash via the service."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label

from research.tui import services


class SignoffScreen(ModalScreen[dict | None]):
    """Returns the new sign-off state, or None when cancelled."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, project, reviewer: str) -> None:
        super().__init__()
        self.project, self.reviewer = project, reviewer

    def compose(self) -> ComposeResult:
        state = services.signoff_state(self.project)
        pending = services.pending_count(self.project)
        with Vertical(classes="dialog", id="signoff-dialog"):
            yield Label("[b]Sign off the anonymised corpus[/b]")
            yield Label(f"current: {state['summary']}", classes="hint")
            yield Label(f"{pending} detection(s) still pending review", id="pending")
            yield Input(self.reviewer, placeholder="reviewer", id="reviewer")
            yield Input("", placeholder="note (optional)", id="note")
            yield Checkbox("sign off with pending detections", id="allow-pending")
            with Horizontal(classes="buttons"):
                yield Button("Sign off", variant="primary", id="sign")
                yield Button("Cancel", id="cancel")

    def on_input_submitted(self, _: Input.Submitted) -> None:
        self._sign()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "sign":
            self._sign()
        else:
            self.dismiss(None)

    def _sign(self) -> None:
        from research.errors import ResearchError

        reviewer = self.query_one("#reviewer", Input).value
        note = self.query_one("#note", Input).value or None
        allow = self.query_one("#allow-pending", Checkbox).value
        try:
            state = services.sign_off(self.project, reviewer, note, allow)
        except ResearchError as exc:
            self.notify(str(exc), severity="error")
            return
        self.dismiss(state)

"""Shared frame of the five screens: header, body, job panel, footer; reload on changes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from research.tui.messages import DataChanged, VaultUnlocked
from research.tui.widgets.job_panel import JobPanel


class ResearchScreen(Screen):
    """Subclasses yield their widgets from `body()` and reload them in `reload()`."""

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        yield Static(self._tabs(), id="screen-tabs")
        yield from self.body()
        yield JobPanel()
        yield Footer()

    def _tabs(self) -> str:
        from research.tui.app import SCREEN_KEYS

        me = type(self).__name__.removesuffix("Screen").lower()
        return (
            "  ".join(
                f"[reverse b] {key.upper()} {title} [/]"
                if name == me
                else f" [b]{key.upper()}[/] {title} "
                for key, name, title in SCREEN_KEYS
            )
            + "   [dim]? keys · ctrl+p commands[/]"
        )

    def body(self) -> ComposeResult:  # pragma: no cover - overridden
        yield from ()

    def reload(self) -> None:
        """Re-read what the screen shows from project.db."""

    @property
    def project(self):
        return self.app.project

    def on_mount(self) -> None:
        self._fresh = True
        self.reload()

    def on_screen_resume(self) -> None:
        if getattr(self, "_fresh", False):
            self._fresh = False  # just loaded by on_mount
            return
        self.reload()

    def on_data_changed(self, _: DataChanged) -> None:
        self.reload()

    def on_vault_unlocked(self, _: VaultUnlocked) -> None:
        self.reload()

    def run_safely(self, fn, *args, done: str | None = None) -> bool:
        """Call a service; show the project's own error message instead of crashing."""
        from research.errors import ResearchError

        try:
            fn(*args)
        except ResearchError as exc:
            self.notify(str(exc), severity="error")
            return False
        if done:
            self.notify(done)
        return True

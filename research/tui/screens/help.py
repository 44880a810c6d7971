"""`?`: every key of every screen, read from the bindings themselves so it cannot drift."""

from __future__ import annotations

from importlib import import_module

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

SCREENS = ("project", "review", "coding", "themes", "export")
KEY_NAMES = {
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "space": "space",
    "escape": "esc",
}


def key_label(key: str) -> str:
    return ", ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in key.split(","))


def help_sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """(section title, [(keys, description)]) for the app and each screen."""
    from research.tui.app import ResearchApp

    def rows(bindings) -> list[tuple[str, str]]:
        out = []
        for b in bindings:
            if isinstance(b, Binding) and b.description:
                out.append((key_label(b.key), b.description))
        return out

    sections = [("Everywhere", rows(ResearchApp.BINDINGS) + [("ctrl+p", "Command palette")])]
    for name in SCREENS:
        cls = getattr(import_module(f"research.tui.screens.{name}"), f"{name.capitalize()}Screen")
        sections.append((f"{name.capitalize()} screen", rows(cls.BINDINGS)))
    return sections


class HelpScreen(ModalScreen[None]):
    """A scrollable list of keys; esc or ? closes it."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        lines = []
        for title, keys in help_sections():
            lines.append(f"[b]{title}[/b]")
            lines += [f"  [b $accent]{k:<12}[/] {d}" for k, d in keys]
            lines.append("")
        with VerticalScroll(id="help", classes="dialog"):
            yield Static("\n".join(lines).rstrip())
            yield Static("esc closes", classes="hint")

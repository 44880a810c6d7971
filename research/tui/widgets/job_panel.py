"""The running job: title, progress bar and how to cancel it; hidden when nothing runs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class JobPanel(Horizontal):
    """Mirrors the app's `job_title` / `job_done` reactives (set from worker messages)."""

    def compose(self) -> ComposeResult:
        yield Label("", id="job-title")
        yield ProgressBar(show_eta=False, id="job-bar")
        yield Label("ctrl+x cancels", id="job-hint")

    def on_mount(self) -> None:
        self.watch(self.app, "job_title", self._title)
        self.watch(self.app, "job_done", self._done)

    def _title(self, title: str) -> None:
        self.display = bool(title)
        self.query_one("#job-title", Label).update(title)

    def _done(self, done: tuple[int, int] | None) -> None:
        bar = self.query_one(ProgressBar)
        if done is None:
            bar.update(total=None, progress=0)
        else:
            bar.update(total=done[1] or None, progress=done[0])

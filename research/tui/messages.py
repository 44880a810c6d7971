"""Typed messages that workers post back to the app."""

from __future__ import annotations

from textual.message import Message


class JobProgress(Message):
    """Progress of the running job; a newer one replaces an older one still queued."""

    def __init__(self, title: str, done: int, total: int) -> None:
        super().__init__()
        self.title, self.done, self.total = title, done, total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, JobProgress)


class JobDone(Message):
    """A job finished; `summary` is an anonymised one-line result."""

    def __init__(self, title: str, summary: str) -> None:
        super().__init__()
        self.title, self.summary = title, summary


class VaultUnlocked(Message):
    """The vault is open: screens that show originals refresh."""


class DataChanged(Message):
    """Something in project.db changed: the visible screen reloads what it shows."""

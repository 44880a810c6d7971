"""`ResearchApp`: five screens (modes) over one project, long jobs in thread workers.

`make_app` is shared by `research tui` and the tests. The project database is read on the UI
thread (small, indexed queries); stage runs and vault work happen in thread workers that open
their own connection and post typed messages back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive
from textual.worker import Worker, WorkerState, get_current_worker

from research.tui import services
from research.tui.commands import ResearchCommands
from research.tui.messages import DataChanged, JobDone, JobProgress, VaultUnlocked

SCREEN_KEYS = (
    ("f1", "project", "Project"),
    ("f2", "review", "Review"),
    ("f3", "coding", "Coding"),
    ("f4", "themes", "Themes"),
    ("f5", "export", "Export"),
)


class JobCancelled(Exception):
    """Raised from the progress callback when the user cancels the running job."""


def _screen(name: str) -> Callable[[], Any]:
    def factory():
        from importlib import import_module

        module = import_module(f"research.tui.screens.{name}")
        return getattr(module, f"{name.capitalize()}Screen")()

    return factory


class ResearchApp(App):
    """Keyboard-first UI for researchers and the ethics lead."""

    TITLE = "research"
    CSS_PATH = "app.tcss"
    MODES = {name: _screen(name) for _, name, _ in SCREEN_KEYS}
    DEFAULT_MODE = "project"
    COMMANDS = App.COMMANDS | {ResearchCommands}
    BINDINGS = [
        *(
            Binding(key, f"switch_mode('{name}')", f"{title} screen", show=False)
            for key, name, title in SCREEN_KEYS
        ),
        Binding("question_mark", "help", "Help"),
        Binding("ctrl+u", "unlock", "Unlock vault"),
        Binding("ctrl+x", "cancel_job", "Cancel job"),
        Binding("ctrl+q", "quit", "Quit"),
    ]

    job_title: reactive[str] = reactive("")
    job_done: reactive[tuple[int, int] | None] = reactive(None)

    def __init__(self, project_dir: str | Path, passphrase: str | None = None) -> None:
        super().__init__()
        self.project = services.open_project(project_dir)
        self.sub_title = self.project.settings.name
        self.vault = None
        self.coder = services.reviewer_name()
        self._passphrase = passphrase
        self._after_unlock: Callable[[], None] | None = None
        self._write_lock = threading.Lock()

    def on_mount(self) -> None:
        if self._passphrase:
            self.unlock(self._passphrase)
            self._passphrase = None

    def on_unmount(self) -> None:
        if self.vault is not None:
            self.vault.close()
        self.project.close()

    # --- help, vault -------------------------------------------------------------------------
    def action_help(self) -> None:
        from research.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_unlock(self) -> None:
        self.require_vault(lambda: None)

    def require_vault(self, then: Callable[[], None]) -> None:
        """Run `then` with the vault open, asking for the passphrase first if needed."""
        if self.vault is not None:
            then()
            return
        if not services.has_vault(self.project):
            self.notify("this project has no vault yet (import a transcript)", severity="error")
            return
        from research.tui.screens.unlock import UnlockScreen

        def entered(passphrase: str | None) -> None:
            if passphrase:
                self._after_unlock = then
                self.unlock(passphrase)

        self.push_screen(UnlockScreen(services.default_passphrase()), entered)

    @work(thread=True, exclusive=True, group="vault", exit_on_error=False)
    def unlock(self, passphrase: str) -> None:
        vault = services.unlock_vault(self.project, passphrase)
        self.call_from_thread(self._set_vault, vault)

    def _set_vault(self, vault) -> None:
        self.vault = vault
        self.notify("vault unlocked: originals are shown in Review")
        self.screen.post_message(VaultUnlocked())
        then, self._after_unlock = self._after_unlock, None
        if then is not None:
            then()

    # --- stage runs (Project and Themes screens, command palette) ----------------------------
    def action_anonymise(self) -> None:
        self.start_job("anonymise", services.run_anonymise, vault=True)

    def action_auto_code(self) -> None:
        self.start_job("auto-code", services.run_auto_coding)

    def action_fit_themes(self) -> None:
        self.start_job("fit themes", services.run_themes)

    def action_sign_off(self) -> None:
        from research.tui.screens.signoff import SignoffScreen

        def signed(state: dict | None) -> None:
            if state:
                self.notify(state["summary"])
                self.screen.post_message(DataChanged())

        self.push_screen(SignoffScreen(self.project, self.coder), signed)

    # --- jobs --------------------------------------------------------------------------------
    def start_job(self, title: str, fn: Callable[..., str], *, vault: bool = False) -> None:
        """Run `fn(project, [vault,] progress)` in a thread worker with a cancellable bar."""
        if self.job_title:
            self.notify(f"busy: {self.job_title} (ctrl+x cancels it)", severity="warning")
            return
        if vault:
            self.require_vault(lambda: self._launch(title, fn, True))
        else:
            self._launch(title, fn, False)

    def _launch(self, title: str, fn: Callable[..., str], vault: bool) -> None:
        self.job_title, self.job_done = title, (0, 0)
        self._job(title, fn, vault)

    @work(thread=True, exclusive=True, group="job", exit_on_error=False)
    def _job(self, title: str, fn: Callable[..., str], vault: bool) -> None:
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise JobCancelled
            self.post_message(JobProgress(title, done, total))

        project = services.open_project(self.project.root)
        try:
            args = (project, self.vault, progress) if vault else (project, progress)
            summary = fn(*args)
        finally:
            project.close()
        self.post_message(JobDone(title, summary))

    def run_write(
        self,
        fn: Callable[..., Any],
        done: str,
        *,
        vault: bool = False,
        then: Callable[[Any], None] | None = None,
    ) -> None:
        """A write that may take a moment (a review decision re-applies the whole corpus)."""
        if vault:
            self.require_vault(lambda: self._write(fn, done, True, then))
        else:
            self._write(fn, done, False, then)

    @work(thread=True, group="write", exit_on_error=False)
    def _write(self, fn: Callable[..., Any], done: str, vault: bool, then) -> None:
        with self._write_lock:  # one write at a time, in the order the keys were pressed
            project = services.open_project(self.project.root)
            try:
                result = fn(project, self.vault) if vault else fn(project)
            finally:
                project.close()
        self.call_from_thread(self._written, done, result, then)

    def _written(self, done: str, result: Any, then) -> None:
        self.notify(done)
        if then is not None:
            then(result)
        self.screen.post_message(DataChanged())

    def action_cancel_job(self) -> None:
        if not self.job_title:
            self.notify("no job is running")
            return
        self.workers.cancel_group(self, "job")
        self.notify(f"cancelling {self.job_title}...")

    def on_job_progress(self, message: JobProgress) -> None:
        if self.job_title:
            self.job_done = (message.done, message.total)

    def on_job_done(self, message: JobDone) -> None:
        self.job_title, self.job_done = "", None
        self.notify(f"{message.title}: {message.summary}")
        self.screen.post_message(DataChanged())

    @on(Worker.StateChanged)
    def worker_state(self, event: Worker.StateChanged) -> None:
        """The one place worker failures are reported (with the project's own message)."""
        state, group = event.state, event.worker.group
        if state not in (WorkerState.ERROR, WorkerState.CANCELLED):
            return
        if group == "job":
            title, self.job_title, self.job_done = self.job_title, "", None
            if state == WorkerState.CANCELLED or isinstance(event.worker.error, JobCancelled):
                self.notify(f"{title} cancelled: the project is as it was, or resumable")
                self.screen.post_message(DataChanged())
                return
        if state == WorkerState.ERROR:
            self.notify(error_text(event.worker.error), title="error", severity="error")
            if group == "vault":
                self._after_unlock = None


def error_text(exc: BaseException | None) -> str:
    """The project's own errors are safe to show; anything else by class name only."""
    from research.errors import ResearchError

    if isinstance(exc, ResearchError):
        return str(exc)
    return f"unexpected {type(exc).__name__}; see `research` CLI for details"


def make_app(project_dir: str | Path, passphrase: str | None = None) -> ResearchApp:
    """The app on PROJECT_DIR; with `passphrase` the vault is unlocked at start-up."""
    return ResearchApp(project_dir, passphrase)

"""Command palette provider: the main actions of every screen, found by name."""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider

COMMANDS = (
    ("Go to Project", "Sources, pipeline state, stage runs", "switch_mode('project')"),
    ("Go to Review", "Detections, originals, sign-off (ethics lead)", "switch_mode('review')"),
    ("Go to Coding", "Code segments against the lines of enquiry", "switch_mode('coding')"),
    ("Go to Themes", "Themes, prevalence and quotes", "switch_mode('themes')"),
    ("Go to Export", "Quote sheets, report, REFI-QDA, audit", "switch_mode('export')"),
    ("Anonymise new sources", "Detect and replace identifiers (needs the vault)", "anonymise"),
    ("Suggest codes", "Run the auto-coder over every participant segment", "auto_code"),
    ("Fit themes", "Re-fit themes for every line of enquiry", "fit_themes"),
    ("Unlock vault", "Enter the passphrase to see originals in Review", "unlock"),
    ("Sign off", "Record the ethics lead's sign-off of the anonymised corpus", "sign_off"),
    ("Cancel job", "Stop the running stage", "cancel_job"),
    ("Keys", "Every key binding, per screen", "help"),
)


class ResearchCommands(Provider):
    """The app's actions by name (stage runs, screens, vault, sign-off)."""

    def _callback(self, action: str):
        async def run() -> None:
            await self.app.run_action(action)

        return run

    async def discover(self) -> Hits:
        for name, help_text, action in COMMANDS:
            yield DiscoveryHit(name, self._callback(action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in COMMANDS:
            if (score := matcher.match(name)) > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    self._callback(action),
                    text=name,
                    help=help_text,
                )

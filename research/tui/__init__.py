"""The Textual terminal UI: five screens over the stages, through `research.tui.services`."""

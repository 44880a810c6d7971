"""The transcript format ids every reader, the sniffer and the rest of the tool agree on."""

from __future__ import annotations

FORMATS: tuple[str, ...] = (
    "teams-vtt",  # Microsoft Teams WebVTT: GUID/N-M cue ids and/or <v Name> voice spans
    "zoom-vtt",  # Zoom cloud-recording WebVTT: integer cue ids, "Name: text" payloads
    "vtt",  # any other WebVTT
    "teams-docx",  # Microsoft Teams Word transcript
    "otter-txt",  # Otter.ai text export: "Name  M:SS" header, then the speech
    "zoom-txt",  # Zoom live-transcript text: "[Name] HH:MM:SS" header, then the speech
    "plain-txt",  # "Name: text", "[Name] text" or "@Name: text" lines, no times
    "srt",  # SubRip subtitles, optional "Name:" prefix
)

DESCRIPTIONS: dict[str, str] = {
    "teams-vtt": "Microsoft Teams .vtt",
    "zoom-vtt": "Zoom .vtt",
    "vtt": "WebVTT .vtt",
    "teams-docx": "Microsoft Teams .docx",
    "otter-txt": "Otter.ai .txt",
    "zoom-txt": "Zoom live-transcript .txt",
    "plain-txt": "'Name: text' .txt",
    "srt": "SubRip .srt",
}

EXPECTED = "WebVTT (.vtt), SubRip (.srt), Teams .docx, Otter or Zoom .txt, or 'Name: text' lines"

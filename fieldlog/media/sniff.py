"""What kind of file this is, from its first bytes (never from its name)."""

import filetype

KINDS = ("image", "video", "audio", "pdf", "other")
SNIFF_BYTES = 8192


def sniff(head: bytes) -> tuple[str, str]:
    """Return (MIME type, kind)."""
    guess = filetype.guess(head[:SNIFF_BYTES]) if head else None
    if guess is None:
        return "application/octet-stream", "other"
    mime: str = guess.mime
    if mime == "application/pdf":
        return mime, "pdf"
    major = mime.split("/", 1)[0]
    return mime, major if major in ("image", "video", "audio") else "other"

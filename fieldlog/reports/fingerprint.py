"""The fingerprint of a summary: which records, in which state, under which options.

SHA-256 over canonical JSON of

    {"fingerprint": "fieldlog-summary/1",
     "options": {"since", "until", "categories", "testimony_text"},
     "records": [[incident id, revision, content SHA-256, [media SHA-256, ...]], ...]}

with the records sorted by id and the media hashes sorted. The content hash is the one of
the incident's latest revision, so any change to an incident (a new revision) or to its media
changes the fingerprint, while the time of generation, the language and the format do not:
two summaries with the same fingerprint cover exactly the same data.
"""

from collections.abc import Iterable

from fieldlog.canonical import canonical_json, sha256_hex
from fieldlog.reports.model import SummaryOptions

SCHEME = "fieldlog-summary/1"


def summary_fingerprint(
    options: SummaryOptions, records: Iterable[tuple[str, int, str, Iterable[str]]]
) -> str:
    """``records``: (incident id, revision, content SHA-256, media SHA-256s) per incident."""
    canonical_records = sorted(
        [incident_id, revision, content, sorted(media) if media else []]
        for incident_id, revision, content, media in records
    )
    return sha256_hex(
        canonical_json(
            {
                "fingerprint": SCHEME,
                "options": {
                    "since": options.since.isoformat(),
                    "until": options.until.isoformat(),
                    "categories": list(options.categories),
                    "testimony_text": options.testimony_text,
                },
                "records": canonical_records,
            }
        )
    )


def short(fingerprint: str) -> str:
    """The first 16 hex digits in groups of four, for headers and page footers."""
    return " ".join(fingerprint[index : index + 4] for index in range(0, 16, 4))

"""Consent filtering: a record as it may leave the vault.

Testimonies with consent ``internal`` are left out; those with consent ``anonymised`` lose
their witness pseudonym. Bundles export this view, and the custody log records its hash
(``incident.share``) when it first leaves the vault, so a recipient can check it against
the chain without learning what was withheld.
"""

from dataclasses import dataclass

from fieldlog.canonical import canonical_json, sha256_hex
from fieldlog.interchange.document import Record


@dataclass
class ConsentCounts:
    withheld: int = 0  # consent "internal": left out
    anonymised: int = 0  # consent "anonymised": pseudonym removed
    exported: int = 0


def filter_consent(record: Record, counts: ConsentCounts) -> tuple[Record, bool]:
    """The record as it may leave the vault; True when consent changed it."""
    kept = []
    changed = False
    for testimony in record["testimonies"]:
        if testimony["consent"] == "internal":
            counts.withheld += 1
            changed = True
            continue
        if testimony["consent"] == "anonymised" and testimony["witness"]:
            kept.append({**testimony, "witness": ""})
            counts.anonymised += 1
            changed = True
        else:
            kept.append(testimony)
        counts.exported += 1
    return {**record, "testimonies": kept}, changed


def shared_view_sha256(record: Record) -> str:
    """SHA-256 of the canonical JSON of what consent lets leave the vault of ``record``."""
    return sha256_hex(canonical_json(filter_consent(record, ConsentCounts())[0]))


def share_digest(revision: int, revision_id: str, view_sha256: str) -> str:
    """What an ``incident.share`` event records: the view bound to its revision, so one
    event vouches for the record's revision number and id as well as its content."""
    return sha256_hex(
        canonical_json({"revision": revision, "revision_id": revision_id, "view": view_sha256})
    )

"""People this vault exchanges bundles with, and where imported records came from.

A contact is a legal team to export to (its age recipient) or a volunteer whose
bundles are trusted on import (their Ed25519 signing key), or both. Provenance rows
say, for every record a bundle brought in, which bundle it was, who signed it, whether
that signer was a trusted contact, and when it was imported. Provenance is append-only
(triggers in the migration), like the custody log.
"""

import uuid
from datetime import datetime

from sqlalchemy import Boolean, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from fieldlog.model.base import Base, UTCDateTime


class Contact(Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    recipient: Mapped[str | None] = mapped_column(String(100))  # age1..., to export to
    signing_key: Mapped[str | None] = mapped_column(String(64), index=True)  # Ed25519, hex
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RecordProvenance(Base):
    """One imported record (incident or media file) from one bundle."""

    __tablename__ = "record_provenance"
    __table_args__ = (UniqueConstraint("bundle_sha256", "record_type", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_type: Mapped[str] = mapped_column(String(16))  # "incident" or "media"
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    # What the bundle carried: the SHA-256 of the incident record or of the file's bytes.
    content_sha256: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))  # added, revised, unchanged
    # The revision this import made (added, revised) or left in place (unchanged).
    revision: Mapped[int | None] = mapped_column(Integer)
    bundle_sha256: Mapped[str] = mapped_column(String(64), index=True)
    signer: Mapped[str] = mapped_column(String(64))  # Ed25519 public key of the bundle, hex
    signer_verified: Mapped[bool] = mapped_column(Boolean)  # a trusted contact (or this vault)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SenderRevision(Base):
    """A trusted bundle brought this incident at this revision of its sender's vault.

    A later bundle from the same sender with the same or an earlier revision number is
    older than what was merged here and is left alone; one with a higher number is new,
    even when its content equals an earlier one (a correction undone). Append-only.
    """

    __tablename__ = "sender_revisions"

    incident_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    signer: Mapped[str] = mapped_column(String(64), primary_key=True)  # Ed25519, hex
    revision: Mapped[int] = mapped_column(Integer, primary_key=True)


class SupersededRevision(Base):
    """A revision that a trusted bundle's custody chain showed replaced by a later one in
    its sender's vault (a later one was merged here). Another sender's copy of it, not
    edited since, is left alone. Append-only.
    """

    __tablename__ = "superseded_revisions"

    incident_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)

"""What makes the record hold up: revisions and the signed custody log.

Both tables are append-only; triggers created by the migrations refuse any
UPDATE or DELETE, and ``services.custody.verify_chain`` proves it after the fact.
"""

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from fieldlog.model.base import Base, UTCDateTime


class IncidentRevision(Base):
    """The whole state of one incident (with its testimonies and observations) at one time."""

    __tablename__ = "incident_revisions"
    # The unique (incident_id, number) also serves every lookup by incident.
    __table_args__ = (UniqueConstraint("incident_id", "number"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    incident_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    content: Mapped[str] = mapped_column(Text)  # canonical JSON
    content_sha256: Mapped[str] = mapped_column(String(64))


class CustodyEvent(Base):
    """One link of the hash chain: who did what to which record, signed."""

    __tablename__ = "custody_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    action: Mapped[str] = mapped_column(String(40))
    subject_type: Mapped[str] = mapped_column(String(24))
    subject_id: Mapped[str] = mapped_column(String(64), index=True)
    revision_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("incident_revisions.id"), unique=True
    )
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    signer: Mapped[str] = mapped_column(String(64))  # Ed25519 public key, hex
    signature: Mapped[str] = mapped_column(String(128))


class DeviceKey(Base):
    """Keys made at init and kept only inside the encrypted database."""

    __tablename__ = "device_keys"

    purpose: Mapped[str] = mapped_column(String(16), primary_key=True)  # "signing", "age"
    secret: Mapped[bytes] = mapped_column(LargeBinary)
    public: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

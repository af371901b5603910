"""Media records: one per attached file or derived copy. Append-only like the history."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, LargeBinary, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from fieldlog.model.base import Base, UTCDateTime


class Media(Base):
    __tablename__ = "media"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    incident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("incidents.id"), index=True)
    blob: Mapped[str] = mapped_column(String(32))  # random name in the blob store
    sha256: Mapped[str] = mapped_column(String(64), index=True)  # of the original bytes
    size: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))  # image, video, audio, pdf, other
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)
    captured_at: Mapped[str | None] = mapped_column(String(40))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    device: Mapped[str | None] = mapped_column(Text)
    orientation: Mapped[int | None] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)  # why metadata or a preview is missing
    thumbnail: Mapped[bytes | None] = mapped_column(LargeBinary)  # JPEG, kept only in here
    derived_from: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("media.id"), index=True)
    derivation: Mapped[dict[str, Any] | None] = mapped_column(JSON)

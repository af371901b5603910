"""The current view of the evidence: incidents and what was observed in them.

These tables are a projection of the latest revision of each incident (see
``history.py``): they exist to list, filter, search and index quickly. The
record itself is the chain of revisions, which is append-only.
"""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from fieldlog.model.base import Base, UTCDateTime


class Incident(Base):
    __tablename__ = "incidents"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    # Local, stable integer; also the rowid of the incident in the search index.
    number: Mapped[int] = mapped_column(Integer, unique=True)
    revision: Mapped[int] = mapped_column(Integer)
    content_sha256: Mapped[str] = mapped_column(String(64))
    occurred_at: Mapped[str] = mapped_column(String(40))  # ISO 8601 as recorded, with offset
    occurred_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    occurred_date: Mapped[str] = mapped_column(String(10), index=True)  # local calendar date
    occurred_precision: Mapped[str] = mapped_column(String(16))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    location_name: Mapped[str] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(35))
    people_affected: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    sources: Mapped[list[dict[str, Any]]] = mapped_column(JSON)


class IncidentCategory(Base):
    __tablename__ = "incident_categories"

    incident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    category: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class IncidentPerpetrator(Base):
    __tablename__ = "incident_perpetrators"

    incident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    perpetrator: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class Testimony(Base):
    __tablename__ = "testimonies"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    incident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("incidents.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    witness: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(35))
    text: Mapped[str] = mapped_column(Text)
    translation: Mapped[str] = mapped_column(Text)
    consent: Mapped[str] = mapped_column(String(16))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OfficerObservation(Base):
    __tablename__ = "officer_observations"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    incident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("incidents.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    identifier: Mapped[str] = mapped_column(Text)
    identifier_key: Mapped[str] = mapped_column(String(64), index=True)
    identifier_kind: Mapped[str] = mapped_column(String(16))
    unit: Mapped[str] = mapped_column(Text)
    unit_key: Mapped[str] = mapped_column(String(128), index=True)
    visibility: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text)


class VehicleObservation(Base):
    __tablename__ = "vehicle_observations"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    incident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("incidents.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    plate: Mapped[str] = mapped_column(Text)
    plate_key: Mapped[str] = mapped_column(String(64), index=True)
    country: Mapped[str] = mapped_column(String(64))
    unit: Mapped[str] = mapped_column(Text)
    unit_key: Mapped[str] = mapped_column(String(128), index=True)
    plate_visibility: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text)


# Newest first is the order every list starts in.
Index("ix_incidents_occurred_utc_number", Incident.occurred_utc.desc(), Incident.number.desc())

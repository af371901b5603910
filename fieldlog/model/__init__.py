"""The evidence data model (SQLAlchemy 2 typed ORM)."""

from fieldlog.model.base import Base
from fieldlog.model.contacts import (
    Contact,
    RecordProvenance,
    SenderRevision,
    SupersededRevision,
)
from fieldlog.model.history import CustodyEvent, DeviceKey, IncidentRevision
from fieldlog.model.media import Media
from fieldlog.model.records import (
    Incident,
    IncidentCategory,
    IncidentPerpetrator,
    OfficerObservation,
    Testimony,
    VehicleObservation,
)

__all__ = [
    "Base",
    "Contact",
    "CustodyEvent",
    "DeviceKey",
    "Incident",
    "IncidentCategory",
    "IncidentPerpetrator",
    "IncidentRevision",
    "Media",
    "OfficerObservation",
    "RecordProvenance",
    "SenderRevision",
    "SupersededRevision",
    "Testimony",
    "VehicleObservation",
]

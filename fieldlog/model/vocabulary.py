"""The controlled vocabularies of the interchange format (shared/samples/README.md)."""

from enum import StrEnum


class Category(StrEnum):
    POLICE_VIOLENCE = "police_violence"
    TEAR_GAS = "tear_gas"
    DESTRUCTION_OF_BELONGINGS = "destruction_of_belongings"
    EVICTION = "eviction"
    DISTRIBUTION_OBSTRUCTED = "distribution_obstructed"
    ARREST_OR_ID_CHECK = "arrest_or_id_check"
    THREAT_OR_HARASSMENT = "threat_or_harassment"
    FAR_RIGHT_ATTACK = "far_right_attack"
    DEATH_AT_BORDER = "death_at_border"
    OTHER = "other"


class Perpetrator(StrEnum):
    POLICE = "police"
    GENDARMERIE = "gendarmerie"
    PRIVATE_SECURITY = "private_security"
    FAR_RIGHT = "far_right"
    CIVILIAN = "civilian"
    UNKNOWN = "unknown"


class Precision(StrEnum):
    EXACT = "exact"
    APPROXIMATE = "approximate"
    DAY = "day"


class IncidentStatus(StrEnum):
    DRAFT = "draft"
    RECORDED = "recorded"
    VERIFIED = "verified"
    WITHDRAWN = "withdrawn"


class WitnessRole(StrEnum):
    VICTIM = "victim"
    WITNESS = "witness"
    VOLUNTEER = "volunteer"
    OTHER = "other"


class Consent(StrEnum):
    LEGAL = "legal"  # may go to legal teams, with the pseudonym
    ANONYMISED = "anonymised"  # may leave the vault only without the pseudonym
    INTERNAL = "internal"  # never leaves the vault


class IdentifierKind(StrEnum):
    RIO = "rio"
    BADGE = "badge"
    OTHER = "other"


class OfficerVisibility(StrEnum):
    VISIBLE = "visible"
    PARTIAL = "partial"
    HIDDEN = "hidden"
    ABSENT = "absent"


class PlateVisibility(StrEnum):
    VISIBLE = "visible"
    PARTIAL = "partial"
    TAPED = "taped"
    ABSENT = "absent"

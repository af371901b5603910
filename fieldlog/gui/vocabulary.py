"""Visible, translated names for the controlled vocabularies (values stay as stored)."""

from PySide6.QtCore import QCoreApplication


def categories() -> dict[str, str]:
    return {
        "police_violence": QCoreApplication.translate("Vocabulary", "Police violence"),
        "tear_gas": QCoreApplication.translate("Vocabulary", "Tear gas"),
        "destruction_of_belongings": QCoreApplication.translate(
            "Vocabulary", "Belongings destroyed or taken"
        ),
        "eviction": QCoreApplication.translate("Vocabulary", "Eviction"),
        "distribution_obstructed": QCoreApplication.translate(
            "Vocabulary", "Distribution obstructed"
        ),
        "arrest_or_id_check": QCoreApplication.translate("Vocabulary", "Arrest or ID check"),
        "threat_or_harassment": QCoreApplication.translate("Vocabulary", "Threat or harassment"),
        "far_right_attack": QCoreApplication.translate("Vocabulary", "Far-right attack"),
        "death_at_border": QCoreApplication.translate("Vocabulary", "Death at the border"),
        "other": QCoreApplication.translate("Vocabulary", "Other"),
    }


def perpetrators() -> dict[str, str]:
    return {
        "police": QCoreApplication.translate("Vocabulary", "Police"),
        "gendarmerie": QCoreApplication.translate("Vocabulary", "Gendarmerie"),
        "private_security": QCoreApplication.translate("Vocabulary", "Private security"),
        "far_right": QCoreApplication.translate("Vocabulary", "Far right"),
        "civilian": QCoreApplication.translate("Vocabulary", "Civilian"),
        "unknown": QCoreApplication.translate("Vocabulary", "Unknown"),
    }


def precisions() -> dict[str, str]:
    return {
        "exact": QCoreApplication.translate("Vocabulary", "Exact time"),
        "approximate": QCoreApplication.translate("Vocabulary", "Approximate time"),
        "day": QCoreApplication.translate("Vocabulary", "Day only"),
    }


def statuses() -> dict[str, str]:
    return {
        "draft": QCoreApplication.translate("Vocabulary", "Draft"),
        "recorded": QCoreApplication.translate("Vocabulary", "Recorded"),
        "verified": QCoreApplication.translate("Vocabulary", "Verified"),
        "withdrawn": QCoreApplication.translate("Vocabulary", "Withdrawn"),
    }


def roles() -> dict[str, str]:
    return {
        "victim": QCoreApplication.translate("Vocabulary", "Victim"),
        "witness": QCoreApplication.translate("Vocabulary", "Witness"),
        "volunteer": QCoreApplication.translate("Vocabulary", "Volunteer"),
        "other": QCoreApplication.translate("Vocabulary", "Other"),
    }


def consents() -> dict[str, str]:
    return {
        "legal": QCoreApplication.translate(
            "Vocabulary", "Legal: may go to legal teams, with the pseudonym"
        ),
        "anonymised": QCoreApplication.translate(
            "Vocabulary", "Anonymised: may leave the vault only without the pseudonym"
        ),
        "internal": QCoreApplication.translate("Vocabulary", "Internal: never leaves this vault"),
    }


def identifier_kinds() -> dict[str, str]:
    return {
        "rio": QCoreApplication.translate("Vocabulary", "RIO number"),
        "badge": QCoreApplication.translate("Vocabulary", "Badge"),
        "other": QCoreApplication.translate("Vocabulary", "Other"),
    }


def officer_visibilities() -> dict[str, str]:
    return {
        "visible": QCoreApplication.translate("Vocabulary", "Number visible"),
        "partial": QCoreApplication.translate("Vocabulary", "Number partly visible"),
        "hidden": QCoreApplication.translate("Vocabulary", "Number hidden or covered"),
        "absent": QCoreApplication.translate("Vocabulary", "Number not worn"),
    }


def plate_visibilities() -> dict[str, str]:
    return {
        "visible": QCoreApplication.translate("Vocabulary", "Plate visible"),
        "partial": QCoreApplication.translate("Vocabulary", "Plate partly visible"),
        "taped": QCoreApplication.translate("Vocabulary", "Plate taped over"),
        "absent": QCoreApplication.translate("Vocabulary", "No plate"),
    }

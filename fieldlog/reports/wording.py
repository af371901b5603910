"""The sentences of a summary, shared by every format so that they all say the same thing.

Each function returns plain text in the chosen language; the renderers add markup
(and escape it), never words of their own.
"""

from fieldlog.reports import i18n
from fieldlog.reports.fingerprint import short
from fieldlog.reports.i18n import N_, label, ntr, tr
from fieldlog.reports.model import (
    Death,
    Entry,
    IdentifierUse,
    OfficerSeen,
    Quote,
    Source,
    Summary,
    VehicleSeen,
)

SEPARATOR = " · "


def title(lang: str) -> str:
    return tr("Summary of incidents", lang)


def period(summary: Summary, lang: str) -> str:
    return i18n.period(summary.options.since, summary.options.until, lang)


def generated(summary: Summary, lang: str) -> str:
    """The one line that differs between two renderings of the same data and options."""
    moment = summary.generated_at
    return tr("Generated on {day} at {time} UTC", lang).format(
        day=i18n.medium_date(moment.date(), lang),
        time=i18n.time_of_day(moment.strftime("%H:%M"), lang),
    )


def fingerprint_short(summary: Summary) -> str:
    return short(summary.fingerprint)


def categories_option(summary: Summary, lang: str) -> str:
    chosen = summary.options.categories
    if not chosen:
        return tr("all", lang)
    return ", ".join(label(i18n.CATEGORY_LABELS, c, lang) for c in chosen)


def testimony_option(summary: Summary, lang: str) -> str:
    if summary.options.testimony_text:
        return tr("included where consent allows", lang)
    return tr("left out", lang)


def incidents_count(count: int, lang: str) -> str:
    return ntr("{count} incident", "{count} incidents", count, lang)


def people_total(summary: Summary, lang: str) -> str:
    return ntr(
        "{people} in {count} incident where a number was recorded",
        "{people} in {count} incidents where a number was recorded",
        summary.incidents_with_people,
        lang,
        people=i18n.number(summary.people_affected, lang),
    )


def when(entry: Entry, lang: str) -> str:
    """``19:30``, ``approx. 19:30`` or ``time not known``."""
    if entry.time is None:
        return tr("time not known", lang)
    shown = i18n.time_of_day(entry.time, lang)
    if entry.precision == "approximate":
        return tr("approx. {time}", lang).format(time=shown)
    return shown


def facts(entry: Entry, lang: str) -> str:
    """Categories, perpetrators, people affected, testimonies and media of an entry."""
    parts = [", ".join(label(i18n.CATEGORY_LABELS, c, lang) for c in entry.categories)]
    if entry.perpetrators:
        parts.append(", ".join(label(i18n.PERPETRATOR_LABELS, p, lang) for p in entry.perpetrators))
    if entry.people_affected is not None:
        if entry.people_affected == 1:
            parts.append(tr("1 person affected", lang))
        else:
            parts.append(
                tr("{count} people affected", lang).format(
                    count=i18n.number(entry.people_affected, lang)
                )
            )
    parts.append(ntr("{count} testimony", "{count} testimonies", entry.testimonies, lang))
    parts.append(ntr("{count} media file", "{count} media files", entry.media, lang))
    return SEPARATOR.join(p for p in parts if p)


def officer(seen: OfficerSeen, lang: str) -> str:
    """``RIO 12345 (CRS 00, number partly visible)``."""
    kind = label(i18n.IDENTIFIER_KIND_LABELS, seen.kind, lang)
    number = f"{kind} {seen.identifier}" if seen.identifier else ""
    details = [
        d for d in (seen.unit, label(i18n.OFFICER_VISIBILITY_LABELS, seen.visibility, lang)) if d
    ]
    inside = ", ".join(details)
    return f"{number} ({inside})" if number else inside


def vehicle(seen: VehicleSeen, lang: str) -> str:
    """``AB-123-CD (FR) (CRS 8, plate visible)``, or ``CRS, plate taped over, FR``."""
    shown = label(i18n.PLATE_VISIBILITY_LABELS, seen.visibility, lang)
    if seen.plate:
        plate = f"{seen.plate} ({seen.country})" if seen.country else seen.plate
        return f"{plate} ({', '.join(d for d in (seen.unit, shown) if d)})"
    return ", ".join(d for d in (seen.unit, shown, seen.country) if d)


def identifiers(entry: Entry, lang: str) -> str:
    return i18n.list_separator(lang).join(
        [officer(o, lang) for o in entry.officers] + [vehicle(v, lang) for v in entry.vehicles]
    )


def source(item: Source) -> str:
    if item.url and item.title:
        return f"{item.title} — {item.url}"
    return item.title or item.url


def quote_attribution(quote: Quote, lang: str) -> str:
    """``Volunteer B. (volunteer)``, or ``anonymised (victim)``: never a hidden pseudonym."""
    who = quote.witness or tr("anonymised", lang)
    return f"{who} ({label(i18n.ROLE_LABELS, quote.role, lang)})"


def use_units(use: IdentifierUse) -> str:
    return ", ".join(use.units)


def use_hidden(use: IdentifierUse, lang: str) -> str:
    return tr("{hidden} of {total}", lang).format(
        hidden=i18n.number(use.hidden + use.absent, lang),
        total=i18n.number(use.observations, lang),
    )


def officer_kind(use: IdentifierUse, lang: str) -> str:
    return label(i18n.IDENTIFIER_KIND_LABELS, use.detail, lang)


def _visibility(template: str, seen: dict[str, int], keys: tuple[str, ...], lang: str) -> str:
    observations = ntr("{count} observation", "{count} observations", sum(seen.values()), lang)
    return tr(template, lang).format(
        observations=observations, **{k: i18n.number(seen.get(k, 0), lang) for k in keys}
    )


def visibility_officers(summary: Summary, lang: str) -> str:
    return _visibility(
        N_(
            "Officer numbers, {observations}: visible {visible}, partly visible {partial}, "
            "hidden {hidden}, not worn {absent}."
        ),
        summary.visibility.officers,
        ("visible", "partial", "hidden", "absent"),
        lang,
    )


def visibility_plates(summary: Summary, lang: str) -> str:
    return _visibility(
        N_(
            "Vehicle plates, {observations}: visible {visible}, partly visible {partial}, "
            "taped over {taped}, absent {absent}."
        ),
        summary.visibility.plates,
        ("visible", "partial", "taped", "absent"),
        lang,
    )


FINGERPRINT_NOTE = N_(
    "SHA-256 of the records covered (incident, revision, content hash, media) and of the "
    "options (period, categories, testimony text): the same data and options give the same "
    "fingerprint, any change to them another."
)


def fingerprint_note(lang: str) -> str:
    return tr(FINGERPRINT_NOTE, lang)


def death_name(death: Death, lang: str) -> str:
    return death.name or tr("name not known", lang)


def death_age(death: Death, lang: str) -> str:
    return i18n.number(death.age, lang) if death.age is not None else "—"


def death_origin(death: Death) -> str:
    return death.origin or "—"

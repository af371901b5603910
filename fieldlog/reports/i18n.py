"""The words of a summary in English and French: strings, labels, dates, times and numbers.

Every visible string of a summary is an English source string passed to ``tr`` (or ``ntr``
for a count), with its French text in ``FRENCH``. That is the shape Qt Linguist works with
(source text -> translation), so the table can move into the app's ``.ts`` files later; a
test checks that every ``tr``/``ntr`` literal in this package has a French translation.
Placeholders are ``{name}`` fields filled with ``str.format``.

Dates are formatted from the tables below, never from the operating system's locale, so a
summary comes out the same on every machine.
"""

from collections.abc import Iterable
from datetime import date, timedelta

LANGUAGES = ("en", "fr")


def N_(source: str) -> str:  # noqa: N802 - the gettext / QT_TR_NOOP convention
    """Mark a string for translation where it is defined; ``tr`` translates it where shown."""
    return source


# Source strings and their French translations.
FRENCH: dict[str, str] = {
    # headings and header lines
    "Summary of incidents": "Synthèse des incidents",
    "{since} to {until}": "du {since} au {until}",
    "Period": "Période",
    "Generated on {day} at {time} UTC": "Généré le {day} à {time} UTC",
    "Fingerprint": "Empreinte",
    "SHA-256 of the records covered (incident, revision, content hash, media) and of the "
    "options (period, categories, testimony text): the same data and options give the same "
    "fingerprint, any change to them another.": (
        "SHA-256 des fiches couvertes (incident, révision, empreinte du contenu, médias) et "
        "des options (période, catégories, texte des témoignages) : les mêmes données et "
        "options donnent la même empreinte, tout changement une autre."
    ),
    "Categories": "Catégories",
    "all": "toutes",
    "Testimony text": "Texte des témoignages",
    "included where consent allows": "inclus quand le consentement le permet",
    "left out": "omis",
    "Totals": "Totaux",
    "Incidents": "Incidents",
    "Deaths at the border": "Décès à la frontière",
    "By category": "Par catégorie",
    "By perpetrator": "Par auteur",
    "By unit": "Par unité",
    "People affected": "Personnes touchées",
    "{people} in {count} incident where a number was recorded": (
        "{people} dans {count} incident où un nombre a été noté"
    ),
    "{people} in {count} incidents where a number was recorded": (
        "{people} dans {count} incidents où un nombre a été noté"
    ),
    "An incident counts once under each of its categories and perpetrators.": (
        "Un incident compte une fois dans chacune de ses catégories et chacun de ses auteurs."
    ),
    "Incidents per day": "Incidents par jour",
    "Incidents per week": "Incidents par semaine",
    "Incidents per month": "Incidents par mois",
    "Week of {day}": "Semaine du {day}",
    "No incidents in this period.": "Aucun incident sur cette période.",
    "None recorded.": "Rien n'a été enregistré.",
    "Timeline": "Chronologie",
    "Identifiers": "Identifiants",
    "Officer numbers": "Numéros des agents",
    "Vehicle plates": "Plaques des véhicules",
    "Units": "Unités",
    "Officer numbers, {observations}: visible {visible}, partly visible {partial}, "
    "hidden {hidden}, not worn {absent}.": (
        "Numéros des agents, {observations} : visible {visible}, en partie visible "
        "{partial}, caché {hidden}, non porté {absent}."
    ),
    "Vehicle plates, {observations}: visible {visible}, partly visible {partial}, "
    "taped over {taped}, absent {absent}.": (
        "Plaques des véhicules, {observations} : visible {visible}, en partie visible "
        "{partial}, masquée {taped}, absente {absent}."
    ),
    "{count} observation": "{count} observation",
    "{count} observations": "{count} observations",
    "Number": "Numéro",
    "Plate": "Plaque",
    "Unit": "Unité",
    "Dates": "Dates",
    "Hidden or not worn": "Cachés ou non portés",
    "{hidden} of {total}": "{hidden} sur {total}",
    "Name": "Nom",
    "Age": "Âge",
    "Origin": "Origine",
    "Place": "Lieu",
    "Date": "Date",
    "name not known": "nom inconnu",
    "Name, age and origin are taken from the description where it follows the usual "
    "pattern; otherwise the description is shown.": (
        "Le nom, l'âge et l'origine sont tirés de la description quand elle suit la forme "
        "habituelle ; sinon la description est reproduite."
    ),
    "Description": "Description",
    "Identifiers seen": "Identifiants relevés",
    "Sources": "Sources",
    "Source": "Source",
    "anonymised": "anonymisé",
    "Translation": "Traduction",
    "page {page}": "page {page}",
    # the parts of a timeline entry
    "approx. {time}": "vers {time}",
    "time not known": "heure inconnue",
    "{count} people affected": "{count} personnes touchées",
    "1 person affected": "1 personne touchée",
    # plural pairs for ntr: singular and plural source strings
    "{count} testimony": "{count} témoignage",
    "{count} testimonies": "{count} témoignages",
    "{count} media file": "{count} média",
    "{count} media files": "{count} médias",
    "{count} incident": "{count} incident",
    "{count} incidents": "{count} incidents",
    # categories
    "Police violence": "Violences policières",
    "Tear gas": "Gaz lacrymogène",
    "Destruction of belongings": "Destruction d'affaires",
    "Eviction": "Expulsion",
    "Distribution obstructed": "Distribution entravée",
    "Arrest or ID check": "Arrestation ou contrôle d'identité",
    "Threat or harassment": "Menace ou harcèlement",
    "Far-right attack": "Attaque d'extrême droite",
    "Death at the border": "Décès à la frontière",
    "Other": "Autre",
    # perpetrators
    "Police": "Police",
    "Gendarmerie": "Gendarmerie",
    "Private security": "Sécurité privée",
    "Far right": "Extrême droite",
    "Civilian": "Civil",
    "Unknown": "Inconnu",
    # roles of witnesses
    "victim": "victime",
    "witness": "témoin",
    "volunteer": "bénévole",
    "other": "autre",
    # precision
    "exact": "exacte",
    "approximate": "approximative",
    "day": "jour",
    # visibility of an officer's number and of a plate
    "number visible": "numéro visible",
    "number partly visible": "numéro en partie visible",
    "number hidden": "numéro caché",
    "number not worn": "numéro non porté",
    "plate visible": "plaque visible",
    "plate partly visible": "plaque en partie visible",
    "plate taped over": "plaque masquée",
    "no plate": "sans plaque",
    # kinds of identifier
    "RIO": "RIO",
    "badge": "matricule",
    "identifier": "identifiant",
    # CSV column headings
    "incident": "incident",
    "revision": "révision",
    "date": "date",
    "time": "heure",
    "precision": "précision",
    "place": "lieu",
    "latitude": "latitude",
    "longitude": "longitude",
    "title": "titre",
    "description": "description",
    "categories": "catégories",
    "perpetrators": "auteurs",
    "people affected": "personnes touchées",
    "testimonies": "témoignages",
    "media": "médias",
    "officers": "agents",
    "vehicles": "véhicules",
    "sources": "sources",
    "testimony text": "texte des témoignages",
    "content SHA-256": "SHA-256 du contenu",
    "summary fingerprint": "empreinte de la synthèse",
}

CATEGORY_LABELS: dict[str, str] = {
    "police_violence": N_("Police violence"),
    "tear_gas": N_("Tear gas"),
    "destruction_of_belongings": N_("Destruction of belongings"),
    "eviction": N_("Eviction"),
    "distribution_obstructed": N_("Distribution obstructed"),
    "arrest_or_id_check": N_("Arrest or ID check"),
    "threat_or_harassment": N_("Threat or harassment"),
    "far_right_attack": N_("Far-right attack"),
    "death_at_border": N_("Death at the border"),
    "other": N_("Other"),
}
PERPETRATOR_LABELS: dict[str, str] = {
    "police": N_("Police"),
    "gendarmerie": N_("Gendarmerie"),
    "private_security": N_("Private security"),
    "far_right": N_("Far right"),
    "civilian": N_("Civilian"),
    "unknown": N_("Unknown"),
}
OFFICER_VISIBILITY_LABELS: dict[str, str] = {
    "visible": N_("number visible"),
    "partial": N_("number partly visible"),
    "hidden": N_("number hidden"),
    "absent": N_("number not worn"),
}
PLATE_VISIBILITY_LABELS: dict[str, str] = {
    "visible": N_("plate visible"),
    "partial": N_("plate partly visible"),
    "taped": N_("plate taped over"),
    "absent": N_("no plate"),
}
IDENTIFIER_KIND_LABELS: dict[str, str] = {
    "rio": N_("RIO"),
    "badge": N_("badge"),
    "other": N_("identifier"),
}
ROLE_LABELS: dict[str, str] = {
    "victim": N_("victim"),
    "witness": N_("witness"),
    "volunteer": N_("volunteer"),
    "other": N_("other"),
}
PRECISION_LABELS: dict[str, str] = {
    "exact": N_("exact"),
    "approximate": N_("approximate"),
    "day": N_("day"),
}

_DAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}
_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}
_SHORT_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": (
        "janv.",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
        "sept.",
        "oct.",
        "nov.",
        "déc.",
    ),
}
# French typography groups thousands with a narrow no-break space and uses a decimal comma.
_THOUSANDS = {"en": ",", "fr": "\u202f"}
_DECIMAL = {"en": ".", "fr": ","}


def tr(source: str, lang: str) -> str:
    """The text of ``source`` in ``lang`` (English is the source language)."""
    if lang == "fr":
        return FRENCH.get(source, source)
    return source


def ntr(singular: str, plural: str, count: int, lang: str, **values: str) -> str:
    """A string with a count (and other ``values``), in the plural form the language
    uses for that count."""
    # French treats 0 and 1 as singular; English only 1.
    one = count in (0, 1) if lang == "fr" else count == 1
    return tr(singular if one else plural, lang).format(count=number(count, lang), **values)


def list_separator(lang: str) -> str:
    """Between the items of a list that already uses commas: French puts a space before."""
    return " ; " if lang == "fr" else "; "


def label(table: dict[str, str], code: str, lang: str) -> str:
    """A vocabulary code (``tear_gas``) as words; an unknown code is shown as it is."""
    source = table.get(code)
    return tr(source, lang) if source is not None else code


def colon(lang: str) -> str:
    """``:`` after a label; French puts a no-break space before it."""
    return "\u00a0:" if lang == "fr" else ":"


def number(value: int, lang: str) -> str:
    return f"{value:,}".replace(",", _THOUSANDS[lang])


def decimal(value: float, lang: str, places: int = 4) -> str:
    return f"{value:.{places}f}".replace(".", _DECIMAL[lang])


def _day_of_month(day: date, lang: str) -> str:
    return "1er" if lang == "fr" and day.day == 1 else str(day.day)


def long_date(day: date, lang: str) -> str:
    """``Saturday 15 July 2017`` / ``samedi 15 juillet 2017``."""
    return (
        f"{_DAYS[lang][day.weekday()]} {_day_of_month(day, lang)} "
        f"{_MONTHS[lang][day.month - 1]} {day.year}"
    )


def medium_date(day: date, lang: str) -> str:
    """``15 July 2017`` / ``15 juillet 2017``."""
    return f"{_day_of_month(day, lang)} {_MONTHS[lang][day.month - 1]} {day.year}"


def short_date(day: date, lang: str) -> str:
    """``15 Jul`` / ``15 juil.``: chart labels."""
    return f"{_day_of_month(day, lang)} {_SHORT_MONTHS[lang][day.month - 1]}"


def month_label(day: date, lang: str) -> str:
    """``Jul 2017`` / ``juil. 2017``."""
    return f"{_SHORT_MONTHS[lang][day.month - 1]} {day.year}"


def time_of_day(hhmm: str, lang: str) -> str:
    """``19:30`` / ``19 h 30``."""
    if lang == "fr":
        hours, minutes = hhmm.split(":")
        return f"{int(hours)} h {minutes}"
    return hhmm


def period(since: date, until: date, lang: str) -> str:
    return tr("{since} to {until}", lang).format(
        since=medium_date(since, lang), until=medium_date(until, lang)
    )


def date_list(days: Iterable[date], lang: str) -> str:
    """Sorted days, compact: ``13-16, 19 July 2017; 3 August 2017`` (with an en dash).

    Runs of consecutive days become ranges and days are grouped by month, so an identifier
    seen on a hundred days still fits in a paragraph.
    """
    ordered = sorted(set(days))
    months: list[tuple[date, list[str]]] = []
    index = 0
    while index < len(ordered):
        start = ordered[index]
        end = start
        while (
            index + 1 < len(ordered)
            and ordered[index + 1] == end + timedelta(days=1)
            and ordered[index + 1].month == start.month
        ):
            index += 1
            end = ordered[index]
        text = _day_of_month(start, lang)
        if end != start:
            text += f"\u2013{_day_of_month(end, lang)}"  # an en dash between days
        if months and (months[-1][0].year, months[-1][0].month) == (start.year, start.month):
            months[-1][1].append(text)
        else:
            months.append((start, [text]))
        index += 1
    return list_separator(lang).join(
        f"{', '.join(parts)} {_MONTHS[lang][first.month - 1]} {first.year}"
        for first, parts in months
    )

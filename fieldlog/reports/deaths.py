"""Name, age and origin of a person who died at the border, read from the description.

They are not structured fields of the incident format. Coordinators write deaths in one
habitual form, which this reads:

    "Johnsina, 20, from Ethiopia, hit on the motorway by several lorries."
    "Kim Le, from Vietnam, died by suicide in hospital."
    "Omar, 17 ans, originaire du Soudan, ..."

Anything else ("An Afghan man died following an attempt to cross.") gives no name, age or
origin, and the summary shows the description instead. Nothing is guessed.
"""

import re
from dataclasses import dataclass

_NAME = r"(?P<name>[^\W\d_][^,;:.()]{0,60}?)"
_AGE = r"(?:,\s*(?P<age>\d{1,3})(?:\s*(?:ans|years?(?:\s+old)?|yo))?)?"
_ORIGIN = (
    r"(?:,\s*(?:from|originaire\s+d(?:u|e\s+la|es|e|')|venu(?:e)?\s+d(?:u|e|es|'))"
    r"\s*(?P<origin>[^,;:.()]{1,60}?))?"
)
_PATTERN = re.compile(rf"^\s*{_NAME}{_AGE}{_ORIGIN}\s*[,;.]", re.IGNORECASE)

# Descriptions that open with an article or a pronoun are about someone unnamed.
_NOT_NAMES = frozenset(
    [
        "a",
        "an",
        "the",
        "one",
        "two",
        "three",
        "some",
        "unknown",
        "he",
        "she",
        "they",
        "un",
        "une",
        "le",
        "la",
        "les",
        "l",
        "deux",
        "trois",
        "inconnu",
        "inconnue",
        "il",
        "elle",
    ]
)
MAX_AGE = 120


@dataclass(frozen=True)
class PersonDetails:
    name: str | None
    age: int | None
    origin: str | None


NOTHING = PersonDetails(None, None, None)


def person_details(description: str) -> PersonDetails:
    """What the description says of the person, or nothing when it is not in the usual form."""
    found = _PATTERN.match(description)
    if found is None or (found["age"] is None and found["origin"] is None):
        return NOTHING
    name = found["name"].strip()
    first_word = re.split(r"[\s']", name, maxsplit=1)[0].lower()
    if first_word in _NOT_NAMES or not name[0].isupper() or len(name.split()) > 5:
        return NOTHING
    age = int(found["age"]) if found["age"] is not None else None
    if age is not None and age > MAX_AGE:
        return NOTHING
    origin = found["origin"].strip() if found["origin"] else None
    return PersonDetails(name, age, origin)

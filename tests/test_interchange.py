"""The interchange format: the published schema, the three input shapes, safe messages."""

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from fieldlog.errors import InvalidInputError
from fieldlog.interchange import limits
from fieldlog.interchange.document import parse_document, schema, validate_incidents
from tests.conftest import REPO

SECRET = "Witness Q. said the officer 7654321 hit him"


def test_published_schema_is_the_one_enforced() -> None:
    published = json.loads((REPO / "docs" / "incidents.schema.json").read_text("utf-8"))
    assert published == schema()
    Draft202012Validator.check_schema(published)


def test_sample_matches_the_published_schema(sample_document: dict[str, Any]) -> None:
    Draft202012Validator(schema()).validate(sample_document)


def test_three_shapes(sample_document: dict[str, Any]) -> None:
    incidents = sample_document["incidents"]
    as_bytes = [json.dumps(doc).encode() for doc in (sample_document, incidents, incidents[0])]
    assert [len(parse_document(raw)) for raw in as_bytes] == [len(incidents), len(incidents), 1]


def test_a_character_spelled_as_two_escapes_is_kept_and_half_of_one_is_refused(
    sample_document: dict[str, Any],
) -> None:
    incident = {**sample_document["incidents"][0], "title": "Gassed \U0001f62d"}
    raw = json.dumps(incident).encode()  # ensure_ascii: the emoji as \\ud83d\\ude2d
    assert b"\\ud83d\\ude2d" in raw
    assert parse_document(raw)[0]["title"] == "Gassed \U0001f62d"
    with pytest.raises(InvalidInputError, match="half of a character"):
        parse_document(raw.replace(b"\\ude2d", b""))


def bad(incident: dict[str, Any]) -> str:
    with pytest.raises(InvalidInputError) as caught:
        parse_document(json.dumps(incident).encode())
    message = str(caught.value)
    assert "\n" not in message
    assert SECRET not in message
    assert "7654321" not in message
    return message


def base(**changes: Any) -> dict[str, Any]:
    incident: dict[str, Any] = {
        "occurred_at": "2017-07-15T19:30:00+02:00",
        "location": {"name": SECRET},
        "categories": ["tear_gas"],
        "title": SECRET,
        "testimonies": [{"witness": SECRET, "text": SECRET, "consent": "legal"}],
    }
    incident.update(changes)
    return incident


@pytest.mark.parametrize(
    ("incident", "expected"),
    [
        (base(categories=["gassing"]), "categories[0] must be one of police_violence"),
        (base(categories=[]), "categories needs at least 1"),
        ({k: v for k, v in base().items() if k != "title"}, "missing title"),
        (base(testimonies=[{"text": SECRET, "consent": "public"}]), "testimonies[0].consent"),
        (base(testimonies=[{"text": SECRET}]), "testimonies[0] lacks consent"),
        (base(officers=[{"identifier": "7654321"}]), "officers[0] lacks visibility"),
        (base(occurred_at="15/07/2017"), "occurred_at must be a date (2017-07-15) or"),
        (base(language="français!"), "language is not in the expected form"),
        (base(people_affected="7654321"), "people_affected must be a whole number or null"),
        (base(**{SECRET: 1}), "unknown field (a field)"),
        (base(colour="red"), "unknown field colour"),
        (base(location={"name": "x", "lat": 700, "lon": 1}), "location.lat is out of range"),
        (base(location={"name": "x", "lat": 50.9}), "location needs both lat and lon"),
        (base(location={"name": "x", "lon": 1.8}), "location needs both lat and lon"),
        (base(title=" \t\n"), "title must not be empty"),
    ],
)
def test_schema_errors_name_the_field_not_the_value(
    incident: dict[str, Any], expected: str
) -> None:
    assert bad(incident).startswith(expected)


def test_an_error_in_a_list_of_incidents_names_the_incident_by_its_place() -> None:
    with pytest.raises(InvalidInputError) as caught:
        parse_document(json.dumps([base(), base(categories=[])]).encode())
    assert str(caught.value) == "incident 2: categories needs at least 1"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'{"format": "fieldlog-incidents", "version": 1, "incidents": [', "malformed JSON"),
        (
            b'{"format": "other", "version": 1, "incidents": []}',
            "not a FieldLog incidents document",
        ),
        (b'{"format": "fieldlog-incidents", "version": 9, "incidents": []}', "unsupported version"),
        (b'"just a string"', "expected an incident object"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"[" * 100000, "malformed JSON"),
        (
            b'{"title": "Gas", "occurred_at": "2017-07-15", "title": "Tents"}',
            "malformed JSON: a field name appears twice in one object",
        ),
        (b'[{"location": {"name": "a", "name": "b"}}]', "a field name appears twice"),
    ],
)
def test_malformed_documents(raw: bytes, expected: str) -> None:
    with pytest.raises(InvalidInputError, match=expected):
        parse_document(raw)


INCIDENT = {
    "occurred_at": "2017-07-15T19:30:00+02:00",
    "location": {"name": "Calais"},
    "categories": ["tear_gas"],
    "title": "Gas at the distribution",
}
OFFICER = {"visibility": "visible"}
VEHICLE = {"plate_visibility": "visible"}
TESTIMONY = {"text": "They sprayed the food.", "consent": "legal"}


@pytest.mark.parametrize(
    ("path", "build"),
    [
        (("title",), lambda text: {"title": text}),
        (("location", "name"), lambda text: {"location": {"name": text}}),
        (("officers", "identifier"), lambda text: {"officers": [OFFICER | {"identifier": text}]}),
        (("officers", "unit"), lambda text: {"officers": [OFFICER | {"unit": text}]}),
        (("vehicles", "plate"), lambda text: {"vehicles": [VEHICLE | {"plate": text}]}),
        (("vehicles", "country"), lambda text: {"vehicles": [VEHICLE | {"country": text}]}),
        (("testimonies", "witness"), lambda text: {"testimonies": [TESTIMONY | {"witness": text}]}),
    ],
)
def test_the_limits_a_form_applies_are_the_schema_s(path: tuple[str, ...], build: Any) -> None:
    longest = limits.max_length(*path)
    validate_incidents([INCIDENT | build("x" * longest)])
    with pytest.raises(InvalidInputError, match="too long"):
        validate_incidents([INCIDENT | build("x" * (longest + 1))])


def test_coordinates_and_language_codes_as_the_schema_checks_them() -> None:
    for axis in ("lat", "lon"):
        low, high = limits.coordinate_range(axis)
        other = {"lat": "lon", "lon": "lat"}[axis]
        validate_incidents([INCIDENT | {"location": {"name": "Calais", axis: high, other: 0}}])
        with pytest.raises(InvalidInputError, match="out of range"):
            validate_incidents(
                [INCIDENT | {"location": {"name": "Calais", axis: low - 0.5, other: 0}}]
            )
    for code in ("fr", "ar-SD", "und", "ti-ER"):
        assert limits.is_language_tag(code)
        validate_incidents([INCIDENT | {"language": code}])
    for word in ("Arabic (Sudan)", "français", "", "a"):
        assert not limits.is_language_tag(word)
        with pytest.raises(InvalidInputError):
            validate_incidents([INCIDENT | {"language": word}])

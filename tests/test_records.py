"""Recording and reading incidents through the services, on a real encrypted vault."""

import copy
import json
from typing import Any

import pytest
from sqlalchemy import func, select

from fieldlog.errors import InvalidInputError, RecordNotFoundError
from fieldlog.model import CustodyEvent, IncidentRevision
from fieldlog.services.audit import audit_vault
from fieldlog.services.incidents import add_incidents, update_incident
from fieldlog.services.queries import (
    IncidentFilter,
    get_incident,
    identifier_index,
    list_incidents,
    search_incidents,
)
from fieldlog.vault import Vault

Incident = dict[str, Any]


def minimal(**changes: Any) -> Incident:
    incident: Incident = {
        "occurred_at": "2017-07-15T19:30:00+02:00",
        "location": {"name": "Calais"},
        "categories": ["tear_gas"],
        "title": "Gas at the distribution",
    }
    incident.update(changes)
    return incident


def test_sample_round_trips(vault: Vault, sample_incidents: list[Incident]) -> None:
    ids = add_incidents(vault, sample_incidents)
    assert len(ids) == len(set(ids)) == len(sample_incidents)
    for incident_id, given in zip(ids, sample_incidents, strict=True):
        shown = get_incident(vault, str(incident_id))
        assert shown["id"] == str(incident_id)
        assert shown["revision"] == 1
        assert shown["media"] == []
        assert shown["recorded_at"]
        for field, value in given.items():
            if field in ("testimonies", "officers", "vehicles"):
                stripped = [
                    {k: v for k, v in child.items() if k not in ("id", "recorded_at")}
                    for child in shown[field]
                ]
                assert stripped == [
                    {**{k: stripped[i][k] for k in stripped[i]}, **child}
                    for i, child in enumerate(value)
                ]
            else:
                assert shown[field] == value, field


def test_defaults_are_filled_in(vault: Vault) -> None:
    (incident_id,) = add_incidents(vault, [minimal(occurred_at="2017-03-11")])
    shown = get_incident(vault, str(incident_id))
    assert shown["occurred_precision"] == "day"
    assert shown["status"] == "recorded"
    assert shown["perpetrators"] == []
    assert shown["language"] == "und"


def test_a_date_cannot_be_exact(vault: Vault) -> None:
    with pytest.raises(InvalidInputError, match="cannot be 'exact'"):
        add_incidents(vault, [minimal(occurred_at="2017-03-11", occurred_precision="exact")])


def test_a_time_needs_an_offset(vault: Vault) -> None:
    with pytest.raises(InvalidInputError, match="offset"):
        add_incidents(vault, [minimal(occurred_at="2017-03-11T10:00:00")])


def test_add_is_all_or_nothing(vault: Vault) -> None:
    with pytest.raises(InvalidInputError, match="incident 2"):
        add_incidents(vault, [minimal(), minimal(occurred_at="2017-02-30")])
    assert list_incidents(vault) == []


def test_an_existing_id_is_refused(vault: Vault) -> None:
    (incident_id,) = add_incidents(vault, [minimal()])
    with pytest.raises(InvalidInputError, match="already in this vault"):
        add_incidents(vault, [minimal(id=str(incident_id))])


def test_list_is_newest_first_and_filters(vault: Vault, sample_incidents: list[Incident]) -> None:
    add_incidents(vault, sample_incidents)
    everything = list_incidents(vault)
    assert len(everything) == len(sample_incidents)
    keys = [item["occurred_at"][:10] for item in everything]
    assert keys == sorted(keys, reverse=True)

    july = list_incidents(vault, IncidentFilter(since="2017-07-15", until="2017-07-16"))
    expected = [
        i for i in sample_incidents if i["occurred_at"][:10] in ("2017-07-15", "2017-07-16")
    ]
    assert len(july) == len(expected) > 0

    deaths = list_incidents(vault, IncidentFilter(categories=("death_at_border",)))
    assert len(deaths) == sum("death_at_border" in i["categories"] for i in sample_incidents)
    assert all(d["categories"] == ["death_at_border"] for d in deaths)

    assert len(list_incidents(vault, limit=3)) == 3


def test_local_date_decides_the_day(vault: Vault) -> None:
    # 23:30 in Calais on the 15th is the 15th, although it is the 15th 21:30 UTC.
    add_incidents(
        vault,
        [
            minimal(occurred_at="2017-07-15T23:30:00+02:00"),
            minimal(occurred_at="2017-07-16T00:30:00+02:00"),
        ],
    )
    assert len(list_incidents(vault, IncidentFilter(since="2017-07-15", until="2017-07-15"))) == 1


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("gazée", True),
        ("gazee", True),  # accents folded
        ("GAZÉE", True),
        ("verrot", True),  # prefix, as typed
        ("CRS", True),  # identifiers and units are indexed
        ("xylophone", False),
        ('"', False),
        ("zzqq NEAR( AND - * OR", False),  # FTS5 syntax is taken as plain words
    ],
)
def test_search(vault: Vault, sample_incidents: list[Incident], query: str, found: bool) -> None:
    add_incidents(vault, sample_incidents)
    assert bool(search_incidents(vault, query)) is found


def test_search_any_script(vault: Vault) -> None:
    arabic = "أطلقت الشرطة الغاز على الطعام"
    (incident_id,) = add_incidents(
        vault,
        [
            minimal(
                testimonies=[
                    {"text": arabic, "language": "ar", "consent": "legal", "witness": "ع."}
                ]
            )
        ],
    )
    results = search_incidents(vault, "الغاز")
    assert [r["id"] for r in results] == [str(incident_id)]


def test_search_follows_revisions(vault: Vault) -> None:
    (incident_id,) = add_incidents(vault, [minimal(title="Tents slashed")])
    update_incident(vault, str(incident_id), minimal(title="Sleeping bags taken"))
    assert search_incidents(vault, "slashed") == []
    assert [r["id"] for r in search_incidents(vault, "sleeping bags")] == [str(incident_id)]


def test_search_lists_newest_recorded_first_up_to_the_limit(vault: Vault) -> None:
    ids = add_incidents(vault, [minimal(title=f"Tents taken {n}") for n in range(5)])
    ids += add_incidents(vault, [minimal(title="Tents taken again")])
    found = [r["id"] for r in search_incidents(vault, "tents", limit=3)]
    assert found == [str(i) for i in reversed(ids[-3:])]


def test_filtered_search_reaches_past_the_newest_matches(vault: Vault) -> None:
    """Filters are part of the search: the one older match in July is found even
    when more recent matches outside the filter exceed the limit."""
    (july,) = add_incidents(vault, [minimal(occurred_at="2017-07-03", title="Tents taken")])
    add_incidents(vault, [minimal(occurred_at="2017-09-01", title="Tents taken") for _ in range(5)])
    july_only = IncidentFilter(since="2017-07-01", until="2017-07-31")
    assert [r["id"] for r in search_incidents(vault, "tents", limit=3, filters=july_only)] == [
        str(july)
    ]


@pytest.mark.parametrize("sort", ["occurred", "title", "place", "recorded"])
@pytest.mark.parametrize("descending", [True, False])
def test_pages_after_an_incident_match_the_whole_list(
    vault: Vault, sort: str, descending: bool
) -> None:
    """Paging by the last incident seen gives every incident once, ties included."""
    add_incidents(
        vault,
        [
            minimal(
                occurred_at=f"2017-07-{1 + n % 4:02d}",
                title=f"Tents taken {n % 3}",
                location={"name": ["Calais", "Grande-Synthe"][n % 2]},
            )
            for n in range(23)
        ],
    )
    whole = [r["id"] for r in list_incidents(vault, sort=sort, descending=descending)]
    paged: list[str] = []
    while page := list_incidents(
        vault, limit=5, after=paged[-1] if paged else None, sort=sort, descending=descending
    ):
        paged += [r["id"] for r in page]
    assert paged == whole
    assert len(set(paged)) == 23


def test_identifier_index(vault: Vault) -> None:
    first, second, third = add_incidents(
        vault,
        [
            minimal(
                occurred_at="2017-07-01",
                officers=[
                    {
                        "identifier": "123 4567",
                        "identifier_kind": "rio",
                        "unit": "CRS 8",
                        "visibility": "visible",
                    }
                ],
            ),
            minimal(
                occurred_at="2017-07-02",
                officers=[
                    {
                        "identifier": "1234567",
                        "identifier_kind": "rio",
                        "unit": "crs  8",
                        "visibility": "visible",
                    },
                    {
                        "identifier": "",
                        "identifier_kind": "rio",
                        "unit": "CRS 8",
                        "visibility": "hidden",
                    },
                ],
                vehicles=[
                    {
                        "plate": "AB-123-CD",
                        "country": "FR",
                        "unit": "CRS 8",
                        "plate_visibility": "visible",
                    }
                ],
            ),
            minimal(
                occurred_at="2017-07-03",
                vehicles=[{"plate": "ab 123 cd", "country": "FR", "plate_visibility": "partial"}],
            ),
        ],
    )
    index = {(e["kind"], e["key"]): e for e in identifier_index(vault)}
    officer = index[("officer", "1234567")]
    assert officer["incidents"] == [str(first), str(second)]
    assert officer["unit"] in ("CRS 8", "crs  8")
    plate = index[("vehicle", "AB123CD")]
    assert plate["incidents"] == [str(second), str(third)]
    unit = index[("unit", "crs 8")]
    assert unit["incidents"] == [str(first), str(second)]
    assert unit["hidden_or_absent"] == 1
    assert unit["observations"] == 4
    assert ("officer", "") not in index  # a hidden number is not an identifier


def test_edit_makes_a_revision_and_keeps_the_old_one(vault: Vault) -> None:
    (incident_id,) = add_incidents(
        vault,
        [minimal(testimonies=[{"witness": "A.", "text": "first account", "consent": "legal"}])],
    )
    first = get_incident(vault, str(incident_id))
    changed = copy.deepcopy(first)
    changed["title"] = "Gas and arrests at the distribution"
    changed["testimonies"][0]["translation"] = "premier récit"
    changed["testimonies"].append(
        {"witness": "B.", "text": "second account", "consent": "internal"}
    )
    for read_only in ("revision", "media", "recorded_at"):
        changed.pop(read_only)
    _, revision = update_incident(vault, str(incident_id)[:8], changed)
    assert revision == 2
    second = get_incident(vault, str(incident_id))
    assert second["title"] == "Gas and arrests at the distribution"
    assert second["recorded_at"] == first["recorded_at"]
    assert second["testimonies"][0]["id"] == first["testimonies"][0]["id"]
    assert second["testimonies"][0]["recorded_at"] == first["testimonies"][0]["recorded_at"]
    with vault.session() as session:
        contents = session.scalars(
            select(IncidentRevision.content).order_by(IncidentRevision.number)
        ).all()
    assert json.loads(contents[0])["title"] == "Gas at the distribution"
    assert len(contents) == 2
    assert audit_vault(vault).ok


def test_identical_edit_changes_nothing(vault: Vault) -> None:
    (incident_id,) = add_incidents(vault, [minimal()])
    shown = get_incident(vault, str(incident_id))
    with vault.session() as session:
        events_before = session.scalar(select(func.count()).select_from(CustodyEvent))
    _, revision = update_incident(
        vault, str(incident_id), {k: v for k, v in shown.items() if k not in ("media", "revision")}
    )
    assert revision is None
    with vault.session() as session:
        assert session.scalar(select(func.count()).select_from(CustodyEvent)) == events_before


def test_edit_cannot_steal_a_testimony(vault: Vault) -> None:
    first, second = add_incidents(
        vault, [minimal(testimonies=[{"text": "mine", "consent": "legal"}]), minimal()]
    )
    stolen = get_incident(vault, str(first))["testimonies"]
    with pytest.raises(InvalidInputError, match="belongs to another incident"):
        update_incident(vault, str(second), minimal(testimonies=stolen))


def test_unknown_or_ambiguous_ids(vault: Vault) -> None:
    with pytest.raises(RecordNotFoundError):
        get_incident(vault, "00000000-0000-4000-8000-000000000000")
    with pytest.raises(RecordNotFoundError):
        get_incident(vault, "abc")
    with pytest.raises(RecordNotFoundError):
        get_incident(vault, "'; DROP TABLE incidents; --")

"""Merging an incoming record into the one this vault holds: nothing is lost.

The rules, for two records with the same incident id:

* The incident's own fields (time, place, categories, title, description, status,
  sources, ...) take the incoming values: the bundle is the newer word on them, and the
  values they replace stay in this vault's earlier revision, never overwritten.
* Testimonies, officer and vehicle observations are merged by id, as a union: a child
  in either record stays. For a child in both, the incoming version wins, except that an
  empty pseudonym on a testimony with consent ``anonymised`` does not erase the pseudonym
  this vault holds (consent filtering removes it on the way out of every vault it passed
  through, so its absence says nothing), the earliest ``recorded_at`` is kept, and the
  narrower consent of the two holds (``internal`` over ``anonymised`` over ``legal``): a
  witness who narrowed consent here is never exposed by a colleague's older copy, and a
  wider consent has to be given again in each vault.
  So a testimony left out of a bundle (consent ``internal``, or not yet known to its
  sender) is never removed by importing it. The price: a removal in one vault does not
  reach the others, and has to be made in each.
* A child this vault removed stays removed: one that an earlier revision here held and
  the latest does not is not brought back by a bundle that still has it (a witness who
  withdrew consent, an account entered by mistake). It stays in this
  vault's earlier revisions and in the bundle, and the import says how many were left
  out.
* The incident's first ``recorded_at`` is the earlier of the two.
* This vault's children keep their order; children only the bundle has follow, in its
  order. So a record that comes back filtered merges into exactly what is already here.
"""

from datetime import datetime

from fieldlog.interchange.document import Record

CHILDREN = ("testimonies", "officers", "vehicles")


def _earlier(first: str, second: str) -> str:
    return first if datetime.fromisoformat(first) <= datetime.fromisoformat(second) else second


# From the widest consent to the narrowest.
_CONSENT_WIDTH = {"legal": 0, "anonymised": 1, "internal": 2}


def _narrower(first: str, second: str) -> str:
    return first if _CONSENT_WIDTH[first] >= _CONSENT_WIDTH[second] else second


def _merge_child(key: str, local: Record, incoming: Record) -> Record:
    merged = dict(incoming)
    if key == "testimonies":
        if incoming["consent"] == "anonymised" and not incoming["witness"] and local["witness"]:
            merged["witness"] = local["witness"]
        merged["recorded_at"] = _earlier(local["recorded_at"], incoming["recorded_at"])
        merged["consent"] = _narrower(local["consent"], incoming["consent"])
    return merged


def consents_kept_narrower(local: Record, incoming: Record) -> int:
    """How many testimonies in both records the bundle would widen (kept as they are here)."""
    mine = {t["id"]: t["consent"] for t in local["testimonies"]}
    return sum(
        1
        for t in incoming["testimonies"]
        if t["id"] in mine and _CONSENT_WIDTH[mine[t["id"]]] > _CONSENT_WIDTH[t["consent"]]
    )


def removed_children(earlier: list[Record], latest: Record) -> frozenset[str]:
    """Ids of the children that an earlier revision held and the latest one does not."""
    present = {child["id"] for key in CHILDREN for child in latest[key]}
    held = {child["id"] for record in earlier for key in CHILDREN for child in record[key]}
    return frozenset(held - present)


def own_fields(record: Record) -> Record:
    """The incident's own fields, which a merge takes from the bundle (children are a union,
    and the first ``recorded_at`` is kept)."""
    return {key: value for key, value in record.items() if key not in (*CHILDREN, "recorded_at")}


def merge_records(local: Record, incoming: Record, removed: frozenset[str] = frozenset()) -> Record:
    """The union of both records (see the module's rules); both are canonical records.

    ``removed``: ids of the children this vault removed, which stay out.
    """
    merged = own_fields(incoming)
    merged["recorded_at"] = _earlier(local["recorded_at"], incoming["recorded_at"])
    for key in CHILDREN:
        theirs = {child["id"]: child for child in incoming[key]}
        mine = {child["id"] for child in local[key]}
        children = [
            _merge_child(key, child, theirs[child["id"]]) if child["id"] in theirs else child
            for child in local[key]
        ]
        children += [
            child
            for child in incoming[key]
            if child["id"] not in mine and child["id"] not in removed
        ]
        merged[key] = children
    return merged

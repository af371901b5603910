"""An incident's history, read-only: its revisions and the custody events about it."""

import json

from sqlalchemy import or_, select

from fieldlog.interchange.document import Record
from fieldlog.model import CustodyEvent, IncidentRevision, Media
from fieldlog.services.incidents import resolve_id
from fieldlog.vault import Vault


def incident_history(vault: Vault, incident_ref: str) -> Record:
    with vault.session() as session:
        incident_id = resolve_id(session, incident_ref)
        revisions = session.execute(
            select(
                IncidentRevision.id,
                IncidentRevision.number,
                IncidentRevision.created_at,
                IncidentRevision.content,
                IncidentRevision.content_sha256,
            )
            .where(IncidentRevision.incident_id == incident_id)
            .order_by(IncidentRevision.number)
        ).all()
        media_ids = [
            str(m)
            for m in session.scalars(select(Media.id).where(Media.incident_id == incident_id))
        ]
        events = session.scalars(
            select(CustodyEvent)
            .where(
                or_(
                    CustodyEvent.subject_id == str(incident_id),
                    CustodyEvent.subject_id.in_(media_ids),
                )
            )
            .order_by(CustodyEvent.seq)
        ).all()
    return {
        "id": str(incident_id),
        "revisions": [
            {
                "number": r.number,
                "created_at": r.created_at.isoformat(timespec="seconds"),
                "sha256": r.content_sha256,
                "record": json.loads(r.content),
            }
            for r in revisions
        ],
        "events": [
            {
                "seq": e.seq,
                "at": e.at.isoformat(timespec="seconds"),
                "action": e.action,
                "subject": e.subject_id,
                "content_sha256": e.content_sha256,
                "hash": e.hash,
                "signer": e.signer,
            }
            for e in events
        ],
    }

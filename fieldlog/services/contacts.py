"""This vault's public keys, and its contacts: legal teams to export to, volunteers whose
bundles are trusted on import."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from fieldlog.bundles.agestream import parse_identity, parse_recipient
from fieldlog.bundles.signing import check_public_key, fingerprint
from fieldlog.bundles.verify import Trust
from fieldlog.errors import FieldLogError, InvalidInputError, RecordNotFoundError
from fieldlog.model import Contact, DeviceKey
from fieldlog.model.base import utcnow
from fieldlog.vault import Vault

MAX_NAME = 100


@dataclass(frozen=True)
class VaultKeys:
    recipient: str  # age1...: what a volunteer exports to, to reach this vault
    signing_key: str  # Ed25519, hex: what signs this vault's bundles and custody log
    fingerprint: str  # of the signing key, to compare aloud

    def to_json(self) -> dict[str, str]:
        return {
            "recipient": self.recipient,
            "signing_key": self.signing_key,
            "fingerprint": self.fingerprint,
        }


@dataclass(frozen=True)
class ContactInfo:
    name: str
    recipient: str | None
    signing_key: str | None
    added_at: str

    @property
    def fingerprint(self) -> str | None:
        return fingerprint(self.signing_key) if self.signing_key else None

    def to_json(self) -> dict[str, str | None]:
        return {
            "name": self.name,
            "recipient": self.recipient,
            "signing_key": self.signing_key,
            "fingerprint": self.fingerprint,
            "added_at": self.added_at,
        }


def _device_key(vault: Vault, purpose: str) -> DeviceKey:
    with vault.session() as session:
        key = session.get(DeviceKey, purpose)
    if key is None:
        raise FieldLogError("the vault has no device key; it is damaged")
    return key


def vault_keys(vault: Vault) -> VaultKeys:
    signing = _device_key(vault, "signing").public
    return VaultKeys(
        recipient=_device_key(vault, "age").public,
        signing_key=signing,
        fingerprint=fingerprint(signing),
    )


def vault_identity(vault: Vault) -> bytes:
    """The X25519 secret that opens bundles made for this vault (never leaves the process)."""
    return parse_identity(_device_key(vault, "age").secret.decode("ascii"))


def _info(contact: Contact) -> ContactInfo:
    return ContactInfo(
        name=contact.name,
        recipient=contact.recipient,
        signing_key=contact.signing_key,
        added_at=contact.added_at.isoformat(timespec="seconds"),
    )


def add_contact(
    vault: Vault, name: str, *, recipient: str | None = None, signing_key: str | None = None
) -> ContactInfo:
    """A legal team (its recipient), a volunteer (their signing key), or both."""
    name = name.strip()
    if not name or len(name) > MAX_NAME or not name.isprintable():
        raise InvalidInputError(
            "a contact name is 1 to {maximum} printable characters", maximum=MAX_NAME
        )
    if name.startswith("age1"):
        raise InvalidInputError("a contact name cannot start with age1 (that is a recipient)")
    if recipient is None and signing_key is None:
        raise InvalidInputError("give the contact's --recipient, --signing-key, or both")
    if recipient is not None:
        recipient = recipient.strip()
        parse_recipient(recipient)
    if signing_key is not None:
        signing_key = check_public_key(signing_key)
    with vault.writing() as session:
        contact = session.scalar(select(Contact).where(Contact.name == name))
        if contact is None:
            contact = Contact(
                name=name, recipient=recipient, signing_key=signing_key, added_at=utcnow()
            )
            session.add(contact)
        else:
            _complete(contact, recipient=recipient, signing_key=signing_key)
        session.flush()
        return _info(contact)


def _complete(contact: Contact, *, recipient: str | None, signing_key: str | None) -> None:
    """Give a known contact what it lacks (a legal team first trusted by its key, later
    exported to). A recipient or a key it has is never replaced: a changed key must not
    quietly take over a trusted name."""
    added = False
    for field, value in (("recipient", recipient), ("signing_key", signing_key)):
        held = getattr(contact, field)
        if value is None or held == value:
            continue
        if held is not None:
            raise InvalidInputError(
                "that contact already has a different recipient; it is never replaced: "
                "add the new one under another name"
                if field == "recipient"
                else "that contact already has a different signing key; it is never replaced: "
                "add the new one under another name"
            )
        setattr(contact, field, value)
        added = True
    if not added:
        raise InvalidInputError("a contact with that name already exists")


def list_contacts(vault: Vault) -> list[ContactInfo]:
    with vault.session() as session:
        return [_info(c) for c in session.scalars(select(Contact).order_by(Contact.name))]


def resolve_recipients(vault: Vault, refs: Sequence[str]) -> list[str]:
    """Contact names or age1... recipients, as age recipients (in the order given)."""
    if not refs:
        raise InvalidInputError("give at least one --recipient (a contact name or age1...)")
    with vault.session() as session:
        known = {c.name: c.recipient for c in session.scalars(select(Contact))}
    recipients = []
    for ref in refs:
        if ref.startswith("age1"):
            parse_recipient(ref)
            recipients.append(ref)
        elif ref not in known:
            raise RecordNotFoundError(
                "no contact with that name; see 'fieldlog contacts list' or give age1..."
            )
        elif known[ref] is None:
            raise InvalidInputError("that contact has no recipient to export to")
        else:
            recipients.append(str(known[ref]))
    return list(dict.fromkeys(recipients))


def trust_check(vault: Vault) -> Callable[[str], Trust]:
    """Trusted signers: this vault's own key and every contact's signing key."""
    own = vault.signer.public_hex
    with vault.session() as session:
        contacts = {
            c.signing_key: c.name
            for c in session.scalars(select(Contact).where(Contact.signing_key.is_not(None)))
            if c.signing_key is not None
        }

    def check(signer: str) -> Trust:
        if signer == own:
            return Trust(trusted=True, name="this vault")
        if signer in contacts:
            return Trust(trusted=True, name=contacts[signer])
        return Trust(trusted=False)

    return check

"""Errors a person may see.

Every message is one line, says what to do, and never contains user content
(titles, testimonies, identifiers) or key material: messages end up on
terminals, in screenshots and in bug reports.
"""


class FieldLogError(Exception):
    """An expected failure with a message that is safe to show as it is."""


class VaultNotFoundError(FieldLogError):
    pass


class VaultExistsError(FieldLogError):
    pass


class WrongPassphraseError(FieldLogError):
    pass


class VaultInUseError(FieldLogError):
    pass


class VaultDamagedError(FieldLogError):
    pass


DATABASE_DAMAGED = (
    "the vault database is damaged (a page fails its check); restore it from a backup"
)


class InvalidInputError(FieldLogError):
    """Input (JSON, a date, an option) that does not match what is expected."""


class RecordNotFoundError(FieldLogError):
    pass


class EditConflictError(FieldLogError):
    """An edit made on a revision that is no longer the latest (nothing was written)."""

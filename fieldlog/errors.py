"""Errors a person may see.

Every message is one line, says what to do, and never contains user content
(titles, testimonies, identifiers) or key material: messages end up on
terminals, in screenshots and in bug reports.

A message is an English template with ``{name}`` fields given apart, so that the
interface can show it in its own language: it translates the template, then fills
in the fields (a field that is itself a ``Message`` is translated the same way).
``str()`` gives the English sentence, which is what the command line prints. A test
checks that every template in the core has a French translation.
"""


class Message:
    """An English sentence (or a phrase used inside one) and the values of its fields."""

    __slots__ = ("fields", "template")

    def __init__(self, template: str, /, **fields: object) -> None:
        self.template = template
        self.fields = fields

    def __str__(self) -> str:
        return self.template.format_map(self.fields) if self.fields else self.template

    def __repr__(self) -> str:
        return f"Message({self.template!r})"  # the template only: fields may name files


class FieldLogError(Exception):
    """An expected failure with a message that is safe to show as it is."""

    def __init__(self, message: "str | Message", /, **fields: object) -> None:
        if not isinstance(message, Message):
            message = Message(message, **fields)
        elif fields:
            raise TypeError("fields belong in the Message")
        self.message = message
        super().__init__(str(message))


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
